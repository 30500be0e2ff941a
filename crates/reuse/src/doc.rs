//! What the reuse finder reads: per document, its folded word tokens in order, each with its
//! byte span in the decoded text and the index of the paragraph (or title, or heading) it
//! stands in, and the document's path and date.

use chrono::NaiveDate;
use dateline_model::Span;

use crate::hash::term_hash;

/// One word token: the hash of its folded form, where it stands, and its paragraph.
///
/// The term itself is not kept: the finder only ever compares terms, so a hash
/// ([`term_hash`](crate::term_hash)) is all it needs, and a token costs 24 bytes whatever its
/// length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// [`term_hash`](crate::term_hash) of the folded term.
    pub term: u64,
    /// Where the token stands in the decoded file text.
    pub span: Span,
    /// The counted segment (title, heading or paragraph) it belongs to, numbered in reading
    /// order: shingles never cross from one segment to the next.
    pub paragraph: u32,
}

/// One document as the reuse finder reads it.
///
/// ```
/// use dateline_model::Span;
/// use dateline_reuse::ReuseDoc;
///
/// let mut doc = ReuseDoc::new("a.txt", None);
/// doc.push("ministers", Span::new(0, 9), 0);
/// doc.push("met", Span::new(10, 13), 0);
/// assert_eq!(doc.tokens.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReuseDoc {
    /// The path as the user gave it: the last tie-breaker, so results never depend on input
    /// order.
    pub path: String,
    /// The publication date, if known: who published first, and `window_days`.
    pub date: Option<NaiveDate>,
    /// The folded word tokens of the counted text (title, headings, paragraphs), in order.
    pub tokens: Vec<Token>,
}

impl ReuseDoc {
    /// A document with no tokens yet.
    #[must_use]
    pub fn new(path: impl Into<String>, date: Option<NaiveDate>) -> Self {
        Self { path: path.into(), date, tokens: Vec::new() }
    }

    /// Appends a token: its folded form (hashed here, not kept), its span and its segment.
    pub fn push(&mut self, folded: &str, span: Span, paragraph: u32) {
        self.push_hashed(term_hash(folded), span, paragraph);
    }

    /// Appends a token whose folded form was hashed already, by
    /// [`term_hash`](crate::term_hash) or [`TermHasher`](crate::TermHasher).
    pub fn push_hashed(&mut self, term: u64, span: Span, paragraph: u32) {
        self.tokens.push(Token { term, span, paragraph });
    }
}
