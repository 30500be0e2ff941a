//! Replays what the fuzzers found, and the seeds they start from, through the invariants the
//! fuzz targets check (`testkit::FUZZ_TARGETS`), so a plain `cargo test` keeps every finding
//! fixed.
//!
//! `tests/fuzz-failures/<target>/` holds minimised inputs that once broke the target of that
//! name (see `fuzz/README.md`); each is replayed through that target. The fixtures, the seed
//! articles and `fuzz/seeds/<target>/` are the fuzzers' seed corpus; every one goes through
//! every target.

use std::path::{Path, PathBuf};

use dateline_parse::testkit::{FUZZ_TARGETS, FuzzTarget};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The files directly inside `dir`, in sorted order.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries.map(|entry| entry.expect("a readable folder entry").path()).collect();
    files.sort();
    files
}

fn target(name: &str) -> FuzzTarget {
    FUZZ_TARGETS
        .iter()
        .find(|(target, _)| *target == name)
        .map(|&(_, check)| check)
        .unwrap_or_else(|| panic!("no fuzz target is called {name:?}"))
}

/// Runs each file through `check`, gathering every failure so one run shows them all.
fn replay(files: &[PathBuf], name: &str, check: FuzzTarget, failures: &mut Vec<String>) {
    for file in files {
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        if let Err(broken) = check(&bytes) {
            failures.push(format!("{name} on {}: {broken}", file.display()));
        }
    }
}

#[test]
fn fuzz_failures_stay_fixed() {
    let root = manifest_dir().join("tests/fuzz-failures");
    let mut failures = Vec::new();
    let mut replayed = 0;
    for dir in files_in(&root) {
        let name = dir.file_name().and_then(|n| n.to_str()).expect("a folder named after a fuzz target");
        assert!(dir.is_dir(), "{}: fuzz-failures holds one folder per target, nothing else", dir.display());
        let files = files_in(&dir);
        replay(&files, name, target(name), &mut failures);
        replayed += files.len();
    }
    assert!(replayed > 0, "no fuzz findings under {}", root.display());
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn fuzz_seed_corpus_holds_every_invariant() {
    let workspace = manifest_dir().join("../..");
    let mut dirs = vec![manifest_dir().join("tests/fixtures"), workspace.join("seeds")];
    dirs.extend(
        FUZZ_TARGETS.iter().map(|(name, _)| workspace.join("fuzz/seeds").join(name)).filter(|dir| dir.is_dir()),
    );
    let files: Vec<PathBuf> = dirs.iter().flat_map(|dir| files_in(dir)).collect();
    let mut failures = Vec::new();
    for &(name, check) in &FUZZ_TARGETS {
        replay(&files, name, check, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
