//! Trends: how often given terms occur in each period.
//!
//! Each term is counted per period ([`Period`]) as raw occurrences and as a rate per 10,000
//! tokens, where the tokens are all the word and number tokens of the period's articles,
//! stopwords included (the same base as the term tables' `rate`). Every period from the first
//! dated one to the last is listed, those without articles with zero counts (unless that would
//! be more than [`MAX_FILLED_PERIODS`]), so that a chart's time axis is even. Undated articles
//! form a last `undated` period; a chart leaves it out, as it has no place on a time axis.
//!
//! # Example
//!
//! ```
//! use dateline_analyze::period::Period;
//! use dateline_analyze::trends::trends;
//! use dateline_analyze::{DocMeta, TermOptions, count_parallel};
//!
//! let texts = [("2024-01-10", "Gaza aid talks."), ("2024-03-02", "Gaza talks resume. Caspian port.")];
//! let docs = texts.iter().map(|&(date, text)| {
//!     let article = dateline_parse::parse_article(&format!(" date {date} {text}")).unwrap();
//!     (DocMeta { path: format!("{date}.txt"), date: article.published.as_ref().map(|p| p.date) }, article)
//! });
//! let options = TermOptions::new();
//! let counts = count_parallel(&options, docs);
//! let report = trends(&counts, &["gaza", "caspian"], Period::Month);
//! let periods: Vec<String> = report.periods.iter().map(|p| p.period.to_string()).collect();
//! assert_eq!(periods, ["2024-01", "2024-02", "2024-03"]);
//! assert_eq!(report.rows[0].count, 1); // gaza in 2024-01
//! assert_eq!(report.terms[1].label, "Caspian");
//! ```

use serde::Serialize;

use std::collections::BTreeMap;

use dateline_model::Article;
use rayon::prelude::*;

use crate::counts::Counts;
use crate::frequency::per_10k;
use crate::period::{Period, PeriodKey, PeriodTotal, fill_gaps};
use dateline_text::{DocMeta, FinishedTerms, TermId, TermOptions, TermReader, Vocabulary};

/// Above this many periods between the first and the last dated article, only periods that
/// hold an article are listed.
pub const MAX_FILLED_PERIODS: usize = 10_000;

/// A term asked for, and what it was counted as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrendTerm {
    /// The term as given.
    pub query: String,
    /// How it is labelled: the display form of the counted term (`Gaza`), or the query when
    /// the term never occurs (or is a stopword).
    pub label: String,
    /// Occurrences over the whole corpus.
    pub total: u64,
}

/// One term in one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendRow {
    /// The period (`2024-09`, `undated`).
    pub period: PeriodKey,
    /// The term's label ([`TrendTerm::label`]).
    pub term: String,
    /// Occurrences in the period.
    pub count: u64,
    /// Word and number tokens in the period, stopwords included.
    pub tokens: u64,
    /// Occurrences per 10,000 of those tokens; 0 when the period has none.
    pub rate: f64,
}

/// Counts of given terms per period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trends {
    /// The period length.
    pub by: Period,
    /// The terms, in the order given.
    pub terms: Vec<TrendTerm>,
    /// The periods in order, `undated` last if there are undated articles.
    pub periods: Vec<PeriodTotal>,
    /// One row per period and term: periods in order, terms in the order given within each.
    pub rows: Vec<TrendRow>,
}

impl Trends {
    /// The rows of term number `term` (in [`Trends::terms`]), one per period, in period order.
    pub fn series(&self, term: usize) -> impl Iterator<Item = &TrendRow> {
        let n = self.terms.len();
        self.rows.iter().skip(term).step_by(n.max(1)).take(if term < n { usize::MAX } else { 0 })
    }
}

