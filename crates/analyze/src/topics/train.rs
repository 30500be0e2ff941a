//! The training state: the pruned corpus as tokens, the shards, the global counts, and the
//! schedule of sweeps, optimisations and log-likelihood records.

use std::ops::Range;

use rayon::prelude::*;

use rand_chacha::ChaCha8Rng;

use super::math::{Purpose, below, generator, ln_gamma};
use super::model::{LdaModel, LogLikelihood};
use super::optimize::{Histogram, optimize_alpha, optimize_beta};
use super::sampler::{Priors, Shard, WordTopics, count_of, increment, topic_of};
use super::{Alpha, Lda, LdaError};
use crate::counts::Counts;
use dateline_text::DfBound;
use dateline_text::DocMeta;

/// The counts disagree with the topic assignments: a bug in the sampler.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("inconsistent topic counts: {0}")]
pub struct ConsistencyError(pub String);

/// An LDA sampler between sweeps, from [`Lda::trainer`].
///
/// ```
/// # use dateline_analyze::topics::Lda;
/// # fn fit(counts: &dateline_analyze::Counts) -> Result<(), Box<dyn std::error::Error>> {
/// let lda = Lda::builder().topics(20).iterations(200).build()?;
/// let mut trainer = lda.trainer(counts)?;
/// while !trainer.is_done() {
///     trainer.sweep();
///     // a progress bar: trainer.iteration() of lda.iterations()
/// }
/// let model = trainer.into_model();
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Trainer {
    lda: Lda,
    alpha: Vec<f64>,
    beta: f64,
    terms: Vec<String>,
    display: Vec<String>,
    /// Tokens of each kept word over the corpus.
    word_freq: Vec<u32>,
    documents: Vec<DocMeta>,
    /// Word `w`'s list is `global.entries[lists[w]]`.
    lists: Vec<Range<usize>>,
    /// Where each word block's lists begin in `global.entries`; one more than the blocks.
    block_entries: Vec<usize>,
    global: WordTopics,
    shards: Vec<Shard>,
    tokens: u32,
    /// Document lengths as `(length, documents)`, for the α fixed point.
    lengths: Histogram,
    iteration: u32,
    log_likelihood: Vec<LogLikelihood>,
}

/// The corpus as LDA sees it: kept terms, and each document's tokens.
struct Tokens {
    terms: Vec<String>,
    display: Vec<String>,
    word_freq: Vec<u32>,
    /// Token offsets per document; one more than the documents.
    starts: Vec<usize>,
    words: Vec<u32>,
}

/// The kept terms and the documents as tokens in term order.
fn tokens(lda: &Lda, counts: &Counts) -> Result<Tokens, LdaError> {
    let n = counts.docs.len();
    let (low, high) = DfBound::window(lda.min_df, lda.max_df, n).ok_or(LdaError::EmptyDocFrequencyRange {
        min: lda.min_df,
        max: lda.max_df,
        documents: n,
    })?;
    let mut word_of = vec![u32::MAX; counts.vocab.len()];
    let (mut terms, mut display) = (Vec::new(), Vec::new());
    for (id, term) in counts.vocab.iter() {
        let df = counts.doc_freq.get(id as usize).copied().unwrap_or(0);
        if df > 0 && f64::from(df) >= low && f64::from(df) <= high {
            word_of[id as usize] = u32::try_from(terms.len()).unwrap_or(u32::MAX);
            terms.push(term.to_owned());
            display.push(counts.vocab.display(id).to_owned());
        }
    }
    let total: u64 = counts
        .docs
        .iter()
        .flat_map(|doc| &doc.terms)
        .filter(|&&(id, _)| word_of.get(id as usize).is_some_and(|&w| w != u32::MAX))
        .map(|&(_, count)| u64::from(count))
        .sum();
    let Ok(total) = u32::try_from(total) else {
        return Err(LdaError::TooManyTokens(total));
    };
    let mut words = Vec::with_capacity(total as usize);
    let mut starts = Vec::with_capacity(n + 1);
    let mut word_freq = vec![0u32; terms.len()];
    starts.push(0);
    for doc in &counts.docs {
        for &(id, count) in &doc.terms {
            if let Some(&word) = word_of.get(id as usize)
                && word != u32::MAX
            {
                words.extend(std::iter::repeat_n(word, count as usize));
                word_freq[word as usize] += count;
            }
        }
        starts.push(words.len());
    }
    Ok(Tokens { terms, display, word_freq, starts, words })
}

