//! Term statistics over [`dateline_model::Article`]s.
//!
//! Every statistic reads articles through `dateline-text`'s one term stream
//! ([`dateline_text::TermReader`]): tokens, sentences and terms as the [`TermOptions`] make
//! them. [`counts`] makes one parallel pass over a corpus into per-term and per-document
//! counts that keep those options, so every later statistic over them ([`mod@trends`], the
//! coherence of [`topic_stats`]) reads words the same way.
//!
//! Statistics count the title, the section headings and the paragraphs; never the date
//! line, the dateline or furniture ([`dateline_text::segments()`]).
//!
//! # Example
//!
//! ```
//! use dateline_analyze::{DocMeta, TermOptions, count_parallel};
//!
//! let article = dateline_parse::parse_article(" date 2024-01-10 Lavrov met Iran's envoy. Lavrov left.")?;
//! let meta = DocMeta { path: "a.txt".into(), date: None };
//! let counts = count_parallel(&TermOptions::new(), std::iter::once((meta, article)));
//! let lavrov = counts.vocab.id("lavrov").unwrap();
//! assert_eq!(counts.term_freq[lavrov as usize], 2);
//! assert_eq!(counts.vocab.display(lavrov), "Lavrov");
//! # Ok::<(), dateline_parse::ParseError>(())
//! ```
#![deny(missing_docs)]

pub mod collocations;
pub mod counts;
pub mod frequency;
pub mod keyness;
pub mod kwic;
pub mod ngrams;
pub mod period;
pub mod summary;
#[cfg(test)]
mod test_support;
pub mod tfidf;
pub mod topic_stats;
pub mod topics;
pub mod trends;

pub use collocations::{CollocationOptions, CollocationReport, CollocationRow, Measure, collocation_table};
pub use counts::{Counter, Counts, DocCounts, count_parallel, count_totals_parallel};
pub use dateline_text::{DfBound, DocMeta, Stopwords, TermId, TermOptions, Vocabulary};
pub use frequency::{TermGroup, TermRow, term_table, term_table_by};
pub use keyness::{
    Correction, DocFilter, Keyness, KeynessError, KeynessMeasure, KeynessOptions, KeynessRow, Selection,
    SelectionBuilder, keyness, keyness_against, keyness_parallel,
};
pub use kwic::{KwicHit, kwic, kwic_article};
pub use ngrams::{
    NgramCounts, NgramOptions, NgramReport, NgramRow, RankedNgrams, StopwordEdges, count_frequent_ngrams, count_ngrams,
    ngram_table,
};
pub use period::{Period, PeriodKey};
pub use summary::{Summary, summarize};
pub use tfidf::{Preset, TfIdf, TfIdfBuilder, TfIdfError, TfIdfReport, TfIdfRow, Weighting};
pub use trends::{Trends, trends, trends_parallel};
