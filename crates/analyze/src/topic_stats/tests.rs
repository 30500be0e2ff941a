//! Tests of the topic diagnostics, by hand and by law.

use super::windows::ArticleWindows;
use super::*;
use crate::collocations::{BigramTable, Measure};
use crate::counts::Counts;
use crate::counts::{DocCounts, count_parallel};
use crate::ngrams::NgramCounts;
use crate::ngrams::{NgramOptions, count_ngrams};
use crate::period::{Period, PeriodKey};
use crate::test_support::article_with;
use chrono::NaiveDate;
use dateline_model::Article;
use dateline_text::{DocMeta, TermOptions};
use proptest::prelude::*;

fn docs(texts: &[&str]) -> Vec<(DocMeta, Article)> {
    texts.iter().map(|t| (DocMeta { path: (*t).into(), date: None }, article_with(None, &[t]))).collect()
}

fn close(actual: f64, expected: f64) {
    assert!((actual - expected).abs() < 1e-12, "{actual} != {expected}");
}

fn ids(vocab: &Vocabulary, topics: &[&[&str]]) -> Vec<Vec<TermId>> {
    let topics: Vec<Vec<&str>> = topics.iter().map(|t| t.to_vec()).collect();
    resolve_topics(vocab, &topics).expect("known words")
}

/// iran in documents 0, 1, 2; russia in 0, 1; oil in 0, 3; gas in 2, 3.
fn umass_corpus() -> Counts {
    count_parallel(&TermOptions::new(), docs(&["Iran Russia oil", "Iran Russia", "Iran gas", "oil gas"]).into_iter())
}

#[test]
fn umass_follows_gensim_by_hand() {
    let counts = umass_corpus();
    let topics = ids(&counts.vocab, &[&["iran", "russia", "oil"], &["russia", "gas"]]);
    let coherence = UMass::new().score(&counts, &topics).expect("valid ids");
    // Pairs (wi | wj), i > j: russia|iran in 2 of iran's 3, oil|iran in 1 of 3, oil|russia in 1 of 2.
    let first = [
        ((2.0 / 4.0 + EPSILON) / (3.0 / 4.0)).ln(),
        ((1.0 / 4.0 + EPSILON) / (3.0 / 4.0)).ln(),
        ((1.0 / 4.0 + EPSILON) / (2.0 / 4.0)).ln(),
    ];
    let first = first.iter().sum::<f64>() / 3.0;
    // gas never shares a document with russia: ln(ε / (2/4)).
    let second = (EPSILON / (2.0 / 4.0)).ln();
    close(coherence.per_topic[0], first);
    close(coherence.per_topic[1], second);
    close(coherence.mean, (first + second) / 2.0);
    assert!(second < -26.0);
}

#[test]
fn umass_as_mimno_wrote_it_adds_one_and_sums() {
    let counts = umass_corpus();
    let topics = ids(&counts.vocab, &[&["iran", "russia", "oil"], &["russia", "gas"]]);
    let coherence = UMass::mimno().score(&counts, &topics).expect("valid ids");
    // ln(3/3) + ln(2/3) + ln(2/2), and ln(1/2).
    close(coherence.per_topic[0], (2.0f64 / 3.0).ln());
    close(coherence.per_topic[1], 0.5f64.ln());
    let mixed = UMass::new().smoothing(UMassSmoothing::AddOne).score(&counts, &topics).expect("valid ids");
    close(mixed.per_topic[0], (2.0f64 / 3.0).ln() / 3.0);
    let summed = UMass::new().aggregate(Aggregate::Sum).score(&counts, &topics).expect("valid ids");
    close(summed.per_topic[0], coherence_sum(&counts, &topics[0]));
}

fn coherence_sum(counts: &Counts, words: &[TermId]) -> f64 {
    let n = float_len(counts.docs.len());
    let has = |d: &DocCounts, w: TermId| d.terms.iter().any(|&(id, _)| id == w);
    let mut sum = 0.0;
    for i in 1..words.len() {
        for j in 0..i {
            let both = counts.docs.iter().filter(|d| has(d, words[i]) && has(d, words[j])).count();
            let given = counts.docs.iter().filter(|d| has(d, words[j])).count();
            sum += ((float_len(both) / n + EPSILON) / (float_len(given) / n)).ln();
        }
    }
    sum
}

