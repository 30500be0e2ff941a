//! Collocation scores against NLTK's, to 1e-9, on the seeds' token sequence.
//!
//! `tests/reference/collocation_terms.json` holds the sequence dateline counts for the seeds
//! (every term token, stopwords and numbers kept, case-folded, in reading order), written by
//! the ignored test `export_collocation_terms`. `tests/reference/make_collocation_reference.sh`
//! feeds it to NLTK's `BigramCollocationFinder.from_words` and writes every bigram's counts and
//! five scores to `tests/reference/collocation_nltk.json`. No Python is needed here.
//!
//! NLTK pairs words across sentence ends and dateline does not, so the comparison is on one
//! flat sequence: the measures on NLTK's own counts, and dateline's counting and scoring of
//! that sequence read as one sentence. Sentence-bounded counting is tested in `ngrams.rs`.

use std::collections::HashMap;
use std::path::PathBuf;

use dateline_analyze::collocations::{BigramTable, CollocationOptions, Measure, Scores, score_bigrams};
use dateline_analyze::ngrams::{NgramCounter, NgramOptions, StopwordEdges};
use dateline_analyze::{Stopwords, TermOptions};
use dateline_model::{Article, Paragraph, Section, Span};
use dateline_parse::{ArticleParser, CorpusReader};
use dateline_text::segments;
use dateline_text::tokens;
use serde::{Deserialize, Serialize};

const TOLERANCE: f64 = 1e-9;

fn reference_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/reference")
}

/// The seeds' articles, in file name order.
fn seed_articles() -> Vec<Article> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(&dir).expect("seeds folder").map(|entry| entry.expect("entry").path()).collect();
    paths.sort();
    let reader = CorpusReader::new(ArticleParser::new());
    paths.iter().map(|path| reader.read_file(path).article.expect("a seed article")).collect()
}

