//! Topic coherence against gensim's, to 1e-9, on the reference corpus (the four seeds and
//! `tests/reference/corpus/`).
//!
//! `tests/reference/coherence_input.json` holds what gensim is given: each document's terms as
//! dateline reads them (segments in reading order, stopwords left out, case-folded) and a few
//! fixed topics of ten words, written by the ignored test `export_coherence_input`.
//! `tests/reference/make_coherence_reference.sh` feeds it to gensim's `CoherenceModel` and writes
//! `tests/reference/coherence_gensim.json`. No Python is needed here.
//!
//! - UMass (`u_mass`, over the documents' bag of words) must equal gensim's.
//! - NPMI (`c_npmi`, windows of 10), with the segments as texts and with whole documents as
//!   texts, must equal an exact count of every window made by the same script in plain Python.
//!   gensim's own value differs a little: its incremental window drops a word that leaves a
//!   window at the left while it still occurs inside (see
//!   `dateline_analyze::topic_stats::WindowCounts`). An emulation of that update here must
//!   reproduce gensim's figures, which shows the sliding is the whole difference.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use dateline_analyze::topic_stats::{Coherence, Npmi, UMass, WindowScope, resolve_topics};
use dateline_analyze::{Counts, DocMeta, TermOptions, count_parallel};
use dateline_model::Article;
use dateline_text::segments;
use dateline_text::tokens;
use serde::{Deserialize, Serialize};