#[test]
fn umass_takes_the_top_n_and_skips_topics_without_pairs() {
    let counts = umass_corpus();
    let topics = ids(&counts.vocab, &[&["iran", "russia", "oil"], &["gas"], &[]]);
    let coherence = UMass::new().top_n(2).score(&counts, &topics).expect("valid ids");
    close(coherence.per_topic[0], ((2.0 / 4.0 + EPSILON) / (3.0 / 4.0)).ln());
    assert!(coherence.per_topic[1].is_nan() && coherence.per_topic[2].is_nan());
    close(coherence.mean, coherence.per_topic[0]);
    let unknown = UMass::new().score(&counts, &[vec![0, 99]]);
    assert_eq!(unknown, Err(TopicStatsError::UnknownTerm { topic: 0, id: 99, terms: 4 }));
    assert_eq!(
        serde_json::to_string(&Coherence::from_topics(vec![f64::NAN])).ok().as_deref(),
        Some(r#"{"per_topic":[null],"mean":null}"#)
    );
}

fn npmi(both: f64, a: f64, b: f64, n: f64) -> f64 {
    let joint = both / n + EPSILON;
    (joint / ((a / n) * (b / n))).ln() / -joint.ln()
}

#[test]
fn npmi_windows_by_hand() {
    let (a, b, c, x) = (Some(1), Some(2), Some(3), Some(9));
    let mut counts = WindowCounts::new(3, &[1, 2, 3, 2]).expect("a window");
    // Windows: {a,b} {b} {b} {c} {a,c} {a,b,c}.
    counts.add_text(&[a, x, b, x, None, c, a, b]);
    assert_eq!(counts.windows(), 6);
    assert_eq!([1, 2, 3].map(|w| counts.occurrences(w)), [3, 4, 3]);
    assert_eq!([(1, 2), (1, 3), (2, 3), (3, 1)].map(|(p, q)| counts.co_occurrences(p, q)), [2, 2, 1, 2]);
    // A text without the words still has its windows; a short text, even empty, is one.
    counts.add_text(&[x, x, x, x]);
    counts.add_text(&[]);
    counts.add_text(&[c]);
    assert_eq!((counts.windows(), counts.occurrences(3)), (10, 4));
    close(counts.npmi(1, 2), npmi(2.0, 3.0, 4.0, 10.0));
    close(counts.npmi(2, 3), npmi(1.0, 4.0, 4.0, 10.0));
    assert!(counts.npmi(1, 9).is_nan());
    let coherence = Npmi::new().score_counts(&counts, &[vec![1, 2, 3], vec![1, 9]]).expect("scored");
    let expected = (npmi(2.0, 3.0, 4.0, 10.0) + npmi(2.0, 3.0, 4.0, 10.0) + npmi(1.0, 4.0, 4.0, 10.0)) / 3.0;
    close(coherence.per_topic[0], expected);
    assert!(coherence.per_topic[1].is_nan());
    close(coherence.mean, expected);
    assert_eq!(WindowCounts::new(0, &[1]), Err(TopicStatsError::Window));
}

#[test]
fn a_word_repeated_inside_a_window_stays_in_the_next() {
    // Windows [a b a] and [b a c]: a is in both, so a and c share one window.
    let mut counts = WindowCounts::new(3, &[1, 2, 3]).expect("a window");
    counts.add_text(&[Some(1), Some(2), Some(1), Some(3)]);
    assert_eq!((counts.occurrences(1), counts.co_occurrences(1, 3)), (2, 1));
}

fn article_windows(scope: WindowScope, window: usize, articles: &[Article]) -> (WindowCounts, Vocabulary) {
    let terms = TermOptions::new();
    let counts =
        count_parallel(&terms, articles.iter().map(|a| (DocMeta { path: String::new(), date: None }, a.clone())));
    let words = ids(&counts.vocab, &[&["gaza", "aid"]]).concat();
    let mut windows = ArticleWindows::new(&terms, &counts.vocab, WindowCounts::new(window, &words).expect("a window"));
    for a in articles {
        windows.add(a, scope);
    }
    (windows.into_counts(), counts.vocab)
}

#[test]
fn windows_stay_in_segments_unless_told() {
    // Terms: [gaza aid] in the title, [aid reaches gaza] in the paragraph ("the" is a stopword).
    let articles = [article_with(Some("Gaza aid"), &["The aid reaches Gaza"])];
    let (segment, vocab) = article_windows(WindowScope::Segment, 2, &articles);
    let [gaza, aid] = ["gaza", "aid"].map(|w| vocab.id(w).expect("a term"));
    // Windows {gaza aid}; {aid} {gaza}.
    assert_eq!((segment.windows(), segment.occurrences(gaza), segment.occurrences(aid)), (3, 2, 2));
    assert_eq!(segment.co_occurrences(gaza, aid), 1);
    // Windows {gaza aid} {aid} {aid} {gaza}.
    let (document, _) = article_windows(WindowScope::Document, 2, &articles);
    assert_eq!((document.windows(), document.occurrences(aid), document.co_occurrences(gaza, aid)), (4, 3, 1));
}

#[test]
fn npmi_does_not_depend_on_threads() {
    let texts: Vec<String> = (0..40)
        .map(|i| format!("Gaza aid convoy {i} waits at Rafah. Iran oil exports grow. Aid for Gaza talks {}", i % 7))
        .collect();
    let corpus = || docs(&texts.iter().map(String::as_str).collect::<Vec<_>>());
    let terms = TermOptions::new();
    let counts = count_parallel(&terms, corpus().into_iter());
    let topics = ids(&counts.vocab, &[&["gaza", "aid", "rafah", "talks"], &["iran", "oil", "exports"]]);
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a pool");
        pool.install(|| Npmi::new().window(4).score(&counts, &topics, corpus().into_iter()))
    };
    let one = run(1).expect("scored");
    assert_eq!(one, run(3).expect("scored"));
    assert!(one.per_topic.iter().all(|s| (-1.0..=1.0).contains(s)), "{one:?}");
}

