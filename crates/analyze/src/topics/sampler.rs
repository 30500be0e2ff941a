//! The SparseLDA sweep over one shard of documents.
//!
//! Topic-word counts are kept per word as a fixed-capacity list of packed entries
//! `count << 32 | topic`: the word's topics in no particular order, then the unused slots
//! (`0`). A word with `f` tokens never has more than `min(k, f)` topics, which is each list's
//! capacity; all lists live in one flat vector.
//!
//! SparseLDA keeps the lists sorted by count so that the walk through the `q` bucket stops
//! early. Here the `q` pass stores running sums instead and the draw counts the sums below it,
//! a loop without a data-dependent branch; so order does not matter, and moving a token
//! between topics updates two entries in place (found during the `q` pass) with no search
//! and no re-sorting.

use std::ops::Range;

use rand_chacha::ChaCha8Rng;

use super::math::unit;

/// One token of a topic in a packed entry.
pub(super) const ONE: u64 = 1 << 32;

/// The count of a packed entry.
#[inline]
pub(super) fn count_of(entry: u64) -> u32 {
    #[allow(clippy::cast_possible_truncation, reason = "the high half of a u64 fits a u32")]
    let count = (entry >> 32) as u32;
    count
}

/// The topic of a packed entry.
#[inline]
pub(super) fn topic_of(entry: u64) -> u32 {
    #[allow(clippy::cast_possible_truncation, reason = "the low half is the topic")]
    let topic = entry as u32;
    topic
}

/// How many entries of a word's list are in use.
#[inline]
fn live_len(list: &[u64]) -> usize {
    list.iter().position(|&e| e == 0).unwrap_or(list.len())
}

/// Adds one token of `topic` to a word's list whose first `live` entries are in use.
///
/// # Panics
///
/// If the list is full without `topic`, which the capacity rules out.
#[inline]
fn increment_live(list: &mut [u64], live: usize, topic: u32) {
    match list[..live].iter().position(|&e| topic_of(e) == topic) {
        Some(i) => list[i] += ONE,
        None => list[live] = ONE | u64::from(topic),
    }
}

/// Adds one token of `topic` to a word's list.
#[inline]
pub(super) fn increment(list: &mut [u64], topic: u32) {
    increment_live(list, live_len(list), topic);
}

/// Takes one token out of entry `i` of a word's list whose first `live` entries are in use;
/// an entry left without tokens is replaced by the last one in use. Returns the entries in
/// use after.
#[inline]
fn decrement_at(list: &mut [u64], live: usize, i: usize) -> usize {
    list[i] -= ONE;
    if list[i] < ONE {
        list[i] = list[live - 1];
        list[live - 1] = 0;
        live - 1
    } else {
        live
    }
}

/// Topic-word counts of one copy: the packed lists and the tokens per topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct WordTopics {
    /// Packed entries; word `w`'s list is `entries[offsets[w]..offsets[w + 1]]`.
    pub entries: Vec<u64>,
    /// Tokens per topic.
    pub totals: Vec<u32>,
}

/// The hyperparameters of a sweep.
#[derive(Debug, Clone, Copy)]
pub(super) struct Priors<'a> {
    pub alpha: &'a [f64],
    pub beta: f64,
    /// `V β`.
    pub beta_sum: f64,
}

/// A contiguous run of documents, their tokens and topics, and a private copy of the tokens
/// per topic.
///
/// The vocabulary is cut into blocks of words (as many as the shards); a document's tokens are
/// laid out block by block, so that the tokens of one block form one run per document.
#[derive(Debug, Clone)]
pub(super) struct Shard {
    /// Which documents of the corpus.
    pub docs: Range<usize>,
    /// Word blocks: the tokens of the shard's document `d` in block `b` are
    /// `starts[d * blocks + b]..starts[d * blocks + b + 1]`; one more than documents × blocks.
    pub starts: Vec<usize>,
    /// Word blocks the vocabulary is cut into.
    pub blocks: usize,
    /// Word id of each token.
    pub words: Vec<u32>,
    /// Topic of each token.
    pub topics: Vec<u32>,
    /// This shard's copy of the tokens per topic.
    pub totals: Vec<u32>,
    scratch: Scratch,
}

/// Buffers of a sweep, allocated once.
#[derive(Debug, Clone)]
struct Scratch {
    /// The current document's tokens per topic.
    row: Vec<u32>,
    /// The topics with `row[t] > 0`.
    nonzero: Vec<u32>,
    /// `1 / (Vβ + n_t)`.
    inverse: Vec<f64>,
    /// `1 / (Vβ + n_t - 1)`: the same once a token leaves the topic.
    inverse_less: Vec<f64>,
    /// `1 / (Vβ + n_t + 1)`: the same once a token joins the topic. With both cached, the
    /// divisions a move needs are off the chain of dependent operations from token to token.
    inverse_more: Vec<f64>,
    /// `α_t β`.
    alpha_beta: Vec<f64>,
    /// `(α_t + n_td) / (Vβ + n_t)`.
    coefficient: Vec<f64>,
    /// Running sums of the `q` bucket's terms, in list order.
    q_sums: Vec<f64>,
}

