//! `dateline stats`'s arguments.

use clap::Args;
use dateline_analyze::Period;

use super::{CorpusArgs, parse_period, top_help};

pub(crate) const EXAMPLES: &str = "\
Examples:
  dateline stats seeds
  dateline stats --since 2024-01-01 --format json corpus/
  dateline stats --stopwords none --top 20 corpus/";

#[derive(Debug, Args)]
#[command(mut_arg("top", top_help("How many terms to show [default: 20; 0 shows all]; every period is shown")))]
pub(crate) struct StatsArgs {
    #[command(flatten)]
    pub(crate) corpus: CorpusArgs,
    /// The period for the table of articles per period: day, week, month, quarter, year.
    #[arg(long, value_name = "PERIOD", default_value = "month", value_parser = parse_period)]
    pub(crate) by: Period,
}
