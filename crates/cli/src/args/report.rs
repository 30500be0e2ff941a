//! `dateline report`'s arguments.

use std::path::PathBuf;

use clap::Args;
use dateline_model::Period;

use super::{DateRangeArgs, DedupArg, InputArgs, parse_period};

pub(crate) const EXAMPLES: &str = "\
Examples:
  dateline report seeds -o report.html           the four seed articles, every view
  dateline report -k 20 --by week corpus/ -o report.html   with 20 topics, weekly series
  dateline report --since 2024-01-01 --dedup corpus/ -o 2024.html   each story counted once
  dateline report --title 'Caspian coverage' corpus/ -o caspian.html

The file opens in any browser, offline: tables and charts show without JavaScript; with it,
tables sort, terms can be picked to draw their trends, and a search box shows terms in
context. It holds aggregates only, so it stays small for millions of articles.";

/// What `dateline report` reads and draws.
#[derive(Debug, Args)]
pub(crate) struct ReportArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    #[command(flatten)]
    pub(crate) dates: DateRangeArgs,
    /// The period of every time series and of the keyness tables: day, week, month, quarter,
    /// year.
    #[arg(long, value_name = "PERIOD", default_value = "month", value_parser = parse_period)]
    pub(crate) by: Period,
    /// Stopwords to leave out of the terms: a file with one word per line (`#` starts a
    /// comment), which replaces the built-in English list, or `none` [default: the built-in
    /// list].
    #[arg(long, value_name = "FILE|none")]
    pub(crate) stopwords: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) dedup: DedupArg,
    /// Also fit a topic model of this many topics (LDA, as `dateline topics`) and draw it.
    #[arg(short = 'k', long = "topics", value_name = "N")]
    pub(crate) topics: Option<usize>,
    /// Gibbs sweeps of the topic model.
    #[arg(long, value_name = "N", default_value_t = 500, requires = "topics")]
    pub(crate) iterations: u32,
    /// The seed of the topic model's random draws.
    #[arg(long, value_name = "N", default_value_t = 1, requires = "topics")]
    pub(crate) seed: u64,
    /// The report's title.
    #[arg(long, value_name = "TEXT", default_value = "dateline report")]
    pub(crate) title: String,
}
