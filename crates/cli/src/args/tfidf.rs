//! `dateline tfidf`'s arguments.

use clap::Args;
use dateline_analyze::Preset;
use dateline_analyze::tfidf::DfBound;

use super::{CorpusArgs, parse_df, top_help};

pub(crate) const EXAMPLES: &str = "\
Examples:
  dateline tfidf seeds
  dateline tfidf --preset sklearn --top 5 --format jsonl corpus/
  dateline tfidf --min-df 2 --max-df 0.5 --format csv corpus/ > distinctive.csv";

#[derive(Debug, Args)]
#[command(mut_arg("top", top_help("How many terms to show per article [default: 20; 0 shows all]")))]
pub(crate) struct TfidfArgs {
    #[command(flatten)]
    pub(crate) corpus: CorpusArgs,
    /// The formula: news, sklearn, gensim, quanteda or tidytext.
    #[arg(long, default_value = "news", value_parser = parse_preset)]
    pub(crate) preset: Preset,
    /// Keep only terms in at least this many articles (`2`) or this fraction (`0.01`).
    #[arg(long, value_name = "N|FRACTION", value_parser = parse_df)]
    pub(crate) min_df: Option<DfBound>,
    /// Keep only terms in at most this many articles (`500`) or this fraction (`0.9`).
    #[arg(long, value_name = "N|FRACTION", value_parser = parse_df)]
    pub(crate) max_df: Option<DfBound>,
}

fn parse_preset(text: &str) -> Result<Preset, String> {
    text.parse().map_err(|err: dateline_analyze::TfIdfError| err.to_string())
}
