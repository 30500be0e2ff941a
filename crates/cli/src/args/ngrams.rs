//! `dateline ngrams`'s arguments.

use clap::Args;

use super::CorpusArgs;

pub(crate) const EXAMPLES: &str = "\
Examples:
  dateline ngrams seeds
  dateline ngrams --min-n 3 --max-n 5 --min-count 3 corpus/
  dateline ngrams --keep-stopword-edges --format csv corpus/ > phrases.csv";

#[derive(Debug, Args)]
pub(crate) struct NgramsArgs {
    #[command(flatten)]
    pub(crate) corpus: CorpusArgs,
    /// The shortest n-gram, from 2 to 5.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub(crate) min_n: usize,
    /// The longest n-gram, from 2 to 5.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub(crate) max_n: usize,
    /// Leave out n-grams seen fewer times than this.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub(crate) min_count: u64,
    /// Keep n-grams that start or end with a stopword.
    #[arg(long)]
    pub(crate) keep_stopword_edges: bool,
}
