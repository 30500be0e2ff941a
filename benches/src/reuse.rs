//! Corpora with known text reuse, for the `reuse/...` benches and `reuse-bench`, and the
//! reading of their files as `dateline reuse` reads them.
//!
//! A reuse corpus mixes original articles of [`Generator`] with documents made from one of
//! the 200 originals before them, in the proportions of a scraped news corpus where a story
//! is often republished: 60% originals, then 10% each verbatim copies, copies with a new lede
//! and the last third cut, lightly edited copies (about one word in ten replaced, dropped or
//! doubled), and articles lifting two paragraphs of the source into text of their own. Every
//! document is written in the seeds' inline layout (`date 2024-03-05 First paragraph...`),
//! and dated: an original by its position in the corpus (a year in all), a derived document
//! up to three days after its source.

use std::cell::RefCell;

use chrono::{Days, NaiveDate};
use dateline_parse::{decode, parse_article_lenient};
use dateline_reuse::{ReuseDoc, ReuseReader};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::corpus::Generator;

/// How a document of a reuse corpus was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A fresh article.
    Original,
    /// Its source, word for word.
    Verbatim,
    /// A paragraph of its own, then the first two thirds of its source.
    LedeAddedTailCut,
    /// Its source with about one word in ten changed.
    LightlyEdited,
    /// Two paragraphs of its source inside two of its own.
    PartialReuse,
}

impl Kind {
    /// The name the manifest uses.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Kind::Original => "original",
            Kind::Verbatim => "verbatim",
            Kind::LedeAddedTailCut => "lede-added-tail-cut",
            Kind::LightlyEdited => "lightly-edited",
            Kind::PartialReuse => "partial-reuse",
        }
    }
}

/// One document of a reuse corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReuseArticle {
    /// `NNNNNNN.txt`, numbered in corpus order.
    pub relative_path: String,
    /// The file's text.
    pub text: String,
    /// How it was made.
    pub kind: Kind,
    /// The document it was made from (an index into the corpus), for derived documents.
    pub source: Option<usize>,
}

/// Originals a derived document may draw on: the most recent ones, as news copies news.
const RECENT: usize = 200;

/// The reuse corpus of `docs` documents for a seed: a pure function of both.
#[must_use]
pub fn reuse_corpus(seed: u64, docs: usize) -> Vec<ReuseArticle> {
    let generator = Generator::new(seed);
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x0072_6575_7365);
    let base = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    let mut out: Vec<ReuseArticle> = Vec::with_capacity(docs);
    // Per document: its paragraphs and date, kept for the documents made from it.
    let mut made: Vec<(Vec<String>, NaiveDate)> = Vec::with_capacity(docs);
    let mut originals: Vec<usize> = Vec::new();
    let mut fresh_index = 0u64;
    let mut fresh = |generator: &Generator| {
        fresh_index += 1;
        paragraphs_of(&generator.article(fresh_index).text)
    };
    for i in 0..docs {
        let roll = rng.random_range(0..10u32);
        let (kind, source) = if originals.is_empty() || roll < 6 {
            (Kind::Original, None)
        } else {
            let from = originals.len().saturating_sub(RECENT);
            let source = originals[rng.random_range(from..originals.len())];
            let kind =
                [Kind::Verbatim, Kind::LedeAddedTailCut, Kind::LightlyEdited, Kind::PartialReuse][(roll - 6) as usize];
            (kind, Some(source))
        };
        let (paragraphs, date) = match source {
            None => {
                let day = u64::try_from(i * 365 / docs.max(1)).unwrap_or(0);
                (fresh(&generator), base + Days::new(day))
            }
            Some(source) => {
                let (text, date) = &made[source];
                let date = *date + Days::new(rng.random_range(0..=3));
                let paragraphs = match kind {
                    Kind::LedeAddedTailCut => {
                        let keep = (text.len() * 2).div_ceil(3);
                        fresh(&generator).into_iter().take(1).chain(text[..keep].iter().cloned()).collect()
                    }
                    Kind::LightlyEdited => text.iter().map(|p| edit(p, 10, &mut rng)).collect(),
                    Kind::PartialReuse => {
                        let at = rng.random_range(0..text.len().saturating_sub(1).max(1));
                        let own = fresh(&generator);
                        own.iter()
                            .take(1)
                            .chain(&text[at..(at + 2).min(text.len())])
                            .chain(own.iter().skip(1).take(1))
                            .cloned()
                            .collect()
                    }
                    _ => text.clone(),
                };
                (paragraphs, date)
            }
        };
        if kind == Kind::Original {
            originals.push(i);
        }
        out.push(ReuseArticle {
            relative_path: format!("{:03}/{i:07}.txt", i / 1000),
            text: format!("date {date} {}\n", paragraphs.join("\n\n")),
            kind,
            source,
        });
        made.push((paragraphs, date));
    }
    out
}

