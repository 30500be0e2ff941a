//! Any bytes, read as text, through both parsers: spans, texts, diagnostics' positions,
//! the publication date against its raw text, and strict agreeing with lenient.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dateline_fuzz::run("parse_str", data));