const TOLERANCE: f64 = 1e-9;
const REGENERATE: &str = "regenerate with crates/analyze/tests/reference/make_coherence_reference.sh";

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The reference corpus as `(path shown, file)`: the seeds, then our own texts, each sorted.
fn corpus_files() -> Vec<(String, PathBuf)> {
    let mut files = Vec::new();
    for (shown, dir) in [
        ("seeds", manifest_dir().join("../../seeds")),
        ("tests/reference/corpus", manifest_dir().join("tests/reference/corpus")),
    ] {
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct InputDocument {
    path: String,
    /// Each segment's terms in reading order.
    segments: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Input {
    description: String,
    documents: Vec<InputDocument>,
    topics: Vec<Vec<String>>,
}

/// Each segment's terms as dateline counts them with `TermOptions::new()`.
fn segment_terms(article: &Article) -> Vec<Vec<String>> {
    let options = TermOptions::new();
    let mut buf = String::new();
    segments(article)
        .map(|segment| tokens(segment.text).filter_map(|t| options.term(&t, &mut buf).map(str::to_owned)).collect())
        .collect()
}

/// Fixed topics from the counts: terms ranked by documents, then occurrences, then text.
/// The ten most widespread; the next ten; ten terms of one document each, which rarely meet;
/// and every fifth of the first fifty.
fn topics(counts: &Counts) -> Vec<Vec<String>> {
    let mut ranked: Vec<u32> = (0..u32::try_from(counts.vocab.len()).expect("few terms")).collect();
    ranked.sort_by_key(|&id| {
        (std::cmp::Reverse(counts.doc_freq[id as usize]), std::cmp::Reverse(counts.term_freq[id as usize]), id)
    });
    let term = |id: &u32| counts.vocab.term(*id).to_owned();
    let rare: Vec<String> =
        ranked.iter().filter(|&&id| counts.doc_freq[id as usize] == 1).step_by(7).take(10).map(term).collect();
    vec![
        ranked[..10].iter().map(term).collect(),
        ranked[10..20].iter().map(term).collect(),
        rare,
        ranked[..50].iter().step_by(5).map(term).collect(),
    ]
}

fn input() -> Input {
    let corpus = corpus();
    let counts = count_parallel(&TermOptions::new(), corpus.clone().into_iter());
    Input {
        description: "dateline's terms of the reference corpus per segment and fixed topics, for gensim's \
                      CoherenceModel; written by `export_coherence_input`, read by make_coherence_reference.sh"
            .into(),
        documents: corpus
            .iter()
            .map(|(meta, article)| InputDocument { path: meta.path.clone(), segments: segment_terms(article) })
            .collect(),
        topics: topics(&counts),
    }
}

fn input_path() -> PathBuf {
    manifest_dir().join("tests/reference/coherence_input.json")
}

#[test]
#[ignore = "writes tests/reference/coherence_input.json; make_coherence_reference.sh runs it"]
fn export_coherence_input() {
    let json = serde_json::to_string_pretty(&input()).expect("serialises");
    std::fs::write(input_path(), json + "\n").expect("writes the input file");
}

fn committed_input() -> Input {
    let text = std::fs::read_to_string(input_path()).expect("tests/reference/coherence_input.json");
    serde_json::from_str(&text).expect("input JSON")
}

#[test]
fn coherence_input_is_current() {
    assert!(committed_input() == input(), "dateline reads the reference corpus differently now: {REGENERATE}");
}

#[derive(Debug, Deserialize)]
struct Scores {
    per_topic: Vec<f64>,
    mean: f64,
}

#[derive(Debug, Deserialize)]
struct Npmis {
    gensim: Scores,
    exact: Scores,
}

#[derive(Debug, Deserialize)]
struct Reference {
    gensim_version: String,
    window_size: usize,
    u_mass: Scores,
    c_npmi_segments: Npmis,
    c_npmi_documents: Npmis,
}

fn reference() -> Reference {
    let path = manifest_dir().join("tests/reference/coherence_gensim.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}; {REGENERATE}", path.display()));
    serde_json::from_str(&text).expect("reference JSON")
}

fn assert_close(what: &str, ours: &Coherence, theirs: &Scores) {
    assert_eq!(ours.per_topic.len(), theirs.per_topic.len(), "{what}");
    for (topic, (a, b)) in ours.per_topic.iter().zip(&theirs.per_topic).enumerate() {
        assert!((a - b).abs() <= TOLERANCE, "{what}, topic {topic}: dateline {a}, reference {b}");
    }
    assert!(
        (ours.mean - theirs.mean).abs() <= TOLERANCE,
        "{what}, mean: dateline {}, reference {}",
        ours.mean,
        theirs.mean
    );
}

fn topic_ids(counts: &Counts) -> Vec<Vec<u32>> {
    resolve_topics(&counts.vocab, &committed_input().topics).expect("the topics' words are terms of the corpus")
}

#[test]
fn umass_equals_gensim() {
    let counts = count_parallel(&TermOptions::new(), corpus().into_iter());
    let reference = reference();
    assert!(reference.gensim_version.starts_with('4'), "{}", reference.gensim_version);
    let ours = UMass::new().score(&counts, &topic_ids(&counts)).expect("valid ids");
    assert_close("u_mass", &ours, &reference.u_mass);
    // The rare topic's words never share a document: gensim's ε dominates.
    assert!(ours.per_topic[2] < -20.0, "{:?}", ours.per_topic);
}

/// NPMI as gensim 4 computes it, window by window updated as its `_slide_window` does: the
/// word leaving at the left is dropped even when it still occurs inside the window.
fn gensim_npmi(texts: &[Vec<String>], topics: &[Vec<String>], window: usize) -> Vec<f64> {
    let relevant: HashSet<&str> = topics.iter().flatten().map(String::as_str).collect();
    let mut windows = 0u64;
    let mut occurrences: HashMap<&str, u64> = HashMap::new();
    let mut pairs: HashMap<(&str, &str), u64> = HashMap::new();
    for text in texts {
        let mut current: HashSet<&str> = HashSet::new();
        for start in 0..=text.len().saturating_sub(window) {
            let slice = &text[start..(start + window).min(text.len())];
            if start == 0 {
                current = slice.iter().map(String::as_str).collect();
            } else {
                current.remove(text[start - 1].as_str());
                current.insert(slice[slice.len() - 1].as_str());
            }
            windows += 1;
            let mut present: Vec<&str> = current.iter().copied().filter(|w| relevant.contains(w)).collect();
            present.sort_unstable();
            for (i, &a) in present.iter().enumerate() {
                *occurrences.entry(a).or_default() += 1;
                for &b in &present[i + 1..] {
                    *pairs.entry((a, b)).or_default() += 1;
                }
            }
        }
    }
    #[allow(clippy::cast_precision_loss, reason = "small counts")]
    let share = |n: u64| n as f64 / windows as f64;
    topics
        .iter()
        .map(|topic| {
            let mut sum = 0.0;
            let mut n = 0.0;
            for (i, a) in topic.iter().enumerate() {
                for b in &topic[..i] {
                    let (a, b) = (a.as_str().min(b.as_str()), a.as_str().max(b.as_str()));
                    let joint = share(pairs.get(&(a, b)).copied().unwrap_or(0)) + 1e-12;
                    sum += (joint / (share(occurrences[a]) * share(occurrences[b]))).ln() / -joint.ln();
                    n += 1.0;
                }
            }
            sum / n
        })
        .collect()
}

#[test]
fn npmi_equals_an_exact_window_count_and_gensim_differs_only_by_its_sliding() {
    let counts = count_parallel(&TermOptions::new(), corpus().into_iter());
    let topics = topic_ids(&counts);
    let reference = reference();
    let input = committed_input();
    let segment_texts: Vec<Vec<String>> = input.documents.iter().flat_map(|d| d.segments.clone()).collect();
    let document_texts: Vec<Vec<String>> = input.documents.iter().map(|d| d.segments.concat()).collect();
    for (scope, npmis, texts) in [
        (WindowScope::Segment, &reference.c_npmi_segments, &segment_texts),
        (WindowScope::Document, &reference.c_npmi_documents, &document_texts),
    ] {
        let npmi = Npmi::new().window(reference.window_size).scope(scope);
        let ours = npmi.score(&counts, &topics, corpus().into_iter()).expect("valid ids and window");
        assert_close(&format!("c_npmi over {scope:?} windows, exact"), &ours, &npmis.exact);
        let emulated = Coherence::from_topics(gensim_npmi(texts, &input.topics, reference.window_size));
        assert_close(&format!("c_npmi over {scope:?} windows, gensim's sliding"), &emulated, &npmis.gensim);
        assert!(
            (ours.mean - npmis.gensim.mean).abs() < 0.005,
            "{scope:?}: {} against {}",
            ours.mean,
            npmis.gensim.mean
        );
    }
}
