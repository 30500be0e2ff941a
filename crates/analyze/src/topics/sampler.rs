//! The SparseLDA sweep over one shard of documents.
//!
//! Topic-word counts are kept per word as a fixed-capacity list of packed entries
//! `count << 32 | topic`, sorted in descending order, so the word's most frequent topics come
//! first and the unused slots (`0`) last. A word with `f` tokens never has more than
//! `min(k, f)` topics, which is each list's capacity; all lists live in one flat vector.

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

/// Takes one token of `topic` out of a word's list.
///
/// # Panics
///
/// If the word has no token in `topic`.
#[inline]
pub(super) fn decrement(list: &mut [u64], topic: u32) {
    let Some(mut i) = list.iter().position(|&e| e >= ONE && topic_of(e) == topic) else {
        panic!("no token of topic {topic} to take out of {list:?}");
    };
    let entry = list[i] - ONE;
    list[i] = if entry < ONE { 0 } else { entry };
    while i + 1 < list.len() && list[i + 1] > list[i] {
        list.swap(i, i + 1);
        i += 1;
    }
}

/// Adds one token of `topic` to a word's list.
///
/// # Panics
///
/// If the list is full without `topic`, which the capacity rules out.
#[inline]
pub(super) fn increment(list: &mut [u64], topic: u32) {
    // Live entries come first, so the first free slot follows every live one; a free slot
    // reads as topic 0 with no tokens, and adding one token of topic 0 to it is `ONE` too.
    let Some(i) = list.iter().position(|&e| e == 0 || topic_of(e) == topic) else {
        panic!("no room for topic {topic} in {list:?}");
    };
    increment_at(list, i, topic);
}