/// Counts `terms` per `by` period. Each term is read the way counting read the text, with the
/// options the counts keep (case-folded, possessive off, stemmed if they stem).
#[must_use]
pub fn trends<S: AsRef<str>>(counts: &Counts, terms: &[S], by: Period) -> Trends {
    let ids: Vec<Option<TermId>> =
        terms.iter().map(|t| counts.options.term_of_word(t.as_ref()).and_then(|term| counts.vocab.id(&term))).collect();
    let trend_terms = trend_terms(terms, &ids, &counts.vocab, &counts.term_freq);

    let mut groups = Groups::new();
    for doc in &counts.docs {
        let found = ids.iter().map(|id| {
            id.and_then(|id| doc.terms.binary_search_by_key(&id, |&(term, _)| term).ok())
                .map_or(0, |at| u64::from(doc.terms[at].1))
        });
        add_to(&mut groups, by.key(doc.meta.date), (1, doc.tokens), found);
    }
    assemble(by, trend_terms, groups)
}

/// The followed terms as typed (`query`), with the term each stands for (`None`: not in the
/// vocabulary), labelled as most often written, and their totals.
fn trend_terms<S: AsRef<str>>(
    terms: &[S],
    ids: &[Option<TermId>],
    vocab: &Vocabulary,
    term_freq: &[u64],
) -> Vec<TrendTerm> {
    terms
        .iter()
        .zip(ids)
        .map(|(query, id)| {
            let query = query.as_ref().trim().to_owned();
            let label = id.map_or_else(|| query.clone(), |id| vocab.display(id).to_owned());
            TrendTerm { total: id.map_or(0, |id| term_freq[id as usize]), query, label }
        })
        .collect()
}

/// Each period's totals and the followed terms' counts in it.
type Groups = BTreeMap<PeriodKey, (PeriodTotal, Vec<u64>)>;

/// Adds `documents` and `tokens` to period `key`'s totals and `found` to its terms' counts.
fn add_to(
    groups: &mut Groups,
    key: PeriodKey,
    (documents, tokens): (usize, u64),
    found: impl ExactSizeIterator<Item = u64>,
) {
    let (total, counts) = groups
        .entry(key)
        .or_insert_with(|| (PeriodTotal { period: key, documents: 0, tokens: 0 }, vec![0; found.len()]));
    total.documents += documents;
    total.tokens += tokens;
    for (slot, n) in counts.iter_mut().zip(found) {
        *slot += n;
    }
}

/// The trends of `groups`: the gaps between dated periods filled, a row per period and term.
fn assemble(by: Period, trend_terms: Vec<TrendTerm>, mut groups: Groups) -> Trends {
    let width = trend_terms.len();
    let dated: Vec<PeriodKey> = groups.keys().copied().filter(|k| *k != PeriodKey::Undated).collect();
    if let (Some(&first), Some(&last)) = (dated.first(), dated.last())
        && let Some(all) = fill_gaps(first, last, MAX_FILLED_PERIODS)
    {
        for key in all {
            groups.entry(key).or_insert_with(|| (PeriodTotal { period: key, documents: 0, tokens: 0 }, vec![0; width]));
        }
    }

    let mut periods = Vec::with_capacity(groups.len());
    let mut rows = Vec::with_capacity(groups.len() * width);
    for (_, (total, found)) in groups {
        for (term, count) in trend_terms.iter().zip(found) {
            rows.push(TrendRow {
                period: total.period,
                term: term.label.clone(),
                count,
                tokens: total.tokens,
                rate: per_10k(count, total.tokens),
            });
        }
        periods.push(total);
    }
    Trends { by, terms: trend_terms, periods, rows }
}

/// [`trends`] counted as the documents are read, in parallel on the current rayon pool: only
/// each period's totals and the followed terms' counts are kept, never a document's terms, so
/// memory is the vocabulary's, not the corpus's. The same result as
/// [`count_parallel`](crate::count_parallel) with `options` then [`trends`].
#[must_use]
pub fn trends_parallel<I, S>(options: &TermOptions, docs: I, terms: &[S], by: Period) -> Trends
where
    I: Iterator<Item = (DocMeta, Article)> + Send,
    S: AsRef<str>,
{
    let wanted: Vec<Option<String>> = terms.iter().map(|t| options.term_of_word(t.as_ref())).collect();
    let new = || Follower::new(options, &wanted, by);
    let follower = docs
        .par_bridge()
        .fold(new, |mut follower, (meta, article)| {
            follower.add(&meta, &article);
            follower
        })
        .reduce(new, Follower::merge);
    let FinishedTerms { vocab, term_freq, .. } = follower.reader.finish();
    // Followed terms are interned before they are met: one never met is not there.
    let ids: Vec<Option<TermId>> = wanted
        .iter()
        .map(|term| term.as_deref().and_then(|term| vocab.id(term)).filter(|&id| term_freq[id as usize] > 0))
        .collect();
    assemble(by, trend_terms(terms, &ids, &vocab, &term_freq), follower.groups)
}

