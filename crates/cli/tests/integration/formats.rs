//! `dateline parse` in each format, on the seeds.

use predicates::prelude::*;
use serde_json::Value;

use super::dateline;

fn stdout_of(args: &[&str]) -> String {
    let output = dateline().args(args).output().expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

#[test]
fn table_shows_the_seed_table() {
    insta::assert_snapshot!(stdout_of(&["parse", "seeds"]));
}

#[test]
fn jsonl_follows_the_contract() {
    let out = stdout_of(&["parse", "--format", "jsonl", "seeds"]);
    let records: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).expect("one JSON object per line")).collect();
    assert_eq!(records.len(), 4);
    let seed = &records[2];
    assert_eq!(seed["path"], "seeds/002_ff26b561ed4a4f97.txt");
    assert_eq!(seed["title"], "Tehran, Moscow discuss maritime cooperation in Caspian Sea during China visit");
    assert_eq!(seed["date"], "2024-09-15");
    assert_eq!(seed["time"], "20:09");
    assert_eq!(seed["dateline"]["place"], "TEHRAN");
    assert_eq!(seed["dateline"]["agency"], Value::Null);
    assert_eq!(seed["dateline"]["date"], Value::Null);
    assert_eq!(seed["sections"][0]["heading"], Value::Null);
    assert_eq!(
        seed["sections"][1]["heading"],
        "Commander expresses Iran’s readiness to support humanitarian initiatives"
    );
    assert_eq!(seed["boilerplate"], serde_json::json!(["Leave a Comment"]));
    assert_eq!(seed["diagnostics"], serde_json::json!([]));
    let first = &seed["sections"][0]["paragraphs"][0];
    assert!(first["text"].as_str().is_some_and(|t| t.starts_with("While visiting China")));
    assert_eq!(first["span"].as_array().map(Vec::len), Some(2));
    assert_eq!(records[0]["title"], Value::Null);
    assert_eq!(records[3]["sections"][1]["paragraphs"].as_array().map(Vec::len), Some(6));
}

#[test]
fn json_is_one_array_of_the_same_records() {
    let array: Vec<Value> =
        serde_json::from_str(&stdout_of(&["parse", "--format", "json", "seeds"])).expect("a JSON array");
    let lines: Vec<Value> = stdout_of(&["parse", "--format", "jsonl", "seeds"])
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(array, lines);
}

#[test]
fn csv_has_a_header_and_a_row_per_file() {
    insta::assert_snapshot!(stdout_of(&["parse", "--format", "csv", "seeds"]));
}

#[test]
fn text_reprints_articles_that_parse_the_same() {
    let out = stdout_of(&["parse", "--format", "text", "seeds/002_ff26b561ed4a4f97.txt"]);
    assert!(out.starts_with("==> seeds/002_ff26b561ed4a4f97.txt <==\nTehran, Moscow discuss"), "{out}");
    let body = out.split_once('\n').map(|(_, rest)| rest).unwrap_or_default();
    dateline()
        .args(["parse", "--format", "csv", "-"])
        .write_stdin(body)
        .assert()
        .success()
        .stdout(predicate::str::contains("TEHRAN").and(predicate::str::contains("(none): 7; Commander expresses")));
}

#[test]
fn text_keeps_a_paragraph_from_ending_in_a_user_furniture_line() {
    // Found by the round_trip fuzz target: split before its last word to stay body text, the
    // paragraph ended in the line --boilerplate names, and read back as furniture.
    let dir = super::corpus(&[("a.txt", b"Copyright\nTehran sponsored\n"), ("furniture", b"Sponsored\n")]);
    let furniture = dir.path().join("furniture");
    let text = dateline()
        .args(["parse", "--format", "text", "--boilerplate"])
        .arg(&furniture)
        .arg(dir.path().join("a.txt"))
        .output()
        .expect("runs")
        .stdout;
    let body = String::from_utf8(text).expect("UTF-8 output");
    let body = body.split_once('\n').map(|(_, rest)| rest).unwrap_or_default();
    assert_eq!(body, "Copyright\nTehran sponsored\n");
}

#[test]
fn an_empty_folder_is_a_record_with_a_warning() {
    let dir = super::corpus(&[]);
    let path = dir.path().to_string_lossy().into_owned();
    let record = format!(
        "{{\"path\":{path:?},\"diagnostics\":[{{\"severity\":\"warning\",\"line\":1,\"column\":1,\"message\":\"no files in this folder\",\"span\":[0,0]}}]}}"
    );
    dateline()
        .args(["parse", "--format", "json"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(format!("[\n{record}\n]\n"))
        .stderr(format!("{path}:1:1: warning: no files in this folder\n"));
}

#[test]
fn every_command_help_shows_an_example() {
    for command in ["parse", "check"] {
        dateline().args([command, "--help"]).assert().success().stdout(predicate::str::contains("Examples:"));
    }
    dateline().arg("--help").assert().success().stdout(predicate::str::contains("dateline parse seeds"));
}
