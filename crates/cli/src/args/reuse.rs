//! `dateline reuse`'s arguments.

use clap::Args;

use super::{DateRangeArgs, InputArgs, report_format};
use crate::output::Format;

pub(crate) const EXAMPLES: &str = "\
Examples:
  dateline reuse corpus/                         pairs of articles sharing text, most similar first
  dateline reuse --clusters corpus/              story families, each with its likely first source
  dateline reuse --format jsonl corpus/ > pairs.jsonl   every pair with its aligned passages
  dateline reuse --min-containment 0.8 --window 3 corpus/   lifted text, published within 3 days
  dateline stats --dedup corpus/                 statistics with each family counted once";

/// What `dateline reuse` reads and reports.
#[derive(Debug, Args)]
pub(crate) struct ReuseArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// Output format: `table` for people, `json`/`jsonl` for scripts, `csv` for spreadsheets.
    #[arg(long, short, default_value_t = Format::Table, value_parser = report_format())]
    pub(crate) format: Format,
    /// How many pairs (with --clusters, families) to show [default: 20 in tables; 0 shows all;
    /// other formats show all].
    #[arg(long, short = 'n', value_name = "N")]
    pub(crate) top: Option<usize>,
    #[command(flatten)]
    pub(crate) dates: DateRangeArgs,
    /// Report a pair when the Jaccard similarity of its word 5-gram sets is at least this,
    /// above 0 and at most 1.
    #[arg(long, value_name = "X", default_value_t = 0.5)]
    pub(crate) min_jaccard: f64,
    /// Report a pair when the share of the smaller article's 5-grams found in the other is at
    /// least this, above 0 and at most 1.
    #[arg(long, value_name = "X", default_value_t = 0.5)]
    pub(crate) min_containment: f64,
    /// Pair only articles both dated, at most this many days apart [default: any dates, and
    /// undated articles too].
    #[arg(long, value_name = "DAYS")]
    pub(crate) window: Option<u32>,
    /// A 5-gram in more than this many articles is site template, not a story, and proposes
    /// no pair (scores still count it); raise it for a corpus of one story reprinted widely.
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub(crate) max_df: usize,
    /// Report story families (connected pairs, with a guard against digests chaining
    /// unrelated stories) instead of pairs: each family's files and its earliest.
    #[arg(long)]
    pub(crate) clusters: bool,
}
