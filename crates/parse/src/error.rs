//! The strict parser's error: what went wrong, where, and a caret under it.

use std::fmt;

use dateline_model::{Diagnostic, Span};

/// What kind of problem stopped a strict parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// A date shaped like a date that does not exist: `2024-02-30`, `2024-13-01`.
    InvalidDate,
    /// A time of day that does not exist: `24:00`, `20:60`.
    InvalidTime,
}

/// An error from [`parse_article`](crate::parse_article), with its place in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    kind: ParseErrorKind,
    message: String,
    span: Span,
    line: usize,
    column: usize,
    source_line: String,
}

impl ParseError {
    pub(crate) fn new(kind: ParseErrorKind, diagnostic: &Diagnostic, source_line: &str) -> Self {
        Self {
            kind,
            message: diagnostic.message.clone(),
            span: diagnostic.span,
            line: diagnostic.line,
            column: diagnostic.column,
            source_line: source_line.to_owned(),
        }
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> ParseErrorKind {
        self.kind
    }

    /// The message, without position.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The bytes of the text the error is about.
    #[must_use]
    pub fn span(&self) -> Span {
        self.span
    }

    /// 1-based line.
    #[must_use]
    pub fn line(&self) -> usize {
        self.line
    }

    /// 1-based column, in characters.
    #[must_use]
    pub fn column(&self) -> usize {
        self.column
    }
}

impl fmt::Display for ParseError {
    /// Renders the message, the position, the line and a caret under the offending text:
    ///
    /// ```text
    /// impossible date: February 2024 has 29 days, so day 30 does not exist
    ///  --> line 3, column 1
    ///   |
    /// 3 | 2024-02-30
    ///   | ^^^^^^^^^^
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let number = self.line.to_string();
        let pad = " ".repeat(number.len());
        let before: String = self.source_line.chars().take(self.column.saturating_sub(1)).collect();
        let under = self
            .source_line
            .get(before.len()..)
            .map_or(1, |rest| rest.get(..self.span.len().min(rest.len())).map_or(1, |s| s.chars().count().max(1)));
        writeln!(f, "{}", self.message)?;
        writeln!(f, "{pad}--> line {}, column {}", self.line, self.column)?;
        writeln!(f, "{pad} |")?;
        writeln!(f, "{number} | {}", self.source_line)?;
        write!(f, "{pad} | {}{}", " ".repeat(before.chars().count()), "^".repeat(under))
    }
}

impl std::error::Error for ParseError {}
