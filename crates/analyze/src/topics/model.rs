//! A fitted LDA model.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::train::ConsistencyError;
use dateline_text::DocMeta;

/// The log-likelihood of the sampler's state after an iteration.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LogLikelihood {
    /// Sweeps done.
    pub iteration: u32,
    /// The collapsed joint log-likelihood `log p(w, z | α, β)`.
    pub log_likelihood: f64,
    /// The same divided by the number of tokens, as MALLET reports it (`LL/token`).
    pub per_token: f64,
}

/// What a model is made of, before its indexes are built.
#[derive(Debug)]
pub(super) struct Parts {
    pub alpha: Vec<f64>,
    pub beta: f64,
    pub terms: Vec<String>,
    pub display: Vec<String>,
    /// Per word, `(topic, count)` with counts above zero.
    pub word_topics: Vec<Vec<(u32, u32)>>,
    pub documents: Vec<DocMeta>,
    /// Per document, `(topic, count)` with counts above zero.
    pub doc_topics: Vec<Vec<(u32, u32)>>,
    pub log_likelihood: Vec<LogLikelihood>,
    pub iterations: u32,
    pub seed: u64,
    pub threads: usize,
}

/// A fitted LDA model: topics over the kept vocabulary, the training documents' topic
/// counts, the hyperparameters and the log-likelihood trace.
///
/// Words are numbered `0..vocabulary_len()` in term order; topics `0..topics()`; documents
/// in the order of the training [`Counts`](crate::Counts).
#[derive(Debug, Clone, PartialEq)]
pub struct LdaModel {
    alpha: Vec<f64>,
    beta: f64,
    terms: Vec<String>,
    display: Vec<String>,
    index: FxHashMap<String, u32>,
    /// Word `w`'s `(topic, count)` are `word_entries[word_starts[w]..word_starts[w + 1]]`,
    /// largest count first, ties by topic.
    word_starts: Vec<usize>,
    word_entries: Vec<(u32, u32)>,
    topic_totals: Vec<u32>,
    documents: Vec<DocMeta>,
    /// Document `d`'s `(topic, count)` are `doc_entries[doc_starts[d]..doc_starts[d + 1]]`,
    /// by topic.
    doc_starts: Vec<usize>,
    doc_entries: Vec<(u32, u32)>,
    doc_lengths: Vec<u32>,
    log_likelihood: Vec<LogLikelihood>,
    iterations: u32,
    seed: u64,
    threads: usize,
}

impl LdaModel {
    /// Builds the model's indexes. Counts are not checked; see
    /// [`check_consistency`](Self::check_consistency).
    pub(super) fn from_parts(parts: Parts) -> Self {
        let Parts {
            alpha,
            beta,
            terms,
            display,
            word_topics,
            documents,
            doc_topics,
            log_likelihood,
            iterations,
            seed,
            threads,
        } = parts;
        let k = alpha.len();
        let mut topic_totals = vec![0u32; k];
        let mut word_starts = Vec::with_capacity(word_topics.len() + 1);
        let mut word_entries = Vec::new();
        word_starts.push(0);
        for mut list in word_topics {
            list.retain(|&(_, n)| n > 0);
            list.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for &(t, n) in &list {
                if let Some(total) = topic_totals.get_mut(t as usize) {
                    *total = total.saturating_add(n);
                }
            }
            word_entries.extend(list);
            word_starts.push(word_entries.len());
        }
        let mut doc_starts = Vec::with_capacity(doc_topics.len() + 1);
        let mut doc_entries = Vec::new();
        let mut doc_lengths = Vec::with_capacity(doc_topics.len());
        doc_starts.push(0);
        for mut row in doc_topics {
            row.retain(|&(_, n)| n > 0);
            row.sort_unstable();
            doc_lengths.push(row.iter().fold(0u32, |sum, &(_, n)| sum.saturating_add(n)));
            doc_entries.extend(row);
            doc_starts.push(doc_entries.len());
        }
        let index = terms.iter().cloned().zip(0..).collect();
        Self {
            alpha,
            beta,
            terms,
            display,
            index,
            word_starts,
            word_entries,
            topic_totals,
            documents,
            doc_starts,
            doc_entries,
            doc_lengths,
            log_likelihood,
            iterations,
            seed,
            threads,
        }
    }

    /// The number of topics, `k`.
    #[must_use]
    pub fn topics(&self) -> usize {
        self.alpha.len()
    }

    /// `α_t` per topic, after any optimisation.
    #[must_use]
    pub fn alpha(&self) -> &[f64] {
        &self.alpha
    }

    /// `β`, after any optimisation.
    #[must_use]
    pub const fn beta(&self) -> f64 {
        self.beta
    }

    /// How many words the model knows: the terms kept after pruning.
    #[must_use]
    pub fn vocabulary_len(&self) -> usize {
        self.terms.len()
    }