/// Three short texts about foreign ministers and oil, counted, with their bigrams.
fn minister_texts() -> (Counts, NgramCounts) {
    let texts = [
        "Foreign Minister Lavrov met Foreign Minister Wang.",
        "Foreign Minister Lavrov spoke. Oil prices rose. Oil prices fell.",
        "The minister of oil spoke of foreign oil.",
    ];
    let corpus = || docs(&texts).into_iter();
    let counts = count_parallel(&TermOptions::new(), corpus());
    let bigrams = count_ngrams(&NgramOptions::builder().sizes(2, 2).build().expect("sizes"), corpus());
    (counts, bigrams)
}

#[test]
fn labels_pick_the_strongest_bigram_among_top_words() {
    let (counts, bigrams) = minister_texts();
    let topics = ids(
        &counts.vocab,
        &[&["minister", "oil", "foreign", "prices"], &["lavrov", "wang"], &["spoke"], &[], &["minister", "lavrov"]],
    );
    let labels = topic_labels(&LabelOptions::new(), &counts.vocab, &topics, &bigrams).expect("valid ids");
    let got: Vec<(&str, bool, u64)> = labels.iter().map(|l| (l.label.as_str(), l.collocation, l.count)).collect();
    // "Minister Lavrov" is seen twice; "Lavrov met", "Lavrov spoke" once, below the minimum.
    assert_eq!(
        got,
        [
            ("Foreign Minister", true, 3),
            ("Lavrov / Wang", false, 0),
            ("spoke", false, 0),
            ("", false, 0),
            ("Minister Lavrov", true, 2)
        ]
    );
    // Foreign Minister (3) against oil prices (2), by the likelihood ratio.
    let foreign = BigramTable::new(3, 4, 4, bigrams.tokens).likelihood_ratio();
    let oil = BigramTable::new(2, 4, 2, bigrams.tokens).likelihood_ratio();
    assert!(foreign > oil);
    assert_eq!(labels[0].score, Some(foreign));
    // Seen once is enough when asked, and the measure decides.
    let pmi = LabelOptions::new().min_count(1).measure(Measure::Pmi);
    let labels = topic_labels(&pmi, &counts.vocab, &topics, &bigrams).expect("valid ids");
    assert_eq!(labels[0].label, "oil prices");
    assert_eq!(labels[1].label, "Lavrov / Wang");
}

