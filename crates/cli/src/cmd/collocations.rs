//! `dateline collocations`: word pairs that belong together, by association measure.

use crate::cmd::Documents;
use anyhow::Result;
use dateline_analyze::{CollocationOptions, CollocationReport, collocation_table};
use serde_json::{Value, json};

use crate::config::StatsConfig;
use crate::output::Writer;
use crate::output::report::{Column, Report, Table};
use crate::report::Reporter;

struct CollocationTable(CollocationReport);

impl CollocationTable {
    /// The pairs with their counts and the ranking score, and with `every_measure` each
    /// measure too.
    fn table(&self, every_measure: bool) -> Table {
        let mut columns = vec![
            Column::text("ngram"),
            Column::int("count"),
            Column::int("left_count"),
            Column::int("right_count"),
            Column::int("total_tokens"),
            Column::float("score"),
        ];
        if every_measure {
            columns
                .extend(["pmi", "likelihood_ratio", "student_t", "chi_sq", "dice", "lambda", "z"].map(Column::float));
        }
        let rows = self
            .0
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
                if every_measure {
                    cells.extend(
                        [r.pmi, r.likelihood_ratio, r.student_t, r.chi_sq, r.dice, r.lambda, r.z].map(Into::into),
                    );
                }
                cells
            })
            .collect();
        Table::new(columns, rows)
    }
}

impl Report for CollocationTable {
    /// People see the ranking measure only.
    fn tables(&self) -> Vec<Table> {
        let caption = format!("score: {} over {} tokens", self.0.measure, self.0.total_tokens);
        vec![self.table(false).caption(caption)]
    }

    /// Spreadsheets get every measure.
    fn csv(&self) -> Table {
        self.table(true)
    }

    fn json(&self) -> Value {
        json!(self.0.rows)
    }
}

pub(crate) fn run(
    documents: Documents<'_>,
    stats: &StatsConfig,
    options: &CollocationOptions,
    out: &mut dyn Writer,
    reporter: &mut Reporter,
) -> Result<()> {
    let report =
        super::corpus::with_articles(documents, stats, reporter, |articles| collocation_table(options, articles));
    out.report(&CollocationTable(report))?;
    Ok(())
}
