//! `dateline kwic`'s arguments.

use clap::Args;

use super::{CorpusArgs, top_help};

pub(crate) const EXAMPLES: &str = "\
Examples:
  dateline kwic --query Lavrov seeds
  dateline kwic --query 'humanitarian aid' --window 8 corpus/
  dateline kwic --query 'negotiat*' --format csv corpus/ > lines.csv";

#[derive(Debug, Args)]
#[command(mut_arg("top", top_help("How many hits to show [default: all]")))]
pub(crate) struct KwicArgs {
    #[command(flatten)]
    pub(crate) corpus: CorpusArgs,
    /// The word, phrase or glob to find.
    #[arg(long, value_name = "QUERY")]
    pub(crate) query: String,
    /// Words of context on each side.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub(crate) window: usize,
}
