//! `dateline trends`: how often given terms occur per period, and a chart of it.

use crate::cmd::Documents;
use anyhow::{Context, Result};
use dateline_analyze::{Trends, trends_parallel};
use serde_json::{Value, json};

use crate::atomic;
use crate::config::{StatsConfig, TrendsConfig};
use crate::output::Writer;
use crate::output::chart::{ChartOptions, render_svg};
use crate::output::report::{Column, Report, Table};
use crate::report::Reporter;

struct TrendsTable(Trends);

impl Report for TrendsTable {
    fn tables(&self) -> Vec<Table> {
        let rows = self
            .0
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.period.to_string().into(),
                    r.term.as_str().into(),
                    r.count.into(),
                    r.tokens.into(),
                    r.rate.into(),
                ]
            })
            .collect();
        let columns = vec![
            Column::text("period"),
            Column::text("term"),
            Column::int("count"),
            Column::int("tokens"),
            Column::float("rate"),
        ];
        vec![Table::new(columns, rows)]
    }

    fn json(&self) -> Value {
        json!(self.0.rows)
    }
}

pub(crate) fn run(
    documents: Documents<'_>,
    stats: &StatsConfig,
    config: &TrendsConfig,
    out: &mut dyn Writer,
    reporter: &mut Reporter,
) -> Result<()> {
    // Only each period's totals and the terms' counts are kept as the articles are read.
    let mut result = super::corpus::with_articles(documents, stats, reporter, |articles| {
        trends_parallel(&stats.terms, articles, &config.terms, config.by)
    });
    if let Some(path) = &config.plot {
        let title = format!("{} per 10,000 tokens, by {}", config.terms.join(", "), config.by);
        render_svg(&result, &ChartOptions::new().title(title))
            .map_err(anyhow::Error::from)
            .and_then(|svg| Ok(atomic::write(path, svg.as_bytes())?))
            .with_context(|| format!("cannot draw the chart to {}", path.display()))?;
        reporter.note(&format!("chart written to {}", path.display()));
    }
    // The chart above draws every period; the table keeps --top rows.
    stats.top.keep(&mut result.rows);
    out.report(&TrendsTable(result))?;
    Ok(())
}