#[test]
fn two_topics_never_share_a_label() {
    let (counts, bigrams) = minister_texts();
    // Both topics' best bigram is "Foreign Minister"; the second topic's claim is no better,
    // so it falls back to its next best, then to its top words when none is left.
    let topics = ids(
        &counts.vocab,
        &[&["minister", "foreign", "lavrov"], &["foreign", "minister", "oil", "prices"], &["foreign", "minister"]],
    );
    let labels = topic_labels(&LabelOptions::new(), &counts.vocab, &topics, &bigrams).expect("valid ids");
    let got: Vec<(&str, bool)> = labels.iter().map(|l| (l.label.as_str(), l.collocation)).collect();
    assert_eq!(got, [("Foreign Minister", true), ("oil prices", true), ("Foreign / Minister", false)]);
}

fn dated(path: &str, date: Option<(i32, u32, u32)>, term_tokens: u32, tokens: u64) -> DocCounts {
    DocCounts {
        meta: DocMeta { path: path.into(), date: date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)) },
        tokens,
        sentences: 1,
        terms: if term_tokens == 0 { vec![] } else { vec![(0, term_tokens)] },
    }
}

#[test]
fn shares_weigh_documents_by_their_words_per_period() {
    let counts = Counts {
        docs: vec![
            dated("feb", Some((2024, 2, 3)), 10, 20),
            dated("undated", None, 4, 4),
            dated("jan-a", Some((2024, 1, 5)), 1, 2),
            dated("jan-b", Some((2024, 1, 30)), 3, 3),
            dated("empty", Some((2023, 12, 1)), 0, 0),
        ],
        ..Counts::default()
    };
    let theta = vec![vec![0.5, 0.5], vec![0.0, 1.0], vec![1.0, 0.0], vec![0.0, 1.0], vec![0.3, 0.7]];
    let rows = topic_shares(&counts, &theta, Period::Month, ShareWeight::TermTokens).expect("one row each");
    let got: Vec<(String, usize, usize)> = rows.iter().map(|r| (r.period.to_string(), r.topic, r.documents)).collect();
    let expected = [("2023-12", 0, 1), ("2023-12", 1, 1), ("2024-01", 0, 2), ("2024-01", 1, 2), ("2024-02", 0, 1)];
    assert_eq!(got[..5], expected.map(|(p, t, n)| (p.to_owned(), t, n)));
    assert_eq!(got[6..], [("undated".to_owned(), 0, 1), ("undated".to_owned(), 1, 1)]);
    // A period of documents without terms has no share to give.
    assert!(rows[0].share.is_nan() && rows[1].share.is_nan());
    // January: 1 term all topic 0, 3 terms all topic 1.
    close(rows[2].share, 0.25);
    close(rows[3].share, 0.75);
    close(rows[7].share, 1.0);
    let by_tokens = topic_shares(&counts, &theta, Period::Month, ShareWeight::Tokens).expect("one row each");
    close(by_tokens[2].share, 0.4);
    let by_documents = topic_shares(&counts, &theta, Period::Month, ShareWeight::Documents).expect("one row each");
    close(by_documents[0].share, 0.3);
    close(by_documents[2].share, 0.5);
}

