//! What the fuzz targets share: running a check of dateline-parse's `testkit` (the invariants
//! the parse crate's laws and users' property tests check too) as libFuzzer expects.

pub use dateline_parse::testkit::FUZZ_TARGETS;

/// Runs the check `FUZZ_TARGETS` lists as `name` on the fuzzer's bytes and panics with what
/// broke, which libFuzzer reports as a crash and saves the input for.
pub fn run(name: &str, data: &[u8]) {
    let Some((_, check)) = FUZZ_TARGETS.iter().find(|(target, _)| *target == name) else {
        panic!("no fuzz target is called {name:?}");
    };
    if let Err(broken) = check(data) {
        panic!("invariant broken: {broken}");
    }
}
