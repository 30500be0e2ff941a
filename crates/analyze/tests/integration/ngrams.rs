//! N-gram counting laws: runs never cross sentences, and the counts do not depend on threads
//! or on the order counters are merged in.

use std::path::PathBuf;
use std::sync::LazyLock;

use dateline_analyze::DocMeta;
use dateline_analyze::collocations::{CollocationOptions, score_bigrams};
use dateline_analyze::ngrams::{NgramCounter, NgramCounts, NgramOptions, StopwordEdges, count_ngrams};
use dateline_analyze::{Stopwords, TermOptions};
use dateline_model::{Article, Paragraph, Section, Span};
use dateline_parse::{ArticleParser, CorpusReader};
use dateline_text::segments;
use dateline_text::tokens;
use proptest::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};

fn seed_articles() -> Vec<(DocMeta, Article)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(&dir).expect("seeds folder").map(|entry| entry.expect("entry").path()).collect();
    paths.sort();
    let reader = CorpusReader::new(ArticleParser::new());
    paths
        .iter()
        .map(|path| {
            let doc = reader.read_file(path);
            (DocMeta { path: doc.path, date: None }, doc.article.expect("a seed article"))
        })
        .collect()
}

fn keep_everything(min: usize, max: usize) -> NgramOptions {
    NgramOptions::builder()
        .terms(TermOptions::new().stopwords(Stopwords::None))
        .stopword_edges(StopwordEdges::Keep)
        .sizes(min, max)
        .min_count(1)
        .build()
        .expect("valid sizes")
}

/// The lengths of the seeds' sentences, counted apart from the n-gram counter.
fn seed_sentence_lengths() -> Vec<u64> {
    let mut lengths = Vec::new();
    for (_, article) in seed_articles() {
        for segment in segments(&article) {
            for token in tokens(segment.text) {
                if token.sentence_start {
                    lengths.push(0);
                }
                *lengths.last_mut().expect("the first token starts a sentence") += 1;
            }
        }
    }
    lengths
}

#[test]
fn seed_ngrams_stay_inside_sentences() {
    let counts = count_ngrams(&keep_everything(2, 5), seed_articles().into_iter());
    let lengths = seed_sentence_lengths();
    assert_eq!(counts.sentences, lengths.len() as u64);
    assert_eq!(counts.tokens, lengths.iter().sum::<u64>());
    for n in 2..=5u64 {
        // A sentence of L tokens holds L - n + 1 n-grams of size n, and no n-gram spans two.
        let expected: u64 = lengths.iter().map(|&l| (l + 1).saturating_sub(n)).sum();
        let counted: u64 = counts.ngrams.iter().filter(|(g, _)| g.size() as u64 == n).map(|(_, c)| c).sum();
        assert_eq!(counted, expected, "size {n}");
    }
}

#[test]
fn seed_phrases_and_collocations() {
    let options = NgramOptions::builder().sizes(2, 4).build().expect("valid sizes");
    let counts = count_ngrams(&options, seed_articles().into_iter());
    assert!(counts.count_of(&["foreign", "minister"]) >= 2);
    // Stopwords stay inside phrases but never open or close one.
    assert!(counts.ngrams.iter().all(|(g, _)| {
        let ids = g.ids();
        let edge = [ids[0], ids[ids.len() - 1]];
        edge.iter().all(|&id| !dateline_text::ENGLISH_STOPWORDS.contains(&counts.vocab.term(id)))
    }));
    let report = counts.report(&options);
    assert!(report.rows.iter().all(|row| row.count >= 2));
    let collocations = score_bigrams(&counts, &CollocationOptions::new());
    assert!(!collocations.rows.is_empty());
    assert!(collocations.rows.iter().all(|row| row.total_tokens == counts.tokens && row.count >= 2));
    assert!(collocations.rows.windows(2).all(|w| w[0].score >= w[1].score));
}

static ONE_THREAD: LazyLock<ThreadPool> =
    LazyLock::new(|| ThreadPoolBuilder::new().num_threads(1).build().expect("a one-thread pool"));
static FOUR_THREADS: LazyLock<ThreadPool> =
    LazyLock::new(|| ThreadPoolBuilder::new().num_threads(4).build().expect("a four-thread pool"));

/// Words with stopwords, capitals, numbers and the punctuation that ends sentences.
fn word() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "Iran",
        "iran",
        "Russia",
        "the",
        "of",
        "and",
        "talks",
        "Talks",
        "grain",
        "INSTC",
        "Lavrov’s",
        "100",
        "2.4",
        "North-South",
        "corridor.",
        "said.",
        "U.S.",
        "Mr.",
        "Gaza?",
        "aid!",
        "minister",
        "Foreign",
    ])
}

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 0..30).prop_map(|words| words.join(" "))
}

fn articles() -> impl Strategy<Value = Vec<(DocMeta, Article)>> {
    let article =
        (prop::option::of(paragraph()), prop::collection::vec(paragraph(), 0..4)).prop_map(|(title, ps)| Article {
            title_span: title.as_ref().map(|t| Span::new(0, t.len())),
            title,
            sections: vec![Section {
                heading: None,
                heading_span: None,
                paragraphs: ps.into_iter().map(|text| Paragraph { span: Span::new(0, text.len()), text }).collect(),
            }],
            ..Article::default()
        });
    prop::collection::vec(article, 0..24).prop_map(|articles| {
        articles
            .into_iter()
            .enumerate()
            .map(|(i, article)| (DocMeta { path: format!("{i}.txt"), date: None }, article))
            .collect()
    })
}

fn options() -> impl Strategy<Value = NgramOptions> {
    (2..=5usize, 0..=3usize, any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
        |(min, extra, keep, stem, numbers)| {
            NgramOptions::builder()
                .terms(TermOptions::new().stem(stem).numbers(numbers))
                .sizes(min, (min + extra).min(5))
                .stopword_edges(if keep { StopwordEdges::Keep } else { StopwordEdges::Drop })
                .min_count(1)
                .build()
                .expect("valid sizes")
        },
    )
}

fn collocation_json(counts: &NgramCounts) -> String {
    serde_json::to_string(&score_bigrams(counts, &CollocationOptions::new().min_count(1))).expect("serialises")
}

proptest! {
    #[test]
    fn prop_ngram_counts_do_not_depend_on_threads(docs in articles(), options in options()) {
        let one = ONE_THREAD.install(|| count_ngrams(&options, docs.clone().into_iter()));
        let four = FOUR_THREADS.install(|| count_ngrams(&options, docs.into_iter()));
        prop_assert_eq!(collocation_json(&one), collocation_json(&four));
        prop_assert_eq!(one, four);
    }

    #[test]
    fn prop_merging_ngram_counters_in_any_order_gives_the_same_counts(
        docs in articles(),
        options in options(),
        seed in any::<u64>(),
    ) {
        let mut single = NgramCounter::new(&options);
        for (_, article) in &docs {
            single.add(article);
        }
        let single = single.finish();
        // One counter per article, merged in an order picked by the seed.
        let mut parts: Vec<NgramCounter<'_>> = docs
            .iter()
            .map(|(_, article)| {
                let mut counter = NgramCounter::new(&options);
                counter.add(article);
                counter
            })
            .collect();
        let mut state = seed;
        let mut merged = NgramCounter::new(&options);
        while !parts.is_empty() {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let pick = usize::try_from(state >> 33).unwrap_or(0) % parts.len();
            let part = parts.swap_remove(pick);
            merged = if state & 1 == 0 { merged.merge(part) } else { part.merge(merged) };
        }
        prop_assert_eq!(merged.finish(), single);
    }
}