/// Every term token of the seeds, stopwords and numbers kept, in reading order.
fn seed_terms() -> Vec<String> {
    let options = TermOptions::new().stopwords(Stopwords::None);
    let mut buf = String::new();
    let mut terms = Vec::new();
    for article in seed_articles() {
        for segment in segments(&article) {
            for token in tokens(segment.text) {
                if let Some(term) = options.term(&token, &mut buf) {
                    terms.push(term.to_owned());
                }
            }
        }
    }
    terms
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct TermsFile {
    description: String,
    terms: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Reference {
    nltk_version: String,
    total_tokens: u64,
    bigrams: Vec<ReferenceRow>,
}

#[derive(Debug, Deserialize)]
struct ReferenceRow {
    w1: String,
    w2: String,
    n_ii: u64,
    n_ix: u64,
    n_xi: u64,
    n_xx: u64,
    pmi: f64,
    likelihood_ratio: f64,
    student_t: f64,
    chi_sq: f64,
    dice: f64,
}

impl ReferenceRow {
    fn expected(&self) -> [(Measure, f64); 5] {
        [
            (Measure::Pmi, self.pmi),
            (Measure::LikelihoodRatio, self.likelihood_ratio),
            (Measure::StudentT, self.student_t),
            (Measure::ChiSq, self.chi_sq),
            (Measure::Dice, self.dice),
        ]
    }
}

fn terms_file() -> TermsFile {
    TermsFile {
        description: "The seeds' term tokens as dateline counts them (stopwords and numbers kept, case-folded), \
                      in reading order; written by the ignored test export_collocation_terms, read by \
                      make_collocation_reference.sh"
            .into(),
        terms: seed_terms(),
    }
}

fn reference() -> Reference {
    let text = std::fs::read_to_string(reference_dir().join("collocation_nltk.json"))
        .expect("tests/reference/collocation_nltk.json (run make_collocation_reference.sh)");
    serde_json::from_str(&text).expect("reference JSON")
}

/// Checks every measure NLTK computes; returns the largest difference seen.
fn check_scores(what: &str, row: &ReferenceRow, scores: &Scores) -> f64 {
    let mut worst: f64 = 0.0;
    for (measure, expected) in row.expected() {
        let actual = scores.get(measure);
        let diff = (actual - expected).abs();
        assert!(diff <= TOLERANCE, "{what} {} {}: {measure} is {actual}, NLTK says {expected}", row.w1, row.w2);
        worst = worst.max(diff);
    }
    worst
}

#[test]
#[ignore = "writes tests/reference/collocation_terms.json; make_collocation_reference.sh runs it"]
fn export_collocation_terms() {
    let json = serde_json::to_string_pretty(&terms_file()).expect("serialises");
    std::fs::write(reference_dir().join("collocation_terms.json"), json + "\n").expect("writes the terms file");
}

#[test]
fn collocation_terms_file_is_current() {
    let text = std::fs::read_to_string(reference_dir().join("collocation_terms.json")).expect("terms file");
    let committed: TermsFile = serde_json::from_str(&text).expect("terms JSON");
    assert!(
        committed.terms == seed_terms(),
        "the tokenizer changed what the seeds count as: run crates/analyze/tests/reference/make_collocation_reference.sh"
    );
}

#[test]
fn reference_covers_every_bigram_of_the_terms_file() {
    let reference = reference();
    let terms = terms_file().terms;
    assert!(reference.nltk_version.starts_with('3'), "{}", reference.nltk_version);
    assert_eq!(reference.total_tokens, terms.len() as u64);
    let mut pairs: HashMap<(&str, &str), u64> = HashMap::new();
    for pair in terms.windows(2) {
        *pairs.entry((&pair[0], &pair[1])).or_default() += 1;
    }
    assert_eq!(reference.bigrams.len(), pairs.len());
    for row in &reference.bigrams {
        assert_eq!(pairs.get(&(row.w1.as_str(), row.w2.as_str())), Some(&row.n_ii), "{} {}", row.w1, row.w2);
    }
}

#[test]
fn measures_match_nltk_on_its_own_counts() {
    let reference = reference();
    let mut worst: f64 = 0.0;
    for row in &reference.bigrams {
        let table = BigramTable::new(row.n_ii, row.n_ix, row.n_xi, row.n_xx);
        worst = worst.max(check_scores("table", row, &table.scores()));
    }
    eprintln!("{} bigrams, largest difference from NLTK {worst:e}", reference.bigrams.len());
}

#[test]
fn counting_and_scoring_match_nltk_on_the_same_sequence() {
    let reference = reference();
    let terms = terms_file().terms;
    // One paragraph of the terms joined by spaces: lower case and no stops, so the tokenizer
    // reads it back as one sentence of the same terms, which is what NLTK's finder sees.
    let text = terms.join(" ");
    let reread: Vec<String> = {
        let options = TermOptions::new().stopwords(Stopwords::None);
        let mut buf = String::new();
        tokens(&text).filter_map(|t| options.term(&t, &mut buf).map(str::to_owned)).collect()
    };
    assert_eq!(reread, terms);
    assert_eq!(tokens(&text).filter(|t| t.sentence_start).count(), 1);
    let article = Article {
        sections: vec![Section {
            heading: None,
            heading_span: None,
            paragraphs: vec![Paragraph { span: Span::new(0, text.len()), text }],
        }],
        ..Article::default()
    };
    let terms_options = TermOptions::new().stopwords(Stopwords::None);
    let options = CollocationOptions::new().terms(terms_options).stopword_edges(StopwordEdges::Keep).min_count(1);
    let ngram_options: NgramOptions = options.ngram_options();
    let mut counter = NgramCounter::new(&ngram_options);
    counter.add(&article);
    let counts = counter.finish();
    assert_eq!(counts.tokens, reference.total_tokens);

    let report = score_bigrams(&counts, &options);
    assert_eq!(report.rows.len(), reference.bigrams.len());
    let rows: HashMap<&str, _> = report.rows.iter().map(|row| (row.ngram.as_str(), row)).collect();
    let mut worst: f64 = 0.0;
    for expected in &reference.bigrams {
        let row = rows[format!("{} {}", expected.w1, expected.w2).as_str()];
        assert_eq!(
            (row.count, row.left_count, row.right_count, row.total_tokens),
            (expected.n_ii, expected.n_ix, expected.n_xi, expected.n_xx),
            "{} {}",
            expected.w1,
            expected.w2
        );
        let scores = Scores {
            pmi: row.pmi,
            likelihood_ratio: row.likelihood_ratio,
            student_t: row.student_t,
            chi_sq: row.chi_sq,
            dice: row.dice,
            lambda: row.lambda,
            z: row.z,
        };
        worst = worst.max(check_scores("report", expected, &scores));
        assert_eq!(row.score, row.likelihood_ratio);
    }
    eprintln!("{} bigrams counted and scored, largest difference from NLTK {worst:e}", report.rows.len());
}

#[test]
fn rows_rank_by_score_then_count_then_words() {
    let reference = reference();
    let terms = terms_file().terms;
    let text = terms.join(" ");
    let article = Article {
        sections: vec![Section {
            heading: None,
            heading_span: None,
            paragraphs: vec![Paragraph { span: Span::new(0, text.len()), text }],
        }],
        ..Article::default()
    };
    for measure in Measure::ALL {
        let options = CollocationOptions::new()
            .terms(TermOptions::new().stopwords(Stopwords::None))
            .stopword_edges(StopwordEdges::Keep)
            .measure(measure)
            .min_count(2)
            .top(Some(25));
        let ngram_options = options.ngram_options();
        let mut counter = NgramCounter::new(&ngram_options);
        counter.add(&article);
        let report = score_bigrams(&counter.finish(), &options);
        assert_eq!(report.rows.len(), 25);
        assert!(report.rows.iter().all(|row| row.count >= 2));
        for pair in report.rows.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert!(
                a.score > b.score || (a.score == b.score && (a.count > b.count || a.ngram < b.ngram)),
                "{measure}: {a:?} before {b:?}"
            );
        }
        // NLTK's best pair for the measure is among ours, with the same score.
        let best = reference
            .bigrams
            .iter()
            .filter(|row| row.n_ii >= 2)
            .map(|row| (row, BigramTable::new(row.n_ii, row.n_ix, row.n_xi, row.n_xx).scores().get(measure)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .expect("pairs seen twice");
        assert!((report.rows[0].score - best.1).abs() <= TOLERANCE, "{measure}");
    }
}
