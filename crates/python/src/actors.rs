//! `actors` and `quotes`: `dateline-actors` over a corpus, with the CSV's columns of
//! `dateline actors` and `dateline quotes`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use dateline_actors::{Actor, ActorRow, ActorType, AliasTable, CorpusActors, Quote, QuoteKind};
use dateline_model::{Article, Period};
use pyo3::prelude::*;
use pyo3_arrow::input::AnyRecordBatch;
use rayon::prelude::*;

use crate::arrow::{Columns, int, to_pyarrow};
use crate::articles::py_diagnostics;
use crate::corpus::{Corpus, Outcome, with_articles};
use crate::options::{self, DateRange, Options, detached, usage};
use crate::stats::Answer;

/// One article's findings.
struct Found {
    path: String,
    date: Option<NaiveDate>,
    actors: Vec<Actor>,
    quotes: Vec<Quote>,
}

/// What the actor functions share, checked before any work.
struct ActorsConfig {
    corpus: Corpus,
    parser: dateline_parse::ArticleParser,
    dates: DateRange,
    aliases: AliasTable,
    types: Vec<ActorType>,
    threads: Option<usize>,
}

impl ActorsConfig {
    fn new(
        paths: Option<Vec<String>>,
        table: Option<AnyRecordBatch>,
        aliases: Option<&str>,
        types: Option<Vec<String>>,
        options: Options,
    ) -> PyResult<Self> {
        let aliases = match aliases {
            None => AliasTable::new(),
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|err| usage(format!("cannot read the aliases file {path}: {err}")))?;
                AliasTable::parse(&text).map_err(|err| usage(format!("{path}: not an aliases file: {err}")))?
            }
        };
        let types = types
            .unwrap_or_default()
            .iter()
            .map(|t| match t.as_str() {
                "person" => Ok(ActorType::Person),
                "organization" => Ok(ActorType::Organization),
                "place" => Ok(ActorType::Place),
                other => Err(usage(format!("type: expected person, organization or place, not `{other}`"))),
            })
            .collect::<PyResult<_>>()?;
        let (parser, dates, threads) = options.reading()?;
        Ok(Self { corpus: Corpus::new(paths, table)?, parser, dates, aliases, types, threads })
    }

    fn wanted(&self, kind: ActorType) -> bool {
        self.types.is_empty() || self.types.contains(&kind)
    }

    /// The actors (and quotations, with `quotes`) of every article in the date range, on
    /// all threads, in input order.
    fn find(&self, quotes: bool) -> PyResult<(Vec<Found>, Outcome)> {
        with_articles(&self.corpus, &self.parser, self.dates, |articles| {
            let indexed: Vec<(usize, String, Option<NaiveDate>, Article)> =
                articles.enumerate().map(|(i, (meta, article))| (i, meta.path, meta.date, article)).collect();
            indexed
                .into_par_iter()
                .map(|(_, path, date, article)| {
                    let actors = dateline_actors::extract(&article);
                    let quotes = if quotes { dateline_actors::quotes(&article, &actors) } else { Vec::new() };
                    Found { path, date, actors, quotes }
                })
                .collect()
        })
    }
}

/// The first `top` rows of each period.
fn keep_top(rows: Vec<ActorRow>, top: Option<usize>) -> Vec<ActorRow> {
    let Some(top) = top else { return rows };
    let mut seen: BTreeMap<Option<String>, usize> = BTreeMap::new();
    rows.into_iter()
        .filter(|row| {
            let n = seen.entry(row.period.clone()).or_default();
            *n += 1;
            *n <= top
        })
        .collect()
}

