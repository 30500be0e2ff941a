//! Topic diagnostics that work on any topic model's output: coherence (UMass and NPMI), labels,
//! topic shares over time and representative articles.
//!
//! They take plain inputs, so they do not depend on how the topics were found:
//!
//! - a topic's **top words** are a list of [`TermId`]s of one [`Vocabulary`] (usually
//!   [`Counts::vocab`]), best first; [`resolve_topics`] turns words into ids;
//! - the **document–topic mixtures** (`theta`) are one row per document of [`Counts::docs`], in
//!   the same order, each row holding one weight per topic (normally summing to 1).
//!
//! # Coherence
//!
//! Both measures score a topic by its top `N` words (`N` = [`DEFAULT_TOP_N`] = 10 unless set)
//! and report each topic's score and their arithmetic mean over topics ([`Coherence`]), as
//! gensim's `CoherenceModel` does (`get_coherence_per_topic`, `get_coherence`).
//!
//! **UMass** ([`UMass`]) counts documents ([`Counts::docs`], a document containing a word
//! whatever how often). For top words `w1..wN` (best first) it scores every pair `wi, wj` with
//! `i > j`, conditioning on the better-ranked word `wj` (gensim's `s_one_pre` segmentation; Mimno
//! et al. 2011). With `D(w)` the documents containing `w`, `D(wi, wj)` those containing both and
//! `D` all documents, the default ([`UMass::new`]) is gensim's `u_mass` exactly:
//!
//! ```text
//! score(wi, wj) = ln((D(wi, wj) / D + ε) / (D(wj) / D)),   ε = 1e-12
//! topic         = the arithmetic mean of score over the N(N-1)/2 pairs
//! ```
//!
//! (`log_conditional_probability` in gensim's `topic_coherence/direct_confirmation_measure.py`,
//! aggregated by its `aggregate_segment_sims` mean.) A pair that never shares a document scores
//! about `ln(1e-12) ≈ -27.6` plus `ln(D / D(wj))`, so one such pair pulls a topic down hard.
//! tomotopy's `Coherence(coherence='u_mass')` follows the same definition (Röder et al. 2015).
//!
//! [`UMass::mimno`] is the measure as Mimno et al. (2011) wrote it,
//! `Σ ln((D(wi, wj) + 1) / D(wj))`, **summed** over the pairs. MALLET's
//! `TopicModelDiagnostics.getCoherence` also sums, but smooths with `β` in numerator *and*
//! denominator and counts, for each topic, only the documents where the word has a token
//! assigned to that topic; that needs the sampler's assignments, so it is not offered here. The
//! smoothing ([`UMassSmoothing`]) and the aggregation ([`Aggregate`]) can be mixed freely.
//!
//! **NPMI** ([`Npmi`]) counts boolean sliding windows of `W` tokens ([`DEFAULT_WINDOW`] = 10, as
//! gensim's `c_npmi`): each window is a virtual document, and a word occurs in it or not. With
//! `P(w)` the share of windows containing `w` and `P(wi, wj)` the share containing both:
//!
//! ```text
//! npmi(wi, wj) = ln((P(wi, wj) + ε) / (P(wi) · P(wj))) / −ln(P(wi, wj) + ε),   ε = 1e-12
//! topic        = the arithmetic mean of npmi over the pairs of top words
//! ```
//!
//! (gensim's `log_ratio_measure(normalize=True)`; its `s_one_one` segmentation scores each pair
//! in both orders, which gives the same mean since NPMI is symmetric.) How the windows are made
//! is described on [`WindowCounts`] and [`Npmi::score`].
//!
//! A pair whose conditioning word occurs nowhere (a word in no document for UMass, in no window
//! for NPMI) is undefined and left out; a topic with no defined pair scores NaN, and the mean
//! over topics skips NaN topics (NaN when every topic is NaN).
//!
//! # Labels, shares, representative articles
//!
//! [`topic_labels`] names a topic by its most salient collocation among its top words;
//! [`topic_shares`] gives each topic's share of the words written per period;
//! [`representative_documents`] lists the documents that lean most on each topic.

use std::cmp::Ordering;

use chrono::NaiveDate;
use dateline_model::Article;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::collocations::{BigramTable, Measure};
use crate::counts::{Counts, DocMeta};
use crate::ngrams::{Ngram, NgramCounts};
use crate::period::{Period, PeriodKey, group_by_period};
use crate::text::{TermId, TermOptions, TermReader, Vocabulary, segments};

/// How many top words of each topic the measures use unless told otherwise.
pub const DEFAULT_TOP_N: usize = 10;

/// The sliding window of [`Npmi`], in tokens, unless told otherwise (gensim's `c_npmi` default).
pub const DEFAULT_WINDOW: usize = 10;

/// gensim's `EPSILON`, added to joint probabilities so that a pair never seen together has a
/// finite score.
pub const EPSILON: f64 = 1e-12;

/// Inputs the diagnostics cannot work with.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TopicStatsError {
    /// A top word's id is not in the vocabulary.
    #[error("topic {topic}: term id {id} is not in the vocabulary of {terms} terms")]
    UnknownTerm {
        /// The topic's index.
        topic: usize,
        /// The id.
        id: TermId,
        /// How many terms the vocabulary has.
        terms: usize,
    },
    /// A top word given as text is not in the vocabulary.
    #[error("topic {topic}: `{word}` is not in the vocabulary")]
    UnknownWord {
        /// The topic's index.
        topic: usize,
        /// The word as given.
        word: String,
    },
    /// There is not one mixture row per document.
    #[error("{found} topic mixtures for {expected} documents")]
    Documents {
        /// The documents of the counts.
        expected: usize,
        /// The mixture rows given.
        found: usize,
    },
    /// A mixture row has another number of topics than the first row.
    #[error("document {document} has {found} topic weights, the first has {expected}")]
    Topics {
        /// The document's index.
        document: usize,
        /// The first row's length.
        expected: usize,
        /// This row's length.
        found: usize,
    },
    /// A sliding window of zero tokens.
    #[error("the sliding window must hold at least one token")]
    Window,
}

/// The ids of each topic's words in `vocab`, in the order given. Words are looked up as they
/// are case-folded in the vocabulary (`lavrov`, not `Lavrov`).
///
/// ```
/// use dateline_analyze::{DocMeta, TermOptions, count_parallel};
/// use dateline_analyze::topic_stats::resolve_topics;
///
/// let article = dateline_parse::parse_article(" date 2024-01-10 Lavrov met Iran's envoy.")?;
/// let counts = count_parallel(&TermOptions::new(), std::iter::once((DocMeta { path: "a".into(), date: None }, article)));
/// let topics = resolve_topics(&counts.vocab, &[vec!["iran", "lavrov"]])?;
/// assert_eq!(topics[0], [counts.vocab.id("iran").unwrap(), counts.vocab.id("lavrov").unwrap()]);
/// assert!(resolve_topics(&counts.vocab, &[vec!["gaza"]]).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`TopicStatsError::UnknownWord`] for the first word not in `vocab`.
pub fn resolve_topics<S: AsRef<str>>(
    vocab: &Vocabulary,
    topics: &[Vec<S>],
) -> Result<Vec<Vec<TermId>>, TopicStatsError> {
    topics
        .iter()
        .enumerate()
        .map(|(topic, words)| {
            words
                .iter()
                .map(|word| {
                    vocab
                        .id(word.as_ref())
                        .ok_or_else(|| TopicStatsError::UnknownWord { topic, word: word.as_ref().to_owned() })
                })
                .collect()
        })
        .collect()
}

