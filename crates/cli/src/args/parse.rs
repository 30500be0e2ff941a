//! `dateline parse`'s arguments.

use clap::Args;

use super::InputArgs;
use crate::output::Format;

pub(crate) const EXAMPLES: &str = "\
Examples:
  dateline parse seeds
  dateline parse --format jsonl corpus/ > articles.jsonl
  dateline parse --format jsonl -o articles.jsonl corpus/
  dateline parse --format parquet -o articles.parquet corpus/   one typed row per file
  dateline parse --format text seeds/002_ff26b561ed4a4f97.txt
  dateline parse --date-order dmy corpus/   read 04/03/2024 as 4 March 2024
  cat article.txt | dateline parse --format json -";

#[derive(Debug, Args)]
pub(crate) struct ParseArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// Output format: `table` for people, `text` re-prints each article in canonical
    /// form, `json`/`jsonl` follow the documented JSON contract, `csv` one row per file,
    /// `parquet` (needs -o FILE) one typed row per file: path, title, date, time, place,
    /// region, agency, authors, text (the counted text) and diagnostics.
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    pub(crate) format: Format,
}