#[test]
fn mixtures_must_match_the_documents() {
    let counts = Counts { docs: vec![dated("a", None, 1, 1), dated("b", None, 1, 1)], ..Counts::default() };
    let short = topic_shares(&counts, &[vec![1.0]], Period::Day, ShareWeight::TermTokens);
    assert_eq!(short, Err(TopicStatsError::Documents { expected: 2, found: 1 }));
    let ragged = representative_documents(&counts, &[vec![1.0, 0.0], vec![1.0]], 1);
    assert_eq!(ragged, Err(TopicStatsError::Topics { document: 1, expected: 2, found: 1 }));
    assert_eq!(topic_shares(&Counts::default(), &[], Period::Day, ShareWeight::TermTokens), Ok(vec![]));
}

#[test]
fn representatives_rank_by_weight_then_document_order() {
    let counts = Counts { docs: (0..5).map(|i| dated(&format!("d{i}"), None, 1, 1)).collect(), ..Counts::default() };
    let theta = vec![vec![0.5], vec![f64::NAN], vec![0.9], vec![0.5], vec![0.1]];
    let rows = representative_documents(&counts, &theta, 3).expect("one row each");
    let got: Vec<(usize, usize, f64)> = rows.iter().map(|r| (r.rank, r.document, r.weight)).collect();
    assert_eq!(got, [(1, 2, 0.9), (2, 0, 0.5), (3, 3, 0.5)]);
    let all = representative_documents(&counts, &theta, 10).expect("one row each");
    assert_eq!(all.iter().map(|r| r.document).collect::<Vec<_>>(), [2, 0, 3, 4, 1]);
    assert!(representative_documents(&counts, &theta, 0).expect("one row each").is_empty());
}

/// Mixtures whose rows sum to 1, with document lengths and dates over a few months.
fn corpus_with_mixtures() -> impl Strategy<Value = (Counts, Vec<Vec<f64>>)> {
    (1usize..6).prop_flat_map(|k| {
        let doc = (
            proptest::collection::vec(0.001f64..1.0, k),
            0u32..50,
            proptest::option::weighted(0.8, (1u32..4, 1u32..29)),
        );
        proptest::collection::vec(doc, 0..30).prop_map(|docs| {
            let mut theta = Vec::new();
            let mut doc_counts = Vec::new();
            for (i, (raw, length, date)) in docs.into_iter().enumerate() {
                let total: f64 = raw.iter().sum();
                theta.push(raw.iter().map(|w| w / total).collect());
                doc_counts.push(dated(&format!("d{i}"), date.map(|(m, d)| (2024, m, d)), length, u64::from(length)));
            }
            (Counts { docs: doc_counts, ..Counts::default() }, theta)
        })
    })
}

proptest! {
    #[test]
    fn prop_each_period_shares_sum_to_one((counts, theta) in corpus_with_mixtures(), p in 0usize..5) {
        for weight in [ShareWeight::TermTokens, ShareWeight::Tokens, ShareWeight::Documents] {
            let rows = topic_shares(&counts, &theta, Period::ALL[p], weight).expect("one row each");
            let mut sums: std::collections::BTreeMap<PeriodKey, (f64, bool)> = std::collections::BTreeMap::new();
            for row in &rows {
                let entry = sums.entry(row.period).or_insert((0.0, false));
                entry.0 += row.share;
                entry.1 |= row.share.is_nan();
            }
            let periods: Vec<PeriodKey> = sums.keys().copied().collect();
            prop_assert!(rows.windows(2).all(|w| (w[0].period, w[0].topic) < (w[1].period, w[1].topic)));
            prop_assert_eq!(rows.iter().map(|r| r.period).collect::<std::collections::BTreeSet<_>>().len(), periods.len());
            for (period, (sum, undefined)) in sums {
                // Only a period whose documents all weigh nothing is undefined.
                let weighs = counts.docs.iter().any(|d| Period::ALL[p].key(d.meta.date) == period
                    && (weight == ShareWeight::Documents || d.tokens > 0));
                prop_assert_eq!(undefined, !weighs);
                if weighs {
                    prop_assert!((sum - 1.0).abs() < 1e-9, "{period}: {sum}");
                }
            }
        }
    }
}
