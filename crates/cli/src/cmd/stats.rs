//! `dateline stats`: the corpus summary, then its top terms.

use crate::cmd::Documents;
use anyhow::Result;
use dateline_analyze::period::period_totals;
use dateline_analyze::{Counts, Period, Summary, TermGroup, summarize, term_table};
use serde_json::json;

use crate::cmd::terms::TermsReport;
use crate::config::StatsConfig;
use crate::output::Writer;
use crate::output::report::{Cell, Report, Table};
use crate::report::Reporter;

struct SummaryReport(Summary);

impl Report for SummaryReport {
    fn tables(&self) -> Vec<Table> {
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
        vec![Table::new(
            vec!["measure", "value"],
            rows.into_iter().map(|(name, value)| vec![name.into(), value]).collect(),
        )]
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
        vec![Table::new(vec!["period", "articles", "tokens"], rows)]
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
    let terms = TermsReport(vec![term_table(&counts, stats.top)]);
    out.report(&StatsReport { summary, periods, terms })?;
    Ok(())
}
