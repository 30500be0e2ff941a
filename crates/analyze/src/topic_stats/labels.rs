//! Topic labels: each topic's most salient collocation among its top words.

use std::cmp::Ordering;

use dateline_text::{TermId, Vocabulary};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::{DEFAULT_TOP_N, TopicStatsError, descending_nan_last, top_words};
use crate::collocations::{BigramTable, Measure};
use crate::ngrams::{Ngram, NgramCounts};

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
