//! Bad files and bad outputs: every file is accounted for, nothing hangs, nothing panics.

use std::io::{BufRead, BufReader};
use std::path::Path;
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

/// Long enough for a slow, busy machine; short enough that a hang fails the test instead of
/// stalling the suite.
const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// A one-paragraph article dated `date`.
fn dated(date: &str) -> Vec<u8> {
    format!(" date {date} Text.\n").into_bytes()
}

/// The `parse --format csv` row of an article made by [`dated`].
fn row(path: &str, date: &str) -> String {
    format!("{path},,{date},,,,(none): 1,1,,0,0,,,\n")
}

const CSV_HEADER: &str =
    "path,title,date,time,place,agency,sections,paragraphs,boilerplate,warnings,errors,authors,credits,updated\n";

/// The `parse --format csv` row of a file that was not read, with its warnings and errors.
fn unread_row(path: &str, warnings: usize, errors: usize) -> String {
    format!("{path},,,,,,,0,,{warnings},{errors},,,\n")
}

/// The `parse --format csv` header and then `rows`.
fn csv(rows: &[String]) -> String {
    format!("{CSV_HEADER}{}", rows.concat())
}

/// `dateline parse --format csv INPUTS...` run in `dir`, with a timeout so a hang fails.
fn parse_csv(dir: &Path, inputs: &[&str]) -> assert_cmd::assert::Assert {
    dateline().current_dir(dir).args(["parse", "--format", "csv"]).args(inputs).timeout(TIMEOUT).assert()
}

/// `a.txt` and `c.txt`, two good articles, to be read whatever else is in the folder.
fn two_articles() -> tempfile::TempDir {
    corpus(&[("a.txt", &dated("2024-01-10")), ("c.txt", &dated("2024-01-12"))])
}

#[cfg(unix)]
#[test]
fn a_dangling_link_is_an_error_and_the_rest_is_read() {
    let dir = two_articles();
    std::os::unix::fs::symlink("gone.txt", dir.path().join("b.txt")).expect("a link");
    let message = "b.txt:1:1: error: cannot read: broken symbolic link (No such file or directory";
    parse_csv(dir.path(), &["."])
        .code(2)
        .stdout(csv(&[row("./a.txt", "2024-01-10"), unread_row("./b.txt", 0, 1), row("./c.txt", "2024-01-12")]))
        .stderr(predicate::str::starts_with(format!("./{message}")));
    parse_csv(dir.path(), &["a.txt", "b.txt", "c.txt"])
        .code(2)
        .stdout(csv(&[row("a.txt", "2024-01-10"), unread_row("b.txt", 0, 1), row("c.txt", "2024-01-12")]))
        .stderr(predicate::str::starts_with(message));
}

/// Two links pointing at each other cannot be read: an error. A link to a folder the walk is
/// in would be walked forever: skipped with a warning, its files read once by their own path.
#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported_and_the_rest_is_read_once() {
    let dir = two_articles();
    std::os::unix::fs::symlink("loop-2", dir.path().join("loop-1")).expect("a link");
    std::os::unix::fs::symlink("loop-1", dir.path().join("loop-2")).expect("a link");
    std::fs::create_dir(dir.path().join("sub")).expect("a folder");
    std::fs::write(dir.path().join("sub/d.txt"), dated("2024-01-13")).expect("a file");
    std::os::unix::fs::symlink("..", dir.path().join("sub/up")).expect("a link");
    let output = parse_csv(dir.path(), &["."])
        .code(2)
        .stdout(csv(&[
            row("./a.txt", "2024-01-10"),
            row("./c.txt", "2024-01-12"),
            unread_row("./loop-1", 0, 1),
            unread_row("./loop-2", 0, 1),
            row("./sub/d.txt", "2024-01-13"),
            unread_row("./sub/up", 1, 0),
        ]))
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&output.stderr);
    for line in [
        "./loop-1:1:1: error: cannot read: symbolic link loop (",
        "./loop-2:1:1: error: cannot read: symbolic link loop (",
        "./sub/up:1:1: warning: symbolic link to a folder it is in (a loop), skipped",
    ] {
        assert!(stderr.contains(line), "{line} in\n{stderr}");
    }
    dateline()
        .current_dir(dir.path())
        .args(["check", "a.txt", "loop-1", "c.txt"])
        .timeout(TIMEOUT)
        .assert()
        .code(2)
        .stdout("3 files, 2 articles, 0 warnings, 1 error\n")
        .stderr(predicate::str::starts_with("loop-1:1:1: error: cannot read: symbolic link loop ("));
}