/// One thread's reading for [`trends_parallel`].
struct Follower<'o> {
    reader: TermReader<'o>,
    by: Period,
    /// Each followed term's id in this reader (interned up front, uncounted), or `None` for a
    /// word the options leave out.
    ids: Vec<Option<TermId>>,
    groups: Groups,
}

impl<'o> Follower<'o> {
    fn new(options: &'o TermOptions, wanted: &[Option<String>], by: Period) -> Self {
        let mut reader = options.reader();
        let ids = wanted.iter().map(|term| term.as_deref().map(|term| reader.add_counts(term, 0, &[]))).collect();
        Self { reader, by, ids, groups: Groups::new() }
    }

    fn add(&mut self, meta: &DocMeta, article: &Article) {
        let mut found = vec![0u64; self.ids.len()];
        let mut tokens = 0;
        let ids = &self.ids;
        self.reader.terms(article).for_each(|token| {
            tokens += 1;
            if let Some(id) = token.term {
                for (slot, _) in found.iter_mut().zip(ids).filter(|(_, want)| **want == Some(id)) {
                    *slot += 1;
                }
            }
        });
        add_to(&mut self.groups, self.by.key(meta.date), (1, tokens), found.into_iter());
    }

    fn merge(mut self, other: Self) -> Self {
        // The groups count by followed term, not by id: only the terms need merging.
        self.reader.merge(&other.reader);
        for (key, (total, counts)) in other.groups {
            add_to(&mut self.groups, key, (total.documents, total.tokens), counts.into_iter());
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Counter, DocMeta, TermOptions};
    use chrono::NaiveDate;
    use dateline_model::{Article, Paragraph, Section, Span};

    fn corpus(docs: &[(Option<&str>, &str)]) -> Counts {
        let options = TermOptions::new();
        let mut counter = Counter::new(&options);
        for (i, &(date, text)) in docs.iter().enumerate() {
            let article = Article {
                sections: vec![Section {
                    heading: None,
                    heading_span: None,
                    paragraphs: vec![Paragraph { text: text.to_owned(), span: Span::new(0, text.len()) }],
                }],
                ..Article::default()
            };
            let date = date.map(|d| d.parse::<NaiveDate>().expect("date"));
            counter.add(i, DocMeta { path: format!("{i}.txt"), date }, &article);
        }
        counter.finish()
    }

    fn sample() -> Counts {
        corpus(&[
            (Some("2024-01-03"), "Gaza aid talks. Gaza ceasefire."),
            (Some("2024-01-20"), "Caspian port talks."),
            (Some("2024-04-02"), "Gaza talks resume in the Caspian"),
            (None, "Gaza again"),
        ])
    }

    #[test]
    fn counts_and_rates_per_period_with_gaps_and_undated() {
        let report = trends(&sample(), &["Gaza", "caspian's", "the", "nowhere"], Period::Month);
        let periods: Vec<(String, usize, u64)> =
            report.periods.iter().map(|p| (p.period.to_string(), p.documents, p.tokens)).collect();
        assert_eq!(
            periods,
            [
                ("2024-01".into(), 2, 8),
                ("2024-02".into(), 0, 0),
                ("2024-03".into(), 0, 0),
                ("2024-04".into(), 1, 6),
                ("undated".into(), 1, 2)
            ]
        );
        let labels: Vec<&str> = report.terms.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["Gaza", "Caspian", "the", "nowhere"]);
        assert_eq!(report.terms[0].total, 4);
        let gaza: Vec<(String, u64)> = report.series(0).map(|r| (r.period.to_string(), r.count)).collect();
        assert_eq!(
            gaza,
            [
                ("2024-01".into(), 2),
                ("2024-02".into(), 0),
                ("2024-03".into(), 0),
                ("2024-04".into(), 1),
                ("undated".into(), 1)
            ]
        );
        let january_gaza = &report.rows[0];
        assert!((january_gaza.rate - 2.0 * 10_000.0 / 8.0).abs() < 1e-9);
        assert_eq!(report.series(1).map(|r| r.count).sum::<u64>(), 2);
        assert!(report.series(2).chain(report.series(3)).all(|r| r.count == 0 && r.rate == 0.0));
        assert_eq!(report.series(4).count(), 0);
    }

