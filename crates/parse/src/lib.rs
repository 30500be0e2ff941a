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
#![deny(missing_docs)]

mod corpus;
mod decode;
mod error;
mod grammar;
mod lines;
mod parser;
mod printer;

pub use corpus::{CorpusReader, Documents, Input, STDIN_PATH};
pub use decode::{BINARY_SNIFF_LEN, DecodeError, Decoded, decode};
pub use error::{ParseError, ParseErrorKind};
pub use grammar::boilerplate::BUILT_IN_BOILERPLATE;
pub use grammar::date::DateOrder;
pub use parser::{ArticleParser, parse_article, parse_article_lenient};
pub use printer::{render, write_article};
