//! `dateline terms`'s arguments.

use clap::Args;
use dateline_analyze::Period;

use super::{CorpusArgs, top_help};

pub(crate) const EXAMPLES: &str = "\
Examples:
  dateline terms seeds
  dateline terms --top 100 --format csv -o terms.csv corpus/
  dateline terms --top 0 --format parquet -o terms.parquet corpus/
  duckdb -c \"select * from 'terms.parquet' order by count desc limit 5\"
  dateline terms --by month --top 10 corpus/
  dateline terms --stem --stopwords my-stopwords.txt corpus/";

#[derive(Debug, Args)]
#[command(mut_arg("top", top_help("How many terms to show, per group with --by [default: 20; 0 shows all]")))]
pub(crate) struct TermsArgs {
    #[command(flatten)]
    pub(crate) corpus: CorpusArgs,
    /// One table per group: day, week, month, quarter, year (of the publication date;
    /// undated articles form their own group) or folder.
    #[arg(long, value_name = "GROUP", value_parser = parse_group)]
    pub(crate) by: Option<GroupBy>,
}

/// How `dateline terms --by` groups articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GroupBy {
    Period(Period),
    Folder,
}

fn parse_group(text: &str) -> Result<GroupBy, String> {
    if text.eq_ignore_ascii_case("folder") {
        Ok(GroupBy::Folder)
    } else {
        text.parse()
            .map(GroupBy::Period)
            .map_err(|_| format!("expected day, week, month, quarter, year or folder, not `{text}`"))
    }
}
