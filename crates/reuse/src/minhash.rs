//! MinHash signatures and their LSH band keys.
//!
//! A document's signature holds [`PERMUTATIONS`] MinHash values, each the least of a hash
//! over a share of the document's shingles (one-permutation hashing, see [`Permutations`]); two
//! documents agree on one such value with probability equal to their Jaccard similarity `s`. The signature is cut into [`BANDS`] bands
//! of [`ROWS`] values; two documents become candidates when they agree on every value of at
//! least one band, which happens with probability `1 - (1 - s^ROWS)^BANDS` (the S-curve of
//! [`lsh_probability`]).

use crate::hash::{SplitMix64, fmix64, fold32};

/// Hash functions in a signature: [`BANDS`] × [`ROWS`].
pub const PERMUTATIONS: usize = BANDS * ROWS;
/// Bands of the LSH index.
pub const BANDS: usize = 40;
/// Signature values per band.
pub const ROWS: usize = 3;

/// The probability that two documents of Jaccard similarity `s` share at least one band of
/// `rows` values out of `bands`: `1 - (1 - s^rows)^bands`.
///
/// ```
/// use dateline_reuse::{lsh_probability, BANDS, ROWS};
/// assert!(lsh_probability(0.5, BANDS, ROWS) > 0.995);
/// ```
#[must_use]
pub fn lsh_probability(s: f64, bands: usize, rows: usize) -> f64 {
    let rows = i32::try_from(rows).unwrap_or(i32::MAX);
    let bands = i32::try_from(bands).unwrap_or(i32::MAX);
    1.0 - (1.0 - s.powi(rows)).powi(bands)
}

/// The signature's hash functions for a seed: one-permutation hashing (Li, Owen and Zhang,
/// NIPS 2012) with optimal densification (Shrivastava, ICML 2017).
///
/// Each shingle is hashed once: the hash picks one of the [`PERMUTATIONS`] bins and gives the
/// value kept there if it is the least so far. A document with fewer shingles than bins leaves
/// some bins empty; each empty bin then borrows the value of a filled bin chosen by a hash of
/// its own index and an attempt counter, the same sequence in every document. Two documents
/// agree on a bin with probability equal to their Jaccard similarity, as with 120 independent
/// permutations, at the cost of one hash per shingle instead of 120.
#[derive(Debug, Clone)]
pub(crate) struct Permutations {
    seed: u64,
}

impl Permutations {
    pub(crate) fn new(seed: u64) -> Self {
        let mut stream = SplitMix64::new(fmix64(seed ^ 0x6d69_6e68_6173_6821));
        Self { seed: stream.next() }
    }

    /// The signature of a set of shingle hashes; `None` for an empty set.
    pub(crate) fn signature(&self, hashes: impl Iterator<Item = u64>) -> Option<[u32; PERMUTATIONS]> {
        let mut signature = [u32::MAX; PERMUTATIONS];
        let mut filled = [false; PERMUTATIONS];
        let mut any = false;
        for x in hashes {
            any = true;
            let y = fmix64(x ^ self.seed);
            let bin = bin_of(y);
            // The low half is independent of the high half that chose the bin.
            let value = fold32(y << 32 >> 32);
            filled[bin] = true;
            signature[bin] = signature[bin].min(value);
        }
        if !any {
            return None;
        }
        let own = signature;
        for bin in 0..PERMUTATIONS {
            if filled[bin] {
                continue;
            }
            let mut attempt = 0u64;
            loop {
                let donor = bin_of(fmix64(self.seed ^ ((bin as u64) << 32) ^ attempt ^ 0x0064_656e_7369_6679));
                if filled[donor] {
                    signature[bin] = own[donor];
                    break;
                }
                attempt += 1;
            }
        }
        Some(signature)
    }
}

/// The bin of a hash: its high 32 bits scaled to `0..PERMUTATIONS` (Lemire's fast range).
#[allow(clippy::cast_possible_truncation, reason = "the product's high half is below PERMUTATIONS")]
fn bin_of(y: u64) -> usize {
    (((y >> 32) * PERMUTATIONS as u64) >> 32) as usize
}

/// The [`BANDS`] keys of a signature: each band's [`ROWS`] values and its index, hashed and
/// folded to 32 bits.
pub(crate) fn band_keys(signature: &[u32; PERMUTATIONS]) -> [u32; BANDS] {
    let mut keys = [0; BANDS];
    for (band, (key, rows)) in keys.iter_mut().zip(signature.chunks_exact(ROWS)).enumerate() {
        let mut h = fmix64(band as u64 ^ 0x6261_6e64);
        for &row in rows {
            h = fmix64(h.rotate_left(29) ^ u64::from(row));
        }
        *key = fold32(h);
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_s_curve_values_the_crate_docs_state() {
        let p = |s| lsh_probability(s, BANDS, ROWS);
        assert!((p(0.3) - 0.665).abs() < 0.001, "{}", p(0.3));
        assert!((p(0.5) - 0.9952).abs() < 0.0001, "{}", p(0.5));
        assert!(p(0.8) > 0.999_999_999_99, "{}", p(0.8));
        assert!(p(0.1) < 0.04, "{}", p(0.1));
    }

    #[test]
    fn signature_agreement_estimates_jaccard() {
        let perms = Permutations::new(7);
        // Pairs of sets, large and small (densified), at several similarities: the mean agreement
        // over many pairs is the Jaccard similarity.
        for (size, shared) in [(1000u64, 600u64), (1000, 900), (40, 24), (12, 6)] {
            let mut total = 0.0;
            let trials = 200;
            for t in 0..trials {
                let base = t * 1_000_000;
                let a: Vec<u64> = (base..base + size).map(fmix64).collect();
                let b: Vec<u64> = (base + size - shared..base + 2 * size - shared).map(fmix64).collect();
                let sa = perms.signature(a.into_iter()).expect("not empty");
                let sb = perms.signature(b.into_iter()).expect("not empty");
                total += sa.iter().zip(&sb).filter(|(x, y)| x == y).count() as f64 / PERMUTATIONS as f64;
            }
            let jaccard = shared as f64 / (2 * size - shared) as f64;
            let mean = total / trials as f64;
            assert!((mean - jaccard).abs() < 0.02, "{size} {shared}: {mean} against {jaccard}");
        }
    }

    #[test]
    fn an_empty_set_has_no_signature() {
        assert!(Permutations::new(0).signature(std::iter::empty()).is_none());
    }
}
