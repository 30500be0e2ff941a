//! `--top` on every command that takes it: rows kept per table, or per group with `--by`, `0`
//! for all, each command's default as its help says; and `topics`, which takes none (but
//! `--top 0`, which asks for what it shows).

use std::collections::BTreeSet;

use predicates::prelude::*;
use serde_json::Value;

use super::dateline;

fn stdout_of(args: &[&str]) -> String {
    let output = dateline().args(args).output().expect("runs");
    assert_eq!(output.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn json_of(args: &[&str]) -> Value {
    serde_json::from_str(&stdout_of(args)).expect("JSON")
}

fn lines_of(args: &[&str]) -> Vec<Value> {
    stdout_of(args).lines().map(|line| serde_json::from_str(line).expect("a JSON line")).collect()
}

fn len(value: &Value) -> usize {
    value.as_array().map_or(0, Vec::len)
}

/// The distinct texts under `key` among `rows`.
fn distinct<'a>(rows: &'a [Value], key: &str) -> BTreeSet<&'a str> {
    rows.iter().map(|row| row[key].as_str().expect("a text")).collect()
}

#[test]
fn stats_top_cuts_the_terms_and_shows_every_period() {
    let one = json_of(&["stats", "--format", "json", "--top", "1", "seeds"]);
    let all = json_of(&["stats", "--format", "json", "--top", "0", "seeds"]);
    let default = json_of(&["stats", "--format", "json", "seeds"]);
    assert_eq!(len(&one["terms"]), 1);
    assert_eq!(len(&default["terms"]), 20);
    assert!(len(&all["terms"]) > 20);
    assert_eq!(one["periods"], all["periods"]);
    assert_eq!(len(&all["periods"]), 3);
}

#[test]
fn terms_top_is_twenty_by_default_in_every_format_and_zero_shows_all() {
    assert_eq!(lines_of(&["terms", "--format", "jsonl", "seeds"]).len(), 20);
    let csv = stdout_of(&["terms", "--format", "csv", "seeds"]);
    assert_eq!(csv.lines().count(), 21, "a header and 20 rows");
    let all = lines_of(&["terms", "--format", "jsonl", "--top", "0", "seeds"]);
    assert!(all.len() > 20);
    assert_eq!(lines_of(&["terms", "--format", "jsonl", "-n", "3", "seeds"]), all[..3]);
}

#[test]
fn terms_top_with_by_keeps_the_first_terms_of_each_group() {
    let groups = json_of(&["terms", "--by", "month", "--top", "2", "--format", "json", "seeds"]);
    let all = json_of(&["terms", "--by", "month", "--top", "0", "--format", "json", "seeds"]);
    assert_eq!(len(&groups), len(&all), "every group is kept");
    assert_eq!(len(&groups), 3);
    for (cut, whole) in groups.as_array().into_iter().flatten().zip(all.as_array().into_iter().flatten()) {
        assert_eq!(cut["group"], whole["group"]);
        assert_eq!(len(&cut["terms"]), 2, "{}", cut["group"]);
        assert_eq!(cut["terms"][0], whole["terms"][0]);
        assert_eq!(cut["terms"][1], whole["terms"][1]);
    }
}

#[test]
fn tfidf_top_is_the_number_of_terms_per_article() {
    let rows = lines_of(&["tfidf", "--top", "2", "--format", "jsonl", "seeds"]);
    assert_eq!(rows.len(), 4, "every article is kept");
    assert!(rows.iter().all(|row| len(&row["terms"]) == 2));
    let default = lines_of(&["tfidf", "--format", "jsonl", "seeds"]);
    assert!(default.iter().all(|row| len(&row["terms"]) == 20));
    let all = lines_of(&["tfidf", "--top", "0", "--format", "jsonl", "seeds"]);
    assert!(all.iter().all(|row| len(&row["terms"]) > 20));
}

#[test]
fn ngrams_and_collocations_top_cut_their_table() {
    for command in ["ngrams", "collocations"] {
        let three = json_of(&[command, "--top", "3", "--format", "json", "--min-count", "1", "seeds"]);
        let default = json_of(&[command, "--format", "json", "--min-count", "1", "seeds"]);
        let all = json_of(&[command, "--top", "0", "--format", "json", "--min-count", "1", "seeds"]);
        assert_eq!(len(&three), 3, "{command}");
        assert_eq!(len(&default), 20, "{command}");
        assert!(len(&all) > 20, "{command}");
        assert_eq!(three[0], all[0], "{command}");
    }
}