/// A folder is a folder whatever its name: `x.txt/` named on the command line, or met in a
/// walk, is read recursively.
#[test]
fn a_folder_named_like_a_file_is_read_as_a_folder() {
    let dir = corpus(&[
        ("a.txt", &dated("2024-01-10")),
        ("x.txt/inner.txt", &dated("2024-01-11")),
        ("x.txt/y.txt/deeper.txt", &dated("2024-01-12")),
        ("z.txt", &dated("2024-01-13")),
    ]);
    parse_csv(dir.path(), &["."])
        .code(0)
        .stdout(csv(&[
            row("./a.txt", "2024-01-10"),
            row("./x.txt/inner.txt", "2024-01-11"),
            row("./x.txt/y.txt/deeper.txt", "2024-01-12"),
            row("./z.txt", "2024-01-13"),
        ]))
        .stderr("");
    parse_csv(dir.path(), &["x.txt", "a.txt"])
        .code(0)
        .stdout(csv(&[
            row("x.txt/inner.txt", "2024-01-11"),
            row("x.txt/y.txt/deeper.txt", "2024-01-12"),
            row("a.txt", "2024-01-10"),
        ]))
        .stderr("");
}

fn mkfifo(path: &std::path::Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

/// Opening a FIFO waits until something writes to it; nothing ever will here. Whether named
/// or met in a folder, it is skipped with a warning, without being opened.
#[cfg(unix)]
#[test]
fn a_fifo_is_skipped_with_a_warning_and_never_blocks() {
    let dir = two_articles();
    mkfifo(&dir.path().join("b.txt"));
    parse_csv(dir.path(), &["."])
        .code(1)
        .stdout(csv(&[row("./a.txt", "2024-01-10"), unread_row("./b.txt", 1, 0), row("./c.txt", "2024-01-12")]))
        .stderr("./b.txt:1:1: warning: not a regular file (a FIFO), skipped\n");
    parse_csv(dir.path(), &["a.txt", "b.txt", "c.txt"])
        .code(1)
        .stdout(csv(&[row("a.txt", "2024-01-10"), unread_row("b.txt", 1, 0), row("c.txt", "2024-01-12")]))
        .stderr(
            "b.txt:1:1: warning: not a regular file (a FIFO), skipped \
             (to read a pipe, send it to standard input and give `-`)\n",
        );
}

/// 2000 copies of seed 002 in one folder: `parse --format jsonl` writes far more than a
/// pipe holds before it reads the second batch of files.
fn many_articles() -> tempfile::TempDir {
    let article = std::fs::read(super::workspace_root().join("seeds/002_ff26b561ed4a4f97.txt")).expect("seed");
    let names: Vec<String> = (0..2000).map(|i| format!("{i:05}.txt")).collect();
    let files: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), article.as_slice())).collect();
    corpus(&files)
}

/// The folder is listed before the first document comes out, and the reader works in
/// batches far smaller than 2000 files: while the test has read one line, the process waits
/// on the full pipe, long before it reads the last file. That file is deleted then. (Were the
/// file read before the deletion, or never listed, the test would fail, not pass.)
#[test]
fn a_file_deleted_during_the_run_is_an_error_and_the_rest_is_read() {
    let dir = many_articles();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("dateline"))
        .current_dir(dir.path())
        .args(["parse", "--format", "jsonl", "."])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    stdout.read_line(&mut first).expect("one line");
    assert!(first.starts_with("{\"path\":\"./00000.txt\""), "{first}");
    std::fs::remove_file(dir.path().join("01999.txt")).expect("deletes the last file");
    let records: Vec<serde_json::Value> = std::iter::once(Ok(first))
        .chain(stdout.lines())
        .map(|line| serde_json::from_str(&line.expect("a line")).expect("JSON"))
        .collect();
    let output = child.wait_with_output().expect("exits");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert_eq!(records.len(), 2000, "every file is accounted for");
    for (i, record) in records.iter().enumerate() {
        assert_eq!(record["path"], format!("./{i:05}.txt"));
        if i == 1999 {
            let message = record["diagnostics"][0]["message"].as_str().unwrap_or_default();
            assert_eq!(record.get("title"), None);
            assert!(message.starts_with("cannot read: No such file or directory"), "{record}");
        } else {
            assert_eq!(record["date"], "2024-09-15", "{record}");
            assert_eq!(record["dateline"]["place"], "TEHRAN", "{record}");
            assert_eq!(record["diagnostics"], serde_json::json!([]), "{record}");
        }
    }
    assert!(stderr.starts_with("./01999.txt:1:1: error: cannot read: No such file or directory"), "{stderr}");
}