/// Where each of `shards` shards begins: documents in order, split where the running token
/// count passes each `i / shards` of the total.
fn shard_bounds(starts: &[usize], shards: usize) -> Vec<usize> {
    let documents = starts.len() - 1;
    let total = starts[documents];
    let mut bounds = vec![0];
    for i in 1..shards {
        let target = total * i / shards;
        // The first document that starts at or after the target.
        let at = starts.partition_point(|&s| s < target).min(documents);
        bounds.push(at.max(bounds[i - 1]));
    }
    bounds.push(documents);
    bounds
}

impl Trainer {
    pub(super) fn new(lda: &Lda, counts: &Counts) -> Result<Self, LdaError> {
        let Tokens { terms, display, word_freq, starts, words } = tokens(lda, counts)?;
        let k = lda.topics;
        if words.is_empty() {
            return Err(LdaError::EmptyCorpus {
                documents: counts.docs.len(),
                terms: counts.vocab.len(),
                min_df: lda.min_df,
                max_df: lda.max_df,
            });
        }
        let with_tokens = starts.windows(2).filter(|w| w[1] > w[0]).count();
        if k > with_tokens {
            return Err(LdaError::MoreTopicsThanDocuments { topics: k, documents: with_tokens });
        }
        let tokens = u32::try_from(words.len()).map_err(|_| LdaError::TooManyTokens(words.len() as u64))?;
        let k32 = u32::try_from(k).map_err(|_| LdaError::TooManyTopicIds(k))?;

        // A list holds at most min(k, f) topics for a word of f tokens.
        let mut offsets = Vec::with_capacity(terms.len() + 1);
        offsets.push(0);
        for &f in &word_freq {
            offsets.push(offsets[offsets.len() - 1] + (f as usize).min(k));
        }
        let lists: Vec<Range<usize>> = offsets.windows(2).map(|o| o[0]..o[1]).collect();
        let mut global = WordTopics { entries: vec![0; offsets[terms.len()]], totals: vec![0; k] };
        let mut rng = generator(lda.seed, Purpose::Init, 0, 0);
        let mut topics: Vec<u32> = words.iter().map(|_| below(&mut rng, k32)).collect();
        for (&w, &t) in words.iter().zip(&topics) {
            increment(&mut global.entries[lists[w as usize].clone()], t);
            global.totals[t as usize] += 1;
        }

        // As many word blocks as shards, runs of word ids of about equal token counts.
        let blocks = lda.threads;
        let mut word_starts = Vec::with_capacity(terms.len() + 1);
        word_starts.push(0);
        for &f in &word_freq {
            word_starts.push(word_starts[word_starts.len() - 1] + f as usize);
        }
        let word_blocks = shard_bounds(&word_starts, blocks);
        let block_entries: Vec<usize> = word_blocks.iter().map(|&w| offsets[w]).collect();
        let mut words = words;
        let starts = lay_out_blocks(&starts, &mut words, &mut topics, &word_blocks);

        let doc_starts: Vec<usize> = starts.iter().step_by(blocks).copied().collect();
        let bounds = shard_bounds(&doc_starts, lda.threads);
        // The shards take their tokens off the end, so the corpus's tokens are held about once.
        let mut shards = Vec::with_capacity(lda.threads);
        for b in bounds.windows(2).rev() {
            let (first, last) = (b[0], b[1]);
            let begin = starts[first * blocks];
            let local_starts: Vec<usize> = starts[first * blocks..=last * blocks].iter().map(|s| s - begin).collect();
            let (shard_words, shard_topics) = if begin == 0 {
                (std::mem::take(&mut words), std::mem::take(&mut topics))
            } else {
                let taken = (words.split_off(begin), topics.split_off(begin));
                words.shrink_to_fit();
                topics.shrink_to_fit();
                taken
            };
            shards.push(Shard::new(
                first..last,
                local_starts,
                blocks,
                shard_words,
                shard_topics,
                global.totals.clone(),
            ));
        }
        shards.reverse();

        let mut lengths: Vec<u32> =
            doc_starts.windows(2).filter_map(|w| u32::try_from(w[1] - w[0]).ok().filter(|&n| n > 0)).collect();
        lengths.sort_unstable();
        let alpha = match &lda.alpha {
            Alpha::Symmetric(alpha) => vec![*alpha; k],
            Alpha::Asymmetric(alpha) => alpha.clone(),
        };
        Ok(Self {
            lda: lda.clone(),
            alpha,
            beta: lda.beta,
            terms,
            display,
            word_freq,
            documents: counts.docs.iter().map(|doc| doc.meta.clone()).collect(),
            lists,
            block_entries,
            global,
            shards,
            tokens,
            lengths: Histogram::from_sorted(&lengths),
            iteration: 0,
            log_likelihood: Vec::new(),
        })
    }

