//! Topics over time and their most representative articles.

use chrono::NaiveDate;
use serde::Serialize;

use super::{TopicStatsError, descending_nan_last, float};
use crate::counts::Counts;
use crate::period::{Period, PeriodKey, group_by_period};

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
