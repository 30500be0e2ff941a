//! The statistics commands on the seeds: golden output in each format.

use predicates::prelude::*;
use serde_json::Value;

use super::{corpus, dateline};

fn stdout_of(args: &[&str]) -> String {
    let output = dateline().args(args).output().expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

#[test]
fn stats_on_the_seeds() {
    insta::assert_snapshot!(stdout_of(&["stats", "seeds"]));
}

#[test]
fn stats_json_has_the_summary_and_the_terms() {
    let value: Value =
        serde_json::from_str(&stdout_of(&["stats", "--format", "json", "--top", "3", "seeds"])).expect("JSON");
    assert_eq!(value["summary"]["articles"], 4);
    assert_eq!(value["summary"]["first_date"], "2023-10-23");
    assert_eq!(value["terms"][0]["term"], "cooperation");
    assert_eq!(value["terms"].as_array().map(Vec::len), Some(3));
}

#[test]
fn terms_in_every_format() {
    insta::assert_snapshot!("terms_table", stdout_of(&["terms", "--top", "10", "seeds"]));
    insta::assert_snapshot!("terms_csv", stdout_of(&["terms", "--top", "10", "--format", "csv", "seeds"]));
    let lines: Vec<Value> = stdout_of(&["terms", "--top", "10", "--format", "jsonl", "seeds"])
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines.len(), 10);
    for key in ["term", "count", "doc_count"] {
        assert!(lines.iter().all(|row| row.get(key).is_some()), "every row has {key}");
    }
}

#[test]
fn term_options_change_what_is_counted() {
    let top = |args: &[&str]| -> String {
        let mut all = vec!["terms", "--top", "1", "--format", "csv"];
        all.extend_from_slice(args);
        all.push("seeds");
        stdout_of(&all).lines().nth(1).unwrap_or_default().to_owned()
    };
    assert!(top(&["--stopwords", "none"]).starts_with("1,the,"), "{}", top(&["--stopwords", "none"]));
    assert!(top(&["--stem"]).starts_with("1,cooperation,"));
    let all = stdout_of(&["terms", "--top", "0", "--no-numbers", "--format", "csv", "seeds"]);
    assert!(!all.lines().any(|l| l.split(',').nth(1).is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()))));
}

#[test]
fn date_ranges_leave_articles_out_and_say_so() {
    dateline()
        .args(["stats", "--since", "2024-01-01", "--until", "2024-06-30", "--format", "csv", "seeds"])
        .assert()
        .success()
        .stdout(predicate::str::contains("articles,1\n"))
        .stderr(predicate::str::contains("3 articles outside --since/--until (or undated) were left out"));
    dateline().args(["stats", "--since", "2024-02-01", "--until", "2024-01-01", "seeds"]).assert().code(2);
}

#[test]
fn a_custom_stopword_file_is_read() {
    let dir = corpus(&[("stop.txt", b"# news words\ncooperation\niran\n")]);
    let out = dateline()
        .args(["terms", "--top", "1", "--format", "csv", "--stopwords"])
        .arg(dir.path().join("stop.txt"))
        .arg("seeds")
        .output()
        .expect("runs");
    // The file replaces the built-in list, so `the` counts again; the file's words do not.
    let out = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.contains("1,the,"), "{out}");
    let all = dateline()
        .args(["terms", "--top", "0", "--format", "csv", "--stopwords"])
        .arg(dir.path().join("stop.txt"))
        .arg("seeds")
        .output()
        .expect("runs");
    let all = String::from_utf8_lossy(&all.stdout).into_owned();
    assert!(!all.contains(",cooperation,") && !all.contains(",Iran,"), "{all}");
}

#[test]
fn tfidf_lists_each_articles_distinctive_terms() {
    insta::assert_snapshot!("tfidf_table", stdout_of(&["tfidf", "--top", "3", "seeds"]));
    let rows: Vec<Value> = stdout_of(&["tfidf", "--top", "2", "--format", "jsonl", "seeds"])
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[2]["path"], "seeds/002_ff26b561ed4a4f97.txt");
    assert_eq!(rows[2]["terms"].as_array().map(Vec::len), Some(2));
    assert!(rows[2]["terms"][0]["score"].as_f64().is_some_and(|s| s > 0.0 && s <= 1.0));
}

#[test]
fn tfidf_presets_and_bounds_are_checked() {
    let sklearn = stdout_of(&["tfidf", "--preset", "sklearn", "--top", "1", "--format", "csv", "seeds"]);
    assert!(sklearn.starts_with("path,rank,term,score\nseeds/000_2110fb2c7be67491.txt,1,the,"), "{sklearn}");
    for preset in ["gensim", "quanteda", "tidytext"] {
        stdout_of(&["tfidf", "--preset", preset, "seeds"]);
    }
    dateline().args(["tfidf", "--preset", "nope", "seeds"]).assert().code(2);
    dateline()
        .args(["tfidf", "--max-df", "0", "seeds"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("max_df must be"));
    dateline()
        .args(["tfidf", "--preset", "sklearn", "--stem", "seeds"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("do not apply"));
}