impl Shard {
    pub(super) fn new(
        docs: Range<usize>,
        starts: Vec<usize>,
        blocks: usize,
        words: Vec<u32>,
        topics: Vec<u32>,
        totals: Vec<u32>,
    ) -> Self {
        let k = totals.len();
        let scratch = Scratch {
            row: vec![0; k],
            nonzero: Vec::with_capacity(k),
            inverse: vec![0.0; k],
            inverse_less: vec![0.0; k],
            inverse_more: vec![0.0; k],
            alpha_beta: vec![0.0; k],
            coefficient: vec![0.0; k],
            q_sums: vec![0.0; k],
        };
        Self { docs, starts, blocks, words, topics, totals, scratch }
    }

    /// The token range of the shard's `d`-th document.
    pub(super) fn doc(&self, d: usize) -> Range<usize> {
        self.starts[d * self.blocks]..self.starts[(d + 1) * self.blocks]
    }

    /// Resamples the topic of every token of word block `block` in the shard's documents once,
    /// updating the shard's tokens per topic and the block's topic-word counts: `entries` is
    /// the block's part of them, from entry `base` on, which no other shard touches meanwhile.
    /// Word `w`'s list is `lists[w]`, counted from the start of all entries.
    ///
    /// A token is first taken out of its topic in the scalar state (document counts, tokens
    /// per topic, the cached `1 / (Vβ + n_t)`, the bucket sums) but not in its word's list:
    /// the `q` pass subtracts it there on the fly. When the draw gives the token its old topic
    /// back, which it mostly does once topics settle, the saved scalars are put back and the
    /// list is never touched, so such a token costs no division and no list update.
    #[allow(clippy::too_many_lines, reason = "one sampling loop reads best in one piece")]
    pub(super) fn sweep(
        &mut self,
        block: usize,
        entries: &mut [u64],
        base: usize,
        lists: &[Range<usize>],
        priors: Priors<'_>,
        rng: &mut ChaCha8Rng,
    ) {
        let Priors { alpha, beta, beta_sum } = priors;
        let Scratch { row, nonzero, inverse, inverse_less, inverse_more, alpha_beta, coefficient, q_sums } =
            &mut self.scratch;
        let totals = &mut self.totals;
        let blocks = self.blocks;
        let k = alpha.len();
        for t in 0..k {
            inverse[t] = 1.0 / (f64::from(totals[t]) + beta_sum);
            inverse_less[t] = 1.0 / (f64::from(totals[t]) - 1.0 + beta_sum);
            inverse_more[t] = 1.0 / (f64::from(totals[t]) + 1.0 + beta_sum);
            alpha_beta[t] = alpha[t] * beta;
            coefficient[t] = alpha[t] * inverse[t];
        }
        for d in 0..self.docs.len() {
            let part = self.starts[d * blocks + block]..self.starts[d * blocks + block + 1];
            if part.is_empty() {
                continue;
            }
            let whole = self.starts[d * blocks]..self.starts[(d + 1) * blocks];
            for &t in &self.topics[whole] {
                if row[t as usize] == 0 {
                    nonzero.push(t);
                }
                row[t as usize] += 1;
            }
            // Recomputed per document, so rounding in the running sums never builds up.
            let mut smoothing = 0.0;
            for t in 0..k {
                smoothing += alpha_beta[t] * inverse[t];
            }
            let mut document = 0.0;
            for &t in nonzero.iter() {
                let t = t as usize;
                document += f64::from(row[t]) * inverse[t];
                coefficient[t] = (alpha[t] + f64::from(row[t])) * inverse[t];
            }
            document *= beta;

            let words = &self.words[part.clone()];
            let topics = &mut self.topics[part];
            for (&word, topic) in words.iter().zip(topics.iter_mut()) {
                let span = &lists[word as usize];
                let list = &mut entries[span.start - base..span.end - base];

                // Take the token out of the scalar state, keeping what a no-change restores.
                let old = *topic;
                let o = old as usize;
                let kept = (smoothing, document, inverse[o], coefficient[o]);
                smoothing += alpha_beta[o] * (inverse_less[o] - inverse[o]);
                document += beta * (f64::from(row[o] - 1) * inverse_less[o] - f64::from(row[o]) * inverse[o]);
                row[o] -= 1;
                totals[o] -= 1;
                inverse[o] = inverse_less[o];
                coefficient[o] = (alpha[o] + f64::from(row[o])) * inverse[o];

                // The word's bucket, with the token left out of its topic's count, as running
                // sums; and where the token's own entry is.
                let mut word_mass = 0.0;
                let mut live = list.len();
                let mut at_old = 0;
                for (j, (&entry, sum)) in list.iter().zip(q_sums.iter_mut()).enumerate() {
                    if entry == 0 {
                        live = j;
                        break;
                    }
                    let t = topic_of(entry);
                    let is_old = t == old;
                    at_old = if is_old { j } else { at_old };
                    word_mass += coefficient[t as usize] * f64::from(count_of(entry) - u32::from(is_old));
                    *sum = word_mass;
                }

                let mut u = unit(rng) * (smoothing + document + word_mass);
                let (new, at_new) = if u < word_mass {
                    // The first running sum above `u`; sums never fall, so it is the number
                    // of sums at or below it (at most the last, should rounding say otherwise).
                    let j = q_sums[..live].iter().filter(|&&sum| sum <= u).count().min(live - 1);
                    (topic_of(list[j]), Some(j))
                } else {
                    u -= word_mass;
                    let from_document = if u < document {
                        nonzero
                            .iter()
                            .position(|&t| {
                                u -= f64::from(row[t as usize]) * beta * inverse[t as usize];
                                u < 0.0
                            })
                            .or_else(|| nonzero.iter().rposition(|&t| row[t as usize] > 0))
                            .map(|i| nonzero[i])
                    } else {
                        None
                    };
                    let new = from_document.unwrap_or_else(|| {
                        u -= document;
                        let t = alpha_beta
                            .iter()
                            .zip(inverse.iter())
                            .position(|(&ab, &inv)| {
                                u -= ab * inv;
                                u < 0.0
                            })
                            .unwrap_or(k - 1);
                        #[allow(clippy::cast_possible_truncation, reason = "k fits a u32, checked when built")]
                        let t = t as u32;
                        t
                    });
                    (new, None)
                };

                if new == old {
                    (smoothing, document, inverse[o], coefficient[o]) = kept;
                    row[o] += 1;
                    totals[o] += 1;
                    continue;
                }

                // The token leaves its old topic for good.
                inverse_more[o] = kept.2;
                inverse_less[o] = 1.0 / (f64::from(totals[o]) - 1.0 + beta_sum);
                if row[o] == 0 {
                    let at = nonzero.iter().position(|&t| t == old).unwrap_or(0);
                    nonzero.swap_remove(at);
                }
                // Out first, so a word with as many topics as tokens has room for the new one.
                let last = live - 1;
                let live = decrement_at(list, live, at_old);
                match at_new {
                    // The emptied entry took the last one's place.
                    Some(j) if j == last && live == last => list[at_old] += ONE,
                    Some(j) => list[j] += ONE,
                    None => increment_live(list, live, new),
                }

                // And joins its new one.
                let n = new as usize;
                let grown = inverse_more[n];
                smoothing += alpha_beta[n] * (grown - inverse[n]);
                document += beta * (f64::from(row[n] + 1) * grown - f64::from(row[n]) * inverse[n]);
                if row[n] == 0 {
                    nonzero.push(new);
                }
                row[n] += 1;
                totals[n] += 1;
                inverse_less[n] = inverse[n];
                inverse[n] = grown;
                inverse_more[n] = 1.0 / (f64::from(totals[n]) + 1.0 + beta_sum);
                coefficient[n] = (alpha[n] + f64::from(row[n])) * inverse[n];
                *topic = new;
            }

            for &t in nonzero.iter() {
                let t = t as usize;
                row[t] = 0;
                coefficient[t] = alpha[t] * inverse[t];
            }
            nonzero.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(list: &[u64]) -> Vec<(u32, u32)> {
        list.iter().map(|&e| (topic_of(e), count_of(e))).collect()
    }

    #[test]
    fn lists_keep_their_free_slots_last() {
        let mut list = [0u64; 3];
        increment(&mut list, 2);
        increment(&mut list, 0);
        increment(&mut list, 0);
        assert_eq!(entries(&list), [(2, 1), (0, 2), (0, 0)]);
        increment(&mut list, 1);
        assert_eq!(entries(&list), [(2, 1), (0, 2), (1, 1)]);
        // Emptying an entry moves the last one in use into its place.
        assert_eq!(decrement_at(&mut list, 3, 0), 2);
        assert_eq!(entries(&list), [(1, 1), (0, 2), (0, 0)]);
        assert_eq!(decrement_at(&mut list, 2, 1), 2);
        assert_eq!(entries(&list), [(1, 1), (0, 1), (0, 0)]);
        assert_eq!(decrement_at(&mut list, 2, 1), 1);
        assert_eq!(list, [ONE | 1, 0, 0]);
        assert_eq!(live_len(&list), 1);
        increment(&mut list, 0);
        assert_eq!(entries(&list), [(1, 1), (0, 1), (0, 0)]);
    }

    #[test]
    #[should_panic(expected = "index out of bounds")]
    fn a_full_list_has_no_room_for_another_topic() {
        let mut list = [ONE | 2];
        increment(&mut list, 1);
    }
}