/// Each topic's first `top_n` words, checked against a vocabulary of `terms` terms.
fn top_words(topics: &[Vec<TermId>], top_n: usize, terms: usize) -> Result<Vec<&[TermId]>, TopicStatsError> {
    topics
        .iter()
        .enumerate()
        .map(|(topic, words)| {
            let words = &words[..words.len().min(top_n)];
            match words.iter().find(|&&id| id as usize >= terms) {
                Some(&id) => Err(TopicStatsError::UnknownTerm { topic, id, terms }),
                None => Ok(words),
            }
        })
        .collect()
}

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

#[allow(clippy::cast_precision_loss, reason = "counts are far below 2^53, where f64 is exact")]
fn float(n: u64) -> f64 {
    n as f64
}

#[allow(clippy::cast_precision_loss, reason = "lengths are far below 2^53, where f64 is exact")]
fn float_len(n: usize) -> f64 {
    n as f64
}

/// The arithmetic mean, NaN for no values.
fn mean(values: &[f64]) -> f64 {
    if values.is_empty() { f64::NAN } else { values.iter().sum::<f64>() / float_len(values.len()) }
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

/// UMass coherence over document co-occurrence; see the [module documentation](self).
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

/// Which runs of text sliding windows stay inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowScope {
    /// Each title, heading and paragraph is a text of its own: windows never join two of them.
    #[default]
    Segment,
    /// The article is one text, its segments joined in reading order (gensim's view of a
    /// tokenized document).
    Document,
}

/// Boolean sliding-window counts of a set of words, as gensim 4's `p_boolean_sliding_window`
/// makes them for `c_npmi`.
///
/// Each text (a sequence of terms, `None` for a term that is none of the words) is cut into
/// the windows `text[i..i + W]` for every `i` from 0 to `len − W`; a text shorter than `W`,
/// even an empty one, is one window. Every window is a virtual document and counts toward the
/// total, whether or not it holds any of the words (gensim 4 counts them all; gensim 3 skipped
/// texts without any). Each window counts once for every word it contains (however often),
/// and once for every pair of distinct words it contains.
///
/// The counting is exact per window. gensim's accumulator updates its window incrementally
/// (`WordOccurrenceAccumulator._slide_window`): when the word leaving a window at the left also
/// occurs inside the next window, it is dropped from that window all the same. Its counts can
/// therefore be lower than these where a word repeats within `W` tokens; on the reference
/// corpus the mean NPMI differs by less than 0.005 (`tests/integration/topic_stats.rs` checks
/// these against an exact count, and reproduces gensim's figures by emulating its update).
///
/// ```
/// use dateline_analyze::topic_stats::WindowCounts;
///
/// let mut counts = WindowCounts::new(3, &[1, 2])?;
/// counts.add_text(&[Some(1), None, Some(2), None]); // windows [1, _, 2] and [_, 2, _]
/// assert_eq!((counts.windows(), counts.occurrences(1), counts.occurrences(2)), (2, 1, 2));
/// assert_eq!(counts.co_occurrences(1, 2), 1);
/// # Ok::<(), dateline_analyze::topic_stats::TopicStatsError>(())
/// ```
#[derive(Debug, Clone)]
pub struct WindowCounts {
    window: usize,
    windows: u64,
    slot_of: FxHashMap<TermId, u32>,
    occurrences: Vec<u64>,
    /// Keyed by `(smaller slot, larger slot)`.
    pairs: FxHashMap<(u32, u32), u64>,
    /// Scratch: the slots of the current text's words with their positions, and of one window.
    positions: Vec<(usize, u32)>,
    present: Vec<u32>,
}

/// Equal counts of the same words over windows of the same length (scratch space aside).
impl PartialEq for WindowCounts {
    fn eq(&self, other: &Self) -> bool {
        (self.window, self.windows, &self.slot_of, &self.occurrences, &self.pairs)
            == (other.window, other.windows, &other.slot_of, &other.occurrences, &other.pairs)
    }
}

impl Eq for WindowCounts {}

impl WindowCounts {
    /// Empty counts for windows of `window` tokens over `words` (duplicates ignored).
    ///
    /// # Errors
    ///
    /// [`TopicStatsError::Window`] when `window` is 0.
    pub fn new(window: usize, words: &[TermId]) -> Result<Self, TopicStatsError> {
        if window == 0 {
            return Err(TopicStatsError::Window);
        }
        let mut slot_of = FxHashMap::default();
        for &word in words {
            let next = u32::try_from(slot_of.len()).unwrap_or(u32::MAX);
            slot_of.entry(word).or_insert(next);
        }
        let occurrences = vec![0; slot_of.len()];
        Ok(Self {
            window,
            windows: 0,
            slot_of,
            occurrences,
            pairs: FxHashMap::default(),
            positions: Vec::new(),
            present: Vec::new(),
        })
    }

    /// The window length in tokens.
    #[must_use]
    pub const fn window(&self) -> usize {
        self.window
    }

    /// Windows counted (gensim's `num_docs`).
    #[must_use]
    pub const fn windows(&self) -> u64 {
        self.windows
    }

    /// Windows containing `word` (0 for a word not counted).
    #[must_use]
    pub fn occurrences(&self, word: TermId) -> u64 {
        self.slot_of.get(&word).map_or(0, |&s| self.occurrences[s as usize])
    }

    /// Windows containing both `a` and `b`; for `a == b`, those containing `a`.
    #[must_use]
    pub fn co_occurrences(&self, a: TermId, b: TermId) -> u64 {
        let (Some(&a), Some(&b)) = (self.slot_of.get(&a), self.slot_of.get(&b)) else { return 0 };
        if a == b {
            return self.occurrences[a as usize];
        }
        self.pairs.get(&(a.min(b), a.max(b))).copied().unwrap_or(0)
    }

    /// The NPMI of `a` and `b` (see the [module documentation](self)), or NaN when either
    /// occurs in no window.
    #[must_use]
    pub fn npmi(&self, a: TermId, b: TermId) -> f64 {
        let (n_a, n_b) = (self.occurrences(a), self.occurrences(b));
        if n_a == 0 || n_b == 0 {
            return f64::NAN;
        }
        let n = float(self.windows);
        let joint = float(self.co_occurrences(a, b)) / n + EPSILON;
        (joint / ((float(n_a) / n) * (float(n_b) / n))).ln() / -joint.ln()
    }