/// On Linux a file name is any bytes but `/` and NUL. Such a name is shown with `\xHH` for
/// each byte that is not UTF-8 (and `\\` for a backslash): readable, distinct from every
/// other name, and the same in CSV, JSON, tables and diagnostics.
#[cfg(target_os = "linux")]
#[test]
fn a_name_that_is_not_utf8_is_shown_losslessly() {
    use std::os::unix::ffi::OsStrExt;

    let dir = two_articles();
    for (name, date) in [(&b"b\xFE.txt"[..], "2024-01-13"), (b"b\xFF.txt", "2024-01-14"), (b"b\\xFF.txt", "2024-01-15")]
    {
        std::fs::write(dir.path().join(std::ffi::OsStr::from_bytes(name)), dated(date)).expect("a file");
    }
    // Sorted by bytes: `\` (0x5C) before 0xFE and 0xFF.
    parse_csv(dir.path(), &["."])
        .code(0)
        .stdout(csv(&[
            row("./a.txt", "2024-01-10"),
            row(r"./b\\xFF.txt", "2024-01-15"),
            row(r"./b\xFE.txt", "2024-01-13"),
            row(r"./b\xFF.txt", "2024-01-14"),
            row("./c.txt", "2024-01-12"),
        ]))
        .stderr("");
    let output = dateline()
        .current_dir(dir.path())
        .args(["parse", "--format", "jsonl", "."])
        .timeout(TIMEOUT)
        .output()
        .expect("runs");
    let paths: Vec<String> = String::from_utf8(output.stdout)
        .expect("JSON is UTF-8")
        .lines()
        .map(|line| {
            let record: serde_json::Value = serde_json::from_str(line).expect("JSON");
            record["path"].as_str().expect("a path").to_owned()
        })
        .collect();
    assert_eq!(paths, ["./a.txt", r"./b\\xFF.txt", r"./b\xFE.txt", r"./b\xFF.txt", "./c.txt"]);
    // Named on the command line, in a table, and in a diagnostic.
    std::fs::write(dir.path().join(std::ffi::OsStr::from_bytes(b"empty\xFF.txt")), "").expect("a file");
    dateline()
        .current_dir(dir.path())
        .arg("parse")
        .arg(std::ffi::OsStr::from_bytes(b"b\xFF.txt"))
        .arg(std::ffi::OsStr::from_bytes(b"empty\xFF.txt"))
        .timeout(TIMEOUT)
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("b\\xFF.txt\n  title        -\n  date         2024-01-14\n"))
        .stdout(predicate::str::contains("\nempty\\xFF.txt\n  no article"))
        .stderr(predicate::str::starts_with("empty\\xFF.txt:1:1: warning: "));
}