    /// Sweeps done so far.
    #[must_use]
    pub const fn iteration(&self) -> u32 {
        self.iteration
    }

    /// Whether every iteration of the settings is done.
    #[must_use]
    pub const fn is_done(&self) -> bool {
        self.iteration >= self.lda.iterations
    }

    /// Tokens sampled in each sweep (after pruning).
    #[must_use]
    pub const fn tokens(&self) -> u32 {
        self.tokens
    }

    /// The current `α` per topic.
    #[must_use]
    pub fn alpha(&self) -> &[f64] {
        &self.alpha
    }

    /// The current `β`.
    #[must_use]
    pub const fn beta(&self) -> f64 {
        self.beta
    }

    /// The log-likelihood records so far.
    #[must_use]
    pub fn log_likelihood(&self) -> &[LogLikelihood] {
        &self.log_likelihood
    }

    /// One Gibbs sweep over every token, the shards in parallel on the current rayon pool;
    /// then, when due, a hyperparameter optimisation and a log-likelihood record. Sweeping
    /// past the last iteration goes on sampling.
    pub fn sweep(&mut self) {
        let iteration = self.iteration + 1;
        let seed = self.lda.seed;
        #[allow(clippy::cast_precision_loss, reason = "vocabulary sizes stay far below 2^52")]
        let beta_sum = self.beta * self.terms.len() as f64;
        let alpha = self.alpha.clone();
        let priors = Priors { alpha: &alpha, beta: self.beta, beta_sum };
        let mut generators: Vec<ChaCha8Rng> = (0..self.shards.len())
            .map(|index| generator(seed, Purpose::Sweep, index as u64, u64::from(iteration)))
            .collect();
        let blocks = self.block_entries.len() - 1;
        for step in 0..blocks {
            // Each block's lists, to the one shard that samples that block's tokens this step.
            let mut parts: Vec<Option<(usize, &mut [u64])>> = Vec::with_capacity(blocks);
            let mut rest = self.global.entries.as_mut_slice();
            for b in 0..blocks {
                let (part, tail) = rest.split_at_mut(self.block_entries[b + 1] - self.block_entries[b]);
                parts.push(Some((self.block_entries[b], part)));
                rest = tail;
            }
            let lists = &self.lists;
            let work: Vec<_> = self
                .shards
                .iter_mut()
                .zip(generators.iter_mut())
                .enumerate()
                .map(|(i, (shard, rng))| {
                    let block = (i + step) % blocks;
                    (shard, rng, block, parts[block].take())
                })
                .collect();
            work.into_par_iter().for_each(|(shard, rng, block, part)| {
                if let Some((base, entries)) = part {
                    shard.sweep(block, entries, base, lists, priors, rng);
                }
            });
            self.merge_totals();
        }
        self.iteration = iteration;
        debug_assert_eq!(self.check_consistency(), Ok(()), "after sweep {iteration}");

        if let Some(interval) = self.lda.optimize_interval
            && iteration > self.lda.burn_in
            && iteration.is_multiple_of(interval)
        {
            self.optimize();
        }
        let due = self.lda.likelihood_interval.is_some_and(|interval| iteration.is_multiple_of(interval));
        if due || iteration == self.lda.iterations {
            let value = self.compute_log_likelihood();
            self.log_likelihood.push(LogLikelihood {
                iteration,
                log_likelihood: value,
                per_token: value / f64::from(self.tokens),
            });
        }
    }

