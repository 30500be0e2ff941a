//! Any bytes, read as text: an article read without errors renders to text that reads
//! back to it, and rendering is a fixpoint.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dateline_fuzz::run("round_trip", data));
