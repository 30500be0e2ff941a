//! The command-line options of `dateline actors`, `quotes` and `network`, kept apart from
//! `cli.rs` so that they move as one piece.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use dateline_model::Period;

use crate::cli::{InputArgs, parse_date, parse_period, report_format};
use crate::output::Format;

pub(crate) const ACTORS_EXAMPLES: &str = "\
Examples:
  dateline actors seeds                          who the articles name, most mentioned first
  dateline actors --format jsonl seeds           each article's actors, with byte spans
  dateline actors --by month --type person corpus/
  dateline actors --aliases aliases.tsv corpus/  merge or keep apart by hand

An aliases file has one `form<TAB>canonical` line per merge (`Putin<TAB>Vladimir Putin`) and
`form<TAB>-` to keep a form apart from the automatic merges; `#` starts a comment.";

pub(crate) const QUOTES_EXAMPLES: &str = "\
Examples:
  dateline quotes seeds                          who is quoted, how often
  dateline quotes --format jsonl seeds           every quotation with its speaker and span
  dateline quotes --format csv -o quotes.csv corpus/";

pub(crate) const NETWORK_EXAMPLES: &str = "\
Examples:
  dateline network seeds                         the heaviest co-occurrence edges
  dateline network --level sentence --format gexf -o actors.gexf corpus/   opens in Gephi
  dateline network --by month --pmi --min-weight 1 --format graphml -o actors.graphml corpus/
  dateline network --type person --format csv corpus/";

/// What the three actor commands read and keep.
#[derive(Debug, Args)]
pub(crate) struct ActorInputArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// How many rows to show [default: 20 in tables; 0 shows all; other formats show all].
    #[arg(long, short = 'n', value_name = "N")]
    pub(crate) top: Option<usize>,
    /// Only articles published on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) since: Option<NaiveDate>,
    /// Only articles published on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) until: Option<NaiveDate>,
    /// A TSV file of merges (`form<TAB>canonical`) and splits (`form<TAB>-`) to apply.
    #[arg(long, value_name = "FILE")]
    pub(crate) aliases: Option<PathBuf>,
    /// Only actors of these types, separated by commas: person, organization, place.
    #[arg(long = "type", value_name = "TYPE,...", value_delimiter = ',', value_enum)]
    pub(crate) types: Vec<ActorTypeArg>,
    #[command(flatten)]
    pub(crate) dedup: crate::cli::DedupArg,
}

#[derive(Debug, Args)]
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

#[derive(Debug, Args)]
pub(crate) struct QuotesArgs {
    #[command(flatten)]
    pub(crate) common: ActorInputArgs,
    /// Output format: `table` counts quotations per speaker; `json`, `jsonl`, `csv` and
    /// `parquet` (needs -o FILE) list every quotation.
    #[arg(long, short, default_value_t = Format::Table, value_parser = report_format())]
    pub(crate) format: Format,
}

#[derive(Debug, Args)]
pub(crate) struct NetworkArgs {
    #[command(flatten)]
    pub(crate) common: ActorInputArgs,
    /// Output format: an edge table, JSON, JSON lines, a CSV edge list, a Parquet edge list
    /// (needs -o FILE), GEXF (Gephi; periods as time slices) or GraphML.
    #[arg(long, short, value_enum, default_value_t = NetworkFormat::Table)]
    pub(crate) format: NetworkFormat,
    /// Where two actors count as together: sentence, paragraph or article.
    #[arg(long, value_enum, default_value_t = LevelArg::Paragraph)]
    pub(crate) level: LevelArg,
    /// Weigh co-occurrence edges by PMI (base 2) instead of counts.
    #[arg(long)]
    pub(crate) pmi: bool,
    /// Leave out edges lighter than this [default: 1 for counts, none for PMI].
    #[arg(long, value_name = "W", allow_negative_numbers = true)]
    pub(crate) min_weight: Option<f64>,
    /// One network per period (day, week, month, quarter, year).
    #[arg(long, value_name = "PERIOD", value_parser = parse_period)]
    pub(crate) by: Option<Period>,
    /// Leave out the directed speaker → named-actor edges from quotations.
    #[arg(long)]
    pub(crate) no_quotes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ActorTypeArg {
    Person,
    Organization,
    Place,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum LevelArg {
    Sentence,
    Paragraph,
    Article,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum NetworkFormat {
    Table,
    Json,
    Jsonl,
    Csv,
    Parquet,
    Gexf,
    Graphml,
}
