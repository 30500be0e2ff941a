//! Topic diagnostics that work on any topic model's output: coherence (UMass and NPMI), labels,
//! topic shares over time and representative articles.
//!
//! They take plain inputs, so they do not depend on how the topics were found:
//!
//! - a topic's **top words** are a list of [`TermId`]s of one [`Vocabulary`] (usually
//!   [`Counts::vocab`](crate::Counts::vocab)), best first; [`resolve_topics`] turns words into ids;
//! - the **document–topic mixtures** (`theta`) are one row per document of [`Counts::docs`](crate::Counts::docs), in
//!   the same order, each row holding one weight per topic (normally summing to 1).
//!
//! # Coherence
//!
//! Both measures score a topic by its top `N` words (`N` = [`DEFAULT_TOP_N`] = 10 unless set)
//! and report each topic's score and their arithmetic mean over topics ([`Coherence`]), as
//! gensim's `CoherenceModel` does (`get_coherence_per_topic`, `get_coherence`).
//!
//! **UMass** ([`UMass`]) counts documents ([`Counts::docs`](crate::Counts::docs), a document containing a word
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

mod coherence;
mod labels;
mod shares;
#[cfg(test)]
mod tests;
mod windows;

use std::cmp::Ordering;

use dateline_text::{TermId, Vocabulary};

pub use coherence::{Aggregate, Coherence, Npmi, UMass, UMassSmoothing};
pub use labels::{LABEL_SEPARATOR, LabelOptions, TopicLabel, topic_labels};
pub use shares::{RepresentativeRow, ShareWeight, TopicShareRow, representative_documents, topic_shares};
pub use windows::{WindowCounts, WindowScope};

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
pub(crate) fn top_words(topics: &[Vec<TermId>], top_n: usize, terms: usize) -> Result<Vec<&[TermId]>, TopicStatsError> {
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

#[allow(clippy::cast_precision_loss, reason = "counts are far below 2^53, where f64 is exact")]
pub(crate) fn float(n: u64) -> f64 {
    n as f64
}

#[allow(clippy::cast_precision_loss, reason = "lengths are far below 2^53, where f64 is exact")]
pub(crate) fn float_len(n: usize) -> f64 {
    n as f64
}

/// The arithmetic mean, NaN for no values.
pub(crate) fn mean(values: &[f64]) -> f64 {
    if values.is_empty() { f64::NAN } else { values.iter().sum::<f64>() / float_len(values.len()) }
}

/// Higher values first; NaN after every number.
pub(crate) fn descending_nan_last(a: f64, b: f64) -> Ordering {
    match (a.is_nan(), b.is_nan()) {
        (false, false) => b.total_cmp(&a),
        (a_nan, b_nan) => a_nan.cmp(&b_nan),
    }
}
