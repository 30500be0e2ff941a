//! What each distinct surface form of a token stands for, decided once per form.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

/// Remembers what each distinct surface form of a token stands for, so that folding and
/// deciding it (stopwords, numbers, stems, interning, spelling) happen once per form, not once
/// per token. Keyed by the text as written, a token costs one hash lookup.
///
/// The lookup is the hot path of every counter, so the table is shaped for it: a form's bytes
/// are read once into a [`Key`] (its length and two words that, up to 16 bytes, hold the
/// whole form), the hash is computed from the key, and a probe compares three integers. Only
/// forms longer than 16 bytes (a few in a hundred tokens of news) compare their text. The
/// value sits in the entry beside its key, so that a token reads one entry, not an entry and
/// then a value elsewhere (on real news, a second cache miss on a fifth of the counting time).
#[derive(Debug, Clone)]
pub(crate) struct FormCache<T> {
    index: HashTable<Entry<T>>,
    /// Every form, end to end; form `i` ends at `ends[i]`: what a long form compares with.
    text: String,
    ends: Vec<usize>,
}

/// One form in the index: its key, where its text is, and what it stands for.
#[derive(Debug, Clone, Copy)]
struct Entry<T> {
    key: Key,
    form: u32,
    value: T,
}

/// A surface form as the index compares it. Up to 16 bytes, `(len, head, tail)` is the form
/// itself: the first and last 8 bytes overlap (or, shorter, 4 and 4, or 3 single bytes) and
/// the length says by how much. Longer forms share a key when their first and last 8 bytes
/// do, and are then told apart by their text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Key {
    head: u64,
    tail: u64,
    len: usize,
}

/// Forms up to this many bytes are told apart by their [`Key`] alone.
const INLINE: usize = 16;

impl Key {
    #[inline(always)]
    fn of(form: &str) -> Self {
        let bytes = form.as_bytes();
        let len = bytes.len();
        let (head, tail) = if len >= 8 {
            (word(&bytes[..8]), word(&bytes[len - 8..]))
        } else if len >= 4 {
            (u64::from(half(&bytes[..4])) | u64::from(half(&bytes[len - 4..])) << 32, 0)
        } else if len > 0 {
            (u64::from(bytes[0]) | u64::from(bytes[len / 2]) << 8 | u64::from(bytes[len - 1]) << 16, 0)
        } else {
            (0, 0)
        };
        Self { head, tail, len }
    }

    /// The hash of `form`, whose key this is. A folded multiply of the two words mixes every
    /// byte into the high bits (the table's tags) and the low ones (its buckets); a long form
    /// hashes all its bytes, so that long forms sharing their ends (long numbers, identifiers)
    /// do not pile up in one bucket.
    #[inline(always)]
    fn hash(&self, form: &str) -> u64 {
        if self.len > INLINE {
            return FxBuildHasher.hash_one(form);
        }
        const SEED_HEAD: u64 = 0x243f_6a88_85a3_08d3;
        const SEED_TAIL: u64 = 0x1319_8a2e_0370_7344;
        let product = u128::from(self.head ^ SEED_HEAD) * u128::from(self.tail ^ SEED_TAIL ^ self.len as u64);
        #[allow(clippy::cast_possible_truncation, reason = "the two halves of the product are folded")]
        let folded = (product as u64) ^ ((product >> 64) as u64);
        folded
    }
}

/// The 8 bytes of `bytes` (8 long) as one word.
#[inline(always)]
fn word(bytes: &[u8]) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(bytes);
    u64::from_le_bytes(word)
}

/// The 4 bytes of `bytes` (4 long) as one word.
#[inline(always)]
fn half(bytes: &[u8]) -> u32 {
    let mut half = [0; 4];
    half.copy_from_slice(bytes);
    u32::from_le_bytes(half)
}

impl<T: Copy> FormCache<T> {
    pub(crate) fn new() -> Self {
        Self { index: HashTable::new(), text: String::new(), ends: Vec::new() }
    }

    /// What `surface` stands for: `decide(surface)` the first time the form is seen.
    /// Inlined into the token loop: as a call, passing the key and the closure's state cost
    /// a third as much again as the lookup.
    #[inline(always)]
    pub(crate) fn get(&mut self, surface: &str, decide: impl FnOnce(&str) -> T) -> T {
        let key = Key::of(surface);
        let hash = key.hash(surface);
        let Self { index, text, ends } = self;
        let found = index
            .find(hash, |entry| entry.key == key && (key.len <= INLINE || form_at(text, ends, entry.form) == surface));
        match found {
            Some(entry) => entry.value,
            None => self.insert(surface, key, hash, decide),
        }
    }

    /// A form met for the first time: most tokens are not.
    #[cold]
    #[inline(never)]
    fn insert(&mut self, surface: &str, key: Key, hash: u64, decide: impl FnOnce(&str) -> T) -> T {
        let value = decide(surface);
        let form = u32::try_from(self.ends.len()).unwrap_or(u32::MAX);
        self.text.push_str(surface);
        self.ends.push(self.text.len());
        let (text, ends) = (&self.text, &self.ends);
        self.index
            .insert_unique(hash, Entry { key, form, value }, |entry| entry.key.hash(form_at(text, ends, entry.form)));
        value
    }
}

/// Form `form` of a cache's `text` and `ends`.
fn form_at<'t>(text: &'t str, ends: &[usize], form: u32) -> &'t str {
    let form = form as usize;
    let start = if form == 0 { 0 } else { ends[form - 1] };
    &text[start..ends[form]]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn keys_of_forms_up_to_16_bytes_differ_when_the_forms_do() {
        let forms = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "aa",
            "abc",
            "acc",
            "abcd",
            "abce",
            "abcde",
            "abcdf",
            "bbcde",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "abcdefgxi",
            "abcdefghijklmnop",
            "abcdefghijklmnoq",
            "Iran’s",
            "iran’s",
        ];
        for (i, a) in forms.iter().enumerate() {
            for b in &forms[i + 1..] {
                assert_ne!(Key::of(a), Key::of(b), "{a:?} and {b:?}");
            }
        }
    }

    #[test]
    fn long_forms_that_share_their_ends_are_told_apart() {
        let mut cache = FormCache::new();
        let forms: Vec<String> = (0..200).map(|i| format!("12345678{i:09}87654321")).collect();
        for (i, form) in forms.iter().enumerate() {
            assert_eq!(cache.get(form, |_| i), i);
        }
        for (i, form) in forms.iter().enumerate() {
            assert_eq!(cache.get(form, |_| usize::MAX), i, "{form}");
        }
    }

    proptest! {
        /// Each distinct form is decided once, and every later lookup gives that answer.
        #[test]
        fn prop_each_form_is_decided_once(forms in proptest::collection::vec("[ab’é]{0,20}", 0..60)) {
            let mut cache = FormCache::new();
            let mut decided = std::collections::HashMap::new();
            for form in &forms {
                let next = decided.len();
                let value = cache.get(form, |_| next);
                prop_assert_eq!(value, *decided.entry(form.clone()).or_insert(next));
            }
        }
    }
}
