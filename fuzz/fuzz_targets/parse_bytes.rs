//! Any bytes as a file: what the decoder promises, the corpus reader's document, and the
//! same document whatever the line endings.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dateline_fuzz::run("parse_bytes", data));
