//! Topic models: latent Dirichlet allocation (LDA) fitted by collapsed Gibbs sampling.
//!
//! [`Lda`] holds validated settings (built with [`Lda::builder`]); [`Lda::fit`] turns a
//! corpus's [`Counts`] into an [`LdaModel`]: each topic's word counts, each training
//! document's topic counts, the hyperparameters and the log-likelihood trace. A model infers
//! topic mixtures for new documents ([`LdaModel::infer`]) and is saved and loaded in a stable,
//! versioned JSON format ([`LdaModel::save`], [`LdaModel::load`]).
//!
//! # The corpus
//!
//! LDA sees each document as a bag of words: its counted terms, each repeated as often as it
//! occurs (in term order, so the result does not depend on how the text was laid out).
//! Stopwords are already gone (the [`TermOptions`](crate::TermOptions) the counts were made
//! with). Before sampling, terms found in too few or too many documents are pruned, as MALLET
//! and gensim users are told to do, because neither kind can characterise a topic: a term of
//! one document only fits that document, and a term of most documents fits every topic. The
//! defaults:
//!
//! - [`min_df`](LdaBuilder::min_df) `2`: a term must occur in at least 2 documents;
//! - [`max_df`](LdaBuilder::max_df) `0.5`: and in at most half of them (gensim's
//!   `filter_extremes` uses the same upper bound).
//!
//! Bounds are a number of documents (`2`) or a fraction of the corpus (`0.5`), as for
//! [`TfIdf`](crate::TfIdf). Pass `min_df(1)` and `max_df(1.0)` to keep every term.
//!
//! # The sampler
//!
//! Collapsed Gibbs sampling (Griffiths & Steyvers 2004) draws each token's topic from
//!
//! ```text
//! p(z = t | rest) ∝ (α_t + n_td) (β + n_wt) / (Vβ + n_t)
//! ```
//!
//! with `n_td` the document's tokens in topic `t`, `n_wt` the word's tokens in topic `t` and
//! `n_t` all tokens in topic `t`, the token itself left out. Following SparseLDA (Yao, Mimno &
//! McCallum 2009, the scheme of MALLET's `ParallelTopicModel`), the mass is split into three
//! buckets:
//!
//! ```text
//! s = Σ_t α_t β / (Vβ + n_t)                    smoothing only, all topics
//! r = Σ_t n_td β / (Vβ + n_t)                   the document's topics
//! q = Σ_t (α_t + n_td) n_wt / (Vβ + n_t)        the word's topics
//! ```
//!
//! `s` and `r` are kept up to date as counts change and `q` is summed over the word's topics
//! only, with the coefficients `(α_t + n_td) / (Vβ + n_t)` cached per document, so a token
//! costs time in proportion to the topics its word uses, not to `k`; the `r` and `s` buckets,
//! which visit the document's topics or all topics, take few draws. Unlike SparseLDA, a word's
//! topics are not kept sorted by count: the `q` draw counts running sums below the uniform
//! instead of walking them, which needs no order, and a token that keeps its topic (most do,
//! once topics settle) then costs no update of the word's counts at all.
//!
//! # Threads and reproducibility
//!
//! The documents are split into [`threads`](LdaBuilder::threads) shards of about equal token
//! counts, and the vocabulary into as many blocks of words (runs of word ids) of about equal
//! token counts: the partitioned scheme of Yan, Xu & Qi (2009), which tomotopy's
//! `ParallelScheme.PARTITION` also follows. A sweep takes as many steps as there are shards;
//! in step `s`, shard `i` resamples its documents' tokens of word block `(i + s) mod shards`,
//! so no two shards touch the same word's topic counts at once and every shard changes the
//! one shared copy of them in place. Only the tokens per topic (`k` numbers) are copied per
//! shard and added up after each step: a shard sees the others' changes to them up to a step
//! late, an approximation far milder than AD-LDA's (Newman et al. 2009), where every shard
//! also samples against a stale copy of all topic-word counts. Each shard draws from a ChaCha8
//! generator seeded by the seed, the shard and the iteration, so a fit depends only on the
//! settings (seed and thread count included), never on scheduling. The shards run in parallel
//! on the current rayon pool, which the caller sizes. With one shard the sampler is the exact
//! serial Gibbs sampler.
//!
//! # Hyperparameters
//!
//! `α` is symmetric ([`alpha`](LdaBuilder::alpha)) or given per topic
//! ([`alpha_per_topic`](LdaBuilder::alpha_per_topic)); `β` is symmetric. With
//! [`optimize_interval`](LdaBuilder::optimize_interval) set, every that many iterations after
//! the [`burn_in`](LdaBuilder::burn_in), `α` is re-estimated from the current topic counts by
//! Minka's fixed-point iteration for the Dirichlet-multinomial (as MALLET's
//! `--optimize-interval` does; asymmetric unless
//! [`symmetric_optimization`](LdaBuilder::symmetric_optimization) is set), and `β` too if
//! [`optimize_beta`](LdaBuilder::optimize_beta) is set. A weak Gamma(1.001, 1) prior keeps
//! every estimate above zero.
//!
//! # Example
//!
//! ```
//! use dateline_analyze::topics::Lda;
//! use dateline_analyze::{Counter, DocMeta, TermOptions};
//! use dateline_model::{Article, Paragraph, Section, Span};
//!
//! fn article(text: &str) -> Article {
//!     let paragraph = Paragraph { text: text.into(), span: Span::new(0, text.len()) };
//!     let section = Section { heading: None, heading_span: None, paragraphs: vec![paragraph] };
//!     Article { sections: vec![section], ..Article::default() }
//! }
//!
//! let texts = [
//!     "grain wheat harvest grain export wheat",
//!     "missile drone strike missile drone",
//!     "wheat export harvest grain",
//!     "drone strike missile strike",
//! ];
//! let options = TermOptions::new();
//! let mut counter = Counter::new(&options);
//! for (i, text) in texts.iter().enumerate() {
//!     counter.add(i, DocMeta { path: format!("{i}.txt"), date: None }, &article(text));
//! }
//! let counts = counter.finish();
//!
//! let lda = Lda::builder().topics(2).iterations(50).seed(7).min_df(1).max_df(1.0).build()?;
//! let model = lda.fit(&counts)?;
//! assert_eq!(model.topics(), 2);
//! let theta = model.document_topics(0);
//! assert!((theta.iter().sum::<f64>() - 1.0).abs() < 1e-12);
//! let top = model.topic_words(0, 3);
//! assert_eq!(top.len(), 3);
//!
//! // Saved and loaded, the model infers the same mixtures.
//! let mut file = Vec::new();
//! model.save(&mut file)?;
//! let loaded = dateline_analyze::topics::LdaModel::load(file.as_slice())?;
//! assert_eq!(loaded.infer(&counts, 20, 1), model.infer(&counts, 20, 1));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod file;
mod infer;
mod math;
mod model;
mod optimize;
mod report;
mod sampler;
mod train;

