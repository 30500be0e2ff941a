//! `table`: for people reading a terminal. A report is its tables, aligned, one after
//! another; a document is a block of labelled fields:
//!
//! ```text
//! seeds/002_ff26b561ed4a4f97.txt
//!   title        Tehran, Moscow discuss maritime cooperation in Caspian Sea during China visit
//!   date         2024-09-15
//!   time         20:09
//!   dateline     TEHRAN
//!   sections     (none): 7; Commander expresses Iran’s readiness to support humanitarian initiatives: 3
//!   boilerplate  Leave a Comment
//! ```

use std::io::{self, Write};

use dateline_model::Document;

use super::report::{Cell, Column, Report, Streamed, Table};
use super::{Writer, outline};

const MISSING: &str = "-";

/// `table`: reports as aligned tables; documents as blocks of labelled fields.
pub(crate) struct Tables<'w> {
    out: &'w mut dyn Write,
    first: bool,
}

impl<'w> Tables<'w> {
    pub(crate) fn new(out: &'w mut dyn Write) -> Self {
        Self { out, first: true }
    }

    fn field(&mut self, label: &str, value: Option<&str>) -> io::Result<()> {
        writeln!(self.out, "  {label:<12} {}", value.filter(|v| !v.is_empty()).unwrap_or(MISSING))
    }
}

impl Writer for Tables<'_> {
    fn report(&mut self, report: &dyn Report) -> io::Result<()> {
        for (i, table) in report.tables().iter().enumerate() {
            if i > 0 {
                writeln!(self.out)?;
            }
            if let Some(caption) = &table.caption {
                writeln!(self.out, "{caption}")?;
            }
            if !table.columns.is_empty() {
                write_table(table, self.out)?;
            }
            if let Some(note) = &table.note {
                writeln!(self.out, "\n{note}")?;
            }
        }
        Ok(())
    }

    /// Walks the rows twice: once to measure the columns, once to write them.
    fn streamed(&mut self, report: &dyn Streamed) -> io::Result<()> {
        let frame = report.frame();
        if let Some(caption) = &frame.caption {
            writeln!(self.out, "{caption}")?;
        }
        if !frame.columns.is_empty() {
            let headers: Vec<String> = frame.columns.iter().map(|c| c.name.to_string()).collect();
            let cut_start: Vec<bool> = frame.columns.iter().map(|c| c.right).collect();
            let shown = |row: Vec<Cell>| -> Vec<String> {
                row.iter()
                    .zip(&frame.columns)
                    .zip(&cut_start)
                    .map(|((cell, col), &cut)| fit(&col.show(cell), cut))
                    .collect()
            };
            let mut widths = widths_of(&headers);
            report.each_row(&mut |row| {
                widen(&mut widths, &shown(row));
                Ok(())
            })?;
            let right: Vec<bool> = frame.columns.iter().map(Column::aligns_right).collect();
            write_line(self.out, &widths, &right, &headers)?;
            let out = &mut *self.out;
            report.each_row(&mut |row| write_line(out, &widths, &right, &shown(row)))?;
        }
        if let Some(note) = &frame.note {
            writeln!(self.out, "\n{note}")?;
        }
        Ok(())
    }

    fn document(&mut self, doc: &Document) -> io::Result<()> {
        if !std::mem::take(&mut self.first) {
            writeln!(self.out)?;
        }
        writeln!(self.out, "{}", doc.path)?;
        let Some(article) = &doc.article else {
            let problems = doc.diagnostics.iter().map(|d| d.message.as_str()).collect::<Vec<_>>().join("; ");
            return self.field("no article", Some(&problems));
        };
        let published = article.published.as_ref();
        let dateline = article.dateline.as_ref().map(|d| {
            let parts: Vec<&str> = [&d.place, &d.region, &d.date].into_iter().flatten().map(String::as_str).collect();
            let mut text = parts.join(", ");
            if let Some(agency) = &d.agency {
                let gap = if text.is_empty() { "" } else { " " };
                text.push_str(&format!("{gap}({agency})"));
            }
            text
        });
        self.field("title", article.title.as_deref())?;
        self.field("date", published.map(|p| p.date.to_string()).as_deref())?;
        self.field("time", published.and_then(|p| p.time).map(|t| t.format("%H:%M").to_string()).as_deref())?;
        self.field("dateline", dateline.as_deref())?;
        // Fields most files lack are shown only when there.
        if let Some(updated) = &article.updated {
            self.field("updated", Some(&super::stamp(updated)))?;
        }
        if !article.authors.is_empty() {
            self.field("authors", Some(&article.authors.join(", ")))?;
        }
        if !article.credits.is_empty() {
            let credits: Vec<&str> = article.credits.iter().map(|c| c.text.as_str()).collect();
            self.field("credits", Some(&credits.join(" | ")))?;
        }
        self.field("sections", Some(&outline(doc)))?;
        self.field("boilerplate", Some(&article.boilerplate.join(" | ")))?;
        let (warnings, errors) = (doc.warning_count(), doc.error_count());
        if warnings + errors > 0 {
            self.field("diagnostics", Some(&format!("{warnings} warnings, {errors} errors")))?;
        }
        Ok(())
    }
}

