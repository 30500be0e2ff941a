//! `dateline check`'s arguments.

use clap::Args;

use super::{InputArgs, report_format};
use crate::output::Format;

pub(crate) const EXAMPLES: &str = "\
Examples:
  dateline check corpus/
  dateline check --quiet corpus/            errors only
  dateline check --format json corpus/ 2>/dev/null";

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// Format of the summary.
    #[arg(long, short, default_value_t = Format::Table, value_parser = report_format())]
    pub(crate) format: Format,
}
