//! Bad files and bad outputs: every file is accounted for, nothing hangs, nothing panics.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use predicates::prelude::*;

use super::{corpus, dateline};

#[test]
fn a_missing_path_is_an_error_and_the_rest_is_still_read() {
    dateline()
        .args(["check", "no-such-file.txt", "seeds"])
        .assert()
        .code(2)
        .stdout("5 files, 4 articles, 0 warnings, 1 error\n")
        .stderr(predicate::str::contains("no-such-file.txt:1:1: error: cannot read"));
}

#[test]
fn a_binary_file_is_skipped_and_reported() {
    let dir = corpus(&[("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), ("ok.txt", b" date 2024-01-10 Fine.\n")]);
    dateline()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout("2 files, 1 article, 1 warning, 0 errors\n")
        .stderr(predicate::str::contains("image.png:3:1: warning: binary file (NUL byte at byte offset 8), skipped"));
}

#[test]
fn a_closed_pipe_ends_quietly_with_0() {
    // Enough documents that the writer is still going when the reader goes away.
    let article = std::fs::read(super::workspace_root().join("seeds/002_ff26b561ed4a4f97.txt")).expect("seed");
    let names: Vec<String> = (0..2000).map(|i| format!("a/{i:05}.txt")).collect();
    let files: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), article.as_slice())).collect();
    let dir = corpus(&files);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("dateline"))
        .args(["parse", "--format", "jsonl"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut first).expect("one line");
    assert!(first.starts_with("{\"path\""));
    let output = child.wait_with_output().expect("exits");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_is_an_error_with_exit_2() {
    let full = std::fs::File::create("/dev/full").expect("/dev/full exists on Linux");
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("dateline"))
        .current_dir(super::workspace_root())
        .args(["parse", "seeds"])
        .stdout(full)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot write the output") && stderr.contains("No space left"), "{stderr}");
}

/// An unreadable file among readable ones: reported, the others parsed, exit 2. Root reads
/// everything, so as root the binary runs as an unprivileged user through `setpriv`.
#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported_and_the_rest_parsed() {
    use std::os::unix::fs::PermissionsExt;

    let dir = corpus(&[
        ("a.txt", b" date 2024-01-10 One.\n"),
        ("b.txt", b" date 2024-01-11 Two.\n"),
        ("c.txt", b" date 2024-01-12 Three.\n"),
    ]);
    for entry in std::fs::read_dir(dir.path()).expect("list") {
        let path = entry.expect("entry").path();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    }
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    std::fs::set_permissions(dir.path().join("b.txt"), std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // The unprivileged user must reach the binary whatever folder the build is in, so it
    // runs a copy from a folder of its own.
    let bin_dir = tempfile::tempdir().expect("a folder");
    std::fs::set_permissions(bin_dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let binary = bin_dir.path().join("dateline");
    std::fs::copy(assert_cmd::cargo::cargo_bin("dateline"), &binary).expect("a copy of the binary");
    std::fs::set_permissions(&binary, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let is_root = std::process::Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let mut cmd = if is_root {
        let mut cmd = assert_cmd::Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"]).arg(&binary);
        cmd
    } else {
        assert_cmd::Command::new(&binary)
    };
    cmd.args(["parse", "--format", "csv"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stdout(predicate::str::contains("a.txt,,2024-01-10").and(predicate::str::contains("c.txt,,2024-01-12")))
        .stderr(predicate::str::contains("b.txt:1:1: error: cannot read: Permission denied"));
}
