//! The four seed articles, parsed as the CLI will parse them: no reuse among them, and a copy
//! of one with a lede added and the tail cut found, aligned on the right paragraphs.

use dateline_model::Article;
use dateline_parse::{decode, parse_article_lenient};
use dateline_reuse::{ReuseDoc, ReuseFinder, ReuseOptions};

use crate::support::{brute_force, push_words};

/// The counted text of an article (title, headings, paragraphs), each its own segment.
fn reuse_doc(path: &str, text: &str, article: &Article) -> ReuseDoc {
    let mut doc = ReuseDoc::new(path, article.published.as_ref().map(|p| p.date));
    let mut segment = 0;
    let mut add = |span: dateline_model::Span| {
        push_words(&mut doc, &text[span.start..span.end], span.start, segment);
        segment += 1;
    };
    if let Some(span) = article.title_span {
        add(span);
    }
    for section in &article.sections {
        if let Some(span) = section.heading_span {
            add(span);
        }
        for paragraph in &section.paragraphs {
            add(paragraph.span);
        }
    }
    doc
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
            let (text, article) = seed(name);
            reuse_doc(name, &text, &article)
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
    let docs = [reuse_doc(SEEDS[2], &text, &article), reuse_doc("copy.txt", &copy_text, &copy_article)];
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
