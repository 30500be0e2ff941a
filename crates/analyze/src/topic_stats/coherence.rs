//! Coherence of topics' top words: UMass over documents, NPMI over sliding windows.

use std::cmp::Ordering;

use dateline_model::Article;
use dateline_text::{DocMeta, TermId};
use rayon::prelude::*;
use serde::Serialize;

use super::windows::{ArticleWindows, WindowCounts, WindowScope};
use super::{DEFAULT_TOP_N, DEFAULT_WINDOW, EPSILON, TopicStatsError, float, float_len, mean, top_words};
use crate::counts::Counts;

/// Coherence per topic and over the model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coherence {
    /// Each topic's score, in topic order (NaN, written as JSON `null`, for a topic with no
    /// defined pair).
    pub per_topic: Vec<f64>,
    /// The arithmetic mean of the topics' scores, NaN topics left out (NaN when none is left).
    pub mean: f64,
}

impl Coherence {
    /// The coherence of these per-topic scores.
    #[must_use]
    pub fn from_topics(per_topic: Vec<f64>) -> Self {
        let defined: Vec<f64> = per_topic.iter().copied().filter(|s| !s.is_nan()).collect();
        Self { mean: mean(&defined), per_topic }
    }
}

/// How UMass keeps a pair that never shares a document finite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UMassSmoothing {
    /// gensim's: `ln((D(wi, wj) / D + ε) / (D(wj) / D))` with `ε` = [`EPSILON`].
    #[default]
    Epsilon,
    /// Mimno et al.'s: `ln((D(wi, wj) + 1) / D(wj))`.
    AddOne,
}

/// How a topic's pair scores become its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregate {
    /// The arithmetic mean over the pairs (gensim, tomotopy).
    #[default]
    Mean,
    /// The sum over the pairs (Mimno et al. 2011, MALLET).
    Sum,
}

impl Aggregate {
    fn apply(self, scores: &[f64]) -> f64 {
        match self {
            _ if scores.is_empty() => f64::NAN,
            Self::Mean => mean(scores),
            Self::Sum => scores.iter().sum(),
        }
    }
}

/// UMass coherence over document co-occurrence; see the [module documentation](super).
///
/// ```
/// use dateline_analyze::{DocMeta, TermOptions, count_parallel};
/// use dateline_analyze::topic_stats::{UMass, resolve_topics};
///
/// let texts = ["Iran and Russia sign an oil deal.", "Iran and Russia talk.", "Iran buys gas."];
/// let docs = texts.iter().map(|t| {
///     let article = dateline_parse::parse_article(&format!(" date 2024-01-10 {t}")).unwrap();
///     (DocMeta { path: (*t).into(), date: None }, article)
/// });
/// let counts = count_parallel(&TermOptions::new(), docs);
/// let topics = resolve_topics(&counts.vocab, &[vec!["iran", "russia"]])?;
/// let coherence = UMass::new().score(&counts, &topics)?;
/// // One pair: russia given iran, in 2 of iran's 3 documents.
/// assert!((coherence.per_topic[0] - ((2.0f64 / 3.0 + 1e-12) / (3.0 / 3.0)).ln()).abs() < 1e-12);
/// let mimno = UMass::mimno().score(&counts, &topics)?;
/// assert!((mimno.mean - (3.0f64 / 3.0).ln()).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UMass {
    top_n: usize,
    smoothing: UMassSmoothing,
    aggregate: Aggregate,
}

impl Default for UMass {
    fn default() -> Self {
        Self::new()
    }
}

impl UMass {
    /// gensim's `u_mass`: the top [`DEFAULT_TOP_N`] words, [`UMassSmoothing::Epsilon`],
    /// [`Aggregate::Mean`].
    #[must_use]
    pub const fn new() -> Self {
        Self { top_n: DEFAULT_TOP_N, smoothing: UMassSmoothing::Epsilon, aggregate: Aggregate::Mean }
    }