/// `dateline ... | head -1` in a real shell: the first line, then quietly exit 0 when the
/// pipe closes, whether the output is streamed (`parse`) or written at the end (`kwic`).
#[cfg(unix)]
#[test]
fn piped_into_head_it_ends_quietly_with_0() {
    let dir = many_articles();
    for args in ["parse --format jsonl .", "kwic --query the --top 0 ."] {
        // The shell does not give a pipeline's first status, so dateline writes it to a file.
        let script = format!(r#"{{ "$0" {args}; echo $? > status; }} | head -1"#);
        let output = std::process::Command::new("sh")
            .current_dir(dir.path())
            .arg("-c")
            .arg(script)
            .arg(assert_cmd::cargo::cargo_bin("dateline"))
            .output()
            .expect("runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(stdout.lines().count(), 1, "{args}: {stdout}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{args}");
        let status = std::fs::read_to_string(dir.path().join("status")).expect("the status");
        assert_eq!(status, "0\n", "{args}");
        std::fs::remove_file(dir.path().join("status")).expect("removed");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn every_command_reports_a_full_disk_with_exit_2() {
    for args in [
        &["stats", "seeds"][..],
        &["terms", "--format", "csv", "seeds"],
        &["check", "seeds"],
        &["parse", "--format", "jsonl", "seeds"],
    ] {
        let full = std::fs::File::create("/dev/full").expect("/dev/full exists on Linux");
        let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("dateline"))
            .current_dir(super::workspace_root())
            .args(args)
            .stdout(full)
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr, "dateline: error: cannot write the output: No space left on device (os error 28)\n");
    }
}

/// The names in `dir`, sorted.
fn listing(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("lists")
        .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Polls `ready` until it holds, failing the test after [`TIMEOUT`].
fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + TIMEOUT;
    while !ready() {
        assert!(std::time::Instant::now() < deadline, "gave up waiting: {what}");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// Sends SIGINT, as Ctrl-C does, and waits for the process to end (killing it, and failing,
/// after [`TIMEOUT`]).
#[cfg(unix)]
fn interrupt(child: std::process::Child) -> std::process::Output {
    send_signal(child, "INT")
}

/// Sends the signal `name` (`INT`, `TERM`, ...) and waits as [`interrupt`] does.
#[cfg(unix)]
fn send_signal(mut child: std::process::Child, name: &str) -> std::process::Output {
    let sent =
        std::process::Command::new("kill").args([&format!("-{name}"), &child.id().to_string()]).status().expect("kill");
    assert!(sent.success());
    let deadline = std::time::Instant::now() + TIMEOUT;
    while child.try_wait().expect("waits").is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("still running {TIMEOUT:?} after SIG{name}");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    child.wait_with_output().expect("exits")
}

/// A topic model trained for a hundred million sweeps: still going when the signal comes.
fn endless_training() -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("dateline"));
    cmd.current_dir(super::workspace_root())
        .args(["topics", "-k", "2", "--iterations", "100000000", "--threads", "1", "seeds"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// Ctrl-C during a run with `--output FILE`: exit 130, the temporary file removed, and FILE
/// as it was before (absent, or with its old contents).
#[cfg(unix)]
#[test]
fn ctrl_c_exits_with_130_and_leaves_no_half_written_output() {
    for old in [None, Some("old results\n")] {
        let dir = tempfile::tempdir().expect("a folder");
        let out = dir.path().join("topics.txt");
        if let Some(text) = old {
            std::fs::write(&out, text).expect("writes");
        }
        let child = endless_training().arg("--output").arg(&out).spawn().expect("spawns");
        // The temporary file is made once Ctrl-C is handled, before any work.
        let before = usize::from(old.is_some());
        wait_until("the temporary file", || listing(dir.path()).len() > before);
        assert!(listing(dir.path()).iter().any(|name| name.starts_with(".topics.txt.")));
        let output = interrupt(child);
        assert_eq!(output.status.code(), Some(130), "{}", String::from_utf8_lossy(&output.stderr));
        assert_eq!(output.stdout, b"");
        match old {
            None => assert_eq!(listing(dir.path()), Vec::<String>::new()),
            Some(text) => {
                assert_eq!(listing(dir.path()), ["topics.txt"]);
                assert_eq!(std::fs::read_to_string(&out).expect("reads"), text);
            }
        }
    }
}

/// SIGTERM (a `kill`, a job scheduler's time limit) and SIGHUP (a closed terminal) clean up
/// the same way, with the shell's statuses for them: 143 and 129.
#[cfg(unix)]
#[test]
fn sigterm_and_sighup_leave_no_half_written_output_either() {
    for (name, status) in [("TERM", 143), ("HUP", 129)] {
        let dir = tempfile::tempdir().expect("a folder");
        let out = dir.path().join("topics.txt");
        let child = endless_training().arg("--output").arg(&out).spawn().expect("spawns");
        wait_until("the temporary file", || !listing(dir.path()).is_empty());
        let output = send_signal(child, name);
        assert_eq!(output.status.code(), Some(status), "SIG{name}: {}", String::from_utf8_lossy(&output.stderr));
        assert_eq!(listing(dir.path()), Vec::<String>::new(), "SIG{name}");
    }
}

/// Ctrl-C without `--output`: exit 130 too. Linux lists the signals a process handles in
/// /proc, so the signal is sent once dateline is ready for it.
#[cfg(target_os = "linux")]
#[test]
fn ctrl_c_exits_with_130() {
    let child = endless_training().spawn().expect("spawns");
    let status = format!("/proc/{}/status", child.id());
    let handles_sigint = || {
        std::fs::read_to_string(&status)
            .ok()
            .and_then(|text| {
                let mask = text.lines().find_map(|line| line.strip_prefix("SigCgt:"))?;
                u64::from_str_radix(mask.trim(), 16).ok()
            })
            // SIGINT is signal 2, bit 1.
            .is_some_and(|mask| mask & 0b10 != 0)
    };
    wait_until("a SIGINT handler", handles_sigint);
    let output = interrupt(child);
    assert_eq!(output.status.code(), Some(130), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(output.stdout, b"");
}