    /// Counts the windows of one text.
    pub fn add_text(&mut self, text: &[Option<TermId>]) {
        self.positions.clear();
        for (position, word) in text.iter().enumerate() {
            if let Some(&slot) = word.as_ref().and_then(|w| self.slot_of.get(w)) {
                self.positions.push((position, slot));
            }
        }
        let starts = text.len().saturating_sub(self.window) + 1;
        self.windows += starts as u64;
        if self.positions.is_empty() {
            return;
        }
        // The words at positions[first..last] are those inside the window starting at `start`.
        let (mut first, mut last) = (0, 0);
        for start in 0..starts {
            while first < self.positions.len() && self.positions[first].0 < start {
                first += 1;
            }
            while last < self.positions.len() && self.positions[last].0 < start + self.window {
                last += 1;
            }
            if first == last {
                continue;
            }
            self.present.clear();
            self.present.extend(self.positions[first..last].iter().map(|&(_, slot)| slot));
            self.present.sort_unstable();
            self.present.dedup();
            for (i, &a) in self.present.iter().enumerate() {
                self.occurrences[a as usize] += 1;
                for &b in &self.present[i + 1..] {
                    *self.pairs.entry((a, b)).or_insert(0) += 1;
                }
            }
        }
    }

    /// Adds `other`'s counts, made over the same words and window, to these.
    #[must_use]
    pub fn merge(mut self, other: Self) -> Self {
        debug_assert_eq!((self.window, &self.slot_of), (other.window, &other.slot_of));
        self.windows += other.windows;
        for (mine, theirs) in self.occurrences.iter_mut().zip(&other.occurrences) {
            *mine += theirs;
        }
        for (pair, n) in other.pairs {
            *self.pairs.entry(pair).or_insert(0) += n;
        }
        self
    }
}

/// NPMI coherence over boolean sliding windows; see the [module documentation](self).
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

    /// The coherence of `topics` (top words per topic, best first, ids of `vocab`) over the
    /// windows of `docs`, counted in parallel on the current rayon pool; the result does not
    /// depend on the number of threads.
    ///
    /// Each article is read as [`count_parallel`](crate::count_parallel) reads it: its
    /// segments in order, tokenized, each token made a term by `terms`, which should be the
    /// options `vocab` was counted with. Tokens that are not terms (stopwords, numbers left out)
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
    /// let coherence = Npmi::new().window(3).score(&terms, &counts.vocab, &topics, std::iter::once(doc()))?;
    /// // Terms: gaza aid convoys wait officials gaza aid blocked ("said", "was" are stopwords).
    /// // Six windows of three: gaza in 4, aid in 4, both in 3.
    /// let expected = ((3.0f64 / 6.0 + 1e-12) / (4.0 / 6.0 * (4.0 / 6.0))).ln() / -(3.0f64 / 6.0 + 1e-12).ln();
    /// assert!((coherence.per_topic[0] - expected).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`TopicStatsError::UnknownTerm`] when an id is not in `vocab`; [`TopicStatsError::Window`]
    /// for a window of 0 tokens.
    pub fn score<I>(
        &self,
        terms: &TermOptions,
        vocab: &Vocabulary,
        topics: &[Vec<TermId>],
        docs: I,
    ) -> Result<Coherence, TopicStatsError>
    where
        I: Iterator<Item = (DocMeta, Article)> + Send,
    {
        let top = top_words(topics, self.top_n, vocab.len())?;
        let words: Vec<TermId> = top.iter().flat_map(|t| t.iter().copied()).collect();
        let empty = WindowCounts::new(self.window, &words)?;
        let scope = self.scope;
        let counts = docs
            .par_bridge()
            .fold(
                || ArticleWindows::new(terms, vocab, empty.clone()),
                |mut windows, (_, article)| {
                    windows.add(&article, scope);
                    windows
                },
            )
            .map(|windows| windows.counts)
            .reduce(|| empty.clone(), WindowCounts::merge);
        self.score_counts(&counts, topics)
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

/// One thread's window counting over articles: the text of each scope as term ids.
struct ArticleWindows<'a> {
    vocab: &'a Vocabulary,
    reader: TermReader<'a>,
    /// The reader's terms in `vocab` (`None`: not there), filled as the reader meets them.
    in_vocab: Vec<Option<TermId>>,
    /// The article's terms by the reader's ids, each with its segment.
    terms: Vec<(usize, TermId)>,
    text: Vec<Option<TermId>>,
    counts: WindowCounts,
}

impl<'a> ArticleWindows<'a> {
    fn new(terms: &'a TermOptions, vocab: &'a Vocabulary, counts: WindowCounts) -> Self {
        Self { vocab, reader: terms.reader(), in_vocab: Vec::new(), terms: Vec::new(), text: Vec::new(), counts }
    }

    fn add(&mut self, article: &Article, scope: WindowScope) {
        let terms = &mut self.terms;
        self.reader.terms(article).for_each(|token| {
            if let Some(id) = token.term {
                terms.push((token.segment, id));
            }
        });
        let met = self.reader.vocab();
        for id in self.in_vocab.len()..met.len() {
            let term = met.term(TermId::try_from(id).unwrap_or(TermId::MAX));
            self.in_vocab.push(self.vocab.id(term));
        }
        // With `Segment` scope each segment is a text of its own, one without any term too.
        let texts = match scope {
            WindowScope::Segment => segments(article).count(),
            WindowScope::Document => 1,
        };
        let mut next = self.terms.iter().peekable();
        for text in 0..texts {
            while let Some(&&(segment, id)) = next.peek() {
                if scope == WindowScope::Segment && segment != text {
                    break;
                }
                self.text.push(self.in_vocab[id as usize]);
                next.next();
            }
            self.counts.add_text(&self.text);
            self.text.clear();
        }
        self.terms.clear();
    }
}

/// How [`topic_labels`] picks a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LabelOptions {
    top_n: usize,
    measure: Measure,
    min_count: u64,
}

impl Default for LabelOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl LabelOptions {
    /// Bigrams of the top [`DEFAULT_TOP_N`] words, ranked by [`Measure::LikelihoodRatio`],
    /// seen at least twice (the collocation table's default).
    #[must_use]
    pub const fn new() -> Self {
        Self { top_n: DEFAULT_TOP_N, measure: Measure::LikelihoodRatio, min_count: 2 }
    }

    /// Look for bigrams among each topic's first `top_n` words.
    #[must_use]
    pub const fn top_n(mut self, top_n: usize) -> Self {
        self.top_n = top_n;
        self
    }

    /// The association measure bigrams are ranked by.
    #[must_use]
    pub const fn measure(mut self, measure: Measure) -> Self {
        self.measure = measure;
        self
    }

    /// Consider only bigrams seen at least `min_count` times.
    #[must_use]
    pub const fn min_count(mut self, min_count: u64) -> Self {
        self.min_count = min_count;
        self
    }
}