use crate::counts::Counts;
use dateline_text::{DfBound, DfBoundsProblem};

pub use file::{FORMAT, ModelFileError, VERSION};
pub use model::{LdaModel, LogLikelihood};
pub use report::{CoherenceMeans, DocumentTopics, ReportOptions, TopicSummary, TopicWord, TopicsReport};
pub use train::{ConsistencyError, Trainer};

/// The Dirichlet prior on each document's topic mixture.
#[derive(Debug, Clone, PartialEq)]
pub enum Alpha {
    /// The same `α` for every topic.
    Symmetric(f64),
    /// One `α_t` per topic.
    Asymmetric(Vec<f64>),
}

/// What can be wrong with LDA settings or with the corpus they are applied to.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum LdaError {
    /// `topics(0)`.
    #[error("the number of topics must be at least 1")]
    ZeroTopics,
    /// More topics than a topic id can number.
    #[error("{0} topics are more than the sampler can number (at most 4294967295)")]
    TooManyTopicIds(usize),
    /// `iterations(0)`.
    #[error("the number of iterations must be at least 1")]
    ZeroIterations,
    /// `threads(0)`.
    #[error("the number of threads must be at least 1")]
    ZeroThreads,
    /// An `α` that is not a finite number above zero.
    #[error("alpha must be a finite number above 0, not {0}")]
    InvalidAlpha(f64),
    /// `alpha_per_topic` with a different number of values than topics.
    #[error("alpha_per_topic gives {found} values for {expected} topics")]
    AlphaLength {
        /// The number of topics.
        expected: usize,
        /// The number of values given.
        found: usize,
    },
    /// A `β` that is not a finite number above zero.
    #[error("beta must be a finite number above 0, not {0}")]
    InvalidBeta(f64),
    /// `optimize_interval(Some(0))`.
    #[error("the optimisation interval must be at least 1 iteration")]
    ZeroOptimizeInterval,
    /// `likelihood_interval(Some(0))`.
    #[error("the log-likelihood interval must be at least 1 iteration")]
    ZeroLikelihoodInterval,
    /// `max_df` keeps no term: a count of 0, or a fraction not in `(0, 1]`.
    #[error("max_df must be a count of at least 1 document or a fraction in (0, 1], not {0}")]
    InvalidMaxDf(DfBound),
    /// `min_df` is a fraction not in `[0, 1]`.
    #[error("min_df must be a count of documents or a fraction in [0, 1], not {0}")]
    InvalidMinDf(DfBound),
    /// `min_df` is above `max_df`, both counts or both fractions.
    #[error("min_df ({min}) is above max_df ({max}), so no term could be kept")]
    MinDfAboveMaxDf {
        /// The lower bound.
        min: DfBound,
        /// The upper bound.
        max: DfBound,
    },
    /// One bound is a count and the other a fraction, and over this corpus they leave no
    /// document frequency.
    #[error("over {documents} documents, max_df ({max}) allows fewer documents than min_df ({min}) asks for")]
    EmptyDocFrequencyRange {
        /// The lower bound.
        min: DfBound,
        /// The upper bound.
        max: DfBound,
        /// The number of documents.
        documents: usize,
    },
    /// No token is left to sample: no documents, no counted terms, or every term pruned.
    #[error(
        "no terms to model: {documents} documents have {terms} distinct terms, and none is kept by min_df ({min_df}) and max_df ({max_df})"
    )]
    EmptyCorpus {
        /// Documents in the corpus.
        documents: usize,
        /// Distinct terms before pruning.
        terms: usize,
        /// The lower document-frequency bound.
        min_df: DfBound,
        /// The upper document-frequency bound.
        max_df: DfBound,
    },
    /// More topics than documents with terms left after pruning.
    #[error("{topics} topics are more than the {documents} documents that have terms to model")]
    MoreTopicsThanDocuments {
        /// The number of topics asked for.
        topics: usize,
        /// Documents with at least one term after pruning.
        documents: usize,
    },
    /// More tokens than the sampler's 32-bit counts hold.
    #[error("{0} tokens are more than the sampler can count (at most 4294967295)")]
    TooManyTokens(u64),
}

