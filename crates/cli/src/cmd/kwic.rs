//! `dateline kwic`: every occurrence of a query with its context.

use crate::cmd::Documents;
use anyhow::Result;
use dateline_analyze::kwic::Query;
use dateline_analyze::{KwicHit, kwic};
use serde_json::{Value, json};

use crate::config::StatsConfig;
use crate::output::Writer;
use crate::output::report::{Column, Report, Table};
use crate::report::Reporter;

struct KwicTable(Vec<KwicHit>);

impl Report for KwicTable {
    fn tables(&self) -> Vec<Table> {
        let rows = self
            .0
            .iter()
            .map(|hit| {
                vec![
                    hit.path.as_str().into(),
                    hit.start.into(),
                    hit.left.as_str().into(),
                    hit.keyword.as_str().into(),
                    hit.right.as_str().into(),
                ]
            })
            .collect();
        let columns = vec![
            Column::text("path"),
            Column::int("start"),
            Column::text("left").right(),
            Column::text("keyword"),
            Column::text("right"),
        ];
        vec![Table::new(columns, rows)]
    }

    fn json(&self) -> Value {
        json!(self.0)
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
    out.report(&KwicTable(hits))?;
    Ok(())
}
