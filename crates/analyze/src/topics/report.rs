//! What is said about a fitted model's topics: top words, labels, coherence, shares over time,
//! representative articles and every document's mixture, as one typed report.

use dateline_model::{Article, Period};
use dateline_text::{DocMeta, TermId};
use serde::Serialize;

use super::model::{LdaModel, LogLikelihood};
use crate::counts::Counts;
use crate::ngrams::{NgramOptions, count_ngrams};
use crate::topic_stats::{
    LabelOptions, Npmi, RepresentativeRow, ShareWeight, TopicShareRow, TopicStatsError, UMass,
    representative_documents, topic_labels, topic_shares,
};

/// How a [`TopicsReport`] is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportOptions {
    words: usize,
    by: Period,
    representatives: usize,
}

impl Default for ReportOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl ReportOptions {
    /// Ten top words per topic, shares by month, three representative articles per topic.
    #[must_use]
    pub const fn new() -> Self {
        Self { words: 10, by: Period::Month, representatives: 3 }
    }

    /// Top words listed per topic (at least 1).
    #[must_use]
    pub const fn words(mut self, words: usize) -> Self {
        self.words = if words == 0 { 1 } else { words };
        self
    }

    /// The period of the topic shares over time.
    #[must_use]
    pub const fn by(mut self, by: Period) -> Self {
        self.by = by;
        self
    }

    /// Representative articles listed per topic.
    #[must_use]
    pub const fn representatives(mut self, n: usize) -> Self {
        self.representatives = n;
        self
    }
}

/// A word of a topic with its weight.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicWord {
    /// The word as most often written.
    pub term: String,
    /// Its probability in the topic.
    pub weight: f64,
}

/// One topic at a glance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicSummary {
    /// The topic's index.
    pub id: usize,
    /// Its label ([`topic_labels`]).
    pub label: String,
    /// Its top words, best first.
    pub words: Vec<TopicWord>,
    /// UMass coherence of the top words (gensim's `u_mass`).
    pub umass: f64,
    /// NPMI coherence of the top words over a 10-word sliding window.
    pub npmi: f64,
    /// The topic's share of all counted words.
    pub share: f64,
}

/// The coherence of the model: the mean over topics.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CoherenceMeans {
    /// Mean UMass.
    pub umass_mean: f64,
    /// Mean NPMI.
    pub npmi_mean: f64,
}

/// One document's topic mixture.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentTopics {
    /// The document's path.
    pub path: String,
    /// Its weight for each topic, summing to 1.
    pub weights: Vec<f64>,
}

impl DocumentTopics {
    /// Each document of `counts` with its row of `theta` (one row per document, in order).
    #[must_use]
    pub fn of_each(counts: &Counts, theta: Vec<Vec<f64>>) -> Vec<Self> {
        counts.docs.iter().zip(theta).map(|(doc, weights)| Self { path: doc.meta.path.clone(), weights }).collect()
    }
}

/// Everything said about a fitted model's topics. Serialised, this is the JSON of
/// `dateline topics`: `topics` (each `id`, `label`, `words` with `term` and `weight`, `umass`,
/// `npmi`, `share`), `coherence`, `shares`, `representative`, `log_likelihood` and
/// `documents` (each `path` and `weights`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicsReport {
    /// The topics in order.
    pub topics: Vec<TopicSummary>,
    /// The model's mean coherence.
    pub coherence: CoherenceMeans,
    /// Each topic's share of the words per period.
    pub shares: Vec<TopicShareRow>,
    /// Each topic's most representative documents.
    pub representative: Vec<RepresentativeRow>,
    /// The sampler's log-likelihood trace.
    pub log_likelihood: Vec<LogLikelihood>,
    /// Every training document's mixture, in the order of the counts.
    pub documents: Vec<DocumentTopics>,
}

impl TopicsReport {
    /// Describes `model`, fitted on `counts`; `docs` are the same articles again, for the
    /// coherence over windows and the bigrams that label topics (read with the options the
    /// counts keep).
    ///
    /// # Errors
    ///
    /// [`TopicStatsError`] when the model does not fit the counts (another corpus).
    pub fn describe<I>(
        model: &LdaModel,
        counts: &Counts,
        docs: I,
        options: &ReportOptions,
    ) -> Result<Self, TopicStatsError>
    where
        I: Iterator<Item = (DocMeta, Article)> + Send + Clone,
    {
        let k = model.topics();
        let top: Vec<Vec<(u32, f64)>> = (0..k).map(|t| model.top_words(t, options.words)).collect();
        let ids: Vec<Vec<TermId>> = top
            .iter()
            .map(|words| words.iter().filter_map(|&(w, _)| counts.vocab.id(model.term(w))).collect())
            .collect();
        let umass = UMass::new().score(counts, &ids)?;
        let npmi = Npmi::new().score(counts, &ids, docs.clone())?;
        let bigram_options = NgramOptions::builder().terms(counts.options.clone()).sizes(2, 2).build_unchecked();
        let bigrams = count_ngrams(&bigram_options, docs);
        let labels = topic_labels(&LabelOptions::new(), &counts.vocab, &ids, &bigrams)?;
        let theta: Vec<Vec<f64>> = (0..counts.docs.len()).map(|d| model.document_topics(d)).collect();
        let shares = topic_shares(counts, &theta, options.by, ShareWeight::TermTokens)?;
        let representative = representative_documents(counts, &theta, options.representatives)?;
        #[allow(clippy::cast_precision_loss, reason = "token counts are far below 2^52")]
        let total = model.tokens().max(1) as f64;
        let topics = (0..k)
            .map(|t| TopicSummary {
                id: t,
                label: labels[t].label.clone(),
                words: top[t]
                    .iter()
                    .map(|&(w, weight)| TopicWord { term: model.display(w).to_owned(), weight })
                    .collect(),
                umass: umass.per_topic[t],
                npmi: npmi.per_topic[t],
                share: f64::from(model.topic_tokens(t)) / total,
            })
            .collect();
        let documents = DocumentTopics::of_each(counts, theta);
        Ok(Self {
            topics,
            coherence: CoherenceMeans { umass_mean: umass.mean, npmi_mean: npmi.mean },
            shares,
            representative,
            log_likelihood: model.log_likelihood().to_vec(),
            documents,
        })
    }
}
