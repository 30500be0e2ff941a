//! `dateline stats`: the corpus summary, then its top terms.

use crate::cmd::Documents;
use anyhow::Result;
use dateline_analyze::period::period_totals;
use dateline_analyze::{Counts, Period, Summary, TermGroup, summarize, term_table};
use serde_json::json;

use crate::cmd::terms::TermsReport;
use crate::config::StatsConfig;
use crate::output::Writer;
use crate::output::report::{Column, Report, Table};
use crate::report::Reporter;

struct SummaryReport(Summary);

impl Report for SummaryReport {
    fn tables(&self) -> Vec<Table> {
        let s = &self.0;
        // Named as the JSON names them; people read the labels.
        let columns = vec![
            Column::int("articles"),
            Column::int("dated").label("dated articles"),
            Column::date("first_date").nullable().label("first date"),
            Column::date("last_date").nullable().label("last date"),
            Column::int("tokens"),
            Column::int("term_tokens").label("counted terms"),
            Column::int("types"),
            Column::int("sentences"),
            Column::float("mean_article_tokens").label("mean tokens per article"),
            Column::float("type_token_ratio").label("type/token ratio"),
        ];
        let row = vec![
            s.articles.into(),
            s.dated.into(),
            s.first_date.into(),
            s.last_date.into(),
            s.tokens.into(),
            s.term_tokens.into(),
            s.types.into(),
            s.sentences.into(),
            s.mean_article_tokens.into(),
            s.type_token_ratio.into(),
        ];
        vec![Table::record(columns, row, ["measure", "value"])]
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
    fn tables(&self) -> Vec<Table> {
        let rows = self.0.iter().map(|r| vec![r.period.as_str().into(), r.articles.into(), r.tokens.into()]).collect();
        vec![Table::new(vec![Column::text("period"), Column::int("articles"), Column::int("tokens")], rows)]
    }

    fn json(&self) -> serde_json::Value {
        json!(self.0)
    }
}

/// The summary, the periods and the top terms: three tables for people; one JSON object with
/// the three; the summary alone in a CSV (one CSV holds one table; `dateline terms` gives the
/// terms).
struct StatsReport {
    summary: SummaryReport,
    periods: PeriodsReport,
    terms: TermsReport,
}

impl Report for StatsReport {
    fn tables(&self) -> Vec<Table> {
        [self.summary.tables(), self.periods.tables(), self.terms.tables()].concat()
    }

    fn json(&self) -> serde_json::Value {
        let TermGroup { terms, .. } = &self.terms.0[0];
        json!({ "summary": self.summary.json(), "periods": self.periods.json(), "terms": terms })
    }
}

pub(crate) fn run(
    documents: Documents<'_>,
    stats: &StatsConfig,
    by: Period,
    out: &mut dyn Writer,
    reporter: &mut Reporter,
) -> Result<()> {
    let counts = super::corpus::count_totals(documents, stats, reporter);
    let summary = SummaryReport(summarize(&counts));
    let periods = PeriodsReport::new(&counts, by);
    let terms = TermsReport(vec![term_table(&counts, stats.top.limit())]);
    out.report(&StatsReport { summary, periods, terms })?;
    Ok(())
}
