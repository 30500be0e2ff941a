//! `csv`: for spreadsheets. A report is its CSV table (the first, unless it says otherwise),
//! with floats in full precision; a document is one row of the article's main fields and counts
//! (the columns added since the first release, `authors`, `credits` and `updated`, come last).

use std::io::{self, Write};

use dateline_model::Document;
use serde::Serialize;

use super::report::{Column, Report, Streamed};
use super::{Writer, outline};

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

pub(crate) struct Csv<'w> {
    out: csv::Writer<&'w mut dyn Write>,
}

impl<'w> Csv<'w> {
    pub(crate) fn new(out: &'w mut dyn Write) -> Self {
        Self { out: csv::Writer::from_writer(out) }
    }
}

impl Writer for Csv<'_> {
    fn report(&mut self, report: &dyn Report) -> io::Result<()> {
        let grid = report.csv().grid(Column::write);
        self.out.write_record(&grid.headers)?;
        for row in &grid.rows {
            self.out.write_record(row)?;
        }
        self.out.flush()
    }

    fn streamed(&mut self, report: &dyn Streamed) -> io::Result<()> {
        let frame = report.csv_frame();
        self.out.write_record(frame.columns.iter().map(|c| c.name.as_ref()))?;
        let out = &mut self.out;
        report.each_csv_row(&mut |row| {
            out.write_record(row.iter().zip(&frame.columns).map(|(cell, col)| col.write(cell)))?;
            Ok(())
        })?;
        self.out.flush()
    }

    fn document(&mut self, doc: &Document) -> io::Result<()> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::report::tests::{Demo, held_and_streamed};

    #[test]
    fn reports_carry_their_rows_at_full_precision() {
        let mut out = Vec::new();
        Csv::new(&mut out).report(&Demo).expect("writes to memory");
        assert_eq!(String::from_utf8(out).ok().as_deref(), Some("term,count,rate\nLavrov,12,3.25\nGaza,7,0.5\n"));
    }

    #[test]
    fn a_streamed_report_is_the_same_rows() {
        let (held, streamed) = held_and_streamed(crate::output::Format::Csv);
        assert_eq!(streamed, held);
    }
}
