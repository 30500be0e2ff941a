//! `dateline actors`'s arguments, and [`ActorInputArgs`], what the three actor commands
//! (`actors`, `quotes`, `network`) share.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use dateline_model::Period;

use super::{DateRangeArgs, DedupArg, InputArgs, parse_period, report_format, top_help};
use crate::output::Format;

pub(crate) const EXAMPLES: &str = "\
Examples:
  dateline actors seeds                          who the articles name, most mentioned first
  dateline actors --format jsonl seeds           each article's actors, with byte spans
  dateline actors --by month --type person corpus/
  dateline actors --aliases aliases.tsv corpus/  merge or keep apart by hand

An aliases file has one `form<TAB>canonical` line per merge (`Putin<TAB>Vladimir Putin`) and
`form<TAB>-` to keep a form apart from the automatic merges; `#` starts a comment.";

/// `--top` of the actor commands that take `--by`.
pub(crate) const PER_PERIOD: &str =
    "How many rows to show, per period with --by [default: 20 in tables; 0 shows all; other formats show all]";

/// What the three actor commands read and keep.
#[derive(Debug, Args)]
pub(crate) struct ActorInputArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// How many rows to show [default: 20 in tables; 0 shows all; other formats show all].
    #[arg(long, short = 'n', value_name = "N")]
    pub(crate) top: Option<usize>,
    #[command(flatten)]
    pub(crate) dates: DateRangeArgs,
    /// A TSV file of merges (`form<TAB>canonical`) and splits (`form<TAB>-`) to apply.
    #[arg(long, value_name = "FILE")]
    pub(crate) aliases: Option<PathBuf>,
    /// Only actors of these types, separated by commas: person, organization, place.
    #[arg(long = "type", value_name = "TYPE,...", value_delimiter = ',', value_enum)]
    pub(crate) types: Vec<ActorTypeArg>,
    #[command(flatten)]
    pub(crate) dedup: DedupArg,
}

#[derive(Debug, Args)]
#[command(mut_arg("top", top_help(PER_PERIOD)))]
pub(crate) struct ActorsArgs {
    #[command(flatten)]
    pub(crate) common: ActorInputArgs,
    /// Output format: `table`, `json`, `csv` and `parquet` (needs -o FILE) over the corpus;
    /// `jsonl` one line per article.
    #[arg(long, short, default_value_t = Format::Table, value_parser = report_format())]
    pub(crate) format: Format,
    /// One table per period: day, week, month, quarter, year.
    #[arg(long, value_name = "PERIOD", value_parser = parse_period)]
    pub(crate) by: Option<Period>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ActorTypeArg {
    Person,
    Organization,
    Place,
}
