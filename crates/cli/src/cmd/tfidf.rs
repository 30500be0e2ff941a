//! `dateline tfidf`: each article's most distinctive terms.

use crate::cmd::Documents;
use anyhow::Result;
use dateline_analyze::{TfIdf, TfIdfReport};
use serde_json::{Value, json};

use crate::config::StatsConfig;
use crate::output::Writer;
use crate::output::report::{Column, Report, Table};
use crate::report::Reporter;

struct TfIdfTable(TfIdfReport);

impl Report for TfIdfTable {
    fn tables(&self) -> Vec<Table> {
        let rows = self
            .0
            .rows
            .iter()
            .flat_map(|row| {
                row.terms.iter().enumerate().map(|(i, term)| {
                    vec![row.path.as_str().into(), (i + 1).into(), term.term.as_str().into(), term.score.into()]
                })
            })
            .collect();
        let caption = format!("TF-IDF ({} preset) over {} articles", self.0.preset, self.0.documents);
        vec![
            Table::new(
                vec![Column::text("path"), Column::int("rank"), Column::text("term"), Column::float("score")],
                rows,
            )
            .caption(caption),
        ]
    }

    /// The rows: `path` and `terms` (each `term`, `score`), per DESIGN.md.
    fn json(&self) -> Value {
        json!(self.0.rows)
    }
}

pub(crate) fn run(
    documents: Documents<'_>,
    stats: &StatsConfig,
    tfidf: &TfIdf,
    out: &mut dyn Writer,
    reporter: &mut Reporter,
) -> Result<()> {
    let counts =
        super::corpus::with_articles(documents, stats, reporter, |articles| tfidf.count(&stats.terms, articles));
    out.report(&TfIdfTable(tfidf.report(&counts)?))?;
    Ok(())
}
