//! The hash functions every other module builds on. They are fixed, documented and written
//! here (no hasher from `std`, whose output may change between Rust versions), so a shingle's
//! hash, and with it every signature, candidate and score, is the same across runs, platforms
//! and versions.
//!
//! - a term: the FxHash step (`h = (rotl(h, 5) ^ word) * 0x517cc1b727220a95`, from Firefox
//!   and rustc's `FxHasher`) over its UTF-8 bytes read 8 at a time as little-endian words (the
//!   last one padded with zeros), then MurmurHash3's 64-bit finaliser `fmix64` (Austin
//!   Appleby; public domain) of that xor the length times the multiplier, because the FxHash
//!   step leaves the high bits poorly mixed and MinHash reads them;
//! - a shingle: the polynomial `t0·B^(n-1) + t1·B^(n-2) + ... + t(n-1)` of its terms' hashes
//!   modulo 2^64 (`B` odd, a Rabin-Karp hash over 64-bit "characters", so a sliding window
//!   updates it with two multiplications), then `fmix64` of it xor a mix of the seed and `n`:
//!   order matters, and a seed gives a fresh family;
//! - MinHash permutations: multiply-add-shift, `(a * x + b) >> 32` with odd `a` (Dietzfelbinger
//!   et al., 1997), the parameters drawn with SplitMix64 (Steele, Lea and Flood, 2014).

/// The multiplier of the FxHash step.
const FX: u64 = 0x517c_c1b7_2722_0a95;
/// The golden ratio's fraction in 64 bits, SplitMix64's increment.
const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

/// MurmurHash3's 64-bit finaliser: a bijection that spreads every input bit over the output.
#[must_use]
#[inline]
pub(crate) const fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^= k >> 33;
    k
}

/// The hash of one folded term: the FxHash step over its bytes, 8 at a time, finalised with
/// `fmix64` of the result xor its length. [`TermHasher`] computes the same a byte at a time.
///
/// ```
/// use dateline_reuse::term_hash;
/// assert_eq!(term_hash("union"), term_hash("union"));
/// assert_ne!(term_hash("union"), term_hash("unions"));
/// ```
#[must_use]
pub fn term_hash(term: &str) -> u64 {
    let bytes = term.as_bytes();
    let mut h = 0u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = fx_step(h, u64::from_le_bytes(word));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = fx_step(h, u64::from_le_bytes(word));
    }
    fmix64(h ^ (bytes.len() as u64).wrapping_mul(FX))
}

#[inline]
const fn fx_step(h: u64, word: u64) -> u64 {
    (h.rotate_left(5) ^ word).wrapping_mul(FX)
}

/// [`term_hash`] fed a byte at a time, for a tokenizer that folds and hashes a word in one pass
/// over the text instead of copying it first.
///
/// ```
/// use dateline_reuse::{term_hash, TermHasher};
/// let mut hasher = TermHasher::new();
/// for byte in "Union".bytes() {
///     hasher.write_byte(byte.to_ascii_lowercase());
/// }
/// assert_eq!(hasher.finish(), term_hash("union"));
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct TermHasher {
    h: u64,
    word: u64,
    len: u64,
}

impl TermHasher {
    /// A hasher that has seen no byte.
    #[must_use]
    pub const fn new() -> Self {
        Self { h: 0, word: 0, len: 0 }
    }

    /// Adds the next byte of the folded term's UTF-8.
    #[inline]
    pub fn write_byte(&mut self, byte: u8) {
        self.word |= u64::from(byte) << (8 * (self.len % 8));
        self.len += 1;
        if self.len.is_multiple_of(8) {
            self.h = fx_step(self.h, self.word);
            self.word = 0;
        }
    }

    /// The term's hash; the hasher starts afresh.
    #[inline]
    pub fn finish(&mut self) -> u64 {
        if !self.len.is_multiple_of(8) {
            self.h = fx_step(self.h, self.word);
        }
        let hash = fmix64(self.h ^ self.len.wrapping_mul(FX));
        *self = Self::new();
        hash
    }
}