    #[test]
    fn stemmed_counts_are_looked_up_by_stem() {
        let options = TermOptions::new().stem(true);
        let mut counter = Counter::new(&options);
        let text = "Talks went on; more talks followed.";
        let article = Article {
            sections: vec![Section {
                heading: None,
                heading_span: None,
                paragraphs: vec![Paragraph { text: text.into(), span: Span::new(0, text.len()) }],
            }],
            ..Article::default()
        };
        counter.add(0, DocMeta { path: "a".into(), date: NaiveDate::from_ymd_opt(2024, 1, 1) }, &article);
        let report = trends(&counter.finish(), &["talks"], Period::Year);
        assert_eq!(report.rows[0].count, 2);
    }

    /// A random small corpus: dated or undated articles over a few words, some of them
    /// capitalised, stopwords and numbers among them.
    fn random_docs() -> impl proptest::strategy::Strategy<Value = Vec<(Option<u32>, String)>> {
        use proptest::prelude::*;
        let word = proptest::sample::select(vec![
            "Gaza", "gaza", "aid", "talks", "Talks", "Iran's", "the", "of", "2024", "port", "ports", "Caspian",
        ]);
        let text = proptest::collection::vec(word, 0..30).prop_map(|words| words.join(" "));
        proptest::collection::vec((proptest::option::of(0u32..800), text), 0..12)
    }

    fn docs_of(docs: &[(Option<u32>, String)]) -> Vec<(DocMeta, Article)> {
        let start = NaiveDate::from_ymd_opt(2023, 1, 1).expect("a date");
        docs.iter()
            .enumerate()
            .map(|(i, (day, text))| {
                let date = day.map(|d| start + chrono::Days::new(u64::from(d)));
                (DocMeta { path: format!("{i}.txt"), date }, crate::test_support::article(text))
            })
            .collect()
    }

    proptest::proptest! {
        /// Counting as it reads gives the trends of counting everything first.
        #[test]
        fn prop_trends_counted_as_read_are_those_of_the_counts(
            docs in random_docs(),
            stem in proptest::bool::ANY,
            by in proptest::sample::select(vec![Period::Day, Period::Week, Period::Month, Period::Year]),
        ) {
            let options = TermOptions::new().stem(stem);
            let terms = ["gaza", "Talks", "ports", "the", "absent", "2024"];
            let counts = crate::count_parallel(&options, docs_of(&docs).into_iter());
            let streamed = trends_parallel(&options, docs_of(&docs).into_iter(), &terms, by);
            proptest::prop_assert_eq!(streamed, trends(&counts, &terms, by));
        }
    }

    #[test]
    fn seeds_by_quarter() {
        let seeds = crate::kwic::tests::seeds();
        let options = TermOptions::new();
        let counts = crate::count_parallel(&options, seeds.into_iter().map(|(meta, article, _)| (meta, article)));
        let report = trends(&counts, &["gaza", "Caspian"], Period::Quarter);
        let gaza: Vec<(String, u64)> = report.series(0).map(|r| (r.period.to_string(), r.count)).collect();
        assert_eq!(gaza, [("2023-Q4".into(), 7), ("2024-Q1".into(), 4), ("2024-Q2".into(), 0), ("2024-Q3".into(), 1)]);
        assert_eq!(report.periods.iter().map(|p| p.tokens).sum::<u64>(), counts.tokens());
    }

    #[test]
    fn a_corpus_without_dates_has_nothing_to_plot() {
        let report = trends(&corpus(&[(None, "Gaza aid")]), &["gaza"], Period::Week);
        assert_eq!(report.periods.len(), 1);
        assert_eq!(report.rows[0].period, PeriodKey::Undated);
    }
}