/// A topic's label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicLabel {
    /// The topic's index.
    pub topic: usize,
    /// The bigram's display forms (`Foreign Minister`), or the top two words' display forms
    /// joined by ` / ` (`Gaza / aid`) when no bigram qualifies.
    pub label: String,
    /// Whether the label is a bigram of the corpus.
    pub collocation: bool,
    /// Occurrences of the bigram (0 for a fallback label).
    pub count: u64,
    /// The bigram's score by the chosen measure (`None` for a fallback label).
    pub score: Option<f64>,
}

/// The separator of a fallback label's two words.
pub const LABEL_SEPARATOR: &str = " / ";

/// Labels each topic with its most salient collocation among its top words.
///
/// Among the bigrams of `bigrams` (adjacent within a sentence, as [`count_ngrams`](crate::count_ngrams)
/// counts them) whose two words are both among the topic's first `top_n` words, in either
/// order, and seen at least `min_count` times, the label is the one with the highest score by
/// the measure ([`collocations`](mod@crate::collocations): NLTK's marginals over the bigram
/// counts' tokens); ties go to the more frequent bigram, then to the one whose words rank higher
/// in the topic. Labels are distinct: when two topics' best bigram is the same, the topic
/// with the better claim keeps it (the higher score, then the lower topic number) and the other
/// takes its next best. When no bigram is left, the label is the top two words joined by
/// [`LABEL_SEPARATOR`] (one word alone, or empty, for shorter topics).
///
/// Words are matched by their case-folded terms, so `bigrams` should be counted with the same
/// term options (stemming) as `vocab`; stopword edges do not matter, as top words are not
/// stopwords.
///
/// ```
/// use dateline_analyze::{DocMeta, TermOptions, count_parallel};
/// use dateline_analyze::ngrams::{NgramOptions, count_ngrams};
/// use dateline_analyze::topic_stats::{LabelOptions, resolve_topics, topic_labels};
///
/// let text = " date 2024-01-10 Foreign Minister Lavrov met the Foreign Minister of Iran. Iran gave a minister a foreign medal.";
/// let doc = || (DocMeta { path: "a".into(), date: None }, dateline_parse::parse_article(text).unwrap());
/// let counts = count_parallel(&TermOptions::new(), std::iter::once(doc()));
/// let bigrams = count_ngrams(&NgramOptions::builder().sizes(2, 2).build()?, std::iter::once(doc()));
/// let topics = resolve_topics(&counts.vocab, &[vec!["minister", "iran", "foreign"], vec!["lavrov", "medal"]])?;
/// let labels = topic_labels(&LabelOptions::new(), &counts.vocab, &topics, &bigrams)?;
/// assert_eq!((labels[0].label.as_str(), labels[0].collocation, labels[0].count), ("Foreign Minister", true, 2));
/// assert_eq!((labels[1].label.as_str(), labels[1].collocation), ("Lavrov / medal", false));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`TopicStatsError::UnknownTerm`] when an id is not in `vocab`.
pub fn topic_labels(
    options: &LabelOptions,
    vocab: &Vocabulary,
    topics: &[Vec<TermId>],
    bigrams: &NgramCounts,
) -> Result<Vec<TopicLabel>, TopicStatsError> {
    let top = top_words(topics, options.top_n, vocab.len())?;
    // For each word of the bigram counts, the (topic, rank) places where it is a top word.
    let mut places: FxHashMap<TermId, Vec<(usize, usize)>> = FxHashMap::default();
    for (topic, words) in top.iter().enumerate() {
        for (rank, &id) in words.iter().enumerate() {
            if let Some(bigram_id) = bigrams.vocab.id(vocab.term(id)) {
                places.entry(bigram_id).or_default().push((topic, rank));
            }
        }
    }
    // Every qualifying bigram of each topic.
    let mut candidates: Vec<Vec<Candidate>> = vec![Vec::new(); top.len()];
    for &(ngram, count) in &bigrams.ngrams {
        if ngram.size() != 2 || count < options.min_count {
            continue;
        }
        let [left, right] = [ngram.ids()[0], ngram.ids()[1]];
        if left == right {
            continue; // `aid aid` is one top word, not a pair of them
        }
        let (Some(left_places), Some(right_places)) = (places.get(&left), places.get(&right)) else { continue };
        let mut score = None;
        for &(topic, left_rank) in left_places {
            let Some(&(_, right_rank)) = right_places.iter().find(|&&(t, _)| t == topic) else { continue };
            let score = *score.get_or_insert_with(|| {
                let table = BigramTable::new(
                    count,
                    bigrams.term_freq[left as usize],
                    bigrams.term_freq[right as usize],
                    bigrams.tokens,
                );
                table.scores().get(options.measure)
            });
            let ranks = (left_rank.min(right_rank), left_rank.max(right_rank));
            candidates[topic].push(Candidate { score, count, ranks, ngram });
        }
    }
    let chosen = distinct_labels(candidates);
    Ok(chosen
        .into_iter()
        .zip(&top)
        .enumerate()
        .map(|(topic, (chosen, words))| match chosen {
            Some(Candidate { score, count, ngram, .. }) => {
                TopicLabel { topic, label: bigrams.display(&ngram), collocation: true, count, score: Some(score) }
            }
            None => {
                let label = words.iter().take(2).map(|&id| vocab.display(id)).collect::<Vec<_>>().join(LABEL_SEPARATOR);
                TopicLabel { topic, label, collocation: false, count: 0, score: None }
            }
        })
        .collect())
}

/// Gives each topic its best candidate that no other topic has taken: two topics that share
/// their best bigram (`last year`, `health care`) would otherwise read as one. The topic with
/// the better claim takes it first (best candidates compared, then the lower topic number),
/// and the other falls back to its next best bigram, or to its top words when it has none.
fn distinct_labels(mut candidates: Vec<Vec<Candidate>>) -> Vec<Option<Candidate>> {
    for list in &mut candidates {
        list.sort_by(Candidate::cmp_better);
    }
    let mut chosen: Vec<Option<Candidate>> = vec![None; candidates.len()];
    let mut next = vec![0_usize; candidates.len()];
    let mut taken: FxHashSet<Ngram> = FxHashSet::default();
    // Each round settles the topic whose best still-free candidate is the best of all.
    loop {
        let mut claim: Option<(usize, Candidate)> = None;
        for (topic, list) in candidates.iter().enumerate() {
            if chosen[topic].is_some() {
                continue;
            }
            while list.get(next[topic]).is_some_and(|c| taken.contains(&c.ngram)) {
                next[topic] += 1;
            }
            let Some(&candidate) = list.get(next[topic]) else { continue };
            if claim.as_ref().is_none_or(|(_, best)| candidate.cmp_better(best) == Ordering::Less) {
                claim = Some((topic, candidate));
            }
        }
        let Some((topic, candidate)) = claim else { return chosen };
        taken.insert(candidate.ngram);
        chosen[topic] = Some(candidate);
    }
}

