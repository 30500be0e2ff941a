//! `dateline collocations`'s arguments.

use clap::Args;
use dateline_analyze::Measure;

use super::CorpusArgs;

pub(crate) const EXAMPLES: &str = "\
Examples:
  dateline collocations seeds
  dateline collocations --measure pmi --min-count 5 corpus/
  dateline collocations --measure z --format json corpus/";

#[derive(Debug, Args)]
pub(crate) struct CollocationsArgs {
    #[command(flatten)]
    pub(crate) corpus: CorpusArgs,
    /// The measure rows are ranked by: likelihood-ratio, pmi, student-t, chi-sq, dice,
    /// lambda or z.
    #[arg(long, value_name = "MEASURE", default_value = "likelihood-ratio", value_parser = parse_measure)]
    pub(crate) measure: Measure,
    /// Leave out pairs seen fewer times than this.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub(crate) min_count: u64,
    /// Keep pairs that start or end with a stopword.
    #[arg(long)]
    pub(crate) keep_stopword_edges: bool,
}

fn parse_measure(text: &str) -> Result<Measure, String> {
    text.parse()
        .map_err(|_| format!("expected likelihood-ratio, pmi, student-t, chi-sq, dice, lambda or z, not `{text}`"))
}
