//! `dateline check`: diagnostics on stderr, a summary on stdout.

use std::io::Write;

use anyhow::Result;
use dateline_parse::Documents;

use crate::cli::SummaryFormat;
use crate::report::Reporter;

pub(crate) fn run(
    documents: Documents<'_>,
    format: SummaryFormat,
    out: &mut dyn Write,
    reporter: &mut Reporter,
) -> Result<()> {
    for doc in documents {
        reporter.document(&doc);
    }
    let tally = reporter.tally();
    match format {
        SummaryFormat::Table => writeln!(out, "{tally}")?,
        SummaryFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &tally)?;
            writeln!(out)?;
        }
        SummaryFormat::Jsonl => {
            serde_json::to_writer(&mut *out, &tally)?;
            writeln!(out)?;
        }
        SummaryFormat::Csv => {
            let mut csv = csv::Writer::from_writer(out);
            csv.serialize(tally)?;
            csv.flush()?;
        }
    }
    Ok(())
}
