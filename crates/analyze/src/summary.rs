//! The corpus at a glance: articles, dates, tokens, types, sentences, lengths.

use chrono::NaiveDate;
use serde::Serialize;

use crate::counts::Counts;

/// A summary of a counted corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Articles counted.
    pub articles: usize,
    /// Articles with a publication date.
    pub dated: usize,
    /// The earliest publication date.
    pub first_date: Option<NaiveDate>,
    /// The latest publication date.
    pub last_date: Option<NaiveDate>,
    /// Word and number tokens, stopwords included.
    pub tokens: u64,
    /// Tokens counted as terms (stopwords, and numbers if so configured, left out).
    pub term_tokens: u64,
    /// Distinct terms.
    pub types: usize,
    /// Sentences.
    pub sentences: u64,
    /// Mean tokens per article.
    pub mean_article_tokens: f64,
    /// Distinct terms over counted terms.
    pub type_token_ratio: f64,
}

/// Summarises `counts`.
#[must_use]
#[allow(clippy::cast_precision_loss, reason = "counts are far below 2^52")]
pub fn summarize(counts: &Counts) -> Summary {
    let dates = counts.docs.iter().filter_map(|d| d.meta.date);
    let (tokens, term_tokens) = (counts.tokens(), counts.term_tokens());
    let articles = counts.docs.len();
    Summary {
        articles,
        dated: counts.docs.iter().filter(|d| d.meta.date.is_some()).count(),
        first_date: dates.clone().min(),
        last_date: dates.max(),
        tokens,
        term_tokens,
        types: counts.vocab.len(),
        sentences: counts.sentences(),
        mean_article_tokens: if articles == 0 { 0.0 } else { tokens as f64 / articles as f64 },
        type_token_ratio: if term_tokens == 0 { 0.0 } else { counts.vocab.len() as f64 / term_tokens as f64 },
    }
}
