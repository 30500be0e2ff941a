//! `dateline network`: which actors appear together, and whom speakers name.

use std::io::Write;

use anyhow::Result;
use dateline_actors::{Edge, EdgeKind, Level, Network, write_gexf, write_graphml};
use dateline_parse::Documents;
use serde_json::{Value, json};

use super::actors::{ActorsConfig, find, period_of};
use crate::actors_args::{LevelArg, NetworkArgs, NetworkFormat};
use crate::cli::StatsFormat;
use crate::output::report::{self, Report, Table};
use crate::report::Reporter;

/// What `dateline network` builds.
#[derive(Debug)]
pub(crate) struct NetworkConfig {
    pub(crate) format: NetworkFormat,
    pub(crate) level: Level,
    pub(crate) pmi: bool,
    pub(crate) min_weight: f64,
    pub(crate) by: Option<dateline_analyze::Period>,
    pub(crate) quotes: bool,
}

impl NetworkConfig {
    pub(crate) fn from_args(args: &NetworkArgs) -> Self {
        Self {
            format: args.format,
            level: match args.level {
                LevelArg::Sentence => Level::Sentence,
                LevelArg::Paragraph => Level::Paragraph,
                LevelArg::Article => Level::Article,
            },
            pmi: args.pmi,
            min_weight: args.min_weight.unwrap_or(if args.pmi { f64::NEG_INFINITY } else { 1.0 }),
            by: args.by,
            quotes: !args.no_quotes,
        }
    }
}

struct EdgeList(Vec<Edge>);

impl Report for EdgeList {
    fn table(&self) -> Table {
        let columns = vec!["source", "target", "weight", "count", "articles", "period", "kind"];
        let rows = self
            .0
            .iter()
            .map(|e| {
                vec![
                    e.source.as_str().into(),
                    e.target.as_str().into(),
                    e.weight.into(),
                    e.count.into(),
                    e.articles.into(),
                    e.period.clone().into(),
                    match e.kind {
                        EdgeKind::Cooccurrence => "cooccurrence",
                        EdgeKind::Quote => "quote",
                    }
                    .into(),
                ]
            })
            .collect();
        Table::new(columns, rows)
    }

    fn json(&self) -> Value {
        json!(self.0)
    }
}

pub(crate) fn run(
    documents: Documents<'_>,
    config: &ActorsConfig,
    network_config: &NetworkConfig,
    out: &mut dyn Write,
    reporter: &mut Reporter,
) -> Result<()> {
    let found = find(documents, config, network_config.quotes, reporter);
    let mut network = Network::new();
    for article in &found {
        let period = period_of(network_config.by, article.date);
        network.add(
            &article.article,
            &article.actors,
            &article.quotes,
            network_config.level,
            period.as_deref(),
            &config.aliases,
        );
    }
    let mut edges = network.edges(network_config.pmi, network_config.min_weight, &config.types);
    let top = match (network_config.format, config.top) {
        (_, Some(0)) => None,
        (_, Some(n)) => Some(n),
        (NetworkFormat::Table, None) => Some(20),
        (_, None) => None,
    };
    if let Some(top) = top {
        edges.truncate(top);
    }
    match network_config.format {
        NetworkFormat::Gexf => write_gexf(&network, &edges, out)?,
        NetworkFormat::Graphml => write_graphml(&network, &edges, out)?,
        NetworkFormat::Table => report::write(&EdgeList(edges), StatsFormat::Table, out)?,
        NetworkFormat::Json => report::write(&EdgeList(edges), StatsFormat::Json, out)?,
        NetworkFormat::Jsonl => report::write(&EdgeList(edges), StatsFormat::Jsonl, out)?,
        NetworkFormat::Csv => report::write(&EdgeList(edges), StatsFormat::Csv, out)?,
    }
    Ok(())
}
