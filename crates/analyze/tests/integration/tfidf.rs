//! TF-IDF: the sklearn preset against scikit-learn's own numbers, the default on the seeds, and
//! the law that scores are finite and non-negative.
//!
//! `tests/reference/tfidf_sklearn.json` holds what `TfidfVectorizer` computed over the
//! reference corpus (the four seeds and `tests/reference/corpus/`), with the exact texts it was
//! given. Regenerate it with `tests/reference/make_tfidf_reference.sh` (it needs Python and
//! PyPI); these tests only read it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use dateline_analyze::tfidf::{DfBound, Preset, TfIdf, count_sklearn};
use dateline_analyze::{DocMeta, TermOptions};
use dateline_model::{Article, Paragraph, Section, Span};
use dateline_text::sklearn::{sklearn_text, sklearn_tokens};
use proptest::prelude::*;
use serde_json::{Value, json};

/// Strings whose scikit-learn tokens are pinned by the reference: quotes, apostrophes,
/// hyphens and dashes, numbers, underscores, scripts, combining marks, case mappings.
const TOKEN_CASES: &[&str] = &[
    "Iran’s ‘deal’ “North-South” Rasht–Astara — Amir-Abdollahian",
    "Russia's U.S. E.U. a I 2.4 100 1,000 19% x",
    "snake_case _x __ talks_2024 ...ellipsis… end",
    "İstanbul ΑΘΗΝΑ ΟΔΟΣ ΣΑΣ Straße ǅemal",
    "café cafe\u{301} नमस्ते भारत مرحبا ٢٠٢٤ ½ x² CO₂ Ⓐb",
    "no\u{a0}break\ttab\u{2011}hyphen 🙂emoji🙂 中文字 日本語",
];

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn reference_path() -> PathBuf {
    manifest_dir().join("tests/reference/tfidf_sklearn.json")
}

/// The reference corpus as `(path shown, file)`: the seeds, then our own texts, each sorted.
fn corpus_files() -> Vec<(String, PathBuf)> {
    let root = manifest_dir().join("../..");
    let mut files = Vec::new();
    for (shown, dir) in
        [("seeds", root.join("seeds")), ("tests/reference/corpus", manifest_dir().join("tests/reference/corpus"))]
    {
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
            .map(|entry| entry.expect("directory entry").file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".txt"))
            .collect();
        names.sort();
        files.extend(names.into_iter().map(|name| (format!("{shown}/{name}"), dir.join(name))));
    }
    files
}

fn read_article(path: &Path) -> Article {
    let doc = dateline_parse::CorpusReader::default().read_file(path);
    doc.article.unwrap_or_else(|| panic!("{}: no article: {:?}", path.display(), doc.diagnostics))
}

fn corpus() -> Vec<(DocMeta, Article)> {
    corpus_files().into_iter().map(|(shown, file)| (DocMeta { path: shown, date: None }, read_article(&file))).collect()
}

/// Writes the texts scikit-learn is to be given (run by `make_tfidf_reference.sh`).
#[test]
#[ignore = "writes the reference input; run by tests/reference/make_tfidf_reference.sh"]
fn write_sklearn_input() {
    let out = std::env::var_os("DATELINE_TFIDF_INPUT").expect("DATELINE_TFIDF_INPUT names the file to write");
    let documents: Vec<Value> =
        corpus().iter().map(|(meta, article)| json!({"path": meta.path, "text": sklearn_text(article)})).collect();
    let input = json!({"documents": documents, "token_cases": TOKEN_CASES});
    std::fs::write(&out, serde_json::to_string_pretty(&input).expect("json")).expect("write the input");
}

fn reference() -> Value {
    let text = std::fs::read_to_string(reference_path()).expect("tests/reference/tfidf_sklearn.json");
    serde_json::from_str(&text).expect("reference JSON")
}

const REGENERATE: &str = "regenerate with crates/analyze/tests/reference/make_tfidf_reference.sh";

#[test]
fn the_reference_was_made_from_todays_texts() {
    let reference = reference();
    let documents = reference["documents"].as_array().expect("documents");
    let corpus = corpus();
    assert_eq!(documents.len(), corpus.len(), "{REGENERATE}");
    for (doc, (meta, article)) in documents.iter().zip(&corpus) {
        assert_eq!(doc["path"], meta.path.as_str(), "{REGENERATE}");
        assert_eq!(doc["text"], sklearn_text(article).as_str(), "{}: {REGENERATE}", meta.path);
    }
}

fn bound(value: &Value) -> DfBound {
    match value.as_u64() {
        Some(count) => DfBound::Count(u32::try_from(count).expect("small count")),
        None => DfBound::Fraction(value.as_f64().expect("a number")),
    }
}

#[test]
fn sklearn_preset_matches_scikit_learn_to_1e_9() {
    let reference = reference();
    let counts = count_sklearn(corpus().into_iter());
    let configs = reference["configs"].as_array().expect("configs");
    assert!(configs.len() >= 2);
    let mut compared = 0;
    for config in configs {
        let tfidf = TfIdf::builder()
            .preset(Preset::Sklearn)
            .min_df(bound(&config["min_df"]))
            .max_df(bound(&config["max_df"]))
            .all_terms()
            .build()
            .expect("valid settings");
        let report = tfidf.report(&counts).expect("report");
        let expected = config["scores"].as_array().expect("scores");
        assert_eq!(report.rows.len(), expected.len());
        for (row, expected) in report.rows.iter().zip(expected) {
            let expected: BTreeMap<&str, f64> = expected
                .as_object()
                .expect("term → score")
                .iter()
                .map(|(term, score)| (term.as_str(), score.as_f64().expect("score")))
                .collect();
            let got: BTreeMap<&str, f64> = row.terms.iter().map(|t| (t.term.as_str(), t.score)).collect();
            let got_terms: Vec<&str> = got.keys().copied().collect();
            let expected_terms: Vec<&str> = expected.keys().copied().collect();
            assert_eq!(got_terms, expected_terms, "{} with {}: the terms differ", row.path, config["name"]);
            for (term, want) in &expected {
                let score = got[term];
                assert!((score - want).abs() <= 1e-9, "{} {term} with {}: {score} != {want}", row.path, config["name"]);
                compared += 1;
            }
        }
    }
    assert!(compared > 500, "only {compared} scores compared");
}

