//! `dateline network`'s arguments.

use clap::{Args, ValueEnum};
use dateline_model::Period;

use super::actors::ActorInputArgs;
use super::actors::PER_PERIOD;
use super::{parse_period, top_help};

pub(crate) const EXAMPLES: &str = "\
Examples:
  dateline network seeds                         the heaviest co-occurrence edges
  dateline network --level sentence --format gexf -o actors.gexf corpus/   opens in Gephi
  dateline network --by month --pmi --min-weight 1 --format graphml -o actors.graphml corpus/
  dateline network --type person --format csv corpus/";

#[derive(Debug, Args)]
#[command(mut_arg("top", top_help(PER_PERIOD)))]
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
