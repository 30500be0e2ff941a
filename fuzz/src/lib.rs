//! What the fuzz targets share: the parser's invariants, from the parse crate's tests.
//!
//! The file is included by its path so that the targets and the replay test in
//! `crates/parse/tests/integration/fuzz_failures.rs` run one copy of every check.

#[path = "../../crates/parse/tests/integration/invariants.rs"]
pub mod invariants;

/// Runs `check` on the fuzzer's bytes and panics with what broke, which libFuzzer reports as
/// a crash and saves the input for.
pub fn run(check: invariants::Target, data: &[u8]) {
    if let Err(broken) = check(data) {
        panic!("invariant broken: {broken}");
    }
}
