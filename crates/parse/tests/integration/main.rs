//! Integration tests of dateline-parse: seeds, fixtures, laws, and generated large inputs.

mod fixtures;
mod large;
mod laws;
mod seeds;
