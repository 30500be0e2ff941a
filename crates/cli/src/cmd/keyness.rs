//! `dateline keyness`: what a part of the corpus says more (or less) than the rest.

use crate::cmd::Documents;
use anyhow::Result;
use dateline_analyze::{Keyness, keyness_parallel};
use serde_json::{Value, json};

use crate::config::{KeynessConfig, StatsConfig};
use crate::output::Writer;
use crate::output::report::{Column, Report, Table};
use crate::report::Reporter;

struct KeynessTable(Keyness);

impl Report for KeynessTable {
    fn tables(&self) -> Vec<Table> {
        let rows = self
            .0
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.term.as_str().into(),
                    r.target_count.into(),
                    r.reference_count.into(),
                    r.g2.into(),
                    r.g2_p.into(),
                    r.chi2.into(),
                    r.chi2_p.into(),
                    r.log_ratio.into(),
                ]
            })
            .collect();
        let (t, r) = (&self.0.target, &self.0.reference);
        let caption = format!(
            "target: {} articles, {} terms; reference: {} articles, {} terms (positive: more in the target)",
            t.documents, t.tokens, r.documents, r.tokens
        );
        let mut columns = vec![Column::text("term"), Column::int("target_count"), Column::int("reference_count")];
        columns.extend(["g2", "g2_p", "chi2", "chi2_p", "log_ratio"].map(Column::float));
        vec![Table::new(columns, rows).caption(caption)]
    }

    fn json(&self) -> Value {
        json!(self.0)
    }

    fn json_lines(&self) -> Vec<Value> {
        self.0.rows.iter().map(|row| json!(row)).collect()
    }
}

pub(crate) fn run(
    documents: Documents<'_>,
    stats: &StatsConfig,
    config: &KeynessConfig,
    out: &mut dyn Writer,
    reporter: &mut Reporter,
) -> Result<()> {
    // Only each side's totals are kept as the articles are read, never an article's terms.
    let mut result = super::corpus::with_articles(documents, stats, reporter, |articles| {
        keyness_parallel(&stats.terms, articles, &config.target, config.reference.as_ref(), &config.options)
    })?;
    stats.top.keep(&mut result.rows);
    out.report(&KeynessTable(result))?;
    Ok(())
}
