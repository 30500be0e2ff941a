//! The third pass: exact scores of a candidate pair over the full shingle sets.

use crate::doc::ReuseDoc;
use crate::shingle::{Shingle, shingles};

/// A document ready for verification and alignment: its shingle occurrences sorted by hash
/// (then position), and its distinct shingle hashes.
#[derive(Debug, Clone)]
pub(crate) struct Shingled<'d> {
    pub(crate) doc: &'d ReuseDoc,
    pub(crate) occurrences: Vec<Shingle>,
    /// Distinct shingle hashes, sorted.
    pub(crate) set: Vec<u64>,
}

impl<'d> Shingled<'d> {
    pub(crate) fn new(doc: &'d ReuseDoc, n: usize, seed: u64) -> Self {
        let mut occurrences = shingles(&doc.tokens, n, seed);
        occurrences.sort_unstable_by_key(|s| (s.hash, s.start));
        let mut set: Vec<u64> = occurrences.iter().map(|s| s.hash).collect();
        set.dedup();
        Self { doc, occurrences, set }
    }
}

/// The exact overlap of two shingle sets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    /// Distinct shingles in both.
    pub shared: usize,
    /// Distinct shingles of the first document.
    pub a_shingles: usize,
    /// Distinct shingles of the second document.
    pub b_shingles: usize,
}

impl Scores {
    /// Scores two sorted sets of distinct shingle hashes.
    ///
    /// ```
    /// use dateline_reuse::Scores;
    /// let s = Scores::of(&[1, 2, 3, 4], &[3, 4, 5]);
    /// assert_eq!((s.jaccard(), s.containment()), (0.4, 2.0 / 3.0));
    /// ```
    #[must_use]
    pub fn of(a: &[u64], b: &[u64]) -> Self {
        let (mut i, mut j, mut shared) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        Self { shared, a_shingles: a.len(), b_shingles: b.len() }
    }

    /// Jaccard similarity: shared over the union; 0 when both are empty.
    #[must_use]
    pub fn jaccard(&self) -> f64 {
        // Saturating: the fields are public, and a hand-made value may not add up.
        let union = (self.a_shingles + self.b_shingles).saturating_sub(self.shared);
        if union == 0 { 0.0 } else { self.shared as f64 / union as f64 }
    }

    /// Containment: shared over the smaller set, the share of the smaller document found in
    /// the larger; 0 when either is empty.
    #[must_use]
    pub fn containment(&self) -> f64 {
        let smaller = self.a_shingles.min(self.b_shingles);
        if smaller == 0 { 0.0 } else { self.shared as f64 / smaller as f64 }
    }

    /// Whether the pair is reported: Jaccard or containment at its threshold.
    #[must_use]
    pub fn passes(&self, min_jaccard: f64, min_containment: f64) -> bool {
        self.jaccard() >= min_jaccard || self.containment() >= min_containment
    }
}