/// Validated LDA settings; see the [module documentation](self). Build with [`Lda::builder`].
#[derive(Debug, Clone, PartialEq)]
pub struct Lda {
    topics: usize,
    iterations: u32,
    seed: u64,
    threads: usize,
    alpha: Alpha,
    beta: f64,
    optimize_interval: Option<u32>,
    symmetric_optimization: bool,
    optimize_beta: bool,
    burn_in: u32,
    likelihood_interval: Option<u32>,
    min_df: DfBound,
    max_df: DfBound,
}

/// Builds validated [`Lda`] settings:
/// `Lda::builder().topics(20).iterations(200).seed(1).threads(2).build()?`.
#[derive(Debug, Clone, PartialEq)]
pub struct LdaBuilder {
    lda: Lda,
}

impl Default for LdaBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl LdaBuilder {
    /// The defaults: 10 topics, 1,000 iterations, seed 0, 1 thread, symmetric `α = 0.1`,
    /// `β = 0.01`, no hyperparameter optimisation (burn-in 200 when it is turned on), the
    /// log-likelihood every 10 iterations, `min_df = 2` documents, `max_df = 0.5` of them.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            lda: Lda {
                topics: 10,
                iterations: 1000,
                seed: 0,
                threads: 1,
                alpha: Alpha::Symmetric(0.1),
                beta: 0.01,
                optimize_interval: None,
                symmetric_optimization: false,
                optimize_beta: false,
                burn_in: 200,
                likelihood_interval: Some(10),
                min_df: DfBound::Count(2),
                max_df: DfBound::Fraction(0.5),
            },
        }
    }

    /// The number of topics, `k` (at least 1, at most the number of documents).
    #[must_use]
    pub const fn topics(mut self, k: usize) -> Self {
        self.lda.topics = k;
        self
    }

    /// Gibbs sweeps over the corpus (at least 1).
    #[must_use]
    pub const fn iterations(mut self, iterations: u32) -> Self {
        self.lda.iterations = iterations;
        self
    }

    /// The seed of every random draw.
    #[must_use]
    pub const fn seed(mut self, seed: u64) -> Self {
        self.lda.seed = seed;
        self
    }

    /// Shards of documents sampled in parallel (at least 1). The result depends on it; the
    /// number of threads that run the shards is the current rayon pool's.
    #[must_use]
    pub const fn threads(mut self, threads: usize) -> Self {
        self.lda.threads = threads;
        self
    }

    /// The same `α` for every topic (finite, above 0).
    #[must_use]
    pub fn alpha(mut self, alpha: f64) -> Self {
        self.lda.alpha = Alpha::Symmetric(alpha);
        self
    }

    /// One `α_t` per topic (as many as [`topics`](Self::topics), each finite and above 0).
    #[must_use]
    pub fn alpha_per_topic(mut self, alpha: Vec<f64>) -> Self {
        self.lda.alpha = Alpha::Asymmetric(alpha);
        self
    }

    /// The symmetric prior on each topic's word distribution (finite, above 0).
    #[must_use]
    pub const fn beta(mut self, beta: f64) -> Self {
        self.lda.beta = beta;
        self
    }

    /// Re-estimate `α` (and `β` with [`optimize_beta`](Self::optimize_beta)) every this many
    /// iterations after the burn-in; `None` keeps them fixed.
    #[must_use]
    pub const fn optimize_interval(mut self, interval: Option<u32>) -> Self {
        self.lda.optimize_interval = interval;
        self
    }

    /// Keep `α` symmetric when re-estimating it (MALLET's `--use-symmetric-alpha`); by default
    /// each topic gets its own `α_t`.
    #[must_use]
    pub const fn symmetric_optimization(mut self, symmetric: bool) -> Self {
        self.lda.symmetric_optimization = symmetric;
        self
    }

    /// Re-estimate `β` too when optimising.
    #[must_use]
    pub const fn optimize_beta(mut self, optimize: bool) -> Self {
        self.lda.optimize_beta = optimize;
        self
    }

    /// Iterations before the first hyperparameter optimisation.
    #[must_use]
    pub const fn burn_in(mut self, iterations: u32) -> Self {
        self.lda.burn_in = iterations;
        self
    }

    /// Record the log-likelihood every this many iterations (and always after the last);
    /// `None` records it after the last only.
    #[must_use]
    pub const fn likelihood_interval(mut self, interval: Option<u32>) -> Self {
        self.lda.likelihood_interval = interval;
        self
    }

    /// Keep only terms found in at least this many documents (`2`) or this fraction of them
    /// (`0.01`).
    #[must_use]
    pub fn min_df(mut self, bound: impl Into<DfBound>) -> Self {
        self.lda.min_df = bound.into();
        self
    }

    /// Keep only terms found in at most this many documents (`500`) or this fraction of them
    /// (`0.5`).
    #[must_use]
    pub fn max_df(mut self, bound: impl Into<DfBound>) -> Self {
        self.lda.max_df = bound.into();
        self
    }

    /// The settings, if they are possible.
    ///
    /// # Errors
    ///
    /// An [`LdaError`] naming the first impossible setting: no topics, iterations or
    /// threads, an `α` or `β` that is not a finite number above zero, `α` values not one per
    /// topic, an interval of 0, or document-frequency bounds that keep no term.
    pub fn build(self) -> Result<Lda, LdaError> {
        let lda = self.lda;
        if lda.topics == 0 {
            return Err(LdaError::ZeroTopics);
        }
        if u32::try_from(lda.topics).is_err() {
            return Err(LdaError::TooManyTopicIds(lda.topics));
        }
        if lda.iterations == 0 {
            return Err(LdaError::ZeroIterations);
        }
        if lda.threads == 0 {
            return Err(LdaError::ZeroThreads);
        }
        let valid = |x: f64| x.is_finite() && x > 0.0;
        match &lda.alpha {
            Alpha::Symmetric(alpha) if !valid(*alpha) => return Err(LdaError::InvalidAlpha(*alpha)),
            Alpha::Asymmetric(alpha) if alpha.len() != lda.topics => {
                return Err(LdaError::AlphaLength { expected: lda.topics, found: alpha.len() });
            }
            Alpha::Asymmetric(alpha) => {
                if let Some(&bad) = alpha.iter().find(|&&a| !valid(a)) {
                    return Err(LdaError::InvalidAlpha(bad));
                }
            }
            Alpha::Symmetric(_) => {}
        }
        if !valid(lda.beta) {
            return Err(LdaError::InvalidBeta(lda.beta));
        }
        if lda.optimize_interval == Some(0) {
            return Err(LdaError::ZeroOptimizeInterval);
        }
        if lda.likelihood_interval == Some(0) {
            return Err(LdaError::ZeroLikelihoodInterval);
        }
        check_df_bounds(lda.min_df, lda.max_df)?;
        Ok(lda)
    }
}

