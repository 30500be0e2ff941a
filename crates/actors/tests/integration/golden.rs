//! The four seeds against their hand-written gold (`tests/gold/seeds.gold.jsonl`), scored by
//! the shared `score.py`. The floors are the figures reached when they were last raised: a
//! change that loses an actor or a quote fails here.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Overall actor F1 on the seeds (spaCy `en_core_web_sm`: 0.861; tests/gold/README.md).
const ACTOR_F1: f64 = 0.88;
/// Quote end-to-end F1 (text and speaker) on the seeds.
const QUOTE_F1: f64 = 0.72;

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// dateline's predictions for the articles of `gold`, read under `root`, in score.py's shape.
fn predictions(root: &Path, gold: &Path) -> String {
    let mut out = String::new();
    for line in std::fs::read_to_string(gold).expect("gold file").lines().filter(|l| !l.trim().is_empty()) {
        let record: serde_json::Value = serde_json::from_str(line).expect("gold JSON");
        let file = record["file"].as_str().expect("file");
        let text = std::fs::read_to_string(root.join(file)).expect("seed file");
        let (article, _) = dateline_parse::parse_article_lenient(&text);
        let found = dateline_actors::extract(&article);
        let quotes: Vec<serde_json::Value> = dateline_actors::quotes(&article, &found)
            .into_iter()
            .map(|q| serde_json::json!({"speaker": q.speaker, "text": q.text}))
            .collect();
        let actors: Vec<serde_json::Value> = found
            .into_iter()
            .map(|a| serde_json::json!({"name": a.name, "type": a.kind.as_str(), "aliases": a.aliases}))
            .collect();
        out.push_str(&serde_json::json!({"file": file, "actors": actors, "quotes": quotes}).to_string());
        out.push('\n');
    }
    out
}

fn score(gold: &Path, predicted: &str) -> serde_json::Value {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("actors-seeds.jsonl");
    std::fs::write(&path, predicted).expect("write predictions");
    let output = Command::new("python3")
        .arg(crate_dir().join("tests/gold/score.py"))
        .arg(gold)
        .arg(&path)
        .arg("--json")
        .output()
        .expect("python3 runs the shared scorer");
    assert!(output.status.success(), "score.py failed: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("score.py prints JSON")
}

#[test]
fn seeds_score_at_least_the_committed_figures() {
    let gold = crate_dir().join("tests/gold/seeds.gold.jsonl");
    let predicted = predictions(&crate_dir().join("../../seeds"), &gold);
    let scores = score(&gold, &predicted);
    let actor_f1 = scores["actors"]["overall"]["f1"].as_f64().expect("F1");
    assert!(actor_f1 >= ACTOR_F1, "actor F1 on the seeds fell to {actor_f1} (floor {ACTOR_F1}): {scores:#}");
    let quote_f1 = scores["quotes"]["end_to_end"]["f1"].as_f64().expect("F1");
    assert!(quote_f1 >= QUOTE_F1, "quote end-to-end F1 on the seeds fell to {quote_f1} (floor {QUOTE_F1}): {scores:#}");
}
