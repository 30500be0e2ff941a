//! One thread's counts of the n-grams of one size: a hash table split into shards by hash,
//! holding 32-bit counts.
//!
//! Memory is what `ngrams --max-n 5` runs out of on real text, where most distinct n-grams
//! occur once and there are nearly as many distinct 5-grams as tokens. Two choices keep it
//! down:
//!
//! - **Shards.** Merging two threads' counts, and finishing them, moves every entry from one
//!   table into another. With one table per size, the receiving table doubled while the
//!   giving one was still whole, and that transient was the peak. Split into [`SHARDS`]
//!   tables, only one shard's worth is in flight at a time, and a giving shard is freed as
//!   soon as it is read.
//! - **32-bit counts.** An entry is the key and a `u32`: 12 bytes for a bigram, 24 for a
//!   5-gram (a `u64` count made them 16 and 32). A count that passes `u32::MAX` keeps its
//!   multiples of 2^32 in a side map, so no count is ever cut.

use std::hash::Hasher;

use hashbrown::HashTable;
use hashbrown::hash_table::Entry;
use rustc_hash::{FxHashMap, FxHasher};

use dateline_text::TermId;

/// How many tables the counts of one size are split into.
const SHARDS: usize = 16;

/// The bytes an entry of `N` ids takes in a table, with the spare room a growing table keeps:
/// half full just after it doubles.
pub(super) const fn entry_bytes<const N: usize>() -> usize {
    2 * (std::mem::size_of::<([TermId; N], u32)>() + 1)
}

/// The low 32 bits of a count: what an entry holds.
const LOW: u64 = 0xFFFF_FFFF;

/// The hash the tables place a key by: Fx over the ids two at a time, as 64-bit words (an
/// array's own `Hash` goes through the hasher's slower path for byte slices).
pub(super) fn hash<const N: usize>(key: &[TermId; N]) -> u64 {
    let mut hasher = FxHasher::default();
    for pair in key.chunks(2) {
        let high = pair.get(1).map_or(0, |&id| u64::from(id) << 32);
        hasher.write_u64(u64::from(pair[0]) | high);
    }
    hasher.finish()
}

/// The shard of a key's hash. A table places entries by the hash's low bits and tags them
/// with its top seven, so the shard is taken from bits in between: fixed within a shard, they
/// would otherwise crowd its buckets or blunt its tags.
fn shard_of(hash: u64) -> usize {
    // Masked to 0..SHARDS first, so the conversion never truncates.
    usize::try_from((hash >> 32) & (SHARDS as u64 - 1)).unwrap_or(0)
}

/// Counts of n-grams of `N` term ids.
#[derive(Debug, Clone)]
pub(super) struct ShardedCounts<const N: usize> {
    shards: Vec<HashTable<([TermId; N], u32)>>,
    /// For counts past `u32::MAX`, the part above the low 32 bits (a multiple of 2^32).
    carried: FxHashMap<[TermId; N], u64>,
    len: usize,
}

impl<const N: usize> Default for ShardedCounts<N> {
    fn default() -> Self {
        Self { shards: (0..SHARDS).map(|_| HashTable::new()).collect(), carried: FxHashMap::default(), len: 0 }
    }
}

impl<const N: usize> ShardedCounts<N> {
    /// Distinct n-grams counted.
    pub(super) const fn len(&self) -> usize {
        self.len
    }

    /// Adds `n` occurrences of `key`; whether it is new.
    #[inline]
    pub(super) fn add(&mut self, key: [TermId; N], n: u64) -> bool {
        self.add_hashed(key, hash(&key), n)
    }

    /// [`add`](Self::add) for a key whose [`hash`] is `h`.
    #[inline]
    pub(super) fn add_hashed(&mut self, key: [TermId; N], h: u64, n: u64) -> bool {
        debug_assert_eq!(h, hash(&key));
        let table = &mut self.shards[shard_of(h)];
        let (total, new) = match table.entry(h, |(k, _)| *k == key, |(k, _)| hash(k)) {
            Entry::Occupied(mut entry) => {
                let count = &mut entry.get_mut().1;
                let total = u64::from(*count) + n;
                *count = low(total);
                (total, false)
            }
            Entry::Vacant(entry) => {
                entry.insert((key, low(n)));
                self.len += 1;
                (n, true)
            }
        };
        if total > LOW {
            *self.carried.entry(key).or_insert(0) += total & !LOW;
        }
        new
    }

    /// Every n-gram with its whole count, in no particular order. Each shard's memory is
    /// given back once it has been read.
    pub(super) fn into_counts(self) -> impl Iterator<Item = ([TermId; N], u64)> {
        let carried = self.carried;
        self.shards.into_iter().flatten().map(move |(key, count)| {
            let high = if carried.is_empty() { 0 } else { carried.get(&key).copied().unwrap_or(0) };
            (key, high + u64::from(count))
        })
    }
}

/// The low 32 bits of `n`.
fn low(n: u64) -> u32 {
    u32::try_from(n & LOW).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts_of<const N: usize>(counts: ShardedCounts<N>) -> Vec<([TermId; N], u64)> {
        let mut all: Vec<_> = counts.into_counts().collect();
        all.sort_unstable();
        all
    }

    #[test]
    fn counts_add_up_across_shards() {
        let mut counts = ShardedCounts::<2>::default();
        for a in 0..100 {
            for b in 0..=a {
                counts.add([a, b], 1);
            }
        }
        assert!(!counts.add([3, 1], 5));
        assert_eq!(counts.len(), 5050);
        assert!(counts.shards.iter().filter(|s| !s.is_empty()).count() > SHARDS / 2, "keys spread over the shards");
        let all = counts_of(counts);
        assert_eq!(all.len(), 5050);
        assert_eq!(all.iter().map(|(_, n)| n).sum::<u64>(), 5055);
        assert!(all.contains(&([3, 1], 6)));
    }

    #[test]
    fn counts_past_32_bits_are_carried_whole() {
        let mut counts = ShardedCounts::<3>::default();
        counts.add([1, 2, 3], LOW);
        counts.add([1, 2, 3], 1);
        counts.add([1, 2, 3], 2);
        counts.add([4, 5, 6], 3 << 32 | 7);
        counts.add([4, 5, 6], LOW);
        assert_eq!(counts.len(), 2);
        assert_eq!(counts_of(counts), vec![([1, 2, 3], LOW + 3), ([4, 5, 6], (3 << 32 | 7) + LOW)]);
    }
}
