//! `dateline network`: which actors appear together, and whom speakers name.

use std::io::{self, Write};

use crate::cmd::Documents;
use anyhow::Result;
use dateline_actors::{Edge, EdgeKind, Level, Network, write_gexf, write_graphml};
use serde_json::Value;

use super::actors::{ActorsConfig, for_each, period_of};
use crate::args::network::{LevelArg, NetworkArgs, NetworkFormat};
use crate::output::report::{Cell, Column, Streamed, Table};
use crate::output::{Format, Writer};
use crate::report::Reporter;

/// What `dateline network` builds.
#[derive(Debug)]
pub(crate) struct NetworkConfig {
    pub(crate) format: NetworkFormat,
    pub(crate) level: Level,
    pub(crate) pmi: bool,
    pub(crate) min_weight: f64,
    pub(crate) by: Option<dateline_model::Period>,
    pub(crate) quotes: bool,
}

impl NetworkConfig {
    /// The format of the output layer for the edge-table formats; graphs (GEXF, GraphML) are
    /// written by [`write_graph`] straight to the output, and take `table` here.
    pub(crate) const fn report_format(&self) -> Format {
        match self.format {
            NetworkFormat::Json => Format::Json,
            NetworkFormat::Jsonl => Format::Jsonl,
            NetworkFormat::Csv => Format::Csv,
            NetworkFormat::Parquet => Format::Parquet,
            NetworkFormat::Table | NetworkFormat::Gexf | NetworkFormat::Graphml => Format::Table,
        }
    }

    /// Whether the output is a graph file rather than an edge table.
    pub(crate) const fn is_graph(&self) -> bool {
        matches!(self.format, NetworkFormat::Gexf | NetworkFormat::Graphml)
    }

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

/// The edge list, its rows made as they are written.
struct EdgeList(Vec<Edge>);

impl Streamed for EdgeList {
    fn frame(&self) -> Table {
        let columns = vec![
            Column::text("source"),
            Column::text("target"),
            Column::float("weight"),
            Column::int("count"),
            Column::int("articles"),
            Column::text("period").nullable(),
            Column::text("kind"),
        ];
        Table::new(columns, Vec::new())
    }

    fn each_row(&self, row: &mut dyn FnMut(Vec<Cell>) -> io::Result<()>) -> io::Result<()> {
        for e in &self.0 {
            row(vec![
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
            ])?;
        }
        Ok(())
    }

    fn each_json(&self, item: &mut dyn FnMut(Value) -> io::Result<()>) -> io::Result<()> {
        for edge in &self.0 {
            item(serde_json::to_value(edge).map_err(io::Error::other)?)?;
        }
        Ok(())
    }
}

/// The network's edges, heaviest first (per period with `--by`), cut to `--top` per period.
fn build(
    documents: Documents<'_>,
    config: &ActorsConfig,
    network_config: &NetworkConfig,
    reporter: &mut Reporter,
) -> Result<(Network, Vec<Edge>)> {
    let mut network = Network::new();
    for_each(documents, config, network_config.quotes, reporter, |found| {
        let period = period_of(network_config.by, found.date);
        network.add(
            &found.article,
            &found.actors,
            &found.quotes,
            network_config.level,
            period.as_deref(),
            &config.aliases,
        );
        Ok(())
    })?;
    let edges = network.top_edges(network_config.pmi, network_config.min_weight, &config.types, config.top.limit());
    Ok((network, edges))
}

/// The edge table (table, JSON, JSON lines, CSV) through the output layer.
pub(crate) fn run(
    documents: Documents<'_>,
    config: &ActorsConfig,
    network_config: &NetworkConfig,
    out: &mut dyn Writer,
    reporter: &mut Reporter,
) -> Result<()> {
    let (_, edges) = build(documents, config, network_config, reporter)?;
    out.streamed(&EdgeList(edges))?;
    Ok(())
}

/// A graph file (GEXF, GraphML), written as is: not a table, so not through the output layer.
pub(crate) fn write_graph(
    documents: Documents<'_>,
    config: &ActorsConfig,
    network_config: &NetworkConfig,
    out: &mut dyn Write,
    reporter: &mut Reporter,
) -> Result<()> {
    let (network, edges) = build(documents, config, network_config, reporter)?;
    if network_config.format == NetworkFormat::Graphml {
        write_graphml(&network, &edges, out)?;
    } else {
        write_gexf(&network, &edges, out)?;
    }
    Ok(())
}
