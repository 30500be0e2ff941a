//! MinHash signatures and their LSH band keys.
//!
//! A document's signature is, for each of [`PERMUTATIONS`] hash functions, the least value the
//! function takes over the document's shingles; two documents agree on one such value with
//! probability equal to their Jaccard similarity `s`. The signature is cut into [`BANDS`] bands
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

/// The [`PERMUTATIONS`] hash functions of a seed: `(a * x + b) >> 32` with odd `a`.
#[derive(Debug, Clone)]
pub(crate) struct Permutations {
    a: [u64; PERMUTATIONS],
    b: [u64; PERMUTATIONS],
}

impl Permutations {
    pub(crate) fn new(seed: u64) -> Self {
        let mut stream = SplitMix64::new(fmix64(seed ^ 0x6d69_6e68_6173_6821));
        let mut a = [0; PERMUTATIONS];
        let mut b = [0; PERMUTATIONS];
        for (a, b) in a.iter_mut().zip(b.iter_mut()) {
            *a = stream.next() | 1;
            *b = stream.next();
        }
        Self { a, b }
    }

    /// The signature of a set of shingle hashes; `None` for an empty set.
    pub(crate) fn signature(&self, hashes: impl Iterator<Item = u64>) -> Option<[u32; PERMUTATIONS]> {
        let mut signature = [u32::MAX; PERMUTATIONS];
        let mut any = false;
        for x in hashes {
            any = true;
            for ((min, &a), &b) in signature.iter_mut().zip(&self.a).zip(&self.b) {
                // The high half of a 64-bit multiply-add: the well-mixed bits.
                let value = (a.wrapping_mul(x).wrapping_add(b) >> 32) as u32;
                *min = (*min).min(value);
            }
        }
        any.then_some(signature)
    }
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
        // Two sets of 1,000 hashes sharing 600: Jaccard 600 / 1,400 = 0.43.
        let a: Vec<u64> = (0..1000u64).map(fmix64).collect();
        let b: Vec<u64> = (400..1400u64).map(fmix64).collect();
        let sa = perms.signature(a.into_iter()).expect("not empty");
        let sb = perms.signature(b.into_iter()).expect("not empty");
        let agree = sa.iter().zip(&sb).filter(|(x, y)| x == y).count();
        let estimate = agree as f64 / PERMUTATIONS as f64;
        // The standard error at 120 permutations is about 0.045.
        assert!((estimate - 600.0 / 1400.0).abs() < 0.15, "{estimate}");
    }

    #[test]
    fn an_empty_set_has_no_signature() {
        assert!(Permutations::new(0).signature(std::iter::empty()).is_none());
    }
}
