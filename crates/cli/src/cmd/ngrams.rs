//! `dateline ngrams`: frequent word sequences within sentences.

use crate::cmd::Documents;
use anyhow::Result;
use dateline_analyze::{NgramOptions, NgramReport, ngram_table};
use serde_json::{Value, json};

use crate::config::StatsConfig;
use crate::output::Writer;
use crate::output::report::{Column, Report, Table};
use crate::report::Reporter;

struct NgramTable(NgramReport);

impl Report for NgramTable {
    fn tables(&self) -> Vec<Table> {
        let rows = self
            .0
            .rows
            .iter()
            .map(|r| vec![r.rank.into(), r.ngram.as_str().into(), r.n.into(), r.count.into()])
            .collect();
        vec![Table::new(vec![Column::int("rank"), Column::text("ngram"), Column::int("n"), Column::int("count")], rows)]
    }

    fn json(&self) -> Value {
        json!(self.0.rows)
    }
}

pub(crate) fn run(
    documents: Documents<'_>,
    stats: &StatsConfig,
    options: &NgramOptions,
    out: &mut dyn Writer,
    reporter: &mut Reporter,
) -> Result<()> {
    let table = super::corpus::with_articles(documents, stats, reporter, |articles| ngram_table(options, articles));
    out.report(&NgramTable(table))?;
    Ok(())
}