/// The body paragraphs of a generated article, as the parser reads them.
fn paragraphs_of(text: &str) -> Vec<String> {
    let (article, _) = parse_article_lenient(text);
    let paragraphs: Vec<String> = article.paragraphs().map(|p| p.text.clone()).collect();
    if paragraphs.is_empty() { vec![String::from("An empty article.")] } else { paragraphs }
}

/// About one word in `every` replaced by a neighbour, dropped or doubled.
fn edit(paragraph: &str, every: u32, rng: &mut ChaCha8Rng) -> String {
    let words: Vec<&str> = paragraph.split(' ').collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len() + 4);
    for (i, &word) in words.iter().enumerate() {
        if rng.random_range(0..every) == 0 {
            match rng.random_range(0..3u32) {
                0 => out.push(words[(i + 3) % words.len()]),
                1 => {}
                _ => out.extend([word, word]),
            }
        } else {
            out.push(word);
        }
    }
    out.join(" ")
}

thread_local! {
    /// One term stream per thread, as the CLI keeps one per worker: each distinct term is
    /// folded and hashed once per thread, not once per file.
    static READER: RefCell<ReuseReader> = RefCell::new(ReuseReader::new());
}

/// A file read as `dateline reuse` reads it: decoded, parsed, and its counted text read through
/// `dateline-text`'s term stream ([`ReuseReader`]).
#[must_use]
pub fn reuse_doc(path: &str, bytes: &[u8]) -> ReuseDoc {
    let Ok(decoded) = decode(bytes) else { return ReuseDoc::new(path, None) };
    let (article, _) = parse_article_lenient(&decoded.text);
    READER.with_borrow_mut(|reader| reader.read(path, &article))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_reuse::term_hash;

    #[test]
    fn the_corpus_is_a_pure_function_of_its_seed_and_holds_every_kind() {
        let corpus = reuse_corpus(3, 300);
        assert_eq!(corpus, reuse_corpus(3, 300));
        for kind in [Kind::Original, Kind::Verbatim, Kind::LedeAddedTailCut, Kind::LightlyEdited, Kind::PartialReuse] {
            assert!(corpus.iter().filter(|a| a.kind == kind).count() >= 15, "{kind:?}");
        }
        let copy = corpus.iter().find(|a| a.kind == Kind::Verbatim).expect("a copy");
        let source = &corpus[copy.source.expect("a source")];
        assert_eq!(copy.text[16..], source.text[16..], "the same body after the date");
    }

    #[test]
    fn non_ascii_words_fold_like_ascii_ones() {
        let text = "date 2024-03-05 Président Zürich ÉTÉ, naïve; über.\n";
        let doc = reuse_doc("a.txt", text.as_bytes());
        let expected = ["président", "zürich", "été", "naïve", "über"].map(term_hash);
        assert_eq!(doc.tokens.iter().map(|t| t.term).collect::<Vec<_>>(), expected);
        assert_eq!(&text[doc.tokens[2].span.start..doc.tokens[2].span.end], "ÉTÉ");
        let plain = reuse_doc("b.txt", b"date 2024-03-05 UNION Union union\n");
        assert!(plain.tokens.iter().all(|t| t.term == term_hash("union")));
    }

    #[test]
    fn reuse_doc_reads_the_counted_text_with_spans() {
        let text = "date 2024-03-05 Ministers met in Geneva.\n\nThey agreed.\n";
        let doc = reuse_doc("a.txt", text.as_bytes());
        assert_eq!(doc.date, NaiveDate::from_ymd_opt(2024, 3, 5));
        let words: Vec<&str> = doc.tokens.iter().map(|t| &text[t.span.start..t.span.end]).collect();
        assert_eq!(words, ["Ministers", "met", "in", "Geneva", "They", "agreed"]);
        assert_eq!(doc.tokens.iter().map(|t| t.paragraph).collect::<Vec<_>>(), [0, 0, 0, 0, 1, 1]);
    }
}
