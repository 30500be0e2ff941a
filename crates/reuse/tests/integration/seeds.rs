//! The four seed articles, parsed and read as the CLI reads them (the term stream): no reuse among them, and a copy
//! of one with a lede added and the tail cut found, aligned on the right paragraphs.

use dateline_model::Article;
use dateline_parse::{decode, parse_article_lenient};
use dateline_reuse::{ReuseDoc, ReuseFinder, ReuseOptions, ReuseReader, term_hash};

use crate::support::brute_force;

/// The document the CLI makes of an article: through the term stream.
fn reuse_doc(path: &str, article: &Article) -> ReuseDoc {
    ReuseReader::new().read(path, article)
}

fn seed(name: &str) -> (String, Article) {
    let path = format!("{}/../../seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("a seed");
    let text = decode(&bytes).expect("text").text.into_owned();
    let (article, _) = parse_article_lenient(&text);
    (text, article)
}

const SEEDS: [&str; 4] =
    ["000_2110fb2c7be67491.txt", "001_d63be5d8afa5ed75.txt", "002_ff26b561ed4a4f97.txt", "003_44541c66476e1ad4.txt"];

#[test]
fn the_seeds_reuse_nothing_of_each_other() {
    let docs: Vec<ReuseDoc> = SEEDS
        .iter()
        .map(|name| {
            let (_, article) = seed(name);
            reuse_doc(name, &article)
        })
        .collect();
    assert!(docs.iter().all(|d| d.tokens.len() > 200));
    let report = ReuseFinder::new(ReuseOptions::new()).expect("valid").find(&docs);
    assert!(report.pairs.is_empty(), "{:?}", report.pairs);
    // Two of them are about the same visit and share phrases, not passages.
    for (_, scores) in brute_force(&docs, 5, 0) {
        assert!(!scores.passes(0.5, 0.5), "{scores:?}");
    }
}

#[test]
fn a_seed_rewritten_with_a_new_lede_and_its_tail_cut_is_found_and_aligned() {
    let (text, article) = seed(SEEDS[2]);
    let paragraphs: Vec<&str> = article.paragraphs().map(|p| &text[p.span.start..p.span.end]).collect();
    let kept = &paragraphs[..paragraphs.len() - 3];
    let copy_text =
        format!("date 2024-09-16 A regional outlet picked up the story the next day.\n\n{}\n", kept.join("\n\n"));
    let (copy_article, _) = parse_article_lenient(&copy_text);
    let docs = [reuse_doc(SEEDS[2], &article), reuse_doc("copy.txt", &copy_article)];
    let report = ReuseFinder::new(ReuseOptions::new()).expect("valid").find(&docs);
    assert_eq!(report.pairs.len(), 1);
    let pair = &report.pairs[0];
    assert_eq!((pair.a, pair.b), (0, 1), "the seed is dated first");
    assert!(pair.containment > 0.9 && pair.jaccard < 0.8, "{pair:?}");
    assert_eq!(pair.passages.len(), 1);
    let passage = pair.passages[0];
    // The passage runs from the seed's first kept paragraph to the end of the last one kept.
    let first = article.paragraphs().next().expect("a paragraph").span;
    let last = article.paragraphs().nth(kept.len() - 1).expect("kept").span;
    assert_eq!(passage.a.start, first.start);
    assert!(passage.a.end <= last.end && !text[passage.a.end..last.end].chars().any(char::is_alphanumeric));
    assert_eq!(report.families[0].first, 0);
    assert_eq!(report.dedup_keep(), [true, false]);
}

#[test]
fn the_reader_takes_the_counted_text_only_with_spans_on_the_file() {
    let text = "Ministers meet in Geneva\n\nSeptember 15, 2024\n\nGENEVA (AP) \u{2014} The ministers met on Monday and agreed.\n\n(Reporting by Jane Doe; Editing by John Roe)\n\nLeave a Comment\n";
    let (article, _) = parse_article_lenient(text);
    let doc = ReuseReader::new().read("a.txt", &article);
    let words: Vec<&str> = doc.tokens.iter().map(|t| &text[t.span.start..t.span.end]).collect();
    assert_eq!(
        words,
        ["Ministers", "meet", "in", "Geneva", "The", "ministers", "met", "on", "Monday", "and", "agreed"]
    );
    assert_eq!(doc.tokens[4].term, term_hash("the"), "stopwords are kept and folded");
    assert_eq!(doc.tokens.iter().map(|t| t.paragraph).collect::<Vec<_>>(), [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
    assert_eq!(doc.date, chrono::NaiveDate::from_ymd_opt(2024, 9, 15));
}

#[test]
fn one_reader_over_many_articles_hashes_as_a_fresh_one() {
    let mut shared = ReuseReader::new();
    for name in SEEDS {
        let (_, article) = seed(name);
        assert_eq!(shared.read(name, &article), ReuseReader::new().read(name, &article), "{name}");
    }
}
