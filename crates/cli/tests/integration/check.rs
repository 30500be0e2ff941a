//! `dateline check`: diagnostics, the summary line, exit codes.

use predicates::prelude::*;

use super::{corpus, dateline};

#[test]
fn seeds_are_clean() {
    dateline()
        .args(["check", "seeds"])
        .assert()
        .code(0)
        .stdout("4 files, 4 articles, 0 warnings, 0 errors\n")
        .stderr("");
}

#[test]
fn warnings_only_exit_1() {
    let dir = corpus(&[("undated.txt", b"Some text without any date at all.\n")]);
    dateline()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout("1 file, 1 article, 1 warning, 0 errors\n")
        .stderr(predicate::str::contains("undated.txt:1:1: warning: no publication date found"));
}

#[test]
fn an_impossible_date_is_an_error_at_its_line_and_column() {
    let dir = corpus(&[("bad.txt", b"A headline\n\n  2024-02-30\n\nBody text.\n")]);
    dateline()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.txt:3:3: error: impossible date `2024-02-30`"));
}

#[test]
fn quiet_hides_warnings_but_not_errors() {
    let dir = corpus(&[("a.txt", b"No date here.\n"), ("b.txt", b"2024-13-01\n\nBody.\n")]);
    dateline()
        .args(["check", "--quiet"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a.txt").not().and(predicate::str::contains("b.txt:1:1: error")));
}

#[test]
fn summary_formats() {
    dateline()
        .args(["check", "--format", "jsonl", "seeds"])
        .assert()
        .success()
        .stdout("{\"files\":4,\"articles\":4,\"warnings\":0,\"errors\":0}\n");
    dateline()
        .args(["check", "--format", "csv", "seeds"])
        .assert()
        .success()
        .stdout("files,articles,warnings,errors\n4,4,0,0\n");
}

#[test]
fn stdin_is_read_with_a_dash() {
    dateline()
        .args(["parse", "--format", "csv", "-"])
        .write_stdin(" date 2024-01-10 Ministers met.\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("<stdin>,,2024-01-10,"));
}

#[test]
fn reference_date_lets_year_less_datelines_date_an_article() {
    let dir = corpus(&[("reuters.txt", b"NEW YORK, Feb 26 (Reuters) - Stocks fell on Monday.\n")]);
    dateline()
        .args(["parse", "--format", "csv", "--reference-date", "2024-03-01"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(",2024-02-26,,NEW YORK,Reuters,"))
        .stderr(predicate::str::contains("took 2024 from the reference date 2024-03-01"));
}

#[test]
fn extra_boilerplate_lines_come_from_a_file() {
    let dir = corpus(&[
        ("a.txt", b" date 2024-01-10 Ministers met.\n\nSponsored by Acme\n"),
        ("extra.txt", b"sponsored by acme\n"),
    ]);
    dateline()
        .args(["parse", "--format", "csv", "--boilerplate"])
        .arg(dir.path().join("extra.txt"))
        .arg(dir.path().join("a.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("Sponsored by Acme"));
}

#[test]
fn usage_errors_exit_2() {
    dateline().args(["check"]).assert().code(2);
    dateline().args(["parse", "--format", "xml", "seeds"]).assert().code(2);
    dateline().args(["parse", "--reference-date", "March 1", "seeds"]).assert().code(2);
    dateline()
        .args(["parse", "--boilerplate", "no/such/file", "seeds"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read the boilerplate file no/such/file"));
}

#[test]
fn date_order_settles_numeric_dates_that_read_both_ways() {
    let dir = corpus(&[("a.txt", b"Talks resume\n\n04/03/2024\n\nOfficials met on Monday.\n")]);
    dateline()
        .args(["parse", "--format", "csv"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("4 March 2024 (day first) or 3 April 2024 (month first)"));
    for (order, date) in [("dmy", ",2024-03-04,"), ("mdy", ",2024-04-03,")] {
        dateline()
            .args(["parse", "--format", "csv", "--date-order", order])
            .arg(dir.path())
            .assert()
            .success()
            .stdout(predicate::str::contains(date));
    }
    dateline().args(["parse", "--date-order", "ymd", "seeds"]).assert().code(2);
}

#[test]
fn parse_shows_authors_credits_and_the_update() {
    let dir = corpus(&[(
        "a.txt",
        "Talks resume\n\nPublished: March 3, 2024 09:05 | Updated: March 4, 2024 11:40\n\nBy Maria Lopez\n\nLONDON, March 3 (Reuters) - Officials met.\n\n(Reporting by Ali Kucukgocmen; Editing by Jon Boyle)\n"
            .as_bytes(),
    )]);
    dateline()
        .args(["parse"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("updated      2024-03-04 11:40"))
        .stdout(predicate::str::contains("authors      Maria Lopez, Ali Kucukgocmen"))
        .stdout(predicate::str::contains(
            "credits      By Maria Lopez | (Reporting by Ali Kucukgocmen; Editing by Jon Boyle)",
        ));
    dateline()
        .args(["parse", "--format", "csv"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains(",warnings,errors,authors,credits,updated"))
        .stdout(predicate::str::contains(
            ",0,0,Maria Lopez | Ali Kucukgocmen,By Maria Lopez | (Reporting by Ali Kucukgocmen; Editing by Jon Boyle),2024-03-04 11:40",
        ));
}

#[test]
fn bylines_credits_datelines_and_furniture_are_not_counted() {
    let dir = corpus(&[(
        "a.txt",
        "Talks resume\n\nMarch 3, 2024\n\nBy Maria Lopez\n\n(CNN)Officials met on Monday.\n\n(Reporting by Ali Kucukgocmen; Editing by Jon Boyle)\n\nShare on WhatsApp\n"
            .as_bytes(),
    )]);
    let assert = dateline().args(["terms", "--format", "csv", "--top", "100"]).arg(dir.path()).assert().success();
    let terms = String::from_utf8_lossy(&assert.get_output().stdout).to_lowercase();
    assert!(terms.contains("officials") && terms.contains("talks"), "{terms}");
    for word in ["maria", "lopez", "kucukgocmen", "editing", "cnn", "whatsapp"] {
        assert!(!terms.contains(word), "{word} counted: {terms}");
    }
}
