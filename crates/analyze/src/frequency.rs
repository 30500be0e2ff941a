//! Term frequency tables: count, document count, rate per 10,000 tokens and rank.

use serde::Serialize;

use crate::counts::{Counts, DocCounts};
use dateline_text::TermId;

/// One row of a term table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermRow {
    /// Rank by count; tied terms share the lowest rank ("min" ranking: 1, 2, 2, 4).
    pub rank: usize,
    /// The term as most often written.
    pub term: String,
    /// Occurrences.
    pub count: u64,
    /// Documents it occurs in.
    pub doc_count: u64,
    /// Occurrences per 10,000 tokens (all word and number tokens, stopwords included).
    pub rate: f64,
}

/// Term rows for one group of documents (a period, a folder, or the whole corpus).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermGroup {
    /// The group's key (`2024-09`, `reuters/`), or `None` for the whole corpus.
    pub group: Option<String>,
    /// Documents in the group.
    pub documents: usize,
    /// Tokens in the group.
    pub tokens: u64,
    /// The top terms, most frequent first; ties by term.
    pub terms: Vec<TermRow>,
}

/// The `top` most frequent terms of the whole corpus (all terms when `top` is `None`).
#[must_use]
pub fn term_table(counts: &Counts, top: Option<usize>) -> TermGroup {
    let freq: Vec<(TermId, u64, u64)> =
        (0..).zip(&counts.term_freq).zip(&counts.doc_freq).map(|((id, &tf), &df)| (id, tf, u64::from(df))).collect();
    TermGroup {
        group: None,
        documents: counts.docs.len(),
        tokens: counts.tokens(),
        terms: ranked(counts, freq, counts.tokens(), top),
    }
}

/// The `top` terms of each group of documents; `key` names a document's group. Groups come
/// in key order.
pub fn term_table_by<F>(counts: &Counts, top: Option<usize>, key: F) -> Vec<TermGroup>
where
    F: Fn(&DocCounts) -> String,
{
    let mut groups: std::collections::BTreeMap<String, Vec<&DocCounts>> = std::collections::BTreeMap::new();
    for doc in &counts.docs {
        groups.entry(key(doc)).or_default().push(doc);
    }
    groups
        .into_iter()
        .map(|(group, docs)| {
            let mut tf = vec![0u64; counts.vocab.len()];
            let mut df = vec![0u64; counts.vocab.len()];
            for doc in &docs {
                for &(id, n) in &doc.terms {
                    tf[id as usize] += u64::from(n);
                    df[id as usize] += 1;
                }
            }
            let tokens = docs.iter().map(|d| d.tokens).sum();
            let freq =
                (0..).zip(tf).zip(df).filter(|&((_, tf), _)| tf > 0).map(|((id, tf), df)| (id, tf, df)).collect();
            TermGroup { group: Some(group), documents: docs.len(), tokens, terms: ranked(counts, freq, tokens, top) }
        })
        .collect()
}

fn ranked(counts: &Counts, mut freq: Vec<(TermId, u64, u64)>, tokens: u64, top: Option<usize>) -> Vec<TermRow> {
    // Ids follow term order, so sorting by (count desc, id) breaks ties by term.
    freq.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut rows = Vec::with_capacity(top.unwrap_or(freq.len()).min(freq.len()));
    let mut rank = 0;
    let mut previous = None;
    for (position, &(id, count, doc_count)) in freq.iter().enumerate().take(top.unwrap_or(usize::MAX)) {
        if previous != Some(count) {
            rank = position + 1;
            previous = Some(count);
        }
        rows.push(TermRow {
            rank,
            term: counts.vocab.display(id).to_owned(),
            count,
            doc_count,
            rate: per_10k(count, tokens),
        });
    }
    rows
}

/// `count` per 10,000 of `tokens`; zero when there are no tokens.
#[must_use]
#[allow(clippy::cast_precision_loss, reason = "counts are far below 2^52")]
pub fn per_10k(count: u64, tokens: u64) -> f64 {
    if tokens == 0 { 0.0 } else { count as f64 * 10_000.0 / tokens as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Counter, DocMeta, TermOptions};
    use dateline_model::{Article, Paragraph, Section, Span};

    fn counts(texts: &[&str]) -> Counts {
        let options = TermOptions::new();
        let mut counter = Counter::new(&options);
        for (i, text) in texts.iter().enumerate() {
            let article = Article {
                sections: vec![Section {
                    heading: None,
                    heading_span: None,
                    paragraphs: vec![Paragraph { text: (*text).to_owned(), span: Span::new(0, text.len()) }],
                }],
                ..Article::default()
            };
            counter.add(
                i,
                DocMeta { path: format!("{}/{i}.txt", if i == 0 { "a" } else { "b" }), date: None },
                &article,
            );
        }
        counter.finish()
    }

    #[test]
    fn ranks_share_the_lowest_rank_on_ties() {
        let table = term_table(&counts(&["gaza gaza iran iran russia", "lavrov"]), None);
        let ranks: Vec<(&str, usize, u64)> = table.terms.iter().map(|r| (r.term.as_str(), r.rank, r.count)).collect();
        assert_eq!(ranks, [("gaza", 1, 2), ("iran", 1, 2), ("lavrov", 3, 1), ("russia", 3, 1)]);
        assert!((table.terms[0].rate - 2.0 * 10_000.0 / 6.0).abs() < 1e-9);
    }

    #[test]
    fn groups_count_their_own_documents() {
        let counts = counts(&["gaza gaza", "iran", "iran gaza"]);
        let groups = term_table_by(&counts, Some(1), |d| d.meta.path.split('/').next().unwrap_or("").to_owned());
        assert_eq!(groups.len(), 2);
        assert_eq!(
            (groups[0].group.as_deref(), groups[0].terms[0].term.as_str(), groups[0].terms[0].count),
            (Some("a"), "gaza", 2)
        );
        assert_eq!(
            (groups[1].documents, groups[1].terms[0].term.as_str(), groups[1].terms[0].doc_count),
            (2, "iran", 2)
        );
    }
}