    /// Mimno et al. (2011): the top [`DEFAULT_TOP_N`] words, [`UMassSmoothing::AddOne`],
    /// [`Aggregate::Sum`].
    #[must_use]
    pub const fn mimno() -> Self {
        Self { top_n: DEFAULT_TOP_N, smoothing: UMassSmoothing::AddOne, aggregate: Aggregate::Sum }
    }

    /// Score each topic by its first `top_n` words (all of them when it has fewer).
    #[must_use]
    pub const fn top_n(mut self, top_n: usize) -> Self {
        self.top_n = top_n;
        self
    }

    /// How a pair that never shares a document is kept finite.
    #[must_use]
    pub const fn smoothing(mut self, smoothing: UMassSmoothing) -> Self {
        self.smoothing = smoothing;
        self
    }

    /// How pair scores become a topic's score.
    #[must_use]
    pub const fn aggregate(mut self, aggregate: Aggregate) -> Self {
        self.aggregate = aggregate;
        self
    }

    /// The coherence of `topics` (top words per topic, best first, ids of `counts.vocab`) over
    /// the documents of `counts`.
    ///
    /// # Errors
    ///
    /// [`TopicStatsError::UnknownTerm`] when an id is not in `counts.vocab`.
    pub fn score(&self, counts: &Counts, topics: &[Vec<TermId>]) -> Result<Coherence, TopicStatsError> {
        let topics = top_words(topics, self.top_n, counts.vocab.len())?;
        // The documents of each word that some topic needs, ascending: one pass over the counts.
        let mut slot_of = vec![u32::MAX; counts.vocab.len()];
        let mut words = 0;
        for &id in topics.iter().flat_map(|t| t.iter()) {
            if slot_of[id as usize] == u32::MAX {
                slot_of[id as usize] = words;
                words += 1;
            }
        }
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); words as usize];
        for (doc, index) in counts.docs.iter().zip(0u32..) {
            for &(id, _) in &doc.terms {
                if let Some(&slot) = slot_of.get(id as usize).filter(|&&s| s != u32::MAX) {
                    postings[slot as usize].push(index);
                }
            }
        }
        let n_docs = float_len(counts.docs.len());
        let per_topic = topics
            .iter()
            .map(|words| {
                let mut scores = Vec::new();
                for (i, &wi) in words.iter().enumerate() {
                    for &wj in &words[..i] {
                        let (docs_i, docs_j) =
                            (&postings[slot_of[wi as usize] as usize], &postings[slot_of[wj as usize] as usize]);
                        if docs_j.is_empty() {
                            continue;
                        }
                        let both = float(intersection_len(docs_i, docs_j));
                        let given = float_len(docs_j.len());
                        scores.push(match self.smoothing {
                            UMassSmoothing::Epsilon => ((both / n_docs + EPSILON) / (given / n_docs)).ln(),
                            UMassSmoothing::AddOne => ((both + 1.0) / given).ln(),
                        });
                    }
                }
                self.aggregate.apply(&scores)
            })
            .collect();
        Ok(Coherence::from_topics(per_topic))
    }
}

/// How many values two ascending lists share.
fn intersection_len(a: &[u32], b: &[u32]) -> u64 {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// NPMI coherence over boolean sliding windows; see the [module documentation](super).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Npmi {
    top_n: usize,
    window: usize,
    scope: WindowScope,
}

impl Default for Npmi {
    fn default() -> Self {
        Self::new()
    }
}

impl Npmi {
    /// gensim's `c_npmi`: the top [`DEFAULT_TOP_N`] words, windows of [`DEFAULT_WINDOW`]
    /// tokens, inside each segment ([`WindowScope::Segment`]).
    #[must_use]
    pub const fn new() -> Self {
        Self { top_n: DEFAULT_TOP_N, window: DEFAULT_WINDOW, scope: WindowScope::Segment }
    }

    /// Score each topic by its first `top_n` words (all of them when it has fewer).
    #[must_use]
    pub const fn top_n(mut self, top_n: usize) -> Self {
        self.top_n = top_n;
        self
    }

    /// Windows of `window` tokens (at least 1, checked when scoring).
    #[must_use]
    pub const fn window(mut self, window: usize) -> Self {
        self.window = window;
        self
    }

