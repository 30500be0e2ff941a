//! Word n-gram shingles (5-grams by default) of a document's counted text.

use crate::doc::Token;
use crate::hash::{BASE, fmix64, shingle_salt};

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
    let mut segment_start = 0;
    while segment_start < tokens.len() {
        let paragraph = tokens[segment_start].paragraph;
        let segment_end = tokens[segment_start..]
            .iter()
            .position(|t| t.paragraph != paragraph)
            .map_or(tokens.len(), |len| segment_start + len);
        let segment = &tokens[segment_start..segment_end];
        let width = n.min(segment.len());
        let salt = shingle_salt(seed, width);
        // BASE^(width - 1): the weight of the term leaving the window.
        let top = (1..width).fold(1u64, |p, _| p.wrapping_mul(BASE));
        let mut polynomial = segment[..width].iter().fold(0u64, |h, t| h.wrapping_mul(BASE).wrapping_add(t.term));
        for offset in 0..=segment.len() - width {
            if offset > 0 {
                let (leaving, entering) = (segment[offset - 1].term, segment[offset + width - 1].term);
                polynomial =
                    polynomial.wrapping_sub(leaving.wrapping_mul(top)).wrapping_mul(BASE).wrapping_add(entering);
            }
            out.push(Shingle {
                hash: fmix64(polynomial ^ salt),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::{shingle_hash, term_hash};
    use dateline_model::Span;

    #[test]
    fn the_rolling_hash_equals_the_definition() {
        let words = "we the people of the united states in order to form a more perfect union";
        let tokens: Vec<Token> = words
            .split(' ')
            .enumerate()
            .map(|(i, w)| Token { term: term_hash(w), span: Span::new(i, i + 1), paragraph: u32::from(i >= 11) })
            .collect();
        for n in [1, 3, 5, 12] {
            for seed in [0, 7] {
                for s in shingles(&tokens, n, seed) {
                    let window: Vec<u64> =
                        tokens[s.start as usize..(s.start + s.len) as usize].iter().map(|t| t.term).collect();
                    assert_eq!(s.hash, shingle_hash(seed, &window), "n {n} seed {seed} at {}", s.start);
                }
            }
        }
    }
}