fn check_df_bounds(min: DfBound, max: DfBound) -> Result<(), LdaError> {
    DfBound::check_pair(min, max).map_err(|problem| match problem {
        DfBoundsProblem::MaxDf => LdaError::InvalidMaxDf(max),
        DfBoundsProblem::MinDf => LdaError::InvalidMinDf(min),
        DfBoundsProblem::MinAboveMax => LdaError::MinDfAboveMaxDf { min, max },
    })
}

impl Default for Lda {
    fn default() -> Self {
        LdaBuilder::new().lda
    }
}

impl Lda {
    /// A builder with the [defaults](LdaBuilder::new).
    #[must_use]
    pub const fn builder() -> LdaBuilder {
        LdaBuilder::new()
    }

    /// The number of topics, `k`.
    #[must_use]
    pub const fn topics(&self) -> usize {
        self.topics
    }

    /// Gibbs sweeps over the corpus.
    #[must_use]
    pub const fn iterations(&self) -> u32 {
        self.iterations
    }

    /// The seed.
    #[must_use]
    pub const fn seed(&self) -> u64 {
        self.seed
    }

    /// Shards of documents sampled in parallel.
    #[must_use]
    pub const fn threads(&self) -> usize {
        self.threads
    }

    /// The prior on document mixtures before any optimisation.
    #[must_use]
    pub const fn alpha(&self) -> &Alpha {
        &self.alpha
    }