/// A bigram that could label a topic.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    score: f64,
    count: u64,
    /// The ranks of its two words in the topic, better first.
    ranks: (usize, usize),
    ngram: Ngram,
}

impl Candidate {
    /// Better labels first: higher score (NaN last), more occurrences, better-ranked words,
    /// then the bigram's terms.
    fn cmp_better(&self, other: &Self) -> Ordering {
        descending_nan_last(self.score, other.score)
            .then(other.count.cmp(&self.count))
            .then(self.ranks.cmp(&other.ranks))
            .then(self.ngram.cmp(&other.ngram))
    }
}

/// Higher values first; NaN after every number.
fn descending_nan_last(a: f64, b: f64) -> Ordering {
    match (a.is_nan(), b.is_nan()) {
        (false, false) => b.total_cmp(&a),
        (a_nan, b_nan) => a_nan.cmp(&b_nan),
    }
}

/// How much each document weighs in a period's topic shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareWeight {
    /// Its terms ([`DocCounts::term_tokens`](crate::DocCounts::term_tokens): the words a topic
    /// model sees, stopwords left out): a share is the share of the words written about the
    /// topic. The default.
    #[default]
    TermTokens,
    /// Its word and number tokens, stopwords included ([`DocCounts::tokens`](crate::DocCounts)).
    Tokens,
    /// 1 each: a share is the mean of the documents' weights for the topic.
    Documents,
}

/// One topic's share of one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicShareRow {
    /// The period (`2024-09`, or `undated`).
    pub period: PeriodKey,
    /// The topic's index.
    pub topic: usize,
    /// The topic's share of the period, from 0 to 1 (NaN, written as JSON `null`, when the
    /// period's documents weigh nothing, such as documents without terms).
    pub share: f64,
    /// Documents in the period.
    pub documents: usize,
}

/// Each topic's share of the corpus per period: rows in period order (undated documents last,
/// in their own bucket), then topic order. Only periods holding a document appear.
///
/// With `w(d)` the document's weight ([`ShareWeight`]) and `theta[d][k]` its weight for topic
/// `k`, the share of topic `k` in period `p` is `Σ_{d∈p} w(d)·theta[d][k] / Σ_{d∈p} w(d)`:
/// with the default weight, the share of the period's words the model gives to the topic.
/// When each row of `theta` sums to 1, each period's shares sum to 1.
///
/// ```
/// use dateline_analyze::{DocMeta, Period, TermOptions, count_parallel};
/// use dateline_analyze::topic_stats::{ShareWeight, topic_shares};
///
/// let docs = [(" date 2024-01-10 Gaza aid waits.", "a"), (" date 2024-01-20 Iran oil exports grow fast.", "b")];
/// let docs = docs.iter().map(|(text, path)| {
///     let article = dateline_parse::parse_article(text).unwrap();
///     (DocMeta { path: (*path).into(), date: article.published.as_ref().map(|p| p.date) }, article)
/// });
/// let counts = count_parallel(&TermOptions::new(), docs);
/// let theta = [vec![1.0, 0.0], vec![0.25, 0.75]];
/// let rows = topic_shares(&counts, &theta, Period::Month, ShareWeight::TermTokens)?;
/// // 3 terms all on topic 0, 5 terms a quarter on topic 0: (3 + 1.25) / 8.
/// assert_eq!((rows[0].period.to_string(), rows[0].topic, rows[0].documents), ("2024-01".into(), 0, 2));
/// assert!((rows[0].share - 4.25 / 8.0).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`TopicStatsError::Documents`] unless `theta` has one row per document of `counts`;
/// [`TopicStatsError::Topics`] unless every row is as long as the first.
pub fn topic_shares(
    counts: &Counts,
    theta: &[Vec<f64>],
    period: Period,
    weight: ShareWeight,
) -> Result<Vec<TopicShareRow>, TopicStatsError> {
    let k = check_mixtures(counts, theta)?;
    let mut rows = Vec::new();
    for (key, docs) in group_by_period(counts, period) {
        let mut total = 0.0;
        let mut sums = vec![0.0; k];
        for &d in &docs {
            let doc = &counts.docs[d];
            let w = match weight {
                ShareWeight::TermTokens => float(doc.term_tokens()),
                ShareWeight::Tokens => float(doc.tokens),
                ShareWeight::Documents => 1.0,
            };
            total += w;
            for (sum, &t) in sums.iter_mut().zip(&theta[d]) {
                *sum += w * t;
            }
        }
        rows.extend(sums.into_iter().enumerate().map(|(topic, sum)| TopicShareRow {
            period: key,
            topic,
            share: sum / total,
            documents: docs.len(),
        }));
    }
    Ok(rows)
}

/// The number of topics of `theta`, checked to have one row per document, all as long.
fn check_mixtures(counts: &Counts, theta: &[Vec<f64>]) -> Result<usize, TopicStatsError> {
    if theta.len() != counts.docs.len() {
        return Err(TopicStatsError::Documents { expected: counts.docs.len(), found: theta.len() });
    }
    let k = theta.first().map_or(0, Vec::len);
    match theta.iter().position(|row| row.len() != k) {
        Some(document) => Err(TopicStatsError::Topics { document, expected: k, found: theta[document].len() }),
        None => Ok(k),
    }
}

/// One of a topic's representative documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RepresentativeRow {
    /// The topic's index.
    pub topic: usize,
    /// 1 for the document leaning most on the topic.
    pub rank: usize,
    /// The document's index in the counts.
    pub document: usize,
    /// The document's path.
    pub path: String,
    /// Its publication date, if any.
    pub date: Option<NaiveDate>,
    /// Its weight for the topic (`theta[document][topic]`).
    pub weight: f64,
}

