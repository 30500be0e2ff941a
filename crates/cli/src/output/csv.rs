//! `csv`: one row per file with the article's main fields and counts, for spreadsheets. The
//! columns added since the first release (`authors`, `credits`, `updated`) come last.

use std::io::{self, Write};

use dateline_model::Document;
use serde::Serialize;

use super::{DocumentSink, outline};

#[derive(Serialize)]
struct Row<'a> {
    path: &'a str,
    title: Option<&'a str>,
    date: Option<String>,
    time: Option<String>,
    place: Option<&'a str>,
    agency: Option<&'a str>,
    sections: String,
    paragraphs: usize,
    boilerplate: String,
    warnings: usize,
    errors: usize,
    authors: String,
    credits: String,
    updated: Option<String>,
}

pub(crate) struct Csv<W: Write> {
    out: csv::Writer<W>,
}

impl<W: Write> Csv<W> {
    pub(crate) fn new(out: W) -> Self {
        Self { out: csv::Writer::from_writer(out) }
    }
}

impl<W: Write> DocumentSink for Csv<W> {
    fn write(&mut self, doc: &Document) -> io::Result<()> {
        let article = doc.article.as_ref();
        let published = article.and_then(|a| a.published.as_ref());
        let dateline = article.and_then(|a| a.dateline.as_ref());
        self.out.serialize(Row {
            path: &doc.path,
            title: article.and_then(|a| a.title.as_deref()),
            date: published.map(|p| p.date.to_string()),
            time: published.and_then(|p| p.time).map(|t| t.format("%H:%M").to_string()),
            place: dateline.and_then(|d| d.place.as_deref()),
            agency: dateline.and_then(|d| d.agency.as_deref()),
            sections: outline(doc),
            paragraphs: article.map_or(0, |a| a.paragraphs().count()),
            boilerplate: article.map_or_else(String::new, |a| a.boilerplate.join(" | ")),
            warnings: doc.warning_count(),
            errors: doc.error_count(),
            authors: article.map_or_else(String::new, |a| a.authors.join(" | ")),
            credits: article.map_or_else(String::new, |a| {
                a.credits.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" | ")
            }),
            updated: article.and_then(|a| a.updated.as_ref()).map(super::stamp),
        })?;
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
