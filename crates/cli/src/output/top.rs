//! `--top`: how many rows a report keeps. Every command decides its limit here, from what
//! was typed and its [`TopDefault`], and cuts its rows here: per table, or per group of rows
//! when `--by` splits a ranked table into periods or folders (each group keeps its own first
//! rows). The analyses that rank while they count (terms, n-grams, collocations, TF-IDF) are
//! handed [`Top::limit`] so that they never build the rows they would drop.

use std::collections::HashMap;
use std::hash::Hash;

/// The rows of a ranked table shown when `--top` is not given.
pub(crate) const DEFAULT_ROWS: usize = 20;

/// What a command shows when `--top` is not given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TopDefault {
    /// The first [`DEFAULT_ROWS`] in every format: the ranked tables of the statistics
    /// commands, which a script asks for whole with `--top 0`.
    Rows,
    /// The first [`DEFAULT_ROWS`] in tables for people, every row in the formats for tools:
    /// the actor and reuse commands, whose JSON is one record per article or pair.
    InTables,
    /// Every row: listings that are read whole, such as concordance lines and trend series.
    All,
}

/// How many rows to keep, per table or per group; `None` keeps them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Top(Option<usize>);

impl Top {
    /// `--top N` as typed (`None` when it was not), where `0` asks for every row; `table`
    /// says whether the output is a table for people.
    pub(crate) const fn new(arg: Option<usize>, default: TopDefault, table: bool) -> Self {
        match (arg, default) {
            (Some(0), _) | (None, TopDefault::All) => Self(None),
            (Some(n), _) => Self(Some(n)),
            (None, TopDefault::Rows) => Self(Some(DEFAULT_ROWS)),
            (None, TopDefault::InTables) => Self(if table { Some(DEFAULT_ROWS) } else { None }),
        }
    }

    /// The most rows to keep per table or group, `None` for all.
    pub(crate) const fn limit(self) -> Option<usize> {
        self.0
    }

    /// Keeps the first rows of a table.
    pub(crate) fn keep<T>(self, rows: &mut Vec<T>) {
        if let Some(top) = self.0 {
            rows.truncate(top);
        }
    }

    /// Keeps the first rows of each group (`group` names a row's), wherever its rows stand in
    /// the table; the order of the rows kept is unchanged.
    pub(crate) fn keep_per<T, K, F>(self, rows: &mut Vec<T>, group: F)
    where
        K: Eq + Hash,
        F: Fn(&T) -> K,
    {
        let Some(top) = self.0 else { return };
        let mut seen: HashMap<K, usize> = HashMap::new();
        rows.retain(|row| {
            let count = seen.entry(group(row)).or_default();
            *count += 1;
            *count <= top
        });
    }

    /// How many of `rows` are shown: all of them, or the limit when it is smaller.
    pub(crate) fn shown(self, rows: usize) -> usize {
        self.0.map_or(rows, |top| top.min(rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_keeps_every_row_and_each_default_applies_where_it_says() {
        let all = Top::new(None, TopDefault::All, true);
        assert_eq!(all.limit(), None);
        assert_eq!(Top::new(Some(0), TopDefault::Rows, true), all);
        assert_eq!(Top::new(Some(3), TopDefault::All, false).limit(), Some(3));
        assert_eq!(Top::new(None, TopDefault::Rows, false).limit(), Some(DEFAULT_ROWS));
        assert_eq!(Top::new(None, TopDefault::InTables, true).limit(), Some(DEFAULT_ROWS));
        assert_eq!(Top::new(None, TopDefault::InTables, false), all);
    }

    #[test]
    fn keep_per_keeps_the_first_rows_of_each_group_in_their_order() {
        let mut rows = vec![("2024-01", 'a'), ("2024-02", 'b'), ("2024-01", 'c'), ("2024-01", 'd'), ("2024-02", 'e')];
        Top::new(Some(2), TopDefault::Rows, true).keep_per(&mut rows, |row| row.0);
        assert_eq!(rows, [("2024-01", 'a'), ("2024-02", 'b'), ("2024-01", 'c'), ("2024-02", 'e')]);
        let mut all = rows.clone();
        Top::new(Some(0), TopDefault::Rows, true).keep_per(&mut all, |row| row.0);
        assert_eq!(all, rows);
    }

    #[test]
    fn keep_and_shown_agree() {
        let top = Top::new(Some(2), TopDefault::Rows, true);
        let mut rows = vec![1, 2, 3];
        top.keep(&mut rows);
        assert_eq!((rows.len(), top.shown(3), top.shown(1)), (2, 2, 1));
    }
}