    /// Which runs of text windows stay inside.
    #[must_use]
    pub const fn scope(mut self, scope: WindowScope) -> Self {
        self.scope = scope;
        self
    }

    /// The coherence of `topics` (top words per topic, best first, ids of `counts.vocab`) over
    /// the windows of `docs`, counted in parallel on the current rayon pool; the result does
    /// not depend on the number of threads.
    ///
    /// Each article is read as [`count_parallel`](crate::count_parallel) read it for `counts`:
    /// its segments in order, each token made a term by the options the counts keep. Tokens
    /// that are not terms (stopwords, numbers left out)
    /// are dropped before windowing, as a preprocessed text fed to gensim would have them
    /// dropped; terms that are none of the top words keep their place in the window. Windows
    /// run across sentence ends, and across segments only with [`WindowScope::Document`].
    ///
    /// ```
    /// use dateline_analyze::{DocMeta, TermOptions, count_parallel};
    /// use dateline_analyze::topic_stats::{Npmi, resolve_topics};
    ///
    /// let text = " date 2024-01-10 Gaza aid convoys wait. Officials said Gaza aid was blocked.";
    /// let doc = || (DocMeta { path: "a".into(), date: None }, dateline_parse::parse_article(text).unwrap());
    /// let terms = TermOptions::new();
    /// let counts = count_parallel(&terms, std::iter::once(doc()));
    /// let topics = resolve_topics(&counts.vocab, &[vec!["gaza", "aid"]])?;
    /// let coherence = Npmi::new().window(3).score(&counts, &topics, std::iter::once(doc()))?;
    /// // Terms: gaza aid convoys wait officials gaza aid blocked ("said", "was" are stopwords).
    /// // Six windows of three: gaza in 4, aid in 4, both in 3.
    /// let expected = ((3.0f64 / 6.0 + 1e-12) / (4.0 / 6.0 * (4.0 / 6.0))).ln() / -(3.0f64 / 6.0 + 1e-12).ln();
    /// assert!((coherence.per_topic[0] - expected).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`TopicStatsError::UnknownTerm`] when an id is not in `counts.vocab`; [`TopicStatsError::Window`]
    /// for a window of 0 tokens.
    pub fn score<I>(&self, counts: &Counts, topics: &[Vec<TermId>], docs: I) -> Result<Coherence, TopicStatsError>
    where
        I: Iterator<Item = (DocMeta, Article)> + Send,
    {
        let (terms, vocab) = (&counts.options, &counts.vocab);
        let top = top_words(topics, self.top_n, vocab.len())?;
        let words: Vec<TermId> = top.iter().flat_map(|t| t.iter().copied()).collect();
        let empty = WindowCounts::new(self.window, &words)?;
        let scope = self.scope;
        let windows = docs
            .par_bridge()
            .fold(
                || ArticleWindows::new(terms, vocab, empty.clone()),
                |mut windows, (_, article)| {
                    windows.add(&article, scope);
                    windows
                },
            )
            .map(ArticleWindows::into_counts)
            .reduce(|| empty.clone(), WindowCounts::merge);
        self.score_counts(&windows, topics)
    }

    /// The coherence of `topics` from windows already counted (their own window length
    /// applies); words not counted there make their pairs undefined.
    ///
    /// # Errors
    ///
    /// None at present; the `Result` matches [`Npmi::score`].
    pub fn score_counts(&self, counts: &WindowCounts, topics: &[Vec<TermId>]) -> Result<Coherence, TopicStatsError> {
        let per_topic = topics
            .iter()
            .map(|words| {
                let words = &words[..words.len().min(self.top_n)];
                let mut scores = Vec::new();
                for (i, &wi) in words.iter().enumerate() {
                    for &wj in &words[..i] {
                        let score = counts.npmi(wi, wj);
                        if !score.is_nan() {
                            scores.push(score);
                        }
                    }
                }
                mean(&scores)
            })
            .collect();
        Ok(Coherence::from_topics(per_topic))
    }
}
