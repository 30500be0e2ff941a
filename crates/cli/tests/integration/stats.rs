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

#[test]
fn terms_by_period_and_by_folder() {
    insta::assert_snapshot!("terms_by_month", stdout_of(&["terms", "--by", "month", "--top", "2", "seeds"]));
    let dir = corpus(&[
        ("reuters/a.txt", b" date 2024-01-10 Grain talks. Grain prices.\n"),
        ("ap/b.txt", b" date 2024-01-11 Oil talks.\n"),
    ]);
    let out = dateline()
        .args(["terms", "--by", "folder", "--top", "1", "--format", "csv"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let out = String::from_utf8_lossy(&out.stdout).into_owned();
    let rows: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{out}");
    // Groups in folder order; ties (Oil, talks) go to the first term; terms as written.
    assert!(rows[0].ends_with("/ap,1,Oil,1,1,5000"), "{out}");
    assert!(rows[1].ends_with("/reuters,1,Grain,2,1,5000"), "{out}");
}

#[test]
fn keyness_compares_a_target_with_the_rest() {
    insta::assert_snapshot!("keyness_table", stdout_of(&["keyness", "--target", "seeds/002*", "--top", "5", "seeds"]));
    let rows: Vec<Value> =
        stdout_of(&["keyness", "--target", "2024-09-01..", "--top", "0", "--format", "jsonl", "seeds"])
            .lines()
            .map(|l| serde_json::from_str(l).expect("JSON"))
            .collect();
    assert!(rows.iter().all(|r| r["g2"].as_f64().is_some() && r["target_count"].as_u64().is_some()));
    let gaza = rows.iter().find(|r| r["term"] == "Gaza").expect("Gaza is in the table");
    assert!(gaza["g2"].as_f64().is_some_and(|g| g < 0.0), "Gaza is rarer in September 2024: {gaza}");
    dateline().args(["keyness", "--target", "2024-13-01..", "seeds"]).assert().code(2);
    dateline().args(["keyness", "seeds"]).assert().code(2);
}

#[test]
fn kwic_shows_every_hit_with_offsets_into_the_file() {
    insta::assert_snapshot!("kwic_table", stdout_of(&["kwic", "--query", "humanitarian aid", "seeds"]));
    let hits: Vec<Value> = stdout_of(&["kwic", "--query", "lavrov", "--format", "jsonl", "seeds"])
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(hits.len(), 8, "every Lavrov in the seeds, as `terms` counts them");
    for hit in &hits {
        let path = super::workspace_root().join(hit["path"].as_str().expect("path"));
        let text = std::fs::read_to_string(path).expect("seed");
        let offset = |key: &str| hit[key].as_u64().and_then(|n| usize::try_from(n).ok()).expect("an offset");
        let (start, end) = (offset("start"), offset("end"));
        assert_eq!(&text[start..end], hit["keyword"].as_str().expect("keyword"));
    }
    dateline().args(["kwic", "--query", "  ", "seeds"]).assert().code(2);
}

#[test]
fn trends_count_terms_per_period_and_draw_them() {
    insta::assert_snapshot!(
        "trends_csv",
        stdout_of(&["trends", "--terms", "Gaza,Lavrov", "--by", "quarter", "--format", "csv", "seeds"])
    );
    let dir = tempfile::tempdir().expect("a folder");
    let svg = dir.path().join("trends.svg");
    dateline()
        .args(["trends", "--terms", "Gaza", "--plot"])
        .arg(&svg)
        .arg("seeds")
        .assert()
        .success()
        .stderr(predicate::str::contains("chart written to"));
    let chart = std::fs::read_to_string(&svg).expect("the chart");
    assert!(chart.starts_with("<svg") && chart.contains("Gaza"));
    dateline().args(["trends", "--terms", "Gaza", "--by", "fortnight", "seeds"]).assert().code(2);
}

#[test]
fn ngrams_and_collocations_on_the_seeds() {
    insta::assert_snapshot!("ngrams_table", stdout_of(&["ngrams", "--top", "8", "seeds"]));
    insta::assert_snapshot!("collocations_table", stdout_of(&["collocations", "--top", "8", "seeds"]));
    let rows: Vec<Value> =
        serde_json::from_str(&stdout_of(&["collocations", "--format", "json", "--top", "3", "seeds"]))
            .expect("a JSON array");
    for key in ["ngram", "count", "left_count", "right_count", "total_tokens", "score", "pmi", "dice", "lambda", "z"] {
        assert!(rows.iter().all(|row| row.get(key).is_some()), "every row has {key}");
    }
    assert_eq!(rows[0]["ngram"], "Rear Admiral");
    let pmi = stdout_of(&["collocations", "--measure", "pmi", "--top", "1", "--format", "csv", "seeds"]);
    let first: Vec<&str> = pmi.lines().nth(1).unwrap_or_default().split(',').collect();
    assert_eq!(first[5], first[6], "with --measure pmi the score is the pmi: {pmi}");
    dateline().args(["ngrams", "--min-n", "6", "seeds"]).assert().code(2);
    dateline().args(["collocations", "--measure", "cosine", "seeds"]).assert().code(2);
}
