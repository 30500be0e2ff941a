//! Integration tests of the `dateline` binary, and the workspace's tidy checks.

mod actors;
mod check;
mod faults;
mod formats;
mod output;
mod parquet;
mod readme;
mod report;
mod reuse;
mod stats;
mod tidy;
mod top;
mod topics;

use std::path::PathBuf;

use assert_cmd::Command;

/// The `dateline` binary, run from the workspace root so paths like `seeds/` read as in the README.
fn dateline() -> Command {
    let mut cmd = Command::cargo_bin("dateline").expect("the binary is built");
    cmd.current_dir(workspace_root());
    cmd
}

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Writes `files` (name, bytes) into a fresh temporary folder.
fn corpus(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folders");
        }
        std::fs::write(path, bytes).expect("a file");
    }
    dir
}