    /// The case-folded term of `word`, as the [`Vocabulary`](crate::Vocabulary) has it.
    ///
    /// # Panics
    ///
    /// If `word` is not below [`vocabulary_len`](Self::vocabulary_len).
    #[must_use]
    pub fn term(&self, word: u32) -> &str {
        &self.terms[word as usize]
    }

    /// The term of `word` as most often written in the training corpus (`Lavrov`, `INSTC`).
    ///
    /// # Panics
    ///
    /// If `word` is not below [`vocabulary_len`](Self::vocabulary_len).
    #[must_use]
    pub fn display(&self, word: u32) -> &str {
        &self.display[word as usize]
    }

    /// The word of a case-folded term, if the model knows it.
    #[must_use]
    pub fn word(&self, term: &str) -> Option<u32> {
        self.index.get(term).copied()
    }

    /// `word`'s `(topic, count)` for every topic with tokens of it, largest count first.
    ///
    /// # Panics
    ///
    /// If `word` is not below [`vocabulary_len`](Self::vocabulary_len).
    #[must_use]
    pub fn word_topics(&self, word: u32) -> &[(u32, u32)] {
        let w = word as usize;
        &self.word_entries[self.word_starts[w]..self.word_starts[w + 1]]
    }

    /// Tokens of `word` assigned to `topic`, `n_wt`.
    ///
    /// # Panics
    ///
    /// If `word` is not below [`vocabulary_len`](Self::vocabulary_len).
    #[must_use]
    pub fn topic_word_count(&self, topic: usize, word: u32) -> u32 {
        self.word_topics(word).iter().find(|&&(t, _)| t as usize == topic).map_or(0, |&(_, n)| n)
    }

    /// Tokens assigned to `topic`, `n_t`.
    ///
    /// # Panics
    ///
    /// If `topic` is not below [`topics`](Self::topics).
    #[must_use]
    pub fn topic_tokens(&self, topic: usize) -> u32 {
        self.topic_totals[topic]
    }

    /// Tokens of the training corpus after pruning.
    #[must_use]
    pub fn tokens(&self) -> u64 {
        self.topic_totals.iter().map(|&n| u64::from(n)).sum()
    }

    /// The `n` words of `topic` with the highest weight `φ_tw = (n_wt + β) / (n_t + Vβ)`,
    /// as word ids, highest first, ties in term order.
    ///
    /// # Panics
    ///
    /// If `topic` is not below [`topics`](Self::topics).
    #[must_use]
    pub fn top_words(&self, topic: usize, n: usize) -> Vec<(u32, f64)> {
        let denominator = f64::from(self.topic_totals[topic]) + self.beta_sum();
        let mut counted: Vec<(u32, u32)> = (0..)
            .zip(self.word_starts.windows(2))
            .filter_map(|(w, range)| {
                let list = &self.word_entries[range[0]..range[1]];
                list.iter().find(|&&(t, _)| t as usize == topic).map(|&(_, count)| (w, count))
            })
            .collect();
        counted.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        counted.truncate(n);
        let mut top: Vec<(u32, f64)> =
            counted.into_iter().map(|(w, count)| (w, (f64::from(count) + self.beta) / denominator)).collect();
        if top.len() < n {
            // Words the topic has no token of share the smallest weight; fill in term order.
            let mut has = vec![false; self.terms.len()];
            for &(w, _) in &top {
                has[w as usize] = true;
            }
            let rest = (0..).zip(&has).filter(|&(_, &h)| !h).map(|(w, _)| (w, self.beta / denominator));
            top.extend(rest.take(n - top.len()));
        }
        top
    }

    /// The `n` words of `topic` with the highest weight `φ_tw`, in their display forms, highest
    /// first, ties in term order.
    ///
    /// # Panics
    ///
    /// If `topic` is not below [`topics`](Self::topics).
    #[must_use]
    pub fn topic_words(&self, topic: usize, n: usize) -> Vec<(String, f64)> {
        self.top_words(topic, n).into_iter().map(|(w, weight)| (self.display(w).to_owned(), weight)).collect()
    }

    /// The training documents' paths and dates, in training order.
    #[must_use]
    pub fn documents(&self) -> &[DocMeta] {
        &self.documents
    }

    /// Tokens of training document `doc` after pruning.
    ///
    /// # Panics
    ///
    /// If `doc` is not a training document's index.
    #[must_use]
    pub fn document_len(&self, doc: usize) -> u32 {
        self.doc_lengths[doc]
    }

    /// Training document `doc`'s `(topic, count)` for every topic with tokens in it, by topic.
    ///
    /// # Panics
    ///
    /// If `doc` is not a training document's index.
    #[must_use]
    pub fn document_topic_counts(&self, doc: usize) -> &[(u32, u32)] {
        &self.doc_entries[self.doc_starts[doc]..self.doc_starts[doc + 1]]
    }

