//! What every analysis of dateline reads: an article's countable text ([`mod@segments`]: the
//! title, section headings and paragraphs, never the date line, the dateline or furniture),
//! its tokens and sentences ([`tokenize`]), how a token becomes a term ([`TermOptions`],
//! [`stopwords`], [`sklearn`]), interned terms ([`Vocabulary`]), and the one term stream every
//! counter reads ([`TermReader`]), with what identifies a document ([`DocMeta`]) and
//! document-frequency bounds ([`DfBound`]).
//!
//! The stream gives each token as written, its byte span in the decoded file, its
//! capitalisation ([`TermToken::case`]), where sentences and segments (title, heading,
//! paragraph) begin, and the term it counts as, decided once per distinct surface form. A
//! [`TermReader`] is one thread's state; readers are merged and finished into ids in term
//! order, so results never depend on how the work was split.
//!
//! # Example
//!
//! ```
//! use dateline_text::TermOptions;
//!
//! let article = dateline_parse::parse_article("Talks in Tehran\n\n2024-09-15\n\nTEHRAN – Lavrov met the envoy.")?;
//! let options = TermOptions::new();
//! let mut reader = options.reader();
//! let mut stream = reader.terms(&article);
//! let mut seen = Vec::new();
//! while let Some(token) = stream.next() {
//!     let term = token.term.map(|id| stream.vocab().term(id).to_owned());
//!     seen.push((token.text, token.segment, token.sentence_start, term));
//! }
//! assert_eq!(seen[0], ("Talks", 0, true, Some("talks".into())));
//! assert_eq!(seen[3], ("Lavrov", 1, true, Some("lavrov".into())));
//! assert_eq!(seen[5], ("the", 1, false, None), "a stopword is no term");
//! // Spans point into the file: the dateline `TEHRAN –` is not counted text.
//! let token = reader.terms(&article).nth(3).unwrap();
//! assert_eq!((token.span.start, token.span.end), (40, 46));
//! # Ok::<(), dateline_parse::ParseError>(())
//! ```

#![deny(missing_docs)]

pub mod df;
mod forms;
pub mod meta;
pub mod segments;
pub mod sklearn;
mod spellings;
pub mod stopwords;
pub mod stream;
pub mod terms;
pub mod tokenize;
pub mod vocab;

pub use df::{DfBound, DfBoundsProblem};
pub use meta::DocMeta;
pub use segments::{Segment, SegmentKind, segments};
pub use stopwords::{ENGLISH_STOPWORDS, Stopwords};
pub use stream::{ArticleTerms, FinishedTerms, TermReader, TermToken};
pub use terms::{Analyzer, TermOptions, fold};
pub use tokenize::{Case, Token, TokenKind, tokens};
pub use vocab::{SortedIds, TermId, Vocabulary};