/// The widest a text cell may be in a table before it is cut with `…`.
const MAX_CELL: usize = 60;

fn write_table(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    let grid = table.grid(Column::show);
    let cells: Vec<Vec<String>> = grid
        .rows
        .iter()
        .map(|row| row.iter().zip(&grid.cut_start).map(|(text, &cut_start)| fit(text, cut_start)).collect())
        .collect();
    let mut widths = widths_of(&grid.headers);
    for row in &cells {
        widen(&mut widths, row);
    }
    write_line(out, &widths, &grid.right, &grid.headers)?;
    for row in &cells {
        write_line(out, &widths, &grid.right, row)?;
    }
    Ok(())
}

/// A cell's text cut to [`MAX_CELL`] characters, at its start or at its end.
fn fit(text: &str, cut_start: bool) -> String {
    if cut_start { truncate_start(text) } else { truncate(text) }
}

fn widths_of(headers: &[String]) -> Vec<usize> {
    headers.iter().map(|c| c.chars().count()).collect()
}

fn widen(widths: &mut [usize], row: &[String]) {
    for (width, text) in widths.iter_mut().zip(row) {
        *width = (*width).max(text.chars().count());
    }
}

/// One line of a table: each text padded to its column's width (on the left when `right`),
/// two spaces between columns, no trailing spaces.
fn write_line(out: &mut dyn Write, widths: &[usize], right: &[bool], texts: &[String]) -> io::Result<()> {
    let mut parts = Vec::with_capacity(texts.len());
    for (i, text) in texts.iter().enumerate() {
        let pad = widths[i].saturating_sub(text.chars().count());
        let last = i + 1 == texts.len();
        parts.push(if right[i] {
            format!("{}{text}", " ".repeat(pad))
        } else if last {
            text.clone()
        } else {
            format!("{text}{}", " ".repeat(pad))
        });
    }
    writeln!(out, "{}", parts.join("  ").trim_end())
}

fn truncate_start(text: &str) -> String {
    let count = text.chars().count();
    if count <= MAX_CELL {
        return text.to_owned();
    }
    let mut cut = String::from("…");
    cut.extend(text.chars().skip(count - (MAX_CELL - 1)));
    cut
}

fn truncate(text: &str) -> String {
    if text.chars().count() <= MAX_CELL {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(MAX_CELL - 1).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::report::tests::{Demo, held_and_streamed};

    #[test]
    fn tables_align_text_left_and_numbers_right() {
        let mut out = Vec::new();
        Tables::new(&mut out).report(&Demo).expect("writes to memory");
        assert_eq!(
            String::from_utf8(out).ok().as_deref(),
            Some("term    count    rate\nLavrov     12  3.2500\nGaza        7  0.5000\n")
        );
    }

    #[test]
    fn a_streamed_table_is_written_as_the_same_table_held_whole() {
        let (held, streamed) = held_and_streamed(crate::output::Format::Table);
        assert_eq!(String::from_utf8(streamed).ok(), String::from_utf8(held).ok());
    }
}
