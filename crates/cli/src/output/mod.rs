//! The one output layer: every command writes reports ([`report::Report`]: named tables of
//! typed columns, and JSON) or documents through a [`Writer`], one file per format, chosen by
//! one match in [`writer`]. A new format is a file and an arm; `chart.rs` draws SVG charts;
//! `top.rs` decides and applies `--top` for every command.

pub(crate) mod chart;
mod csv;
mod json;
mod jsonl;
mod parquet;
pub(crate) mod report;
mod table;
mod text;
pub(crate) mod top;

use std::io::{self, Write};

use clap::ValueEnum;
use dateline_model::Document;
use dateline_parse::ArticleParser;

use self::report::{Report, Streamed};

/// An output format: `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    Table,
    Text,
    Json,
    Jsonl,
    Csv,
    Parquet,
}

impl Format {
    /// The formats of reports (all but `text`, which only articles have).
    pub(crate) const REPORTS: [&'static str; 5] = ["table", "json", "jsonl", "csv", "parquet"];
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = self.to_possible_value().map(|v| v.get_name().to_owned()).unwrap_or_default();
        f.write_str(&name)
    }
}

/// Writes reports and documents in one format, then closes the output (a JSON array's `]`).
pub(crate) trait Writer {
    fn report(&mut self, report: &dyn Report) -> io::Result<()>;

    fn document(&mut self, doc: &Document) -> io::Result<()>;

    /// Writes a report whose rows are made as they are written: the same output as
    /// [`report`](Self::report) of the same rows held whole.
    fn streamed(&mut self, report: &dyn Streamed) -> io::Result<()>;

    fn finish(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The writer of `format` over `out`; `parser` is what the articles were read with (the
/// `text` form prints them back with it).
pub(crate) fn writer<'w>(format: Format, out: &'w mut dyn Write, parser: &'w ArticleParser) -> Box<dyn Writer + 'w> {
    match format {
        Format::Table => Box::new(table::Tables::new(out)),
        Format::Text => Box::new(text::Text::new(out, parser)),
        Format::Json => Box::new(json::Json::new(out)),
        Format::Jsonl => Box::new(jsonl::JsonLines::new(out)),
        Format::Csv => Box::new(csv::Csv::new(out)),
        Format::Parquet => Box::new(parquet::Parquet::new(out)),
    }
}

/// `2024-03-04 11:40`: a date and its time, if it has one, as tables and CSV write them.
pub(crate) fn stamp(published: &dateline_model::Published) -> String {
    match published.time {
        Some(time) => format!("{} {}", published.date, time.format("%H:%M")),
        None => published.date.to_string(),
    }
}

/// `(none): 7; Commander expresses ...: 3`: each section's heading and paragraph count, as
/// DESIGN.md's seed table writes them.
pub(crate) fn outline(doc: &Document) -> String {
    let Some(article) = &doc.article else {
        return String::new();
    };
    let parts: Vec<String> = article
        .sections
        .iter()
        .map(|s| format!("{}: {}", s.heading.as_deref().unwrap_or("(none)"), s.paragraphs.len()))
        .collect();
    parts.join("; ")
}
