//! `dateline ngrams`: frequent word sequences within sentences.
//!
//! With `--top 0` the table holds every n-gram seen `--min-count` times, millions on a large
//! corpus, so rows are written out as they are made from the ranked counts: their text is
//! never held all at once, in any format (held, it once took several times the corpus).

use std::io;

use crate::cmd::Documents;
use anyhow::Result;
use dateline_analyze::{NgramOptions, RankedNgrams, count_frequent_ngrams};
use serde_json::{Value, json};

use crate::config::StatsConfig;
use crate::output::Writer;
use crate::output::report::{Cell, Column, Streamed, Table};
use crate::report::Reporter;

struct NgramRows<'c>(RankedNgrams<'c>);

impl Streamed for NgramRows<'_> {
    fn frame(&self) -> Table {
        Table::new(vec![Column::int("rank"), Column::text("ngram"), Column::int("n"), Column::int("count")], Vec::new())
    }

    fn each_row(&self, row: &mut dyn FnMut(Vec<Cell>) -> io::Result<()>) -> io::Result<()> {
        self.0.rows().try_for_each(|r| row(vec![r.rank.into(), r.ngram.into(), r.n.into(), r.count.into()]))
    }

    /// The rows: `rank`, `ngram`, `n` and `count`, per DESIGN.md.
    fn each_json(&self, item: &mut dyn FnMut(Value) -> io::Result<()>) -> io::Result<()> {
        self.0.rows().try_for_each(|r| item(json!(r)))
    }
}

pub(crate) fn run(
    documents: Documents<'_>,
    stats: &StatsConfig,
    options: &NgramOptions,
    out: &mut dyn Writer,
    reporter: &mut Reporter,
) -> Result<()> {
    let counts =
        super::corpus::with_articles(documents, stats, reporter, |articles| count_frequent_ngrams(options, articles));
    out.streamed(&NgramRows(counts.ranked(options)))?;
    Ok(())
}