/// Adds one token of `topic` at `list[i]`, which holds `topic` or is the first free slot.
#[inline]
fn increment_at(list: &mut [u64], mut i: usize, topic: u32) {
    list[i] = if list[i] == 0 { ONE | u64::from(topic) } else { list[i] + ONE };
    while i > 0 && list[i - 1] < list[i] {
        list.swap(i - 1, i);
        i -= 1;
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

impl WordTopics {
    /// Copies `other` without allocating.
    pub(super) fn copy_from(&mut self, other: &Self) {
        self.entries.copy_from_slice(&other.entries);
        self.totals.copy_from_slice(&other.totals);
    }
}

/// The hyperparameters of a sweep.
#[derive(Debug, Clone, Copy)]
pub(super) struct Priors<'a> {
    pub alpha: &'a [f64],
    pub beta: f64,
    /// `V β`.
    pub beta_sum: f64,
}

/// A contiguous run of documents, their tokens and topics, and a private copy of the
/// topic-word counts.
#[derive(Debug, Clone)]
pub(super) struct Shard {
    /// Which documents of the corpus.
    pub docs: Range<usize>,
    /// Token offsets of the documents in `words` and `topics`; one more than the documents.
    pub starts: Vec<usize>,
    /// Word id of each token.
    pub words: Vec<u32>,
    /// Topic of each token.
    pub topics: Vec<u32>,
    /// This shard's copy of the topic-word counts.
    pub local: WordTopics,
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
    /// `(α_t + n_td) / (Vβ + n_t)`.
    coefficient: Vec<f64>,
    /// The terms of the `q` bucket, in list order.
    q_terms: Vec<f64>,
}

impl Shard {
    pub(super) fn new(docs: Range<usize>, starts: Vec<usize>, words: Vec<u32>, topics: Vec<u32>, k: usize) -> Self {
        let scratch = Scratch {
            row: vec![0; k],
            nonzero: Vec::with_capacity(k),
            inverse: vec![0.0; k],
            coefficient: vec![0.0; k],
            q_terms: vec![0.0; k],
        };
        Self { docs, starts, words, topics, local: WordTopics { entries: Vec::new(), totals: Vec::new() }, scratch }
    }

    /// The token range of the shard's `d`-th document.
    pub(super) fn doc(&self, d: usize) -> Range<usize> {
        self.starts[d]..self.starts[d + 1]
    }

    /// Resamples the topic of every token of the shard once, updating the local counts.
    #[allow(clippy::too_many_lines, reason = "one sampling loop reads best in one piece")]
    pub(super) fn sweep(&mut self, offsets: &[usize], priors: Priors<'_>, rng: &mut ChaCha8Rng) {
        let Priors { alpha, beta, beta_sum } = priors;
        let Scratch { row, nonzero, inverse, coefficient, q_terms } = &mut self.scratch;
        let WordTopics { entries, totals } = &mut self.local;
        let k = alpha.len();
        for t in 0..k {
            inverse[t] = 1.0 / (f64::from(totals[t]) + beta_sum);
            coefficient[t] = alpha[t] * inverse[t];
        }
        for d in 0..self.starts.len() - 1 {
            let range = self.starts[d]..self.starts[d + 1];
            if range.is_empty() {
                continue;
            }
            let words = &self.words[range.clone()];
            let topics = &mut self.topics[range];
            for &t in topics.iter() {
                if row[t as usize] == 0 {
                    nonzero.push(t);
                }
                row[t as usize] += 1;
            }
            // Recomputed per document, so rounding in the running sums never builds up.
            let mut smoothing = 0.0;
            for t in 0..k {
                smoothing += alpha[t] * inverse[t];
            }
            smoothing *= beta;
            let mut document = 0.0;
            for &t in nonzero.iter() {
                let t = t as usize;
                document += f64::from(row[t]) * inverse[t];
                coefficient[t] = (alpha[t] + f64::from(row[t])) * inverse[t];
            }
            document *= beta;

            for (&word, topic) in words.iter().zip(topics.iter_mut()) {
                let list = &mut entries[offsets[word as usize]..offsets[word as usize + 1]];

                // Take the token out.
                let old = *topic;
                let o = old as usize;
                smoothing -= alpha[o] * beta * inverse[o];
                document -= f64::from(row[o]) * beta * inverse[o];
                row[o] -= 1;
                totals[o] -= 1;
                decrement(list, old);
                inverse[o] = 1.0 / (f64::from(totals[o]) + beta_sum);
                smoothing += alpha[o] * beta * inverse[o];
                document += f64::from(row[o]) * beta * inverse[o];
                coefficient[o] = (alpha[o] + f64::from(row[o])) * inverse[o];
                if row[o] == 0 {
                    let at = nonzero.iter().position(|&t| t == old).unwrap_or(0);
                    nonzero.swap_remove(at);
                }

                // The word's bucket.
                let mut word_mass = 0.0;
                let mut live = 0;
                for (&entry, term) in list.iter().zip(q_terms.iter_mut()) {
                    if entry == 0 {
                        break;
                    }
                    *term = coefficient[topic_of(entry) as usize] * f64::from(count_of(entry));
                    word_mass += *term;
                    live += 1;
                }

                let mut u = unit(rng) * (smoothing + document + word_mass);
                let new = if u < word_mass {
                    let mut j = 0;
                    while j + 1 < live {
                        u -= q_terms[j];
                        if u < 0.0 {
                            break;
                        }
                        j += 1;
                    }
                    let new = topic_of(list[j]);
                    increment_at(list, j, new);
                    new
                } else {
                    u -= word_mass;
                    let new = if u < document && !nonzero.is_empty() {
                        let mut chosen = nonzero[nonzero.len() - 1];
                        for &t in nonzero.iter() {
                            u -= f64::from(row[t as usize]) * beta * inverse[t as usize];
                            if u < 0.0 {
                                chosen = t;
                                break;
                            }
                        }
                        chosen
                    } else {
                        u -= document;
                        let mut chosen = k - 1;
                        for t in 0..k {
                            u -= alpha[t] * beta * inverse[t];
                            if u < 0.0 {
                                chosen = t;
                                break;
                            }
                        }
                        #[allow(clippy::cast_possible_truncation, reason = "k fits a u32, checked when built")]
                        let chosen = chosen as u32;
                        chosen
                    };
                    increment(list, new);
                    new
                };

                // Put it back in its new topic.
                let n = new as usize;
                smoothing -= alpha[n] * beta * inverse[n];
                document -= f64::from(row[n]) * beta * inverse[n];
                if row[n] == 0 {
                    nonzero.push(new);
                }
                row[n] += 1;
                totals[n] += 1;
                inverse[n] = 1.0 / (f64::from(totals[n]) + beta_sum);
                smoothing += alpha[n] * beta * inverse[n];
                document += f64::from(row[n]) * beta * inverse[n];
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
    fn lists_stay_sorted_by_count_with_free_slots_last() {
        let mut list = [0u64; 3];
        increment(&mut list, 2);
        increment(&mut list, 0);
        increment(&mut list, 0);
        assert_eq!(entries(&list), [(0, 2), (2, 1), (0, 0)]);
        increment(&mut list, 1);
        increment(&mut list, 1);
        increment(&mut list, 1);
        assert_eq!(entries(&list), [(1, 3), (0, 2), (2, 1)]);
        decrement(&mut list, 1);
        decrement(&mut list, 1);
        assert_eq!(entries(&list), [(0, 2), (2, 1), (1, 1)]);
        decrement(&mut list, 2);
        assert_eq!(entries(&list), [(0, 2), (1, 1), (0, 0)]);
        decrement(&mut list, 0);
        decrement(&mut list, 0);
        assert_eq!(list, [ONE | 1, 0, 0]);
        increment(&mut list, 0);
        assert_eq!(entries(&list), [(1, 1), (0, 1), (0, 0)]);
    }

    #[test]
    #[should_panic(expected = "no token of topic 1")]
    fn taking_out_a_missing_topic_is_a_bug() {
        let mut list = [ONE | 2, 0];
        decrement(&mut list, 1);
    }
}
