//! Reads loose plain-text news articles into [`dateline_model`]'s typed model.
//!
//! - [`decode`] turns a file's bytes into text: BOMs, UTF-16, invalid UTF-8, CRLF.
//! - [`ArticleParser`] (and [`parse_article`], [`parse_article_lenient`]) reads the text: a
//!   title, the date and time, the dateline, sections, paragraphs, furniture.
//! - [`render`] writes an article back as text the parser reads to the same article.
//! - [`CorpusReader`] reads files, folders and standard input into one
//!   [`Document`](dateline_model::Document) per file, in parallel, in order.
//!
//! The formats are described production by production in `FORMAT.md`.
//!
//! # Example
//!
//! ```
//! use dateline_parse::parse_article;
//!
//! let text = "Talks in the Caspian\n\nSeptember 15, 2024 - 20:9\n\n\
//!             TEHRAN – Officials met on Sunday.\n\n=====Next steps\n\nMore talks follow.\n\nLeave a Comment";
//! let article = parse_article(text)?;
//! assert_eq!(article.title.as_deref(), Some("Talks in the Caspian"));
//! let published = article.published.as_ref().unwrap();
//! assert_eq!(published.date.to_string(), "2024-09-15");
//! assert_eq!(published.time.unwrap().to_string(), "20:09:00");
//! assert_eq!(article.dateline.as_ref().unwrap().place.as_deref(), Some("TEHRAN"));
//! assert_eq!(article.sections[1].heading.as_deref(), Some("Next steps"));
//! assert_eq!(article.boilerplate, ["Leave a Comment"]);
//! # Ok::<(), dateline_parse::ParseError>(())
//! ```
//!
//! # Property-testing your tool
//!
//! A tool that hands scraped text to this crate (a scraper, a pipeline that must never lose
//! an article) can test itself against the generators and invariants the parser is tested
//! with. With the `proptest` feature (off by default), the `testkit` module gives
//! well-formed articles in every layout with the model each must parse to, the malformed
//! input of FORMAT.md with the outcome each must have, and every invariant as one call:
//!
//! ```console
//! $ cargo add dateline-parse --features proptest
//! $ cargo add --dev proptest
//! ```
//!
//! ```
//! # #[cfg(feature = "proptest")] {
//! use dateline_parse::{parse_article, testkit};
//! use proptest::prelude::*;
//!
//! proptest! {
//!     // In a test file, mark each function `#[test]`; this example calls them itself.
//!     fn articles_read_as_they_were_written((text, expected) in testkit::articles()) {
//!         prop_assert_eq!(parse_article(&text)?, expected);
//!     }
//!
//!     fn damage_ends_as_promised(case in testkit::articles().prop_flat_map(|(text, _)| testkit::malformed(&text))) {
//!         case.check()?;
//!     }
//!
//!     fn no_file_breaks_an_invariant(bytes in testkit::files()) {
//!         testkit::check_invariants(&bytes)?;
//!     }
//! }
//! # articles_read_as_they_were_written();
//! # damage_ends_as_promised();
//! # no_file_breaks_an_invariant();
//! # }
//! ```
//!
//! Failures shrink to a small article and say which invariant broke and where (a
//! `testkit::Violation`). The same functions run the project's own property laws and
//! fuzz targets.
#![deny(missing_docs)]

mod corpus;
mod decode;
mod error;
mod grammar;
mod lines;
mod parser;
mod printer;
#[cfg(feature = "proptest")]
pub mod testkit;

pub use corpus::{CorpusReader, Documents, Input, STDIN_PATH};
pub use decode::{BINARY_SNIFF_LEN, DecodeError, Decoded, decode};
pub use error::{ParseError, ParseErrorKind};
pub use grammar::boilerplate::BUILT_IN_BOILERPLATE;
pub use grammar::date::DateOrder;
pub use parser::{ArticleParser, parse_article, parse_article_lenient};
pub use printer::{render, write_article};
