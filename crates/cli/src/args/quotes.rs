//! `dateline quotes`'s arguments.

use clap::Args;

use super::actors::ActorInputArgs;
use super::report_format;
use crate::output::Format;

pub(crate) const EXAMPLES: &str = "\
Examples:
  dateline quotes seeds                          who is quoted, how often
  dateline quotes --format jsonl seeds           every quotation with its speaker and span
  dateline quotes --format csv -o quotes.csv corpus/";

#[derive(Debug, Args)]
pub(crate) struct QuotesArgs {
    #[command(flatten)]
    pub(crate) common: ActorInputArgs,
    /// Output format: `table` counts quotations per speaker; `json`, `jsonl`, `csv` and
    /// `parquet` (needs -o FILE) list every quotation.
    #[arg(long, short, default_value_t = Format::Table, value_parser = report_format())]
    pub(crate) format: Format,
}
