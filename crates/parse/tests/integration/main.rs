//! Integration tests of dateline-parse: seeds, fixtures, laws, malformed input, and generated
//! large inputs.

mod fixtures;
mod fuzz_failures;
mod large;
mod laws;
mod malformed;
mod regressions;
mod seeds;