    /// The prior on topics' word distributions before any optimisation.
    #[must_use]
    pub const fn beta(&self) -> f64 {
        self.beta
    }

    /// Iterations between hyperparameter optimisations, if they are optimised.
    #[must_use]
    pub const fn optimize_interval(&self) -> Option<u32> {
        self.optimize_interval
    }

    /// Iterations before the first optimisation.
    #[must_use]
    pub const fn burn_in(&self) -> u32 {
        self.burn_in
    }

    /// Iterations between log-likelihood records.
    #[must_use]
    pub const fn likelihood_interval(&self) -> Option<u32> {
        self.likelihood_interval
    }

    /// The lower document-frequency bound.
    #[must_use]
    pub const fn min_df(&self) -> DfBound {
        self.min_df
    }

    /// The upper document-frequency bound.
    #[must_use]
    pub const fn max_df(&self) -> DfBound {
        self.max_df
    }

    /// Fits a model to `counts`: [`trainer`](Self::trainer), then every iteration.
    ///
    /// Runs the shards on the current rayon pool.
    ///
    /// # Errors
    ///
    /// As [`trainer`](Self::trainer).
    pub fn fit(&self, counts: &Counts) -> Result<LdaModel, LdaError> {
        let mut trainer = self.trainer(counts)?;
        while !trainer.is_done() {
            trainer.sweep();
        }
        Ok(trainer.into_model())
    }