#[test]
fn sklearn_tokens_match_scikit_learn() {
    let reference = reference();
    let cases = reference["tokens"].as_array().expect("tokens");
    let texts: Vec<&str> = cases.iter().map(|case| case["text"].as_str().expect("text")).collect();
    assert_eq!(texts, TOKEN_CASES, "{REGENERATE}");
    let strings = |value: &Value| -> Vec<String> {
        value.as_array().expect("tokens").iter().map(|t| t.as_str().expect("token").to_owned()).collect()
    };
    for case in cases {
        let text = case["text"].as_str().expect("text");
        let tokenizer: Vec<&str> = sklearn_tokens(text).collect();
        assert_eq!(tokenizer, strings(&case["tokenizer"]), "build_tokenizer() on {text:?}");
        let lower = text.to_lowercase();
        let analyzer: Vec<&str> = sklearn_tokens(&lower).collect();
        assert_eq!(analyzer, strings(&case["analyzer"]), "build_analyzer() on {text:?}");
    }
}

#[test]
fn default_preset_ranks_each_seeds_subjects_first() {
    let seeds: Vec<(DocMeta, Article)> =
        corpus().into_iter().filter(|(meta, _)| meta.path.starts_with("seeds/")).collect();
    let tfidf = TfIdf::builder().top(5).build().expect("valid");
    assert_eq!(tfidf.preset(), Preset::News);
    let counts = tfidf.count(&TermOptions::new(), seeds.into_iter());
    let report = tfidf.report(&counts).expect("report");
    assert_eq!(report.rows.len(), 4);
    for row in &report.rows {
        assert_eq!(row.terms.len(), 5, "{}", row.path);
        assert!(row.terms.windows(2).all(|w| w[0].score >= w[1].score), "{} is sorted", row.path);
    }
    let top: Vec<Vec<&str>> =
        report.rows.iter().map(|row| row.terms.iter().map(|t| t.term.as_str()).collect()).collect();
    assert_eq!(top, SEED_TOP_TERMS);
}

/// The seeds' five most distinctive terms under the default preset, in order.
const SEED_TOP_TERMS: [[&str; 5]; 4] = [
    ["Sea", "statement", "Red", "Iranian", "Lavrov"],
    ["cooperation", "Iran", "countries", "two", "pointed"],
    ["Admiral", "Rear", "Sayyari", "Caspian", "China"],
    ["aid", "United", "Gaza", "States", "conflict"],
];

fn article_of(paragraphs: Vec<String>) -> Article {
    Article {
        sections: vec![Section {
            heading: None,
            heading_span: None,
            paragraphs: paragraphs
                .into_iter()
                .map(|text| {
                    let span = Span::new(0, text.len());
                    Paragraph { text, span }
                })
                .collect(),
        }],
        ..Article::default()
    }
}

/// Words from a small vocabulary so that terms recur across documents, mixed with any text.
fn document() -> impl Strategy<Value = Vec<String>> {
    let word = prop_oneof![
        4 => prop::sample::select(vec!["Iran", "Iran’s", "Lavrov", "talks", "the", "grain", "Rasht-Astara", "2.4", "U.S.", "ΟΔΟΣ"])
            .prop_map(str::to_owned),
        1 => any::<String>(),
    ];
    prop::collection::vec(prop::collection::vec(word, 0..30).prop_map(|words| words.join(" ")), 0..4)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn prop_tfidf_scores_are_finite_and_non_negative(
        docs in prop::collection::vec(document(), 0..8),
        min_df in 0u32..4,
        max_df in 0.05f64..=1.0,
        stem in any::<bool>(),
    ) {
        let articles: Vec<(DocMeta, Article)> = docs
            .into_iter()
            .enumerate()
            .map(|(i, paragraphs)| (DocMeta { path: format!("{i}.txt"), date: None }, article_of(paragraphs)))
            .collect();
        let options = TermOptions::new().stem(stem);
        for preset in Preset::ALL {
            let tfidf = TfIdf::builder().preset(preset).min_df(min_df).max_df(max_df).all_terms().build().expect("valid");
            let counts = tfidf.count(&options, articles.clone().into_iter());
            let Ok(weights) = tfidf.weights(&counts) else { continue };
            prop_assert_eq!(weights.len(), articles.len());
            for row in &weights {
                for &(_, score) in row {
                    prop_assert!(score.is_finite() && score >= 0.0, "{preset}: {score}");
                }
                if matches!(preset, Preset::News | Preset::Sklearn | Preset::Gensim) && !row.is_empty() {
                    let norm = row.iter().map(|&(_, w)| w * w).sum::<f64>().sqrt();
                    prop_assert!((norm - 1.0).abs() < 1e-9, "{preset}: an L2 row has norm {norm}");
                }
            }
            let report = tfidf.report(&counts).expect("same bounds as weights");
            for row in &report.rows {
                prop_assert!(row.terms.iter().all(|t| t.score.is_finite() && t.score >= 0.0));
                prop_assert!(row.terms.windows(2).all(|w| w[0].score >= w[1].score));
            }
        }
    }
}
