//! `dateline trends`'s arguments.

use std::path::PathBuf;

use clap::Args;
use dateline_analyze::Period;

use super::{CorpusArgs, parse_period, top_help};

pub(crate) const EXAMPLES: &str = "\
Examples:
  dateline trends --terms Gaza,Lavrov --by quarter seeds
  dateline trends --terms sanctions,talks --by month --plot trends.svg corpus/";

#[derive(Debug, Args)]
#[command(mut_arg("top", top_help("How many rows to show [default: all]")))]
pub(crate) struct TrendsArgs {
    #[command(flatten)]
    pub(crate) corpus: CorpusArgs,
    /// The terms to follow, separated by commas.
    #[arg(long, value_name = "TERM,...", value_delimiter = ',', required = true)]
    pub(crate) terms: Vec<String>,
    /// The period: day, week, month, quarter or year.
    #[arg(long, value_name = "PERIOD", default_value = "month", value_parser = parse_period)]
    pub(crate) by: Period,
    /// Also draw the rates per 10,000 tokens as a line chart in this SVG file.
    #[arg(long, value_name = "FILE.svg")]
    pub(crate) plot: Option<PathBuf>,
}
