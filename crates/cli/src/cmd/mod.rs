//! One module per command. Each reads documents, writes its output to stdout, and reports
//! diagnostics through the [`Reporter`].

mod check;
mod collocations;
mod corpus;
mod keyness;
mod kwic;
mod ngrams;
mod parse;
mod stats;
mod terms;
mod tfidf;
mod topics;
mod trends;

use std::io::{BufWriter, Write};

use anyhow::{Context, Result};
use dateline_parse::CorpusReader;

use crate::config::{CommandConfig, Config};
use crate::report::{Reporter, Status};

pub(crate) fn run(config: &Config) -> Result<Status> {
    if let Some(threads) = config.threads {
        rayon::ThreadPoolBuilder::new().num_threads(threads).build_global().context("cannot start worker threads")?;
    }
    let reader = CorpusReader::new(config.parser.clone());
    let documents = reader.documents(config.inputs.clone());
    let mut reporter = Reporter::new(config.quiet);
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match &config.command {
        CommandConfig::Parse { format } => parse::run(documents, *format, &mut out, &mut reporter),
        CommandConfig::Check { format } => check::run(documents, *format, &mut out, &mut reporter),
        CommandConfig::Stats(stats, by) => stats::run(documents, stats, *by, &mut out, &mut reporter),
        CommandConfig::Terms(stats, by) => terms::run(documents, stats, *by, &mut out, &mut reporter),
        CommandConfig::Ngrams(stats, options) => ngrams::run(documents, stats, options, &mut out, &mut reporter),
        CommandConfig::Collocations(stats, options) => {
            collocations::run(documents, stats, options, &mut out, &mut reporter)
        }
        CommandConfig::Topics(stats, topics) => topics::train(documents, stats, topics, &mut out, &mut reporter),
        CommandConfig::TopicsInfer(stats, infer) => topics::infer(documents, stats, infer, &mut out, &mut reporter),
        CommandConfig::Keyness(stats, keyness) => keyness::run(documents, stats, keyness, &mut out, &mut reporter),
        CommandConfig::Kwic(stats, query, window) => {
            kwic::run(documents, stats, query, *window, &mut out, &mut reporter)
        }
        CommandConfig::Trends(stats, trends) => trends::run(documents, stats, trends, &mut out, &mut reporter),
        CommandConfig::Tfidf(stats, tfidf) => tfidf::run(documents, stats, tfidf, &mut out, &mut reporter),
    }
    .and_then(|()| out.flush().map_err(Into::into))
    .map_err(|err| if is_write_error(&err) { err.context("cannot write the output") } else { err })?;
    Ok(reporter.finish().status())
}

/// Whether an error came straight from writing the output (stdout closed or full), rather
/// than from the work itself, which says what went wrong on its own.
fn is_write_error(err: &anyhow::Error) -> bool {
    err.chain().next().is_some_and(|outermost| {
        outermost.is::<std::io::Error>() || outermost.is::<serde_json::Error>() || outermost.is::<csv::Error>()
    })
}