    /// The global tokens per topic become the sum of the shards' changes to them, and every
    /// shard's copy becomes the global counts again. (The topic-word counts need no merge:
    /// each block's are changed by one shard at a time, in place.)
    fn merge_totals(&mut self) {
        let others = i64::try_from(self.shards.len() - 1).unwrap_or(i64::MAX);
        for t in 0..self.global.totals.len() {
            let total: i64 = self.shards.iter().map(|s| i64::from(s.totals[t])).sum::<i64>()
                - others * i64::from(self.global.totals[t]);
            self.global.totals[t] = u32::try_from(total).expect("a topic's token count fits the corpus's");
        }
        for shard in &mut self.shards {
            shard.totals.copy_from_slice(&self.global.totals);
        }
    }

    /// Each document's tokens per topic, in corpus order, as `(topic, count)` sorted by topic.
    fn document_topic_counts(&self) -> Vec<Vec<(u32, u32)>> {
        let k = self.alpha.len();
        let mut row = vec![0u32; k];
        let mut out = Vec::with_capacity(self.documents.len());
        for shard in &self.shards {
            for d in 0..shard.docs.len() {
                for &t in &shard.topics[shard.doc(d)] {
                    row[t as usize] += 1;
                }
                let mut counts = Vec::new();
                for (t, n) in (0..).zip(row.iter_mut()) {
                    if *n > 0 {
                        counts.push((t, std::mem::take(n)));
                    }
                }
                out.push(counts);
            }
        }
        out
    }

    /// Re-estimates α (and β if so set) by Minka's fixed point from the current counts.
    fn optimize(&mut self) {
        let k = self.alpha.len();
        let mut per_topic: Vec<Vec<u32>> = vec![Vec::new(); k];
        for doc in self.document_topic_counts() {
            for (t, n) in doc {
                per_topic[t as usize].push(n);
            }
        }
        let histograms: Vec<Histogram> = per_topic
            .into_iter()
            .map(|mut counts| {
                counts.sort_unstable();
                Histogram::from_sorted(&counts)
            })
            .collect();
        optimize_alpha(&mut self.alpha, &histograms, &self.lengths, self.lda.symmetric_optimization);
        if self.lda.optimize_beta {
            let mut counts: Vec<u32> = self.global.entries.iter().filter(|&&e| e != 0).map(|&e| count_of(e)).collect();
            counts.sort_unstable();
            let mut totals = self.global.totals.clone();
            totals.sort_unstable();
            self.beta = optimize_beta(
                self.beta,
                &Histogram::from_sorted(&counts),
                &Histogram::from_sorted(&totals),
                self.terms.len(),
            );
        }
    }

    /// The collapsed joint log-likelihood `log p(w, z | α, β)` of the current state.
    fn compute_log_likelihood(&self) -> f64 {
        let alpha_sum: f64 = self.alpha.iter().sum();
        let ln_gamma_alpha: Vec<f64> = self.alpha.iter().map(|&a| ln_gamma(a)).collect();
        let mut ll = 0.0;
        for doc in self.document_topic_counts() {
            let length: u32 = doc.iter().map(|&(_, n)| n).sum();
            if length == 0 {
                continue;
            }
            ll += ln_gamma(alpha_sum) - ln_gamma(f64::from(length) + alpha_sum);
            for (t, n) in doc {
                let t = t as usize;
                ll += ln_gamma(f64::from(n) + self.alpha[t]) - ln_gamma_alpha[t];
            }
        }
        ll + word_log_likelihood(&self.global.entries, &self.global.totals, self.terms.len(), self.beta)
    }

