//! `dateline collocations`: word pairs that belong together, by association measure.

use std::io::Write;

use anyhow::Result;
use dateline_analyze::{CollocationOptions, CollocationReport, collocation_table};
use dateline_parse::Documents;
use serde_json::{Value, json};

use crate::config::StatsConfig;
use crate::output::report::{self, Report, Table};
use crate::report::Reporter;

struct CollocationTable {
    report: CollocationReport,
    /// CSV carries every measure; a terminal table only the ranking one.
    every_measure: bool,
}

impl Report for CollocationTable {
    fn table(&self) -> Table {
        let mut columns = vec!["ngram", "count", "left_count", "right_count", "total_tokens", "score"];
        if self.every_measure {
            columns.extend(["pmi", "likelihood_ratio", "student_t", "chi_sq", "dice", "lambda", "z"]);
        }
        let rows = self
            .report
            .rows
            .iter()
            .map(|r| {
                let mut cells = vec![
                    r.ngram.as_str().into(),
                    r.count.into(),
                    r.left_count.into(),
                    r.right_count.into(),
                    r.total_tokens.into(),
                    r.score.into(),
                ];
                if self.every_measure {
                    cells.extend(
                        [r.pmi, r.likelihood_ratio, r.student_t, r.chi_sq, r.dice, r.lambda, r.z].map(Into::into),
                    );
                }
                cells
            })
            .collect();
        Table::new(columns, rows)
    }

    fn json(&self) -> Value {
        json!(self.report.rows)
    }

    fn caption(&self) -> Option<String> {
        Some(format!("score: {} over {} tokens", self.report.measure, self.report.total_tokens))
    }
}

pub(crate) fn run(
    documents: Documents<'_>,
    stats: &StatsConfig,
    options: &CollocationOptions,
    out: &mut dyn Write,
    reporter: &mut Reporter,
) -> Result<()> {
    let report =
        super::corpus::with_articles(documents, stats, reporter, |articles| collocation_table(options, articles));
    let every_measure = stats.format != crate::cli::StatsFormat::Table;
    report::write(&CollocationTable { report, every_measure }, stats.format, out)?;
    Ok(())
}
