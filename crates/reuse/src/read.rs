//! Articles into [`ReuseDoc`]s through `dateline-text`'s one term stream, so that reuse reads
//! the same counted text (title, headings, paragraphs; never the date line, the dateline,
//! furniture or credits), the same tokens and the same folding as every other analysis.

use std::sync::LazyLock;

use chrono::NaiveDate;
use dateline_model::Article;
use dateline_text::{Stopwords, TermOptions, TermReader};

use crate::doc::ReuseDoc;
use crate::hash::term_hash;
use crate::shingle::to_u32;

/// Every word and number is a term (a stopword is as much a part of a copied sentence as any
/// other word), folded as everywhere else, never stemmed (a copy keeps its inflections).
static TERMS: LazyLock<TermOptions> = LazyLock::new(|| TermOptions::new().stopwords(Stopwords::None).numbers(true));

/// The term options reuse reads with: the news tokenizer, no stopwords left out, numbers kept,
/// no stemming.
#[must_use]
pub fn reuse_term_options() -> &'static TermOptions {
    &TERMS
}

/// Turns articles into [`ReuseDoc`]s: one per thread, as a [`TermReader`] is. Each distinct term
/// is hashed once ([`term_hash`]) the first time the reader meets it, so the hash of a token
/// is a lookup.
///
/// ```
/// use dateline_reuse::{ReuseReader, term_hash};
///
/// let article = dateline_parse::parse_article("Talks in Tehran\n\n2024-09-15\n\nTEHRAN – Lavrov’s envoy met them.")?;
/// let mut reader = ReuseReader::new();
/// let doc = reader.read("a.txt", &article);
/// let terms: Vec<u64> = doc.tokens.iter().map(|t| t.term).collect();
/// assert_eq!(terms, ["talks", "in", "tehran", "lavrov", "envoy", "met", "them"].map(term_hash));
/// assert_eq!(doc.tokens.iter().map(|t| t.paragraph).collect::<Vec<_>>(), [0, 0, 0, 1, 1, 1, 1]);
/// assert_eq!(doc.date, chrono::NaiveDate::from_ymd_opt(2024, 9, 15));
/// # Ok::<(), dateline_parse::ParseError>(())
/// ```
#[derive(Debug, Clone)]
pub struct ReuseReader {
    terms: TermReader<'static>,
    /// [`term_hash`] of each term, by the reader's term ids (numbered as met).
    hashes: Vec<u64>,
}

impl Default for ReuseReader {
    fn default() -> Self {
        Self::new()
    }
}

impl ReuseReader {
    /// A reader with [`reuse_term_options`].
    #[must_use]
    pub fn new() -> Self {
        Self { terms: reuse_term_options().reader().keep_stopwords(), hashes: Vec::new() }
    }

    /// The document of `article`, at `path`, dated by its publication date.
    pub fn read(&mut self, path: impl Into<String>, article: &Article) -> ReuseDoc {
        self.read_dated(path, article.published.as_ref().map(|p| p.date), article)
    }

    /// The document of `article` with a date given by the caller.
    pub fn read_dated(&mut self, path: impl Into<String>, date: Option<NaiveDate>, article: &Article) -> ReuseDoc {
        let mut doc = ReuseDoc::new(path, date);
        let Self { terms, hashes } = self;
        let mut stream = terms.terms(article);
        while let Some(token) = stream.next() {
            // Every token is a term with these options; a term left out would only shorten
            // a shingle.
            let Some(id) = token.term else { continue };
            let id = id as usize;
            while hashes.len() <= id {
                hashes.push(term_hash(stream.vocab().term(to_u32(hashes.len()))));
            }
            doc.push_hashed(hashes[id], token.span, to_u32(token.segment));
        }
        doc
    }
}