    /// Checks the counts against the topic assignments: every word's topic counts equal the
    /// tokens of that word assigned to each topic, so they sum to the word's frequency and,
    /// over all words, to the number of tokens; the tokens per topic equal the assignments'
    /// and sum to the number of tokens; each word's list has its free slots last; every
    /// shard's copy of the counts equals them;
    /// and documents' topic counts sum to their lengths.
    ///
    /// # Errors
    ///
    /// A [`ConsistencyError`] saying what disagrees.
    pub fn check_consistency(&self) -> Result<(), ConsistencyError> {
        let k = self.alpha.len();
        let fail = |message: String| Err(ConsistencyError(message));
        // (word, topic) of every token, sorted: runs are the expected counts.
        let mut pairs: Vec<u64> = Vec::with_capacity(self.tokens as usize);
        let mut totals = vec![0u64; k];
        let mut documents = 0;
        for shard in &self.shards {
            if shard.words.len() != shard.topics.len() || shard.starts.last() != Some(&shard.words.len()) {
                return fail(format!("shard of documents {:?} has tokens and topics of other lengths", shard.docs));
            }
            for (&w, &t) in shard.words.iter().zip(&shard.topics) {
                if t as usize >= k {
                    return fail(format!("a token of word {w} has topic {t}, not below {k}"));
                }
                pairs.push((u64::from(w) << 32) | u64::from(t));
                totals[t as usize] += 1;
            }
            documents += shard.docs.len();
        }
        if documents != self.documents.len() || pairs.len() != self.tokens as usize {
            return fail(format!(
                "the shards hold {documents} documents and {} tokens, not {} and {}",
                pairs.len(),
                self.documents.len(),
                self.tokens
            ));
        }
        pairs.sort_unstable();
        let mut expected = pairs.chunk_by(|a, b| a == b).map(|run| (run[0], run.len())).peekable();
        let mut counted = 0u64;
        for w in 0..self.terms.len() {
            let list = &self.global.entries[self.lists[w].clone()];
            if list.windows(2).any(|pair| pair[0] == 0 && pair[1] != 0) {
                return fail(format!("word {w}'s topic counts have a free slot before one in use: {list:?}"));
            }
            let mut found: Vec<(u32, u64)> =
                list.iter().filter(|&&e| e != 0).map(|&e| (topic_of(e), u64::from(count_of(e)))).collect();
            found.sort_unstable();
            let mut want = Vec::new();
            while let Some(&(pair, n)) = expected.peek() {
                if pair >> 32 != w as u64 {
                    break;
                }
                want.push((topic_of(pair), n as u64));
                expected.next();
            }
            if found != want {
                return fail(format!("word {w} has topic counts {found:?}, but its tokens say {want:?}"));
            }
            let sum: u64 = found.iter().map(|&(_, n)| n).sum();
            if sum != u64::from(self.word_freq[w]) {
                return fail(format!("word {w}'s topic counts sum to {sum}, not its {} tokens", self.word_freq[w]));
            }
            counted += sum;
        }
        if counted != u64::from(self.tokens) || expected.next().is_some() {
            return fail(format!("topic-word counts sum to {counted}, not {} tokens", self.tokens));
        }
        if let Some(shard) = self.shards.iter().find(|shard| shard.totals != self.global.totals) {
            return fail(format!("the tokens per topic of the shard of documents {:?} differ", shard.docs));
        }
        let global: Vec<u64> = self.global.totals.iter().map(|&n| u64::from(n)).collect();
        if global != totals {
            return fail(format!("tokens per topic are {global:?}, but the assignments say {totals:?}"));
        }
        for (doc, counts) in self.document_topic_counts().iter().enumerate() {
            let sum: u64 = counts.iter().map(|&(_, n)| u64::from(n)).sum();
            let shard = self.shards.iter().find(|s| s.docs.contains(&doc));
            let length = shard.map_or(0, |s| s.doc(doc - s.docs.start).len() as u64);
            if sum != length {
                return fail(format!("document {doc}'s topic counts sum to {sum}, not its {length} tokens"));
            }
        }
        Ok(())
    }

    /// The model as it stands.
    #[must_use]
    pub fn into_model(self) -> LdaModel {
        let doc_topics = self.document_topic_counts();
        let mut word_topics = Vec::with_capacity(self.terms.len());
        for w in 0..self.terms.len() {
            let list = &self.global.entries[self.lists[w].clone()];
            word_topics.push(list.iter().take_while(|&&e| e != 0).map(|&e| (topic_of(e), count_of(e))).collect());
        }
        LdaModel::from_parts(super::model::Parts {
            alpha: self.alpha,
            beta: self.beta,
            terms: self.terms,
            display: self.display,
            word_topics,
            documents: self.documents,
            doc_topics,
            log_likelihood: self.log_likelihood,
            iterations: self.iteration,
            seed: self.lda.seed,
            threads: self.lda.threads,
        })
    }
}

