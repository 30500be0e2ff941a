//! Reused passages of a verified pair: seed-and-extend over shared shingles.
//!
//! Every shingle found in both documents is a seed, a point (token in A, token in B). Seeds are
//! chained in reading order: a seed extends the open passage whose last seed lies before it in
//! both documents by at most [`MAX_GAP`] tokens, the one closest to its diagonal when several
//! do, so a passage survives a changed word, a dropped clause or an inserted sentence, and ends
//! where the copy stops. A passage runs from its first seed to the end of its last, and keeps
//! only if it covers at least twice the shingle size in words (10 by default) in both texts, or
//! the whole of the shorter document: a shared five-word phrase is idiom, not reuse.

use std::cmp::Reverse;
use std::ops::Range;

use dateline_model::Span;
use serde::Serialize;

use crate::verify::Shingled;

/// How far apart, in tokens, two seeds of one passage may be in either document.
pub const MAX_GAP: u32 = 24;

/// Shingles repeated more than this often in either document seed nothing: a refrain or a
/// list of boilerplate, which would tie every copy to every other.
const MAX_REPEATS: usize = 4;

/// One reused passage: where it stands in each document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Passage {
    /// Its byte span in the first document's decoded text.
    pub a: Span,
    /// Its byte span in the second document's decoded text.
    pub b: Span,
}

/// A passage while being built, in token indices.
#[derive(Debug, Clone, Copy)]
struct Chain {
    first: (u32, u32),
    last: (u32, u32),
    /// Token index one past the end of the last seed, in each document.
    end: (u32, u32),
}

/// The aligned passages of two documents and the token ranges they cover in each.
pub(crate) struct Alignment {
    pub(crate) passages: Vec<Passage>,
    pub(crate) a_ranges: Vec<Range<u32>>,
    pub(crate) b_ranges: Vec<Range<u32>>,
}

pub(crate) fn align(a: &Shingled<'_>, b: &Shingled<'_>, shingle_size: usize) -> Alignment {
    let (oa, ob) = (&a.occurrences, &b.occurrences);
    let mut seeds: Vec<(u32, u32, u32)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < oa.len() && j < ob.len() {
        let (ha, hb) = (oa[i].hash, ob[j].hash);
        if ha < hb {
            i += 1;
        } else if hb < ha {
            j += 1;
        } else {
            let ra = oa[i..].partition_point(|o| o.hash == ha);
            let rb = ob[j..].partition_point(|o| o.hash == hb);
            if ra <= MAX_REPEATS && rb <= MAX_REPEATS {
                for x in &oa[i..i + ra] {
                    for y in &ob[j..j + rb] {
                        seeds.push((x.start, y.start, x.len.min(y.len)));
                    }
                }
            }
            i += ra;
            j += rb;
        }
    }
    seeds.sort_unstable();

    let mut open: Vec<Chain> = Vec::new();
    let mut done: Vec<Chain> = Vec::new();
    for (ta, tb, len) in seeds {
        // Chains whose last seed is too far behind in A can never be extended again.
        let mut k = 0;
        while k < open.len() {
            if ta - open[k].last.0 > MAX_GAP {
                done.push(open.swap_remove(k));
            } else {
                k += 1;
            }
        }
        let best =
            open.iter_mut().filter(|c| ta > c.last.0 && tb > c.last.1 && tb - c.last.1 <= MAX_GAP).min_by_key(|c| {
                let drift = i64::from(ta - c.last.0) - i64::from(tb - c.last.1);
                (drift.unsigned_abs(), Reverse(c.first))
            });
        let end = (ta + len, tb + len);
        match best {
            Some(chain) => {
                chain.last = (ta, tb);
                chain.end = (chain.end.0.max(end.0), chain.end.1.max(end.1));
            }
            None => open.push(Chain { first: (ta, tb), last: (ta, tb), end }),
        }
    }
    done.extend(open);
    done.sort_unstable_by_key(|c| (c.first, c.end));

    let shorter = a.doc.tokens.len().min(b.doc.tokens.len());
    let min_tokens = u32::try_from((2 * shingle_size).min(shorter)).unwrap_or(u32::MAX);
    let mut alignment = Alignment { passages: Vec::new(), a_ranges: Vec::new(), b_ranges: Vec::new() };
    for chain in done {
        let ra = chain.first.0..chain.end.0;
        let rb = chain.first.1..chain.end.1;
        if ra.len() < min_tokens as usize || rb.len() < min_tokens as usize {
            continue;
        }
        let (Some(sa), Some(sb)) = (span_of(a, &ra), span_of(b, &rb)) else { continue };
        alignment.passages.push(Passage { a: sa, b: sb });
        alignment.a_ranges.push(ra);
        alignment.b_ranges.push(rb);
    }
    alignment
}

/// The byte span from the first token of `range` to the end of its last.
fn span_of(doc: &Shingled<'_>, range: &Range<u32>) -> Option<Span> {
    let first = doc.doc.tokens.get(range.start as usize)?;
    let last = doc.doc.tokens.get(range.end.checked_sub(1)? as usize)?;
    Some(Span::new(first.span.start, last.span.end.max(first.span.start)))
}

/// The share of `tokens` tokens covered by the union of `ranges`.
pub(crate) fn covered_share(ranges: &[Range<u32>], tokens: usize) -> f64 {
    if tokens == 0 {
        return 0.0;
    }
    let mut sorted: Vec<Range<u32>> = ranges.to_vec();
    sorted.sort_unstable_by_key(|r| (r.start, r.end));
    let (mut covered, mut reach) = (0u64, 0u32);
    for r in sorted {
        let start = r.start.max(reach);
        if r.end > start {
            covered += u64::from(r.end - start);
        }
        reach = reach.max(r.end);
    }
    covered as f64 / tokens as f64
}
