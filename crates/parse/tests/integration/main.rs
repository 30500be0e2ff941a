//! Integration tests of dateline-parse: seeds, fixtures, laws, malformed input, and generated
//! large inputs.

mod fixtures;
mod fuzz_failures;
// `pub`: the fuzz targets include this file too, and call its functions from outside.
pub mod invariants;
mod large;
mod laws;
mod malformed;
mod seeds;