/// Lays each document's tokens out block by block (stably: in their order within a block) and
/// returns where each document's run of each block begins: `starts[d * blocks + b]`, one more
/// than documents × blocks. `word_blocks` holds the first word id of each block and one past
/// the last word.
fn lay_out_blocks(starts: &[usize], words: &mut [u32], topics: &mut [u32], word_blocks: &[usize]) -> Vec<usize> {
    let blocks = word_blocks.len() - 1;
    let block_of = |w: u32| word_blocks.partition_point(|&first| first <= w as usize) - 1;
    let mut out = Vec::with_capacity((starts.len() - 1) * blocks + 1);
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for doc in starts.windows(2) {
        let range = doc[0]..doc[1];
        if words[range.clone()].windows(2).any(|p| block_of(p[0]) > block_of(p[1])) {
            pairs.clear();
            pairs.extend(words[range.clone()].iter().copied().zip(topics[range.clone()].iter().copied()));
            pairs.sort_by_key(|&(w, _)| block_of(w));
            for (i, (w, t)) in range.clone().zip(pairs.iter().copied()) {
                (words[i], topics[i]) = (w, t);
            }
        }
        let doc_words = &words[range.clone()];
        for b in 0..blocks {
            out.push(doc[0] + doc_words.partition_point(|&w| block_of(w) < b));
        }
    }
    out.push(starts[starts.len() - 1]);
    out
}

