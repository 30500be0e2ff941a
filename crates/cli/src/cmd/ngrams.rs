//! `dateline ngrams`: frequent word sequences within sentences.

use std::io::Write;

use anyhow::Result;
use dateline_analyze::{NgramOptions, NgramReport, ngram_table};
use dateline_parse::Documents;
use serde_json::{Value, json};

use crate::config::StatsConfig;
use crate::output::report::{self, Report, Table};
use crate::report::Reporter;

struct NgramTable(NgramReport);

impl Report for NgramTable {
    fn table(&self) -> Table {
        let rows = self
            .0
            .rows
            .iter()
            .map(|r| vec![r.rank.into(), r.ngram.as_str().into(), r.n.into(), r.count.into()])
            .collect();
        Table::new(vec!["rank", "ngram", "n", "count"], rows)
    }

    fn json(&self) -> Value {
        json!(self.0.rows)
    }
}

pub(crate) fn run(
    documents: Documents<'_>,
    stats: &StatsConfig,
    options: &NgramOptions,
    out: &mut dyn Write,
    reporter: &mut Reporter,
) -> Result<()> {
    let table = super::corpus::with_articles(documents, stats, reporter, |articles| ngram_table(options, articles));
    report::write(&NgramTable(table), stats.format, out)?;
    Ok(())
}
