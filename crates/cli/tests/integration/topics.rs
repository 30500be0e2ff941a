//! `dateline topics` and `dateline topics infer` on the seeds. `-j 2` fixes the number of
//! sampler shards, which (with the seed) makes the output reproducible.

use predicates::prelude::*;
use serde_json::Value;

use super::{corpus, dateline};

fn stdout_of(args: &[&str]) -> String {
    let output = dateline().args(args).output().expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

const TRAIN: [&str; 7] = ["topics", "-k", "2", "--iterations", "200", "-j", "2"];

#[test]
fn topics_on_the_seeds_are_reproducible() {
    let mut args = TRAIN.to_vec();
    args.push("seeds");
    let first = stdout_of(&args);
    assert_eq!(first, stdout_of(&args), "same seed and threads, same topics");
    insta::assert_snapshot!("topics_table", first);
}

#[test]
fn topics_json_follows_the_contract() {
    let mut args = TRAIN.to_vec();
    args.extend(["--format", "json", "seeds"]);
    let value: Value = serde_json::from_str(&stdout_of(&args)).expect("JSON");
    let topics = value["topics"].as_array().expect("topics");
    assert_eq!(topics.len(), 2);
    for topic in topics {
        assert!(topic["id"].is_u64() && topic["label"].is_string());
        let words = topic["words"].as_array().expect("words");
        assert_eq!(words.len(), 10);
        assert!(words.iter().all(|w| w["term"].is_string() && w["weight"].as_f64().is_some_and(|x| x > 0.0)));
    }
    let documents = value["documents"].as_array().expect("documents");
    assert_eq!(documents.len(), 4);
    for doc in documents {
        let weights: Vec<f64> = doc["weights"].as_array().expect("weights").iter().filter_map(Value::as_f64).collect();
        assert_eq!(weights.len(), 2);
        assert!((weights.iter().sum::<f64>() - 1.0).abs() < 1e-9, "{doc}");
    }
    assert!(value["coherence"]["umass_mean"].is_number());
    assert!(value["shares"].as_array().is_some_and(|s| !s.is_empty()));
    assert!(value["log_likelihood"].as_array().is_some_and(|l| !l.is_empty()));
}

#[test]
fn a_saved_model_infers_the_training_mixtures_closely() {
    let dir = tempfile::tempdir().expect("a folder");
    let model = dir.path().join("seeds.lda.json");
    let mut args = TRAIN.to_vec();
    args.extend(["--format", "json", "--save-model"]);
    let trained = dateline().args(&args).arg(&model).arg("seeds").output().expect("runs");
    assert!(trained.status.success(), "{}", String::from_utf8_lossy(&trained.stderr));
    let trained: Value = serde_json::from_slice(&trained.stdout).expect("JSON");
    let inferred = dateline()
        .args(["topics", "infer", "--model"])
        .arg(&model)
        .args(["--iterations", "200", "--format", "json", "seeds"])
        .output()
        .expect("runs");
    assert!(inferred.status.success(), "{}", String::from_utf8_lossy(&inferred.stderr));
    let inferred: Value = serde_json::from_slice(&inferred.stdout).expect("JSON");
    let weights = |v: &Value, d: usize| -> Vec<f64> {
        v["documents"][d]["weights"].as_array().expect("weights").iter().filter_map(Value::as_f64).collect()
    };
    for d in 0..4 {
        let (a, b) = (weights(&trained, d), weights(&inferred, d));
        let dominant = |w: &[f64]| if w[0] >= w[1] { 0 } else { 1 };
        assert_eq!(dominant(&a), dominant(&b), "document {d}: trained {a:?}, inferred {b:?}");
    }
}

#[test]
fn impossible_settings_are_clear_errors() {
    dateline()
        .args(["topics", "-k", "0", "seeds"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("number of topics must be at least 1"));
    dateline()
        .args(["topics", "-k", "9", "seeds"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("9 topics are more than the 4 documents"));
    let empty = corpus(&[("blank.txt", b"   \n")]);
    dateline().args(["topics", "-k", "2"]).arg(empty.path()).assert().code(2).stderr(predicate::str::contains("error"));
    let not_a_model = corpus(&[("model.json", b"{\"format\": \"something else\"}")]);
    dateline()
        .args(["topics", "infer", "--model"])
        .arg(not_a_model.path().join("model.json"))
        .arg("seeds")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read the model"));
}
