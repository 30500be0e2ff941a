//! `dateline check`: diagnostics on stderr, a summary on stdout.

use crate::cmd::Documents;
use anyhow::Result;
use serde_json::{Value, json};

use crate::output::Writer;
use crate::output::report::{Column, Report, Table};
use crate::report::{Reporter, Tally};

/// The tally: a sentence for people, one row for spreadsheets, one object for scripts.
struct TallyReport(Tally);

impl Report for TallyReport {
    fn tables(&self) -> Vec<Table> {
        vec![Table::new(Vec::new(), Vec::new()).caption(self.0.to_string())]
    }

    fn csv(&self) -> Table {
        let Tally { files, articles, warnings, errors } = self.0;
        Table::new(
            vec![Column::int("files"), Column::int("articles"), Column::int("warnings"), Column::int("errors")],
            vec![vec![files.into(), articles.into(), warnings.into(), errors.into()]],
        )
    }

    fn json(&self) -> Value {
        json!(self.0)
    }
}

pub(crate) fn run(documents: Documents<'_>, out: &mut dyn Writer, reporter: &mut Reporter) -> Result<()> {
    for doc in documents {
        reporter.document(&doc);
    }
    out.report(&TallyReport(reporter.tally()))?;
    Ok(())
}