/// The base of the shingles' polynomial hash: odd, so multiplying by it loses no bit.
pub(crate) const BASE: u64 = 0x9e37_79b9_7f4a_7c15;

/// The hash of a shingle from its terms' hashes, in order, for a seed: `fmix64` of their
/// polynomial in an odd base (`0x9e3779b97f4a7c15`) modulo 2^64, xor a mix of the seed and the
/// number of terms.
///
/// ```
/// use dateline_reuse::{shingle_hash, term_hash};
/// let terms = ["the", "state", "of", "the", "union"].map(term_hash);
/// assert_ne!(shingle_hash(0, &terms), shingle_hash(1, &terms));
/// ```
#[must_use]
pub fn shingle_hash(seed: u64, terms: &[u64]) -> u64 {
    let polynomial = terms.iter().fold(0u64, |h, &t| h.wrapping_mul(BASE).wrapping_add(t));
    fmix64(polynomial ^ shingle_salt(seed, terms.len()))
}

/// What a seed and a shingle length mix into every shingle hash.
#[must_use]
#[inline]
pub(crate) fn shingle_salt(seed: u64, len: usize) -> u64 {
    fmix64(fmix64(seed ^ GOLDEN) ^ len as u64)
}

/// SplitMix64: a seeded stream of well-mixed 64-bit numbers, for the permutations' parameters.
#[derive(Debug, Clone)]
pub(crate) struct SplitMix64(u64);

impl SplitMix64 {
    pub(crate) const fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// Folds a 64-bit hash to the 32 bits the sketches store. Equal hashes stay equal, so the
/// folding can only add candidates (two different values meeting), which verification removes.
#[must_use]
#[inline]
#[allow(clippy::cast_possible_truncation, reason = "keeping the low 32 bits is the point")]
pub(crate) const fn fold32(h: u64) -> u32 {
    ((h >> 32) ^ h) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_hasher_equals_the_term_hash() {
        for term in ["", "a", "union", "eightchr", "eightchrs", "sixteen-letters!", "président", "\0"] {
            let mut hasher = TermHasher::new();
            term.bytes().for_each(|b| hasher.write_byte(b));
            assert_eq!(hasher.finish(), term_hash(term), "{term:?}");
        }
    }

    #[test]
    fn term_hashes_tell_padding_and_length_apart() {
        assert_ne!(term_hash("a"), term_hash("a\0"));
        assert_ne!(term_hash(""), term_hash("\0"));
        assert_ne!(term_hash("eightchr"), term_hash("eightchrs"));
    }

    #[test]
    fn splitmix_matches_the_reference_sequence() {
        // The first outputs of SplitMix64 seeded with 1234567 (Vigna's reference code).
        let mut s = SplitMix64::new(1_234_567);
        assert_eq!(s.next(), 6_457_827_717_110_365_317);
        assert_eq!(s.next(), 3_203_168_211_198_807_973);
    }

    const PINNED_UNION: u64 = 5_367_261_232_284_528_052;
    const PINNED_SHINGLE: u64 = 2_231_079_328_521_252_486;

    #[test]
    fn hashes_are_pinned_so_results_stay_stable_across_versions() {
        assert_eq!(term_hash("union"), PINNED_UNION);
        assert_eq!(shingle_hash(0, &[term_hash("union"); 5]), PINNED_SHINGLE);
        let terms = [term_hash("the"), term_hash("state"), term_hash("of"), term_hash("our"), term_hash("union")];
        let forward = shingle_hash(0, &terms);
        let mut reversed = terms;
        reversed.reverse();
        assert_ne!(forward, shingle_hash(0, &reversed), "order matters");
        assert_ne!(forward, shingle_hash(1, &terms), "the seed matters");
        let padded: Vec<u64> = terms[..4].iter().copied().chain([0]).collect();
        assert_ne!(shingle_hash(0, &terms[..4]), shingle_hash(0, &padded), "the length matters");
    }
}
