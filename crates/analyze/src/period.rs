//! Grouping counted documents by calendar period ([`Period`], from `dateline-model`):
//! documents per period, their totals, and every period between two.

use std::collections::BTreeMap;

pub use dateline_model::{ParsePeriodError, Period, PeriodKey};

use crate::counts::{Counts, DocCounts};

/// One period's size.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PeriodTotal {
    /// The period.
    pub period: PeriodKey,
    /// Articles in it.
    pub documents: usize,
    /// Word and number tokens in it, stopwords included.
    pub tokens: u64,
}

/// The articles and tokens of each period that holds a document, in period order, `Undated`
/// last: the corpus over time at a glance.
#[must_use]
pub fn period_totals(counts: &Counts, period: Period) -> Vec<PeriodTotal> {
    group_by_period(counts, period)
        .into_iter()
        .map(|(period, docs)| PeriodTotal {
            period,
            documents: docs.len(),
            tokens: docs.iter().map(|&i| counts.docs[i].tokens).sum(),
        })
        .collect()
}

/// The period key of `doc` (its date's period, or `Undated`).
#[must_use]
pub fn doc_period(doc: &DocCounts, period: Period) -> PeriodKey {
    period.key(doc.meta.date)
}

/// Each document's period key, in document order.
#[must_use]
pub fn doc_periods(counts: &Counts, period: Period) -> Vec<PeriodKey> {
    counts.docs.iter().map(|doc| doc_period(doc, period)).collect()
}

/// The documents of each period (indices into `counts.docs`, ascending), in period order,
/// `Undated` last. Only periods that hold a document appear; see [`fill_gaps`] for the rest.
#[must_use]
pub fn group_by_period(counts: &Counts, period: Period) -> BTreeMap<PeriodKey, Vec<usize>> {
    let mut groups: BTreeMap<PeriodKey, Vec<usize>> = BTreeMap::new();
    for (index, doc) in counts.docs.iter().enumerate() {
        groups.entry(doc_period(doc, period)).or_default().push(index);
    }
    groups
}

/// Every dated period from `first` to `last` inclusive, in order, or `None` when there would be
/// more than `limit` of them (a stray date far from the rest would otherwise make millions of
/// empty days). `Undated` keys, or keys of different lengths, give an empty list.
#[must_use]
pub fn fill_gaps(first: PeriodKey, last: PeriodKey, limit: usize) -> Option<Vec<PeriodKey>> {
    let (PeriodKey::Dated { period: a, .. }, PeriodKey::Dated { period: b, .. }) = (first, last) else {
        return Some(Vec::new());
    };
    if a != b {
        return Some(Vec::new());
    }
    let mut keys = Vec::new();
    let mut key = Some(first);
    while let Some(k) = key.filter(|k| *k <= last) {
        if keys.len() == limit {
            return None;
        }
        keys.push(k);
        key = k.next();
    }
    Some(keys)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Days, NaiveDate};
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }
    #[test]
    fn gaps_fill_with_every_period_between() {
        let first = Period::Month.key(Some(date(2023, 11, 5)));
        let last = Period::Month.key(Some(date(2024, 2, 29)));
        let filled = fill_gaps(first, last, 100).expect("under the limit");
        let names: Vec<String> = filled.iter().map(ToString::to_string).collect();
        assert_eq!(names, ["2023-11", "2023-12", "2024-01", "2024-02"]);
        assert_eq!(fill_gaps(first, last, 3), None);
        assert_eq!(filled[3].last_day(), Some(date(2024, 2, 29)));
        assert_eq!(Period::Quarter.key(Some(date(2024, 5, 5))).last_day(), Some(date(2024, 6, 30)));
    }

    proptest! {
        #[test]
        fn prop_a_period_contains_its_dates_and_keys_sort_as_text(
            a in 0u64..40_000, b in 0u64..40_000, p in 0usize..5,
        ) {
            let base = date(1950, 1, 1);
            let (da, db) = (base + Days::new(a), base + Days::new(b));
            let period = Period::ALL[p];
            let (ka, kb) = (period.key(Some(da)), period.key(Some(db)));
            prop_assert!(ka.contains(da));
            prop_assert!(ka.first_day().is_some_and(|f| f <= da));
            prop_assert!(ka.last_day().is_some_and(|l| da <= l));
            prop_assert_eq!(ka.cmp(&kb), ka.to_string().cmp(&kb.to_string()));
            prop_assert_eq!(ka.next().map(|n| n > ka), Some(true));
        }
    }
}
