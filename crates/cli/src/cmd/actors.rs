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
        let dates = DateRange::new(args.since, args.until)?;
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

/// Reads the documents, reports their diagnostics, and finds the actors (and quotations,
/// with `quotes`) of every article in the date range, on all threads, in input order.
pub(crate) fn find(
    documents: Documents<'_>,
    config: &ActorsConfig,
    quotes: bool,
    reporter: &mut Reporter,
) -> Vec<Found> {
    let mut outside = 0usize;
    let articles = documents.enumerate().filter_map(|(index, doc)| {
        reporter.document(&doc);
        let article = doc.article?;
        let date = article.published.as_ref().map(|p| p.date);
        if !config.dates.contains(date) {
            outside += 1;
            return None;
        }
        Some((index, doc.path, date, article))
    });
    let mut found: Vec<(usize, Found)> = articles
        .par_bridge()
        .map(|(index, path, date, article)| {
            let actors = dateline_actors::extract(&article);
            let quotes = if quotes { dateline_actors::quotes(&article, &actors) } else { Vec::new() };
            (index, Found { path, date, article, actors, quotes })
        })
        .collect();
    found.sort_unstable_by_key(|(index, _)| *index);
    if outside > 0 {
        reporter.note(&format!("{outside} articles outside --since/--until (or undated) were left out"));
    }
    if found.is_empty() {
        reporter.note("no articles to read actors from");
    }
    found.into_iter().map(|(_, found)| found).collect()
}

/// The period label of a date, or `None` without `--by`.
pub(crate) fn period_of(by: Option<Period>, date: Option<NaiveDate>) -> Option<String> {
    by.map(|period| period.key(date).to_string())
}

/// The corpus table (table, JSON, CSV) and each article's actors (JSON lines).
struct ActorsReport {
    rows: Vec<ActorRow>,
    by: bool,
    articles: Vec<Value>,
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

    fn json_lines(&self) -> Vec<Value> {
        self.articles.clone()
    }
}

/// A date the actors crate gives as `YYYY-MM-DD` text (it formats the articles' dates).
fn date(text: Option<&str>) -> Option<NaiveDate> {
    text.and_then(|text| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
}

pub(crate) fn run(
    documents: Documents<'_>,
    config: &ActorsConfig,
    by: Option<Period>,
    out: &mut dyn Writer,
    reporter: &mut Reporter,
) -> Result<()> {
    let found = find(documents, config, false, reporter);
    let articles = found
        .iter()
        .map(|article| {
            let actors: Vec<Value> = article
                .actors
                .iter()
                .filter(|a| config.wanted(a.kind))
                .map(|a| {
                    json!({"name": a.name, "type": a.kind.as_str(), "aliases": a.aliases,
                           "mentions": a.mentions.iter().map(|s| [s.start, s.end]).collect::<Vec<_>>(),
                           "roles": a.roles})
                })
                .collect();
            json!({"path": article.path, "actors": actors})
        })
        .collect();
    let mut corpus = CorpusActors::new();
    for article in &found {
        let date = article.date.map(|d| d.to_string());
        let actors: Vec<Actor> = article.actors.iter().filter(|a| config.wanted(a.kind)).cloned().collect();
        corpus.add(date.as_deref(), period_of(by, article.date).as_deref(), &actors, &config.aliases);
    }
    let mut rows = corpus.finish(&config.aliases);
    config.top.keep_per(&mut rows, |row| row.period.clone());
    out.report(&ActorsReport { rows, by: by.is_some(), articles })?;
    Ok(())
}