fn parse_date(text: Option<&str>) -> Option<NaiveDate> {
    text.and_then(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
}

/// `dateline actors`: actor, type, articles, mentions, first, last, roles (and `period`
/// first with `by`).
#[pyfunction]
#[allow(clippy::too_many_arguments, reason = "keyword arguments mirroring the CLI's options")]
#[pyo3(signature = (
    paths=None, table=None, *, top=None, by=None, types=None, aliases=None,
    options
))]
pub(crate) fn actors(
    py: Python<'_>,
    paths: Option<Vec<String>>,
    table: Option<AnyRecordBatch>,
    top: Option<usize>,
    by: Option<&str>,
    types: Option<Vec<String>>,
    aliases: Option<&str>,
    options: Options,
) -> PyResult<Answer> {
    let config = ActorsConfig::new(paths, table, aliases, types, options)?;
    let by: Option<Period> = options::period(by)?;
    let (rows, outcome) = detached(py, config.threads, || {
        let (found, outcome) = config.find(false)?;
        let mut corpus = CorpusActors::new();
        for article in &found {
            let date = article.date.map(|d| d.to_string());
            let period = by.map(|period| period.key(article.date).to_string());
            let actors: Vec<Actor> = article.actors.iter().filter(|a| config.wanted(a.kind)).cloned().collect();
            corpus.add(date.as_deref(), period.as_deref(), &actors, &config.aliases);
        }
        Ok((keep_top(corpus.finish(&config.aliases), options::top(top)), outcome))
    })?;
    let mut columns = Columns::new();
    if by.is_some() {
        columns.utf8("period", true, rows.iter().map(|r| r.period.as_deref()));
    }
    columns.utf8("actor", false, rows.iter().map(|r| Some(r.name.as_str())));
    columns.utf8("type", false, rows.iter().map(|r| Some(r.kind.as_str())));
    columns.int64("articles", rows.iter().map(|r| int(r.articles)));
    columns.int64("mentions", rows.iter().map(|r| int(r.mentions)));
    columns.date32("first", rows.iter().map(|r| parse_date(r.first.as_deref())));
    columns.date32("last", rows.iter().map(|r| parse_date(r.last.as_deref())));
    columns.list_utf8("roles", rows.iter().map(|r| r.roles.iter().map(String::as_str)));
    let batch = columns.batch()?;
    Ok((to_pyarrow(py, batch)?, py_diagnostics(outcome.diagnostics), outcome.outside))
}

/// One row of `dateline quotes --format csv`.
struct QuoteRow<'a> {
    path: &'a str,
    quote: &'a Quote,
}

/// `dateline quotes`: path, speaker, text, start, end, cue, kind: every quotation.
#[pyfunction]
#[allow(clippy::too_many_arguments, reason = "keyword arguments mirroring the CLI's options")]
#[pyo3(signature = (
    paths=None, table=None, *, top=None, types=None, aliases=None,
    options
))]
pub(crate) fn quotes(
    py: Python<'_>,
    paths: Option<Vec<String>>,
    table: Option<AnyRecordBatch>,
    top: Option<usize>,
    types: Option<Vec<String>>,
    aliases: Option<&str>,
    options: Options,
) -> PyResult<Answer> {
    let config = ActorsConfig::new(paths, table, aliases, types, options)?;
    let (found, outcome) = detached(py, config.threads, || config.find(true))?;
    let mut rows = Vec::new();
    for article in &found {
        for quote in &article.quotes {
            let kind =
                quote.speaker.as_ref().and_then(|name| article.actors.iter().find(|a| &a.name == name)).map(|a| a.kind);
            if !config.types.is_empty() && !kind.is_some_and(|k| config.types.contains(&k)) {
                continue;
            }
            rows.push(QuoteRow { path: &article.path, quote });
        }
    }
    if let Some(top) = options::top(top) {
        rows.truncate(top);
    }
    let mut columns = Columns::new();
    columns.utf8("path", false, rows.iter().map(|r| Some(r.path)));
    columns.utf8("speaker", true, rows.iter().map(|r| r.quote.speaker.as_deref()));
    columns.utf8("text", false, rows.iter().map(|r| Some(r.quote.text.as_str())));
    columns.int64("start", rows.iter().map(|r| int(r.quote.span.start)));
    columns.int64("end", rows.iter().map(|r| int(r.quote.span.end)));
    columns.utf8("cue", true, rows.iter().map(|r| r.quote.cue.as_deref()));
    columns.utf8(
        "kind",
        false,
        rows.iter().map(|r| {
            Some(match r.quote.kind {
                QuoteKind::Direct => "direct",
                QuoteKind::Mixed => "mixed",
            })
        }),
    );
    let batch = columns.batch()?;
    Ok((to_pyarrow(py, batch)?, py_diagnostics(outcome.diagnostics), outcome.outside))
}
