//! `dateline terms`: term frequencies with document counts, rates and ranks.

use crate::cmd::Documents;
use anyhow::Result;
use dateline_analyze::period::doc_period;
use dateline_analyze::{TermGroup, term_table, term_table_by};
use serde_json::Value;

use crate::args::terms::GroupBy;
use crate::config::StatsConfig;
use crate::output::Writer;
use crate::output::report::{Column, Report, Table};
use crate::report::Reporter;

/// One or more term tables; a `group` column appears when there are groups.
pub(crate) struct TermsReport(pub(crate) Vec<TermGroup>);

impl TermsReport {
    fn grouped(&self) -> bool {
        self.0.iter().any(|g| g.group.is_some())
    }
}

impl Report for TermsReport {
    fn tables(&self) -> Vec<Table> {
        let grouped = self.grouped();
        let mut columns = vec![
            Column::int("rank"),
            Column::text("term"),
            Column::int("count"),
            Column::int("doc_count"),
            Column::float("rate"),
        ];
        if grouped {
            columns.insert(0, Column::text("group").nullable());
        }
        let rows = self
            .0
            .iter()
            .flat_map(|group| {
                group.terms.iter().map(move |row| {
                    let mut cells = vec![
                        row.rank.into(),
                        row.term.as_str().into(),
                        row.count.into(),
                        row.doc_count.into(),
                        row.rate.into(),
                    ];
                    if grouped {
                        cells.insert(0, group.group.clone().into());
                    }
                    cells
                })
            })
            .collect();
        vec![Table::new(columns, rows)]
    }

    /// Without groups, the rows; with groups, one object per group holding its rows.
    fn json(&self) -> Value {
        if self.grouped() { serde_json::json!(self.0) } else { serde_json::json!(self.0[0].terms) }
    }
}

/// The folder a path is in, as given: `corpus/reuters` for `corpus/reuters/a.txt`.
fn folder_of(path: &str) -> String {
    std::path::Path::new(path).parent().map_or_else(String::new, |p| p.to_string_lossy().into_owned())
}

pub(crate) fn run(
    documents: Documents<'_>,
    stats: &StatsConfig,
    by: Option<GroupBy>,
    out: &mut dyn Writer,
    reporter: &mut Reporter,
) -> Result<()> {
    // Groups need each document's terms; the corpus as a whole needs only the totals.
    let counts = match by {
        None => super::corpus::count_totals(documents, stats, reporter),
        Some(_) => super::corpus::count(documents, stats, reporter),
    };
    let groups = match by {
        None => vec![term_table(&counts, stats.top.limit())],
        Some(GroupBy::Period(period)) => {
            term_table_by(&counts, stats.top.limit(), |doc| doc_period(doc, period).to_string())
        }
        Some(GroupBy::Folder) => term_table_by(&counts, stats.top.limit(), |doc| folder_of(&doc.meta.path)),
    };
    out.report(&TermsReport(groups))?;
    Ok(())
}
