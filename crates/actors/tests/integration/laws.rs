//! Laws every article must keep, over generated news-like text.

use dateline_actors::{AliasTable, CorpusActors, extract, quotes};
use proptest::prelude::*;

/// Pieces news is made of: names with titles and particles, places, cue verbs, quote marks
/// straight and curly, apostrophes, punctuation, multi-byte letters.
const PIECES: &[&str] = &[
    "Sergey Lavrov",
    "Lavrov",
    "Foreign Minister",
    "Hossein Amir-Abdollahian",
    "Lula da Silva",
    "Tehran",
    "the U.S.",
    "United States",
    "Iran's",
    "Ministry of Defence",
    "(INSTC)",
    "said",
    "told reporters:",
    "he said",
    "according to",
    "the",
    "talks",
    "went",
    "on",
    "and",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "'",
    "States'",
    "wasn\"t",
    ",",
    ".",
    "\u{2014}",
    "Zoë Ödön",
    "Mr.",
    "Gen.",
    "\n\n",
    "NATO",
    "al-Assad",
    "\u{2019}s",
];

fn article_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..60)
        .prop_map(|pieces| format!(" date 2024-01-10 {}", pieces.join(" ")))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn prop_mention_spans_lie_on_the_text_and_equal_a_form(text in article_text()) {
        let (article, _) = dateline_parse::parse_article_lenient(&text);
        for actor in extract(&article) {
            for span in &actor.mentions {
                let written = text.get(span.start..span.end);
                prop_assert!(written.is_some(), "{span:?} is not on the text");
                let written = written.unwrap_or_default();
                prop_assert!(written == actor.name || actor.aliases.iter().any(|a| a == written), "{written:?} of {actor:?}");
            }
        }
    }

    #[test]
    fn prop_a_quote_lies_inside_one_paragraph_or_a_run_of_them(text in article_text()) {
        let (article, _) = dateline_parse::parse_article_lenient(&text);
        let actors = extract(&article);
        let paragraphs: Vec<(usize, usize)> = article.paragraphs().map(|p| (p.span.start, p.span.end)).collect();
        for quote in quotes(&article, &actors) {
            let first = paragraphs.iter().position(|&(s, e)| s <= quote.span.start && quote.span.start <= e);
            let last = paragraphs.iter().position(|&(s, e)| s <= quote.span.end && quote.span.end <= e);
            prop_assert!(first.is_some() && last.is_some() && first <= last, "{quote:?} in {paragraphs:?}");
            prop_assert!(quote.text.split_whitespace().count() >= 4);
            if let Some(speaker) = &quote.speaker {
                prop_assert!(actors.iter().any(|a| &a.name == speaker), "{speaker} is no actor");
                prop_assert!(!["he", "she", "He", "She"].contains(&speaker.as_str()));
            }
        }
    }

    #[test]
    fn prop_merging_per_thread_results_in_any_order_gives_the_same_actors(
        texts in prop::collection::vec(article_text(), 1..6),
        split in 0usize..6,
    ) {
        let aliases = AliasTable::new();
        let found: Vec<_> = texts.iter().map(|t| extract(&dateline_parse::parse_article_lenient(t).0)).collect();
        let gather = |order: &[usize]| {
            let mut corpus = CorpusActors::new();
            for &i in order {
                corpus.add(Some("2024-01-10"), None, &found[i], &aliases);
            }
            corpus
        };
        let all: Vec<usize> = (0..found.len()).collect();
        let split = split.min(found.len());
        let mut left = gather(&all[..split]);
        let right = gather(&all[split..]);
        let mut reversed: Vec<usize> = all.clone();
        reversed.reverse();
        let one = gather(&reversed).finish(&aliases);
        let mut other = right.clone();
        other.merge(left.clone());
        left.merge(right);
        prop_assert_eq!(&left.finish(&aliases), &one);
        prop_assert_eq!(&other.finish(&aliases), &one);
    }
}
