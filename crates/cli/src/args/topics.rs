//! `dateline topics`'s and `dateline topics infer`'s arguments.

use std::path::PathBuf;

use clap::{Arg, Args, Subcommand};
use dateline_analyze::Period;
use dateline_analyze::tfidf::DfBound;

use super::{CorpusArgs, parse_df, parse_period};

pub(crate) const EXAMPLES: &str = "\
Examples:
  dateline topics -k 2 seeds
  dateline topics -k 20 --iterations 500 --by month --save-model news.lda.json corpus/
  dateline topics -k 20 --format json corpus/ > topics.json
  dateline topics infer --model news.lda.json new-articles/";

/// `--top` is hidden: topics shows every topic (`--words` sets the words per topic), and
/// `config` says so to whoever asks for a number of rows.
#[derive(Debug, Args)]
#[command(mut_arg("top", hide_top))]
pub(crate) struct TopicsArgs {
    #[command(subcommand)]
    pub(crate) action: Option<TopicsAction>,
    #[command(flatten)]
    pub(crate) corpus: CorpusArgs,
    #[command(flatten)]
    pub(crate) model: TopicArgs,
}

#[derive(Debug, Subcommand)]
pub(crate) enum TopicsAction {
    /// Topic mixtures of articles under a saved model (made with `topics --save-model`).
    ///
    /// Every article's mixture is listed (there is no --top).
    #[command(mut_arg("top", hide_top))]
    Infer {
        /// The model file.
        #[arg(long, value_name = "FILE")]
        model: PathBuf,
        /// Gibbs sweeps per article.
        #[arg(long, value_name = "N", default_value_t = 100)]
        iterations: u32,
        /// The seed of every random draw.
        #[arg(long, value_name = "N", default_value_t = 1)]
        seed: u64,
        #[command(flatten)]
        corpus: CorpusArgs,
    },
}

/// How `dateline topics` trains.
#[derive(Debug, Args)]
pub(crate) struct TopicArgs {
    /// The number of topics.
    #[arg(short = 'k', long = "topics", value_name = "N", default_value_t = 10)]
    pub(crate) k: usize,
    /// Gibbs sweeps over the corpus.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub(crate) iterations: u32,
    /// The seed of every random draw.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub(crate) seed: u64,
    /// The symmetric document-topic prior α.
    #[arg(long, value_name = "X", default_value_t = 0.1)]
    pub(crate) alpha: f64,
    /// The symmetric topic-word prior β.
    #[arg(long, value_name = "X", default_value_t = 0.01)]
    pub(crate) beta: f64,
    /// Re-estimate α (one per topic, Minka's fixed point) every N sweeps after the burn-in,
    /// as MALLET's --optimize-interval does.
    #[arg(long, value_name = "N")]
    pub(crate) optimize_interval: Option<u32>,
    /// Sweeps before the first re-estimation.
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub(crate) burn_in: u32,
    /// Keep only terms in at least this many articles (`2`) or this fraction (`0.01`).
    #[arg(long, value_name = "N|FRACTION", default_value = "2", value_parser = parse_df)]
    pub(crate) min_df: DfBound,
    /// Keep only terms in at most this many articles (`500`) or this fraction (`0.5`).
    #[arg(long, value_name = "N|FRACTION", default_value = "0.5", value_parser = parse_df)]
    pub(crate) max_df: DfBound,
    /// Top words shown per topic, and over which coherence is measured (every topic is shown:
    /// there is no --top).
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub(crate) words: usize,
    /// The period of the topic shares over time: day, week, month, quarter or year.
    #[arg(long, value_name = "PERIOD", default_value = "month", value_parser = parse_period)]
    pub(crate) by: Period,
    /// Save the model to this file, for `dateline topics infer`.
    #[arg(long, value_name = "FILE")]
    pub(crate) save_model: Option<PathBuf>,
}

fn hide_top(arg: Arg) -> Arg {
    arg.hide(true)
}
