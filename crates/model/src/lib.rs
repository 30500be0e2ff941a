//! The shared domain model of dateline.
//!
//! Plain value types, no I/O: an [`Article`] is what the parser makes of one news article, a
//! [`Document`] is one input file (its path, its article if it had one, and every
//! [`Diagnostic`] raised while reading it), a [`Period`] a length of calendar time that
//! reports group documents by. Every crate of the workspace speaks these types.
//!
//! A [`Document`] serialises to the public JSON contract of `dateline parse --format jsonl`:
//! `path`, `title`, `date`, `time`, `dateline`, `sections`, `boilerplate`, `diagnostics`, plus
//! a few extra fields (`title_span`, `published`, `authors`, `credits`, `updated`) that add
//! detail without renaming anything.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use dateline_model::{Article, Calendar, DateSource, Document, Paragraph, Precision, Published, Section, Span};
//!
//! let article = Article {
//!     published: Some(Published {
//!         date: NaiveDate::from_ymd_opt(2024, 1, 10).unwrap(),
//!         time: None,
//!         precision: Precision::Day,
//!         year_inferred: false,
//!         source: DateSource::InlinePrefix,
//!         calendar: Calendar::Gregorian,
//!         raw: "2024-01-10".into(),
//!         span: Span::new(6, 16),
//!     }),
//!     sections: vec![Section {
//!         heading: None,
//!         heading_span: None,
//!         paragraphs: vec![Paragraph { text: "Ministers met.".into(), span: Span::new(17, 31) }],
//!     }],
//!     ..Article::default()
//! };
//! let doc = Document { path: "a.txt".into(), article: Some(article), diagnostics: vec![] };
//! let json = serde_json::to_string(&doc).unwrap();
//! assert!(json.starts_with(r#"{"path":"a.txt","title":null,"date":"2024-01-10","time":null"#));
//! ```
#![deny(missing_docs)]

mod article;
mod diagnostic;
mod document;
mod period;
mod span;

pub use article::{
    Article, Calendar, Credit, CreditKind, DateSource, Dateline, Paragraph, Precision, Published, Section,
};
pub use diagnostic::{Diagnostic, Severity};
pub use document::Document;
pub use period::{ParsePeriodError, Period, PeriodKey};
pub use span::Span;
