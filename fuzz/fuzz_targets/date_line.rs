//! The first line of the bytes as the date line of a few articles: any date read is a
//! real calendar date, the one its raw text writes, from the line and nowhere else.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dateline_fuzz::run("date_line", data));
