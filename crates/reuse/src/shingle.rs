//! Word n-gram shingles (5-grams by default) of a document's counted text.

use crate::doc::Token;
use crate::hash::shingle_hash;

/// One shingle: the hash of `len` consecutive terms starting at token `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shingle {
    /// [`shingle_hash`](crate::shingle_hash) of its terms.
    pub hash: u64,
    /// Index of its first token in the document's token list.
    pub start: u32,
    /// How many tokens it covers: the shingle size, or fewer for a short segment.
    pub len: u32,
}

/// The shingles of a token list, in order: every run of `n` consecutive tokens inside one
/// segment (title, heading or paragraph; shingles never straddle two, so moving a paragraph
/// changes no shingle). A segment shorter than `n` tokens is one shingle of all its tokens, so
/// a short heading or a one-line paragraph still counts.
///
/// ```
/// use dateline_model::Span;
/// use dateline_reuse::{shingles, ReuseDoc};
///
/// let mut doc = ReuseDoc::new("a.txt", None);
/// for (i, word) in "one two three four five six".split(' ').enumerate() {
///     doc.push(word, Span::new(i * 4, i * 4 + 3), 0);
/// }
/// doc.push("heading", Span::new(30, 37), 1);
/// let s = shingles(&doc.tokens, 5, 0);
/// assert_eq!(s.len(), 3); // two 5-grams in the first segment, one short shingle
/// assert_eq!((s[2].start, s[2].len), (6, 1));
/// ```
#[must_use]
pub fn shingles(tokens: &[Token], n: usize, seed: u64) -> Vec<Shingle> {
    let n = n.max(1);
    let mut out = Vec::with_capacity(tokens.len());
    let mut terms: Vec<u64> = Vec::with_capacity(n);
    let mut segment_start = 0;
    while segment_start < tokens.len() {
        let paragraph = tokens[segment_start].paragraph;
        let segment_end = tokens[segment_start..]
            .iter()
            .position(|t| t.paragraph != paragraph)
            .map_or(tokens.len(), |len| segment_start + len);
        let segment = &tokens[segment_start..segment_end];
        let width = n.min(segment.len());
        for (offset, window) in segment.windows(width).enumerate() {
            terms.clear();
            terms.extend(window.iter().map(|t| t.term));
            out.push(Shingle {
                hash: shingle_hash(seed, &terms),
                start: to_u32(segment_start + offset),
                len: to_u32(width),
            });
        }
        segment_start = segment_end;
    }
    out
}

/// A token index or count as the `u32` the sketches store. A document of more than 4 billion
/// tokens (16 GB of text) is beyond what one file holds; saturating keeps it from wrapping.
pub(crate) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The distinct shingle hashes of a shingle list, sorted: the set every score is computed on.
#[must_use]
pub fn shingle_set(shingles: &[Shingle]) -> Vec<u64> {
    let mut set: Vec<u64> = shingles.iter().map(|s| s.hash).collect();
    set.sort_unstable();
    set.dedup();
    set
}