/// `log p(w | z, β)`: per topic `ln Γ(Vβ) - ln Γ(n_t + Vβ) + Σ_w [ln Γ(n_wt + β) - ln Γ(β)]`,
/// the sum over the words the topic has.
pub(super) fn word_log_likelihood(entries: &[u64], totals: &[u32], vocabulary: usize, beta: f64) -> f64 {
    #[allow(clippy::cast_precision_loss, reason = "vocabulary sizes stay far below 2^52")]
    let beta_sum = beta * vocabulary as f64;
    let ln_gamma_beta = ln_gamma(beta);
    let mut ll = 0.0;
    for &n in totals {
        ll += ln_gamma(beta_sum) - ln_gamma(f64::from(n) + beta_sum);
    }
    for &entry in entries.iter().filter(|&&e| e != 0) {
        ll += ln_gamma(f64::from(count_of(entry)) + beta) - ln_gamma_beta;
    }
    ll
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::counts::Counter;
    use crate::test_support::article;
    use dateline_text::TermOptions;
    use proptest::prelude::*;

    fn counts(texts: &[String]) -> Counts {
        let options = TermOptions::new();
        let mut counter = Counter::new(&options);
        for (i, text) in texts.iter().enumerate() {
            counter.add(i, DocMeta { path: format!("{i}"), date: None }, &article(text));
        }
        counter.finish()
    }

    #[test]
    fn shards_split_documents_by_tokens() {
        // Documents of 4, 4, 0, 8 tokens: halves at 8 tokens.
        assert_eq!(shard_bounds(&[0, 4, 8, 8, 16], 2), [0, 2, 4]);
        assert_eq!(shard_bounds(&[0, 4, 8, 8, 16], 1), [0, 4]);
        // More shards than documents: some are empty.
        assert_eq!(shard_bounds(&[0, 10], 3), [0, 1, 1, 1]);
        assert_eq!(shard_bounds(&[0, 1, 2, 3, 4], 4), [0, 1, 2, 3, 4]);
    }

    #[test]
    fn word_blocks_leave_documents_whole() {
        let texts =
            ["grain wheat drone port", "strike oil", "", "talks grain grain wheat oil port drone"].map(String::from);
        let corpus = counts(&texts);
        let trainer = |threads| {
            let lda = Lda::builder().topics(2).threads(threads).min_df(1).max_df(1.0).build().expect("valid");
            lda.trainer(&corpus).expect("a trainer")
        };
        let one = trainer(1);
        for threads in [2, 3] {
            let split = trainer(threads);
            // The α fixed point must see document lengths, not a document's runs per block.
            assert_eq!(split.lengths, one.lengths, "{threads} shards");
            let length = |t: &Trainer, d: usize| {
                let shard = t.shards.iter().find(|s| s.docs.contains(&d)).expect("a shard");
                shard.doc(d - shard.docs.start).len()
            };
            for d in 0..texts.len() {
                assert_eq!(length(&split, d), length(&one, d), "document {d}, {threads} shards");
            }
            assert_eq!(split.check_consistency(), Ok(()));
        }
    }

    #[test]
    fn pruning_keeps_terms_within_the_bounds_and_documents_in_order() {
        let texts = ["grain grain wheat", "grain drone", "drone strike", "port"].map(String::from);
        let counts = counts(&texts);
        let lda = Lda::builder().topics(2).min_df(2).max_df(2).build().expect("valid");
        let tokens = tokens(&lda, &counts).expect("tokens");
        assert_eq!(tokens.terms, ["drone", "grain"]);
        assert_eq!(tokens.words, [1, 1, 0, 1, 0]);
        assert_eq!(tokens.starts, [0, 2, 4, 5, 5]);
        assert_eq!(tokens.word_freq, [2, 3]);
    }

    #[test]
    fn empty_corpora_and_too_many_topics_are_errors() {
        let lda = Lda::builder().topics(2).min_df(1).max_df(1.0).build().expect("valid");
        assert!(matches!(lda.fit(&Counts::default()), Err(LdaError::EmptyCorpus { documents: 0, .. })));
        let stopwords = counts(&["the and of".to_owned(), "it is".to_owned()]);
        assert!(matches!(lda.fit(&stopwords), Err(LdaError::EmptyCorpus { documents: 2, terms: 0, .. })));
        let one = counts(&["grain wheat".to_owned(), "the".to_owned()]);
        assert_eq!(
            lda.fit(&one).expect_err("k > documents"),
            LdaError::MoreTopicsThanDocuments { topics: 2, documents: 1 }
        );
        // The defaults drop terms of a single document.
        let pruned = counts(&["grain wheat", "drone strike", "port", "oil"].map(String::from));
        let default = Lda::builder().topics(1).build().expect("valid");
        let err = default.fit(&pruned).expect_err("all pruned");
        assert!(matches!(err, LdaError::EmptyCorpus { terms: 6, .. }), "{err:?}");
    }

    #[test]
    fn log_likelihood_is_recorded_on_schedule_and_rises() {
        let texts: Vec<String> = (0..20)
            .map(|i| if i % 2 == 0 { "grain wheat harvest export grain" } else { "drone missile strike drone" }.into())
            .collect();
        let lda = Lda::builder().topics(2).iterations(30).likelihood_interval(Some(10)).max_df(1.0).build();
        let model = lda.expect("valid").fit(&counts(&texts)).expect("fits");
        let iterations: Vec<u32> = model.log_likelihood().iter().map(|r| r.iteration).collect();
        assert_eq!(iterations, [10, 20, 30]);
        let first = model.log_likelihood()[0].log_likelihood;
        assert!(first.is_finite() && first < 0.0);
    }

    /// `log p(w, z)` of a state given as each token's `(document, word, topic)`, computed
    /// densely and independently of the sampler.
    fn joint(tokens: &[(usize, usize, usize)], alpha: &[f64], beta: f64, vocabulary: usize) -> f64 {
        let k = alpha.len();
        let documents = tokens.iter().map(|t| t.0 + 1).max().unwrap_or(0);
        let mut doc_topic = vec![vec![0.0; k]; documents];
        let mut word_topic = vec![vec![0.0; k]; vocabulary];
        for &(d, w, t) in tokens {
            doc_topic[d][t] += 1.0;
            word_topic[w][t] += 1.0;
        }
        let alpha_sum: f64 = alpha.iter().sum();
        let mut ll = 0.0;
        for row in &doc_topic {
            let n: f64 = row.iter().sum();
            ll += ln_gamma(alpha_sum) - ln_gamma(n + alpha_sum);
            ll += (0..k).map(|t| ln_gamma(row[t] + alpha[t]) - ln_gamma(alpha[t])).sum::<f64>();
        }
        #[allow(clippy::cast_precision_loss, reason = "tiny")]
        let beta_sum = beta * vocabulary as f64;
        for t in 0..k {
            let n: f64 = word_topic.iter().map(|row| row[t]).sum();
            ll += ln_gamma(beta_sum) - ln_gamma(n + beta_sum);
            ll += word_topic.iter().map(|row| ln_gamma(row[t] + beta) - ln_gamma(beta)).sum::<f64>();
        }
        ll
    }

    #[test]
    fn one_shard_samples_the_exact_posterior() {
        // Five tokens, two topics: 32 states, whose posterior is the normalised joint.
        let corpus = counts(&["grain wheat grain".to_owned(), "wheat drone".to_owned()]);
        let alpha = vec![0.3, 0.7];
        let (beta, sweeps) = (0.5, 60_000);
        let lda = Lda::builder()
            .topics(2)
            .alpha_per_topic(alpha.clone())
            .beta(beta)
            .min_df(1)
            .max_df(1.0)
            .iterations(u32::MAX)
            .likelihood_interval(None)
            .seed(3)
            .build()
            .expect("valid");
        let mut trainer = lda.trainer(&corpus).expect("a trainer");
        let shard = &trainer.shards[0];
        let (words, starts) = (shard.words.clone(), shard.starts.clone());
        let doc_of = |i: usize| starts.partition_point(|&s| s <= i) - 1;
        let state = |topics: &[u32]| topics.iter().fold(0usize, |acc, &t| acc * 2 + t as usize);
        let mut seen = [0u32; 32];
        for _ in 0..sweeps {
            trainer.sweep();
            seen[state(&trainer.shards[0].topics)] += 1;
        }
        let lls: Vec<f64> = (0..32usize)
            .map(|s| {
                let tokens: Vec<(usize, usize, usize)> =
                    (0..5).map(|i| (doc_of(i), words[i] as usize, (s >> (4 - i)) & 1)).collect();
                joint(&tokens, &alpha, beta, 3)
            })
            .collect();
        let max = lls.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let weights: Vec<f64> = lls.iter().map(|ll| (ll - max).exp()).collect();
        let total: f64 = weights.iter().sum();
        let distance: f64 =
            weights.iter().zip(seen).map(|(w, n)| (w / total - f64::from(n) / f64::from(sweeps)).abs()).sum::<f64>()
                / 2.0;
        assert!(distance < 0.02, "total variation from the exact posterior: {distance}");
    }

    fn corpus() -> impl Strategy<Value = Vec<String>> {
        let word = proptest::sample::select(vec!["grain", "wheat", "drone", "strike", "port", "oil", "talks"]);
        let doc = proptest::collection::vec(word, 0..15).prop_map(|words| words.join(" "));
        proptest::collection::vec(doc, 1..12)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn prop_counts_stay_consistent_after_every_sweep(
            texts in corpus(),
            k in 1usize..5,
            threads in 1usize..4,
            seed in 0u64..1000,
            optimize in proptest::bool::ANY,
        ) {
            let lda = Lda::builder()
                .topics(k)
                .iterations(6)
                .threads(threads)
                .seed(seed)
                .min_df(1)
                .max_df(1.0)
                .optimize_interval(optimize.then_some(2))
                .optimize_beta(optimize)
                .burn_in(1)
                .build()
                .expect("valid");
            let Ok(mut trainer) = lda.trainer(&counts(&texts)) else { return Ok(()) };
            prop_assert_eq!(trainer.check_consistency(), Ok(()));
            while !trainer.is_done() {
                trainer.sweep();
                prop_assert_eq!(trainer.check_consistency(), Ok(()), "after sweep {}", trainer.iteration());
            }
            prop_assert!(trainer.alpha().iter().all(|&a| a.is_finite() && a > 0.0));
            prop_assert!(trainer.beta().is_finite() && trainer.beta() > 0.0);
            let model = trainer.into_model();
            prop_assert_eq!(model.check_consistency(), Ok(()));
        }
    }
}
