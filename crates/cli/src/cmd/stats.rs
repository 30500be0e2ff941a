//! `dateline stats`: the corpus summary, then its top terms.

use std::io::Write;

use anyhow::Result;
use dateline_analyze::period::period_totals;
use dateline_analyze::{Counts, Period, Summary, TermGroup, summarize, term_table};
use dateline_parse::Documents;
use serde_json::json;

use crate::cli::StatsFormat;
use crate::cmd::terms::TermsReport;
use crate::config::StatsConfig;
use crate::output::report::{self, Cell, Report, Table};
use crate::report::Reporter;

struct SummaryReport(Summary);

impl Report for SummaryReport {
    fn table(&self) -> Table {
        let s = &self.0;
        let rows: Vec<(&str, Cell)> = vec![
            ("articles", s.articles.into()),
            ("dated articles", s.dated.into()),
            ("first date", s.first_date.map(|d| d.to_string()).into()),
            ("last date", s.last_date.map(|d| d.to_string()).into()),
            ("tokens", s.tokens.into()),
            ("counted terms", s.term_tokens.into()),
            ("types", s.types.into()),
            ("sentences", s.sentences.into()),
            ("mean tokens per article", s.mean_article_tokens.into()),
            ("type/token ratio", s.type_token_ratio.into()),
        ];
        Table::new(vec!["measure", "value"], rows.into_iter().map(|(name, value)| vec![name.into(), value]).collect())
    }

    fn json(&self) -> serde_json::Value {
        json!(self.0)
    }
}

/// Articles and tokens per period.
struct PeriodsReport(Vec<PeriodRow>);

#[derive(serde::Serialize)]
struct PeriodRow {
    period: String,
    articles: usize,
    tokens: u64,
}

impl PeriodsReport {
    fn new(counts: &Counts, by: Period) -> Self {
        let rows = period_totals(counts, by)
            .into_iter()
            .map(|total| PeriodRow {
                period: total.period.to_string(),
                articles: total.documents,
                tokens: total.tokens,
            })
            .collect();
        Self(rows)
    }
}

impl Report for PeriodsReport {
    fn table(&self) -> Table {
        let rows = self.0.iter().map(|r| vec![r.period.as_str().into(), r.articles.into(), r.tokens.into()]).collect();
        Table::new(vec!["period", "articles", "tokens"], rows)
    }

    fn json(&self) -> serde_json::Value {
        json!(self.0)
    }
}

pub(crate) fn run(
    documents: Documents<'_>,
    stats: &StatsConfig,
    by: Period,
    out: &mut dyn Write,
    reporter: &mut Reporter,
) -> Result<()> {
    let counts = super::corpus::count_totals(documents, stats, reporter);
    let summary = SummaryReport(summarize(&counts));
    let periods = PeriodsReport::new(&counts, by);
    let terms = TermsReport(vec![term_table(&counts, stats.top)]);
    match stats.format {
        StatsFormat::Table => {
            report::write(&summary, stats.format, out)?;
            writeln!(out)?;
            report::write(&periods, stats.format, out)?;
            writeln!(out)?;
            report::write(&terms, stats.format, out)?;
        }
        // One CSV holds one table: the summary. `dateline terms` gives the terms.
        StatsFormat::Csv => report::write(&summary, stats.format, out)?,
        StatsFormat::Json | StatsFormat::Jsonl => {
            let TermGroup { terms, .. } = &terms.0[0];
            let value = json!({ "summary": summary.json(), "periods": periods.json(), "terms": terms });
            if stats.format == StatsFormat::Json {
                serde_json::to_writer_pretty(&mut *out, &value)?;
            } else {
                serde_json::to_writer(&mut *out, &value)?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}
