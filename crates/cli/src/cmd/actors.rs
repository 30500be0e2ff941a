//! `dateline actors`: the people, organisations and places each article names, and over the
//! corpus (per period on request) how often.

use crate::cmd::Documents;
use anyhow::{Context, Result};
use chrono::NaiveDate;
use dateline_actors::{Actor, ActorRow, ActorType, AliasTable, CorpusActors, Quote};
use dateline_model::{Article, Period};
use rayon::prelude::*;
use serde_json::{Value, json};

use crate::args::actors::{ActorInputArgs, ActorTypeArg};
use crate::config::DateRange;
use crate::output::Writer;
use crate::output::report::{Column, Report, Table};
use crate::output::top::{Top, TopDefault};
use crate::report::Reporter;

/// What the three actor commands share, decided before any work.
#[derive(Debug)]
pub(crate) struct ActorsConfig {
    /// `--top`: rows per table, or per period with `--by`.
    pub(crate) top: Top,
    pub(crate) dates: DateRange,
    pub(crate) aliases: AliasTable,
    pub(crate) types: Vec<ActorType>,
}

impl ActorsConfig {
    /// `table`: whether the output is a table for people, which alone is cut by default.
    pub(crate) fn from_args(args: &ActorInputArgs, table: bool) -> Result<Self> {
        let dates = DateRange::new(args.dates)?;
        let aliases = match &args.aliases {
            None => AliasTable::new(),
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("cannot read the aliases file {}", path.display()))?;
                AliasTable::parse(&text).with_context(|| format!("{}: not an aliases file", path.display()))?
            }
        };
        let types = args
            .types
            .iter()
            .map(|t| match t {
                ActorTypeArg::Person => ActorType::Person,
                ActorTypeArg::Organization => ActorType::Organization,
                ActorTypeArg::Place => ActorType::Place,
            })
            .collect();
        let top = Top::new(args.top, TopDefault::InTables, table);
        Ok(Self { top, dates, aliases, types })
    }

    fn wanted(&self, kind: ActorType) -> bool {
        self.types.is_empty() || self.types.contains(&kind)
    }
}

/// One article's findings.
pub(crate) struct Found {
    pub(crate) path: String,
    pub(crate) date: Option<NaiveDate>,
    pub(crate) article: Article,
    pub(crate) actors: Vec<Actor>,
    pub(crate) quotes: Vec<Quote>,
}

/// Articles read at a time: their findings are made in parallel, then handed on in input
/// order, so memory holds one chunk of articles, never the corpus.
const CHUNK: usize = 256;

/// Reads the documents, reports their diagnostics, finds the actors (and quotations, with
/// `quotes`) of every article in the date range on all threads, and hands each article's
/// findings to `each` in input order.
pub(crate) fn for_each(
    documents: Documents<'_>,
    config: &ActorsConfig,
    quotes: bool,
    reporter: &mut Reporter,
    mut each: impl FnMut(Found) -> Result<()>,
) -> Result<()> {
    let mut outside = 0usize;
    let mut read = 0usize;
    let mut documents = documents;
    let mut chunk = Vec::with_capacity(CHUNK);
    loop {
        for doc in documents.by_ref() {
            reporter.document(&doc);
            let Some(article) = doc.article else { continue };
            let date = article.published.as_ref().map(|p| p.date);
            if !config.dates.contains(date) {
                outside += 1;
                continue;
            }
            chunk.push((doc.path, date, article));
            if chunk.len() == CHUNK {
                break;
            }
        }
        if chunk.is_empty() {
            break;
        }
        read += chunk.len();
        let found: Vec<Found> = chunk
            .par_drain(..)
            .map(|(path, date, article)| {
                let actors = dateline_actors::extract(&article);
                let quotes = if quotes { dateline_actors::quotes(&article, &actors) } else { Vec::new() };
                Found { path, date, article, actors, quotes }
            })
            .collect();
        found.into_iter().try_for_each(&mut each)?;
    }
    if outside > 0 {
        reporter.note(&format!("{outside} articles outside --since/--until (or undated) were left out"));
    }
    if read == 0 {
        reporter.note("no articles to read actors from");
    }
    Ok(())
}