    /// A sampler over `counts` with every token given a random topic, ready for its first
    /// sweep: for a progress bar, or to look at the state between sweeps.
    ///
    /// # Errors
    ///
    /// [`LdaError::EmptyDocFrequencyRange`] when the document-frequency bounds leave nothing
    /// over this corpus, [`LdaError::EmptyCorpus`] when no token is left after pruning,
    /// [`LdaError::MoreTopicsThanDocuments`] when fewer documents than topics have tokens,
    /// [`LdaError::TooManyTokens`] beyond 2³² − 1 tokens.
    pub fn trainer(&self, counts: &Counts) -> Result<Trainer, LdaError> {
        Trainer::new(self, counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_settings_are_config_errors() {
        let err = |b: LdaBuilder| b.build().expect_err("invalid");
        assert_eq!(err(Lda::builder().topics(0)), LdaError::ZeroTopics);
        assert_eq!(err(Lda::builder().iterations(0)), LdaError::ZeroIterations);
        assert_eq!(err(Lda::builder().threads(0)), LdaError::ZeroThreads);
        assert_eq!(err(Lda::builder().alpha(0.0)), LdaError::InvalidAlpha(0.0));
        assert_eq!(err(Lda::builder().alpha(-1.0)), LdaError::InvalidAlpha(-1.0));
        assert!(matches!(err(Lda::builder().alpha(f64::NAN)), LdaError::InvalidAlpha(_)));
        assert_eq!(err(Lda::builder().alpha(f64::INFINITY)), LdaError::InvalidAlpha(f64::INFINITY));
        assert_eq!(
            err(Lda::builder().topics(3).alpha_per_topic(vec![0.1, 0.2])),
            LdaError::AlphaLength { expected: 3, found: 2 }
        );
        assert_eq!(err(Lda::builder().topics(2).alpha_per_topic(vec![0.1, -0.2])), LdaError::InvalidAlpha(-0.2));
        assert_eq!(err(Lda::builder().beta(0.0)), LdaError::InvalidBeta(0.0));
        assert!(matches!(err(Lda::builder().beta(f64::NAN)), LdaError::InvalidBeta(_)));
        assert_eq!(err(Lda::builder().optimize_interval(Some(0))), LdaError::ZeroOptimizeInterval);
        assert_eq!(err(Lda::builder().likelihood_interval(Some(0))), LdaError::ZeroLikelihoodInterval);
        assert_eq!(err(Lda::builder().max_df(0)), LdaError::InvalidMaxDf(DfBound::Count(0)));
        assert_eq!(err(Lda::builder().max_df(1.5)), LdaError::InvalidMaxDf(DfBound::Fraction(1.5)));
        assert_eq!(err(Lda::builder().min_df(-0.1)), LdaError::InvalidMinDf(DfBound::Fraction(-0.1)));
        assert_eq!(
            err(Lda::builder().min_df(5).max_df(3)),
            LdaError::MinDfAboveMaxDf { min: DfBound::Count(5), max: DfBound::Count(3) }
        );
        assert_eq!(err(Lda::builder().alpha(0.0)).to_string(), "alpha must be a finite number above 0, not 0");
        assert!(Lda::builder().topics(2).alpha_per_topic(vec![0.1, 0.2]).build().is_ok());
        assert!(Lda::builder().optimize_interval(Some(10)).burn_in(0).build().is_ok());
        assert_eq!(Lda::builder().build(), Ok(Lda::default()));
    }
}