#[test]
fn keyness_top_cuts_its_rows() {
    let args = ["keyness", "--target", "2024-09-01..", "--format", "json", "seeds"];
    let two = json_of(&[&args[..], &["--top", "2"]].concat());
    let all = json_of(&[&args[..], &["--top", "0"]].concat());
    assert_eq!(len(&two["rows"]), 2);
    assert_eq!(len(&json_of(&args)["rows"]), 20);
    assert!(len(&all["rows"]) > 20);
    assert_eq!(two["rows"][0], all["rows"][0]);
}

#[test]
fn kwic_shows_every_hit_unless_top_is_given() {
    let args = ["kwic", "--query", "the", "--format", "jsonl", "seeds"];
    let default = lines_of(&args);
    assert!(default.len() > 20);
    assert_eq!(default, lines_of(&[&args[..], &["--top", "0"]].concat()));
    assert_eq!(lines_of(&[&args[..], &["--top", "3"]].concat()), default[..3]);
}

#[test]
fn trends_shows_every_row_unless_top_is_given_and_the_chart_every_period() {
    let args = ["trends", "--terms", "Gaza,Iran", "--by", "month", "--format", "jsonl", "seeds"];
    let default = lines_of(&args);
    assert_eq!(default.len(), 24, "twelve months of two terms");
    assert_eq!(default, lines_of(&[&args[..], &["--top", "0"]].concat()));
    let dir = tempfile::tempdir().expect("a temporary folder");
    let chart = dir.path().join("trends.svg");
    let chart_arg = chart.to_str().expect("a UTF-8 path");
    let five = lines_of(&[&args[..], &["--top", "5", "--plot", chart_arg]].concat());
    assert_eq!(five, default[..5]);
    let svg = std::fs::read_to_string(&chart).expect("the chart");
    assert!(svg.contains("2024-09"), "the chart reaches the last period whatever --top says");
}

#[test]
fn topics_takes_no_top_and_says_what_to_use() {
    dateline()
        .args(["topics", "-k", "2", "--iterations", "5", "--top", "3", "seeds"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("topics takes no --top").and(predicate::str::contains("--words N")));
    dateline()
        .args(["topics", "infer", "--model", "no-such-model.json", "-n", "3", "seeds"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("topics infer takes no --top"));
    // All rows is what topics shows: scripts that give every command --top 0 keep working.
    dateline().args(["topics", "-k", "2", "--iterations", "5", "--top", "0", "seeds"]).assert().success();
    for args in [&["topics", "--help"][..], &["topics", "infer", "--help"]] {
        dateline().args(args).assert().success().stdout(predicate::str::contains("--top <N>").not());
    }
}

#[test]
fn actors_top_keeps_the_first_rows_of_each_period_in_every_format_when_given() {
    let cut = json_of(&["actors", "--by", "month", "--top", "1", "--format", "json", "seeds"]);
    let all = json_of(&["actors", "--by", "month", "--format", "json", "seeds"]);
    let (cut, all) = (cut.as_array().expect("rows"), all.as_array().expect("rows"));
    assert!(all.len() > 20, "other formats than table show all by default");
    assert_eq!(distinct(cut, "period"), distinct(all, "period"));
    assert_eq!(cut.len(), distinct(all, "period").len(), "one row per period");
    let table = stdout_of(&["actors", "seeds"]);
    assert_eq!(table.lines().count(), 21, "a header and 20 rows");
}

#[test]
fn quotes_top_cuts_the_list_when_given() {
    let all = lines_of(&["quotes", "--format", "jsonl", "seeds"]);
    assert!(all.len() > 1);
    assert_eq!(all, lines_of(&["quotes", "--format", "jsonl", "--top", "0", "seeds"]));
    assert_eq!(lines_of(&["quotes", "--format", "jsonl", "--top", "1", "seeds"]), all[..1]);
}

#[test]
fn network_top_with_by_keeps_the_heaviest_edges_of_every_period() {
    let cut = lines_of(&["network", "--by", "month", "--top", "2", "--format", "jsonl", "seeds"]);
    let all = lines_of(&["network", "--by", "month", "--format", "jsonl", "seeds"]);
    let periods = distinct(&all, "period");
    assert_eq!(periods.len(), 3);
    assert_eq!(distinct(&cut, "period"), periods, "no period is left out");
    assert_eq!(cut.len(), 2 * periods.len());
    for period in &periods {
        let of = |rows: &[Value]| -> Vec<Value> {
            rows.iter().filter(|row| row["period"].as_str() == Some(period)).cloned().collect()
        };
        assert_eq!(of(&cut), of(&all)[..2], "{period}");
    }
}
