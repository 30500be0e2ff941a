//! `--output FILE`: the same bytes as standard output, written whole or not at all.

use predicates::prelude::*;

use super::{corpus, dateline};

/// The names in `dir`, sorted.
fn listing(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("lists")
        .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn output_holds_what_stdout_would_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().expect("a folder");
    let out = dir.path().join("out");
    for args in [&["stats", "seeds"][..], &["parse", "--format", "jsonl", "seeds"], &["check", "seeds"]] {
        let expected = dateline().args(args).output().expect("runs");
        assert_eq!(expected.status.code(), Some(0));
        for option in ["--output", "-o"] {
            dateline().args(args).arg(option).arg(&out).assert().code(0).stdout("");
            assert_eq!(std::fs::read(&out).expect("the output"), expected.stdout, "{args:?} {option}");
        }
    }
    assert_eq!(listing(dir.path()), ["out"], "no temporary file is left");
    // `-` is standard output.
    dateline()
        .args(["check", "--output", "-", "seeds"])
        .assert()
        .code(0)
        .stdout("4 files, 4 articles, 0 warnings, 0 errors\n");
}

/// A file that failed is reported, and the output, with its record, is still written.
#[test]
fn output_is_written_when_an_input_fails() {
    let dir = tempfile::tempdir().expect("a folder");
    let out = dir.path().join("articles.csv");
    dateline()
        .args(["parse", "--format", "csv", "no-such-file.txt", "seeds", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("no-such-file.txt:1:1: error: cannot read"));
    let written = std::fs::read_to_string(&out).expect("the output");
    assert_eq!(written.lines().count(), 6, "a header and five files:\n{written}");
    assert!(written.contains("\nseeds/002_ff26b561ed4a4f97.txt,\"Tehran, Moscow"), "{written}");
}

/// A run that fails leaves an existing FILE as it was, and no temporary file beside it.
#[test]
fn a_failed_run_leaves_the_old_output_untouched() {
    let dir = tempfile::tempdir().expect("a folder");
    let out = dir.path().join("mixtures.csv");
    std::fs::write(&out, "old results\n").expect("writes");
    dateline()
        .args(["topics", "infer", "--model", "no-such-model.json", "--format", "csv", "seeds", "--output"])
        .arg(&out)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("cannot open the model no-such-model.json"));
    assert_eq!(std::fs::read_to_string(&out).expect("reads"), "old results\n");
    assert_eq!(listing(dir.path()), ["mixtures.csv"]);
}

#[test]
fn an_output_that_cannot_be_made_is_an_error_before_any_work() {
    let dir = tempfile::tempdir().expect("a folder");
    let missing = dir.path().join("missing/out.txt");
    dateline().args(["stats", "seeds", "--output"]).arg(&missing).assert().code(2).stdout("").stderr(format!(
        "dateline: error: cannot write the output to {}: No such file or directory (os error 2)\n",
        missing.display()
    ));
    dateline()
        .args(["stats", "seeds", "--output"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(format!("dateline: error: cannot write the output to {}: it is a folder\n", dir.path().display()));
    assert_eq!(listing(dir.path()), Vec::<String>::new());
}

/// Written into the folder being read, the output (under its temporary name) is not read as
/// an article.
#[test]
fn an_output_inside_the_corpus_is_not_read_as_an_article() {
    let dir = corpus(&[("a.txt", b" date 2024-01-10 One.\n"), ("c.txt", b" date 2024-01-12 Three.\n")]);
    dateline()
        .current_dir(dir.path())
        .args(["parse", "--format", "csv", "-o", "out.csv", "."])
        .assert()
        .code(0)
        .stdout("")
        .stderr("");
    let written = std::fs::read_to_string(dir.path().join("out.csv")).expect("the output");
    assert_eq!(
        written,
        "path,title,date,time,place,agency,sections,paragraphs,boilerplate,warnings,errors,authors,credits,updated\n\
         ./a.txt,,2024-01-10,,,,(none): 1,1,,0,0,,,\n\
         ./c.txt,,2024-01-12,,,,(none): 1,1,,0,0,,,\n"
    );
    assert_eq!(listing(dir.path()), ["a.txt", "c.txt", "out.csv"]);
}

/// Something other than a regular file, such as `/dev/null`, is written to as it is.
#[cfg(unix)]
#[test]
fn an_output_that_is_a_device_is_written_in_place() {
    dateline().args(["stats", "seeds", "--output", "/dev/null"]).assert().code(0).stdout("");
}
