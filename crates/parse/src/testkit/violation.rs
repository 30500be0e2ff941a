use std::fmt;

use dateline_model::Span;

/// Which of the parser's promises a [`Violation`] broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Law {
    /// What the decoder promises: `\n` endings only, binary exactly at an early NUL, clean
    /// text untouched, warnings in range and in order.
    Decoding,
    /// The corpus reader's document is the lenient parse of the decoded text.
    Document,
    /// A file gives the same document whatever its line endings.
    LineEndings,
    /// Spans lie in the text, on character boundaries, in the text's order.
    Spans,
    /// Stored texts equal the source at their spans.
    Texts,
    /// Diagnostics stand at the line and column their spans start.
    Positions,
    /// Dates exist and are the ones their raw text writes.
    Dates,
    /// The strict parser fails exactly at the lenient parser's first error.
    StrictAgreesWithLenient,
    /// An article read without errors renders to text that reads back to it.
    RoundTrip,
    /// A date line reads the same wherever it stands, from the line and nowhere else.
    DateLine,
    /// A damaged file ends as FORMAT.md promises for its kind of damage (see
    /// [`malformed`](super::malformed)).
    Outcome,
}

impl Law {
    fn describe(self) -> &'static str {
        match self {
            Self::Decoding => "decoding",
            Self::Document => "the corpus reader's document",
            Self::LineEndings => "line endings",
            Self::Spans => "spans",
            Self::Texts => "stored text against its span",
            Self::Positions => "diagnostics' lines and columns",
            Self::Dates => "dates",
            Self::StrictAgreesWithLenient => "strict against lenient parse",
            Self::RoundTrip => "render then parse",
            Self::DateLine => "a date line in each place",
            Self::Outcome => "the promised outcome of malformed input",
        }
    }
}

impl fmt::Display for Law {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// An invariant of the parser that did not hold: which one ([`Law`]), what broke, and where.
///
/// Displays as `LAW broken at line L, column C (bytes S..E) with PARSER: WHAT`, the position
/// and the parser where known. The message quotes the values involved, so a failing property
/// test or fuzz run says enough to write a regression test from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    law: Law,
    message: String,
    span: Option<Span>,
    line_column: Option<(usize, usize)>,
    parser: Option<&'static str>,
}

impl Violation {
    pub(crate) fn new(law: Law, message: String) -> Self {
        Self { law, message, span: None, line_column: None, parser: None }
    }

    /// Places the violation at `span` of `text`, with its line and column (both from 1,
    /// columns in characters) when the span starts inside the text on a character boundary.
    pub(crate) fn at(mut self, text: &str, span: Span) -> Self {
        self.span = Some(span);
        self.line_column = text.is_char_boundary(span.start).then(|| super::locate(text, span.start));
        self
    }

    pub(crate) fn with_parser(mut self, parser: &'static str) -> Self {
        self.parser.get_or_insert(parser);
        self
    }

    /// The invariant that broke.
    #[must_use]
    pub const fn law(&self) -> Law {
        self.law
    }

    /// What broke, with the values involved.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The byte span of the checked text the violation is about, where it is about one.
    #[must_use]
    pub const fn span(&self) -> Option<Span> {
        self.span
    }

    /// The line and column (from 1, columns in characters) where [`span`](Self::span) starts.
    #[must_use]
    pub const fn line_column(&self) -> Option<(usize, usize)> {
        self.line_column
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} broken", self.law)?;
        if let Some((line, column)) = self.line_column {
            write!(f, " at line {line}, column {column}")?;
        }
        if let Some(span) = self.span {
            write!(f, " (bytes {}..{})", span.start, span.end)?;
        }
        if let Some(parser) = self.parser {
            write!(f, " with {parser}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for Violation {}

/// So that `TestCaseError::fail(violation)` works as with a message; `?` works already, as
/// for any error.
impl From<Violation> for proptest::test_runner::Reason {
    fn from(violation: Violation) -> Self {
        violation.to_string().into()
    }
}
