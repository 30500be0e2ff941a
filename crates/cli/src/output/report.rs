//! Statistics reports in every format: aligned tables for people, JSON for scripts, CSV for
//! spreadsheets. A report says what its table looks like and what its JSON is; this module
//! does the rest.

use std::borrow::Cow;
use std::io::{self, Write};

use serde_json::Value;

use crate::cli::StatsFormat;

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Text(String),
    /// Text aligned to the right, as the left context of a concordance line.
    Right(String),
    Int(u64),
    Float(f64),
    Empty,
}

impl Cell {
    fn render(&self) -> String {
        match self {
            Self::Text(text) | Self::Right(text) => text.clone(),
            Self::Int(n) => n.to_string(),
            Self::Float(x) => format_float(*x),
            Self::Empty => String::new(),
        }
    }

    fn aligns_right(&self) -> bool {
        matches!(self, Self::Int(_) | Self::Float(_) | Self::Right(_))
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<u64> for Cell {
    fn from(n: u64) -> Self {
        Self::Int(n)
    }
}

impl From<usize> for Cell {
    fn from(n: usize) -> Self {
        Self::Int(n as u64)
    }
}

impl From<f64> for Cell {
    fn from(x: f64) -> Self {
        Self::Float(x)
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(value: Option<T>) -> Self {
        value.map_or(Self::Empty, Into::into)
    }
}

/// Four significant decimals for people; JSON and CSV carry full precision.
fn format_float(x: f64) -> String {
    if x == 0.0 || x.abs() >= 0.001 { format!("{x:.4}") } else { format!("{x:.3e}") }
}

/// Columns and rows, for `table` and `csv`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Table {
    pub(crate) columns: Vec<Cow<'static, str>>,
    pub(crate) rows: Vec<Vec<Cell>>,
}

impl Table {
    /// A table with these column names (fixed or made at run time, like `topic_3`).
    pub(crate) fn new<C: Into<Cow<'static, str>>>(columns: Vec<C>, rows: Vec<Vec<Cell>>) -> Self {
        Self { columns: columns.into_iter().map(Into::into).collect(), rows }
    }
}

/// A statistics result that can be written in every format.
pub(crate) trait Report {
    /// The rows of `table` and `csv` output.
    fn table(&self) -> Table;

    /// The whole result as one JSON value, for `json`.
    fn json(&self) -> Value;

    /// One JSON value per line, for `jsonl`: by default the elements of an array, or the
    /// value itself.
    fn json_lines(&self) -> Vec<Value> {
        match self.json() {
            Value::Array(items) => items,
            value => vec![value],
        }
    }

    /// A line above the table, if any.
    fn caption(&self) -> Option<String> {
        None
    }
}

/// Writes `report` to `out` in `format`.
pub(crate) fn write(report: &dyn Report, format: StatsFormat, out: &mut dyn Write) -> io::Result<()> {
    match format {
        StatsFormat::Table => write_table(report, out),
        StatsFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &report.json())?;
            writeln!(out)
        }
        StatsFormat::Jsonl => {
            for line in report.json_lines() {
                serde_json::to_writer(&mut *out, &line)?;
                writeln!(out)?;
            }
            Ok(())
        }
        StatsFormat::Csv => {
            let table = report.table();
            let mut csv = csv::Writer::from_writer(out);
            csv.write_record(table.columns.iter().map(|c| c.as_bytes()))?;
            for row in &table.rows {
                csv.write_record(row.iter().map(|cell| match cell {
                    Cell::Float(x) => x.to_string(),
                    cell => cell.render(),
                }))?;
            }
            csv.flush()
        }
    }
}

/// The widest a text cell may be in a table before it is cut with `…`.
const MAX_CELL: usize = 60;

fn write_table(report: &dyn Report, out: &mut dyn Write) -> io::Result<()> {
    if let Some(caption) = report.caption() {
        writeln!(out, "{caption}")?;
    }
    let table = report.table();
    let cells: Vec<Vec<(String, bool)>> = table
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| {
                    let text = cell.render();
                    // A left context is cut at its start, so the words next to the keyword stay.
                    let text = if matches!(cell, Cell::Right(_)) { truncate_start(&text) } else { truncate(&text) };
                    (text, cell.aligns_right())
                })
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = table.columns.iter().map(|c| c.chars().count()).collect();
    for row in &cells {
        for (width, (text, _)) in widths.iter_mut().zip(row) {
            *width = (*width).max(text.chars().count());
        }
    }
    let numeric: Vec<bool> =
        (0..table.columns.len()).map(|i| cells.iter().any(|row| row.get(i).is_some_and(|c| c.1))).collect();
    let line = |out: &mut dyn Write, texts: Vec<&str>| -> io::Result<()> {
        let mut parts = Vec::with_capacity(texts.len());
        for (i, text) in texts.iter().enumerate() {
            let pad = widths[i].saturating_sub(text.chars().count());
            let last = i + 1 == texts.len();
            parts.push(if numeric[i] {
                format!("{}{text}", " ".repeat(pad))
            } else if last {
                (*text).to_owned()
            } else {
                format!("{text}{}", " ".repeat(pad))
            });
        }
        writeln!(out, "{}", parts.join("  ").trim_end())
    };
    line(out, table.columns.iter().map(AsRef::as_ref).collect())?;
    for row in &cells {
        line(out, row.iter().map(|(text, _)| text.as_str()).collect())?;
    }
    Ok(())
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

    struct Demo;

    impl Report for Demo {
        fn table(&self) -> Table {
            Table::new(
                vec!["term", "count", "rate"],
                vec![vec!["Lavrov".into(), 12u64.into(), 3.25.into()], vec!["Gaza".into(), 7u64.into(), 0.5.into()]],
            )
        }

        fn json(&self) -> Value {
            serde_json::json!([{"term": "Lavrov", "count": 12}, {"term": "Gaza", "count": 7}])
        }
    }

    fn render(format: StatsFormat) -> String {
        let mut out = Vec::new();
        write(&Demo, format, &mut out).expect("writes to memory");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn tables_align_text_left_and_numbers_right() {
        assert_eq!(render(StatsFormat::Table), "term    count    rate\nLavrov     12  3.2500\nGaza        7  0.5000\n");
    }

    #[test]
    fn csv_and_jsonl_carry_the_same_rows() {
        assert_eq!(render(StatsFormat::Csv), "term,count,rate\nLavrov,12,3.25\nGaza,7,0.5\n");
        assert_eq!(render(StatsFormat::Jsonl), "{\"term\":\"Lavrov\",\"count\":12}\n{\"term\":\"Gaza\",\"count\":7}\n");
    }
}
