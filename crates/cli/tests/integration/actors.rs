//! `dateline actors`, `quotes` and `network`: every format on the seeds, and bad input.

use predicates::prelude::*;

use super::{corpus, dateline};

fn stdout(args: &[&str]) -> String {
    let output = dateline().args(args).output().expect("runs");
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn actors_jsonl_gives_each_article_its_actors_with_spans_on_the_text() {
    let out = stdout(&["actors", "--format", "jsonl", "seeds"]);
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    assert_eq!(lines.len(), 4);
    let first = &lines[0];
    let path = first["path"].as_str().expect("path");
    let text = std::fs::read_to_string(super::workspace_root().join(path)).expect("the seed");
    let actors = first["actors"].as_array().expect("actors");
    assert!(actors.iter().any(|a| a["name"] == "Hossein Amir-Abdollahian" && a["type"] == "person"));
    for actor in actors {
        let forms: Vec<&str> = std::iter::once(actor["name"].as_str().expect("name"))
            .chain(actor["aliases"].as_array().expect("aliases").iter().map(|a| a.as_str().expect("alias")))
            .collect();
        for span in actor["mentions"].as_array().expect("mentions") {
            let offset = |v: &serde_json::Value| usize::try_from(v.as_u64().expect("an offset")).expect("fits");
            let (start, end) = (offset(&span[0]), offset(&span[1]));
            assert!(forms.contains(&&text[start..end]), "{} at {start}..{end}", &text[start..end]);
        }
    }
}

#[test]
fn actors_table_json_and_csv_aggregate_over_the_corpus() {
    let table = stdout(&["actors", "seeds"]);
    assert!(table.contains("Sergey Lavrov") && table.contains("articles"), "{table}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["actors", "--format", "json", "--type", "place", "seeds"])).expect("JSON");
    let rows = json.as_array().expect("rows");
    assert!(rows.iter().all(|r| r["type"] == "place"));
    let iran = rows.iter().find(|r| r["actor"] == "Iran").expect("Iran");
    assert!(iran["articles"].as_u64().expect("articles") >= 3, "{iran}");
    let csv = stdout(&["actors", "--format", "csv", "--by", "month", "seeds"]);
    assert!(csv.starts_with("period,actor,type,articles,mentions,first,last,roles\n"), "{csv}");
    assert!(csv.contains("2024-09,"));
}

#[test]
fn quotes_come_with_speakers_in_every_format() {
    let jsonl = stdout(&["quotes", "--format", "jsonl", "seeds"]);
    let quotes: Vec<serde_json::Value> = jsonl.lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    assert!(quotes.len() >= 8, "{jsonl}");
    assert!(quotes.iter().any(|q| q["speaker"] == "Mikhail Mishustin" && q["kind"] == "direct"));
    assert!(quotes.iter().all(|q| q["speaker"] != "he"));
    let table = stdout(&["quotes", "seeds"]);
    assert!(table.contains("speaker") && table.contains("Sergey Lavrov"), "{table}");
    let csv = stdout(&["quotes", "--format", "csv", "seeds"]);
    assert!(csv.starts_with("path,speaker,text,start,end,cue,kind\n"), "{csv}");
}

#[test]
fn network_writes_every_format() {
    let csv = stdout(&["network", "--format", "csv", "seeds"]);
    assert!(csv.starts_with("source,target,weight,count,articles,period,kind\n"), "{csv}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["network", "--format", "json", "--level", "article", "seeds"])).expect("JSON");
    assert!(json.as_array().is_some_and(|edges| !edges.is_empty()));
    let gexf = stdout(&["network", "--format", "gexf", "--by", "month", "seeds"]);
    assert!(gexf.contains("<gexf") && gexf.contains(r#"mode="dynamic""#), "{gexf}");
    let graphml = stdout(&["network", "--format", "graphml", "--pmi", "--level", "sentence", "seeds"]);
    assert!(graphml.contains("<graphml") && graphml.contains("<edge"), "{graphml}");
}

#[test]
fn an_unreadable_aliases_file_is_an_error_naming_it() {
    dateline()
        .args(["actors", "--aliases", "no-such-aliases.tsv", "seeds"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-aliases.tsv"));
    let dir = corpus(&[("aliases.tsv", b"Lavrov\tSergey Lavrov\nbroken line\n")]);
    dateline()
        .args(["actors", "--aliases"])
        .arg(dir.path().join("aliases.tsv"))
        .arg("seeds")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("aliases.tsv").and(predicate::str::contains("line 2")));
}

#[test]
fn an_empty_corpus_is_said_not_silent() {
    let dir = corpus(&[]);
    dateline().args(["actors"]).arg(dir.path()).assert().stderr(predicate::str::contains("no articles"));
}