/// Each topic's `per_topic` documents with the highest weight for it, best first (ties in
/// document order, NaN weights last): rows in topic order, then rank.
///
/// ```
/// use dateline_analyze::{Counts, DocCounts, DocMeta};
/// use dateline_analyze::topic_stats::representative_documents;
///
/// let doc = |path: &str| DocCounts { meta: DocMeta { path: path.into(), date: None }, tokens: 0, sentences: 0, terms: vec![] };
/// let counts = Counts { docs: vec![doc("a"), doc("b"), doc("c")], ..Counts::default() };
/// let theta = [vec![0.2, 0.8], vec![0.9, 0.1], vec![0.2, 0.8]];
/// let rows = representative_documents(&counts, &theta, 2)?;
/// let paths: Vec<(usize, &str)> = rows.iter().map(|r| (r.topic, r.path.as_str())).collect();
/// assert_eq!(paths, [(0, "b"), (0, "a"), (1, "a"), (1, "c")]);
/// # Ok::<(), dateline_analyze::topic_stats::TopicStatsError>(())
/// ```
///
/// # Errors
///
/// As [`topic_shares`].
pub fn representative_documents(
    counts: &Counts,
    theta: &[Vec<f64>],
    per_topic: usize,
) -> Result<Vec<RepresentativeRow>, TopicStatsError> {
    let k = check_mixtures(counts, theta)?;
    let keep = per_topic.min(theta.len());
    if keep == 0 {
        return Ok(Vec::new());
    }
    let mut rows = Vec::with_capacity(k * keep);
    let mut order: Vec<usize> = Vec::with_capacity(theta.len());
    for topic in 0..k {
        let better = |&a: &usize, &b: &usize| descending_nan_last(theta[a][topic], theta[b][topic]).then(a.cmp(&b));
        order.clear();
        order.extend(0..theta.len());
        if keep < order.len() {
            order.select_nth_unstable_by(keep - 1, better);
            order.truncate(keep);
        }
        order.sort_unstable_by(better);
        rows.extend(order.iter().enumerate().map(|(rank, &document)| RepresentativeRow {
            topic,
            rank: rank + 1,
            document,
            path: counts.docs[document].meta.path.clone(),
            date: counts.docs[document].meta.date,
            weight: theta[document][topic],
        }));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::counts::{DocCounts, count_parallel};
    use crate::ngrams::{NgramOptions, count_ngrams};
    use crate::test_support::article_with;
    use proptest::prelude::*;

    fn docs(texts: &[&str]) -> Vec<(DocMeta, Article)> {
        texts.iter().map(|t| (DocMeta { path: (*t).into(), date: None }, article_with(None, &[t]))).collect()
    }

    fn close(actual: f64, expected: f64) {
        assert!((actual - expected).abs() < 1e-12, "{actual} != {expected}");
    }

    fn ids(vocab: &Vocabulary, topics: &[&[&str]]) -> Vec<Vec<TermId>> {
        let topics: Vec<Vec<&str>> = topics.iter().map(|t| t.to_vec()).collect();
        resolve_topics(vocab, &topics).expect("known words")
    }

    /// iran in documents 0, 1, 2; russia in 0, 1; oil in 0, 3; gas in 2, 3.
    fn umass_corpus() -> Counts {
        count_parallel(
            &TermOptions::new(),
            docs(&["Iran Russia oil", "Iran Russia", "Iran gas", "oil gas"]).into_iter(),
        )
    }

    #[test]
    fn umass_follows_gensim_by_hand() {
        let counts = umass_corpus();
        let topics = ids(&counts.vocab, &[&["iran", "russia", "oil"], &["russia", "gas"]]);
        let coherence = UMass::new().score(&counts, &topics).expect("valid ids");
        // Pairs (wi | wj), i > j: russia|iran in 2 of iran's 3, oil|iran in 1 of 3, oil|russia in 1 of 2.
        let first = [
            ((2.0 / 4.0 + EPSILON) / (3.0 / 4.0)).ln(),
            ((1.0 / 4.0 + EPSILON) / (3.0 / 4.0)).ln(),
            ((1.0 / 4.0 + EPSILON) / (2.0 / 4.0)).ln(),
        ];
        let first = first.iter().sum::<f64>() / 3.0;
        // gas never shares a document with russia: ln(ε / (2/4)).
        let second = (EPSILON / (2.0 / 4.0)).ln();
        close(coherence.per_topic[0], first);
        close(coherence.per_topic[1], second);
        close(coherence.mean, (first + second) / 2.0);
        assert!(second < -26.0);
    }

    #[test]
    fn umass_as_mimno_wrote_it_adds_one_and_sums() {
        let counts = umass_corpus();
        let topics = ids(&counts.vocab, &[&["iran", "russia", "oil"], &["russia", "gas"]]);
        let coherence = UMass::mimno().score(&counts, &topics).expect("valid ids");
        // ln(3/3) + ln(2/3) + ln(2/2), and ln(1/2).
        close(coherence.per_topic[0], (2.0f64 / 3.0).ln());
        close(coherence.per_topic[1], 0.5f64.ln());
        let mixed = UMass::new().smoothing(UMassSmoothing::AddOne).score(&counts, &topics).expect("valid ids");
        close(mixed.per_topic[0], (2.0f64 / 3.0).ln() / 3.0);
        let summed = UMass::new().aggregate(Aggregate::Sum).score(&counts, &topics).expect("valid ids");
        close(summed.per_topic[0], coherence_sum(&counts, &topics[0]));
    }

    fn coherence_sum(counts: &Counts, words: &[TermId]) -> f64 {
        let n = float_len(counts.docs.len());
        let has = |d: &DocCounts, w: TermId| d.terms.iter().any(|&(id, _)| id == w);
        let mut sum = 0.0;
        for i in 1..words.len() {
            for j in 0..i {
                let both = counts.docs.iter().filter(|d| has(d, words[i]) && has(d, words[j])).count();
                let given = counts.docs.iter().filter(|d| has(d, words[j])).count();
                sum += ((float_len(both) / n + EPSILON) / (float_len(given) / n)).ln();
            }
        }
        sum
    }

    #[test]
    fn umass_takes_the_top_n_and_skips_topics_without_pairs() {
        let counts = umass_corpus();
        let topics = ids(&counts.vocab, &[&["iran", "russia", "oil"], &["gas"], &[]]);
        let coherence = UMass::new().top_n(2).score(&counts, &topics).expect("valid ids");
        close(coherence.per_topic[0], ((2.0 / 4.0 + EPSILON) / (3.0 / 4.0)).ln());
        assert!(coherence.per_topic[1].is_nan() && coherence.per_topic[2].is_nan());
        close(coherence.mean, coherence.per_topic[0]);
        let unknown = UMass::new().score(&counts, &[vec![0, 99]]);
        assert_eq!(unknown, Err(TopicStatsError::UnknownTerm { topic: 0, id: 99, terms: 4 }));
        assert_eq!(
            serde_json::to_string(&Coherence::from_topics(vec![f64::NAN])).ok().as_deref(),
            Some(r#"{"per_topic":[null],"mean":null}"#)
        );
    }

    fn npmi(both: f64, a: f64, b: f64, n: f64) -> f64 {
        let joint = both / n + EPSILON;
        (joint / ((a / n) * (b / n))).ln() / -joint.ln()
    }

    #[test]
    fn npmi_windows_by_hand() {
        let (a, b, c, x) = (Some(1), Some(2), Some(3), Some(9));
        let mut counts = WindowCounts::new(3, &[1, 2, 3, 2]).expect("a window");
        // Windows: {a,b} {b} {b} {c} {a,c} {a,b,c}.
        counts.add_text(&[a, x, b, x, None, c, a, b]);
        assert_eq!(counts.windows(), 6);
        assert_eq!([1, 2, 3].map(|w| counts.occurrences(w)), [3, 4, 3]);
        assert_eq!([(1, 2), (1, 3), (2, 3), (3, 1)].map(|(p, q)| counts.co_occurrences(p, q)), [2, 2, 1, 2]);
        // A text without the words still has its windows; a short text, even empty, is one.
        counts.add_text(&[x, x, x, x]);
        counts.add_text(&[]);
        counts.add_text(&[c]);
        assert_eq!((counts.windows(), counts.occurrences(3)), (10, 4));
        close(counts.npmi(1, 2), npmi(2.0, 3.0, 4.0, 10.0));
        close(counts.npmi(2, 3), npmi(1.0, 4.0, 4.0, 10.0));
        assert!(counts.npmi(1, 9).is_nan());
        let coherence = Npmi::new().score_counts(&counts, &[vec![1, 2, 3], vec![1, 9]]).expect("scored");
        let expected = (npmi(2.0, 3.0, 4.0, 10.0) + npmi(2.0, 3.0, 4.0, 10.0) + npmi(1.0, 4.0, 4.0, 10.0)) / 3.0;
        close(coherence.per_topic[0], expected);
        assert!(coherence.per_topic[1].is_nan());
        close(coherence.mean, expected);
        assert_eq!(WindowCounts::new(0, &[1]), Err(TopicStatsError::Window));
    }

    #[test]
    fn a_word_repeated_inside_a_window_stays_in_the_next() {
        // Windows [a b a] and [b a c]: a is in both, so a and c share one window.
        let mut counts = WindowCounts::new(3, &[1, 2, 3]).expect("a window");
        counts.add_text(&[Some(1), Some(2), Some(1), Some(3)]);
        assert_eq!((counts.occurrences(1), counts.co_occurrences(1, 3)), (2, 1));
    }

    fn article_windows(scope: WindowScope, window: usize, articles: &[Article]) -> (WindowCounts, Vocabulary) {
        let terms = TermOptions::new();
        let counts =
            count_parallel(&terms, articles.iter().map(|a| (DocMeta { path: String::new(), date: None }, a.clone())));
        let words = ids(&counts.vocab, &[&["gaza", "aid"]]).concat();
        let mut windows =
            ArticleWindows::new(&terms, &counts.vocab, WindowCounts::new(window, &words).expect("a window"));
        for a in articles {
            windows.add(a, scope);
        }
        (windows.counts, counts.vocab)
    }

    #[test]
    fn windows_stay_in_segments_unless_told() {
        // Terms: [gaza aid] in the title, [aid reaches gaza] in the paragraph ("the" is a stopword).
        let articles = [article_with(Some("Gaza aid"), &["The aid reaches Gaza"])];
        let (segment, vocab) = article_windows(WindowScope::Segment, 2, &articles);
        let [gaza, aid] = ["gaza", "aid"].map(|w| vocab.id(w).expect("a term"));
        // Windows {gaza aid}; {aid} {gaza}.
        assert_eq!((segment.windows(), segment.occurrences(gaza), segment.occurrences(aid)), (3, 2, 2));
        assert_eq!(segment.co_occurrences(gaza, aid), 1);
        // Windows {gaza aid} {aid} {aid} {gaza}.
        let (document, _) = article_windows(WindowScope::Document, 2, &articles);
        assert_eq!((document.windows(), document.occurrences(aid), document.co_occurrences(gaza, aid)), (4, 3, 1));
    }

    #[test]
    fn npmi_does_not_depend_on_threads() {
        let texts: Vec<String> = (0..40)
            .map(|i| format!("Gaza aid convoy {i} waits at Rafah. Iran oil exports grow. Aid for Gaza talks {}", i % 7))
            .collect();
        let corpus = || docs(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        let terms = TermOptions::new();
        let counts = count_parallel(&terms, corpus().into_iter());
        let topics = ids(&counts.vocab, &[&["gaza", "aid", "rafah", "talks"], &["iran", "oil", "exports"]]);
        let run = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a pool");
            pool.install(|| Npmi::new().window(4).score(&terms, &counts.vocab, &topics, corpus().into_iter()))
        };
        let one = run(1).expect("scored");
        assert_eq!(one, run(3).expect("scored"));
        assert!(one.per_topic.iter().all(|s| (-1.0..=1.0).contains(s)), "{one:?}");
    }

    /// Three short texts about foreign ministers and oil, counted, with their bigrams.
    fn minister_texts() -> (Counts, NgramCounts) {
        let texts = [
            "Foreign Minister Lavrov met Foreign Minister Wang.",
            "Foreign Minister Lavrov spoke. Oil prices rose. Oil prices fell.",
            "The minister of oil spoke of foreign oil.",
        ];
        let corpus = || docs(&texts).into_iter();
        let counts = count_parallel(&TermOptions::new(), corpus());
        let bigrams = count_ngrams(&NgramOptions::builder().sizes(2, 2).build().expect("sizes"), corpus());
        (counts, bigrams)
    }

    #[test]
    fn labels_pick_the_strongest_bigram_among_top_words() {
        let (counts, bigrams) = minister_texts();
        let topics = ids(
            &counts.vocab,
            &[&["minister", "oil", "foreign", "prices"], &["lavrov", "wang"], &["spoke"], &[], &["minister", "lavrov"]],
        );
        let labels = topic_labels(&LabelOptions::new(), &counts.vocab, &topics, &bigrams).expect("valid ids");
        let got: Vec<(&str, bool, u64)> = labels.iter().map(|l| (l.label.as_str(), l.collocation, l.count)).collect();
        // "Minister Lavrov" is seen twice; "Lavrov met", "Lavrov spoke" once, below the minimum.
        assert_eq!(
            got,
            [
                ("Foreign Minister", true, 3),
                ("Lavrov / Wang", false, 0),
                ("spoke", false, 0),
                ("", false, 0),
                ("Minister Lavrov", true, 2)
            ]
        );
        // Foreign Minister (3) against oil prices (2), by the likelihood ratio.
        let foreign = BigramTable::new(3, 4, 4, bigrams.tokens).likelihood_ratio();
        let oil = BigramTable::new(2, 4, 2, bigrams.tokens).likelihood_ratio();
        assert!(foreign > oil);
        assert_eq!(labels[0].score, Some(foreign));
        // Seen once is enough when asked, and the measure decides.
        let pmi = LabelOptions::new().min_count(1).measure(Measure::Pmi);
        let labels = topic_labels(&pmi, &counts.vocab, &topics, &bigrams).expect("valid ids");
        assert_eq!(labels[0].label, "oil prices");
        assert_eq!(labels[1].label, "Lavrov / Wang");
    }

    #[test]
    fn two_topics_never_share_a_label() {
        let (counts, bigrams) = minister_texts();
        // Both topics' best bigram is "Foreign Minister"; the second topic's claim is no better,
        // so it falls back to its next best, then to its top words when none is left.
        let topics = ids(
            &counts.vocab,
            &[&["minister", "foreign", "lavrov"], &["foreign", "minister", "oil", "prices"], &["foreign", "minister"]],
        );
        let labels = topic_labels(&LabelOptions::new(), &counts.vocab, &topics, &bigrams).expect("valid ids");
        let got: Vec<(&str, bool)> = labels.iter().map(|l| (l.label.as_str(), l.collocation)).collect();
        assert_eq!(got, [("Foreign Minister", true), ("oil prices", true), ("Foreign / Minister", false)]);
    }

    fn dated(path: &str, date: Option<(i32, u32, u32)>, term_tokens: u32, tokens: u64) -> DocCounts {
        DocCounts {
            meta: DocMeta { path: path.into(), date: date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)) },
            tokens,
            sentences: 1,
            terms: if term_tokens == 0 { vec![] } else { vec![(0, term_tokens)] },
        }
    }

    #[test]
    fn shares_weigh_documents_by_their_words_per_period() {
        let counts = Counts {
            docs: vec![
                dated("feb", Some((2024, 2, 3)), 10, 20),
                dated("undated", None, 4, 4),
                dated("jan-a", Some((2024, 1, 5)), 1, 2),
                dated("jan-b", Some((2024, 1, 30)), 3, 3),
                dated("empty", Some((2023, 12, 1)), 0, 0),
            ],
            ..Counts::default()
        };
        let theta = vec![vec![0.5, 0.5], vec![0.0, 1.0], vec![1.0, 0.0], vec![0.0, 1.0], vec![0.3, 0.7]];
        let rows = topic_shares(&counts, &theta, Period::Month, ShareWeight::TermTokens).expect("one row each");
        let got: Vec<(String, usize, usize)> =
            rows.iter().map(|r| (r.period.to_string(), r.topic, r.documents)).collect();
        let expected = [("2023-12", 0, 1), ("2023-12", 1, 1), ("2024-01", 0, 2), ("2024-01", 1, 2), ("2024-02", 0, 1)];
        assert_eq!(got[..5], expected.map(|(p, t, n)| (p.to_owned(), t, n)));
        assert_eq!(got[6..], [("undated".to_owned(), 0, 1), ("undated".to_owned(), 1, 1)]);
        // A period of documents without terms has no share to give.
        assert!(rows[0].share.is_nan() && rows[1].share.is_nan());
        // January: 1 term all topic 0, 3 terms all topic 1.
        close(rows[2].share, 0.25);
        close(rows[3].share, 0.75);
        close(rows[7].share, 1.0);
        let by_tokens = topic_shares(&counts, &theta, Period::Month, ShareWeight::Tokens).expect("one row each");
        close(by_tokens[2].share, 0.4);
        let by_documents = topic_shares(&counts, &theta, Period::Month, ShareWeight::Documents).expect("one row each");
        close(by_documents[0].share, 0.3);
        close(by_documents[2].share, 0.5);
    }

    #[test]
    fn mixtures_must_match_the_documents() {
        let counts = Counts { docs: vec![dated("a", None, 1, 1), dated("b", None, 1, 1)], ..Counts::default() };
        let short = topic_shares(&counts, &[vec![1.0]], Period::Day, ShareWeight::TermTokens);
        assert_eq!(short, Err(TopicStatsError::Documents { expected: 2, found: 1 }));
        let ragged = representative_documents(&counts, &[vec![1.0, 0.0], vec![1.0]], 1);
        assert_eq!(ragged, Err(TopicStatsError::Topics { document: 1, expected: 2, found: 1 }));
        assert_eq!(topic_shares(&Counts::default(), &[], Period::Day, ShareWeight::TermTokens), Ok(vec![]));
    }

    #[test]
    fn representatives_rank_by_weight_then_document_order() {
        let counts =
            Counts { docs: (0..5).map(|i| dated(&format!("d{i}"), None, 1, 1)).collect(), ..Counts::default() };
        let theta = vec![vec![0.5], vec![f64::NAN], vec![0.9], vec![0.5], vec![0.1]];
        let rows = representative_documents(&counts, &theta, 3).expect("one row each");
        let got: Vec<(usize, usize, f64)> = rows.iter().map(|r| (r.rank, r.document, r.weight)).collect();
        assert_eq!(got, [(1, 2, 0.9), (2, 0, 0.5), (3, 3, 0.5)]);
        let all = representative_documents(&counts, &theta, 10).expect("one row each");
        assert_eq!(all.iter().map(|r| r.document).collect::<Vec<_>>(), [2, 0, 3, 4, 1]);
        assert!(representative_documents(&counts, &theta, 0).expect("one row each").is_empty());
    }

    /// Mixtures whose rows sum to 1, with document lengths and dates over a few months.
    fn corpus_with_mixtures() -> impl Strategy<Value = (Counts, Vec<Vec<f64>>)> {
        (1usize..6).prop_flat_map(|k| {
            let doc = (
                proptest::collection::vec(0.001f64..1.0, k),
                0u32..50,
                proptest::option::weighted(0.8, (1u32..4, 1u32..29)),
            );
            proptest::collection::vec(doc, 0..30).prop_map(|docs| {
                let mut theta = Vec::new();
                let mut doc_counts = Vec::new();
                for (i, (raw, length, date)) in docs.into_iter().enumerate() {
                    let total: f64 = raw.iter().sum();
                    theta.push(raw.iter().map(|w| w / total).collect());
                    doc_counts.push(dated(
                        &format!("d{i}"),
                        date.map(|(m, d)| (2024, m, d)),
                        length,
                        u64::from(length),
                    ));
                }
                (Counts { docs: doc_counts, ..Counts::default() }, theta)
            })
        })
    }

    proptest! {
        #[test]
        fn prop_each_period_shares_sum_to_one((counts, theta) in corpus_with_mixtures(), p in 0usize..5) {
            for weight in [ShareWeight::TermTokens, ShareWeight::Tokens, ShareWeight::Documents] {
                let rows = topic_shares(&counts, &theta, Period::ALL[p], weight).expect("one row each");
                let mut sums: std::collections::BTreeMap<PeriodKey, (f64, bool)> = std::collections::BTreeMap::new();
                for row in &rows {
                    let entry = sums.entry(row.period).or_insert((0.0, false));
                    entry.0 += row.share;
                    entry.1 |= row.share.is_nan();
                }
                let periods: Vec<PeriodKey> = sums.keys().copied().collect();
                prop_assert!(rows.windows(2).all(|w| (w[0].period, w[0].topic) < (w[1].period, w[1].topic)));
                prop_assert_eq!(rows.iter().map(|r| r.period).collect::<std::collections::BTreeSet<_>>().len(), periods.len());
                for (period, (sum, undefined)) in sums {
                    // Only a period whose documents all weigh nothing is undefined.
                    let weighs = counts.docs.iter().any(|d| Period::ALL[p].key(d.meta.date) == period
                        && (weight == ShareWeight::Documents || d.tokens > 0));
                    prop_assert_eq!(undefined, !weighs);
                    if weighs {
                        prop_assert!((sum - 1.0).abs() < 1e-9, "{period}: {sum}");
                    }
                }
            }
        }
    }
}