    /// Training document `doc`'s topic mixture `θ_dt = (n_dt + α_t) / (n_d + Σα)`; a document
    /// with no tokens gets the prior's mean.
    ///
    /// # Panics
    ///
    /// If `doc` is not a training document's index.
    #[must_use]
    pub fn document_topics(&self, doc: usize) -> Vec<f64> {
        let denominator = f64::from(self.doc_lengths[doc]) + self.alpha.iter().sum::<f64>();
        let mut theta: Vec<f64> = self.alpha.iter().map(|&a| a / denominator).collect();
        for &(t, n) in self.document_topic_counts(doc) {
            theta[t as usize] = (f64::from(n) + self.alpha[t as usize]) / denominator;
        }
        theta
    }

    /// The log-likelihood records of training.
    #[must_use]
    pub fn log_likelihood(&self) -> &[LogLikelihood] {
        &self.log_likelihood
    }

    /// Sweeps the model was trained for.
    #[must_use]
    pub const fn iterations(&self) -> u32 {
        self.iterations
    }

    /// The seed it was trained with.
    #[must_use]
    pub const fn seed(&self) -> u64 {
        self.seed
    }

    /// The shards it was trained with.
    #[must_use]
    pub const fn threads(&self) -> usize {
        self.threads
    }

    /// `V β`.
    pub(super) fn beta_sum(&self) -> f64 {
        #[allow(clippy::cast_precision_loss, reason = "vocabulary sizes stay far below 2^52")]
        let v = self.terms.len() as f64;
        self.beta * v
    }

    /// Every word's topic counts and every document's, as stored.
    pub(super) fn word_lists(&self) -> impl Iterator<Item = &[(u32, u32)]> {
        self.word_starts.windows(2).map(|r| &self.word_entries[r[0]..r[1]])
    }

    pub(super) fn doc_lists(&self) -> impl Iterator<Item = &[(u32, u32)]> {
        self.doc_starts.windows(2).map(|r| &self.doc_entries[r[0]..r[1]])
    }

    pub(super) fn terms(&self) -> (&[String], &[String]) {
        (&self.terms, &self.display)
    }

    /// Checks that the counts agree: every topic's tokens are the sum of its words' counts and
    /// of its documents' counts; the documents' counts sum to their lengths; topics are below
    /// `k`, listed once per word and document; `α` and `β` are finite and above zero; one
    /// display form per term and no term twice.
    ///
    /// # Errors
    ///
    /// A [`ConsistencyError`] saying what disagrees.
    pub fn check_consistency(&self) -> Result<(), ConsistencyError> {
        let fail = |message: String| Err(ConsistencyError(message));
        let k = self.alpha.len();
        if k == 0 || self.alpha.iter().any(|&a| !(a.is_finite() && a > 0.0)) {
            return fail(format!("alpha must be finite and above 0 for each of at least 1 topic: {:?}", self.alpha));
        }
        if !(self.beta.is_finite() && self.beta > 0.0) {
            return fail(format!("beta must be finite and above 0: {}", self.beta));
        }
        if self.display.len() != self.terms.len() || self.index.len() != self.terms.len() {
            return fail("terms must be distinct, each with one display form".into());
        }
        if self.documents.len() != self.doc_lengths.len() {
            return fail("one topic count list per document".into());
        }
        let mut by_words = vec![0u64; k];
        let mut by_docs = vec![0u64; k];
        for (lists, sums) in
            [(self.word_lists().collect::<Vec<_>>(), &mut by_words), (self.doc_lists().collect(), &mut by_docs)]
        {
            for list in lists {
                let mut seen: Vec<u32> = list.iter().map(|&(t, _)| t).collect();
                seen.sort_unstable();
                if seen.windows(2).any(|w| w[0] == w[1]) || seen.last().is_some_and(|&t| t as usize >= k) {
                    return fail(format!("topic counts {list:?} name a topic twice or one not below {k}"));
                }
                for &(t, n) in list {
                    sums[t as usize] += u64::from(n);
                }
            }
        }
        let totals: Vec<u64> = self.topic_totals.iter().map(|&n| u64::from(n)).collect();
        if by_words != totals || by_docs != totals {
            return fail(format!(
                "tokens per topic: {totals:?}; summed over words: {by_words:?}; summed over documents: {by_docs:?}"
            ));
        }
        for (doc, list) in self.doc_lists().enumerate() {
            let sum: u64 = list.iter().map(|&(_, n)| u64::from(n)).sum();
            if sum != u64::from(self.doc_lengths[doc]) {
                return fail(format!("document {doc}'s topic counts sum to {sum}, not its length"));
            }
        }
        Ok(())
    }
}
