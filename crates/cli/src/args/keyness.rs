//! `dateline keyness`'s arguments.

use clap::{Args, ValueEnum};

use super::CorpusArgs;

pub(crate) const EXAMPLES: &str = "\
Examples:
  dateline keyness --target 2024-01-01..2024-06-30 corpus/
  dateline keyness --target 'reuters/*' --reference 'ap/*' corpus/
  dateline keyness --target tehran-times --sort log-ratio --min-count 5 corpus/";

#[derive(Debug, Args)]
pub(crate) struct KeynessArgs {
    #[command(flatten)]
    pub(crate) corpus: CorpusArgs,
    /// The articles to characterise.
    #[arg(long, value_name = "SPEC", required = true)]
    pub(crate) target: Vec<String>,
    /// The articles to compare with [default: all the others].
    #[arg(long, value_name = "SPEC")]
    pub(crate) reference: Vec<String>,
    /// The measure rows are ranked by.
    #[arg(long, value_enum, default_value_t = KeynessSort::G2)]
    pub(crate) sort: KeynessSort,
    /// Leave out terms seen fewer times than this in target and reference together.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub(crate) min_count: u64,
    /// Do not apply Yates' continuity correction (quanteda applies it by default).
    #[arg(long)]
    pub(crate) no_correction: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum KeynessSort {
    G2,
    Chi2,
    LogRatio,
}