/// The period label of a date, or `None` without `--by`.
pub(crate) fn period_of(by: Option<Period>, date: Option<NaiveDate>) -> Option<String> {
    by.map(|period| period.key(date).to_string())
}

/// The corpus table (table, JSON, CSV).
struct ActorsReport {
    rows: Vec<ActorRow>,
    by: bool,
}

impl Report for ActorsReport {
    fn tables(&self) -> Vec<Table> {
        let mut columns = vec![
            Column::text("actor"),
            Column::text("type"),
            Column::int("articles"),
            Column::int("mentions"),
            Column::date("first").nullable(),
            Column::date("last").nullable(),
            Column::list("roles", "; "),
        ];
        if self.by {
            columns.insert(0, Column::text("period").nullable());
        }
        let rows = self
            .rows
            .iter()
            .map(|row| {
                let mut cells = vec![
                    row.name.as_str().into(),
                    row.kind.as_str().into(),
                    row.articles.into(),
                    row.mentions.into(),
                    date(row.first.as_deref()).into(),
                    date(row.last.as_deref()).into(),
                    row.roles.clone().into(),
                ];
                if self.by {
                    cells.insert(0, row.period.clone().into());
                }
                cells
            })
            .collect();
        vec![Table::new(columns, rows)]
    }

    fn json(&self) -> Value {
        json!(self.rows)
    }
}

/// One article's actors, the line `--format jsonl` writes for it as soon as it is read.
struct ArticleActors<'a> {
    path: &'a str,
    actors: Vec<&'a Actor>,
}

impl Report for ArticleActors<'_> {
    /// The article's actors as a table, should a writer other than JSON lines be given one.
    fn tables(&self) -> Vec<Table> {
        let columns = vec![Column::text("path"), Column::text("actor"), Column::text("type")];
        let rows = self.actors.iter().map(|a| vec![self.path.into(), a.name.as_str().into(), a.kind.as_str().into()]);
        vec![Table::new(columns, rows.collect())]
    }

    fn json(&self) -> Value {
        let actors: Vec<Value> = self
            .actors
            .iter()
            .map(|a| {
                json!({"name": a.name, "type": a.kind.as_str(), "aliases": a.aliases,
                       "mentions": a.mentions.iter().map(|s| [s.start, s.end]).collect::<Vec<_>>(),
                       "roles": a.roles})
            })
            .collect();
        json!({"path": self.path, "actors": actors})
    }

    fn json_lines(&self) -> Vec<Value> {
        vec![self.json()]
    }
}

/// A date the actors crate gives as `YYYY-MM-DD` text (it formats the articles' dates).
fn date(text: Option<&str>) -> Option<NaiveDate> {
    text.and_then(|text| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
}

/// With `lines` (`--format jsonl`), each article's actors as it is read; otherwise the
/// corpus table, counted as articles are read (nothing of an article is kept).
pub(crate) fn run(
    documents: Documents<'_>,
    config: &ActorsConfig,
    by: Option<Period>,
    lines: bool,
    out: &mut dyn Writer,
    reporter: &mut Reporter,
) -> Result<()> {
    let mut corpus = CorpusActors::new();
    for_each(documents, config, false, reporter, |found| {
        let actors = found.actors.iter().filter(|a| config.wanted(a.kind));
        if lines {
            out.report(&ArticleActors { path: &found.path, actors: actors.collect() })?;
        } else {
            let actors: Vec<Actor> = actors.cloned().collect();
            let date = found.date.map(|d| d.to_string());
            corpus.add(date.as_deref(), period_of(by, found.date).as_deref(), &actors, &config.aliases);
        }
        Ok(())
    })?;
    if !lines {
        let mut rows = corpus.finish(&config.aliases);
        config.top.keep_per(&mut rows, |row| row.period.clone());
        out.report(&ActorsReport { rows, by: by.is_some() })?;
    }
    Ok(())
}
