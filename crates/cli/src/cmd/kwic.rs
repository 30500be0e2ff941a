//! `dateline kwic`: every occurrence of a query with its context.

use std::io;

use crate::cmd::Documents;
use anyhow::Result;
use dateline_analyze::kwic::Query;
use dateline_analyze::{KwicHit, kwic};
use serde_json::{Value, json};

use crate::config::StatsConfig;
use crate::output::Writer;
use crate::output::report::{Cell, Column, Streamed, Table};
use crate::report::Reporter;

/// Every hit, written as it is turned into a row: a common word has hundreds of thousands of
/// hits, and their rows held in each format's form took several times the hits themselves.
struct KwicTable(Vec<KwicHit>);

impl Streamed for KwicTable {
    fn frame(&self) -> Table {
        let columns = vec![
            Column::text("path"),
            Column::int("start"),
            Column::text("left").right(),
            Column::text("keyword"),
            Column::text("right"),
        ];
        Table::new(columns, Vec::new())
    }

    fn each_row(&self, row: &mut dyn FnMut(Vec<Cell>) -> io::Result<()>) -> io::Result<()> {
        self.0.iter().try_for_each(|hit| {
            row(vec![
                hit.path.as_str().into(),
                hit.start.into(),
                hit.left.as_str().into(),
                hit.keyword.as_str().into(),
                hit.right.as_str().into(),
            ])
        })
    }

    fn each_json(&self, item: &mut dyn FnMut(Value) -> io::Result<()>) -> io::Result<()> {
        self.0.iter().try_for_each(|hit| item(json!(hit)))
    }
}

pub(crate) fn run(
    documents: Documents<'_>,
    stats: &StatsConfig,
    query: &Query,
    window: usize,
    out: &mut dyn Writer,
    reporter: &mut Reporter,
) -> Result<()> {
    let mut hits = super::corpus::with_articles(documents, stats, reporter, |articles| kwic(query, window, articles));
    stats.top.keep(&mut hits);
    out.streamed(&KwicTable(hits))?;
    Ok(())
}
