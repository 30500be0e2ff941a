//! What a report is made of, whatever the format: named tables whose columns are declared
//! once with a type, for people, spreadsheets and typed files (Parquet), and the JSON for
//! scripts. The writers under `output/` do the rest.

use std::borrow::Cow;
use std::io;

use chrono::NaiveDate;
use serde_json::Value;

/// What a column holds: every cell of the column is of this kind, or empty when the column
/// is nullable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    /// A count, rank or offset; Parquet stores it as a signed 64-bit integer (Spark rejects
    /// unsigned ones).
    Int,
    Float,
    Date,
    /// A list of text; tables and CSV join it with `separator`.
    List {
        separator: &'static str,
    },
}

/// A column's name and type, declared once per table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Column {
    pub(crate) name: Cow<'static, str>,
    pub(crate) kind: Kind,
    /// Whether a cell may be empty (a null in typed formats).
    pub(crate) nullable: bool,
    /// Text aligned to the right and cut at its start in tables, as the left context of a
    /// concordance line is, so the words next to the keyword stay.
    pub(crate) right: bool,
    /// What people see in a record table's `measure` column (see [`Table::record`]).
    pub(crate) label: Option<&'static str>,
}

impl Column {
    fn new(name: impl Into<Cow<'static, str>>, kind: Kind) -> Self {
        Self { name: name.into(), kind, nullable: false, right: false, label: None }
    }

    pub(crate) fn text(name: impl Into<Cow<'static, str>>) -> Self {
        Self::new(name, Kind::Text)
    }

    pub(crate) fn int(name: impl Into<Cow<'static, str>>) -> Self {
        Self::new(name, Kind::Int)
    }

    pub(crate) fn float(name: impl Into<Cow<'static, str>>) -> Self {
        Self::new(name, Kind::Float)
    }

    pub(crate) fn date(name: impl Into<Cow<'static, str>>) -> Self {
        Self::new(name, Kind::Date)
    }

    /// A list of text, shown joined with `separator`.
    pub(crate) fn list(name: impl Into<Cow<'static, str>>, separator: &'static str) -> Self {
        Self::new(name, Kind::List { separator })
    }

    /// The same column, whose cells may be empty.
    pub(crate) fn nullable(mut self) -> Self {
        self.nullable = true;
        self
    }

    /// The same column, aligned right and cut at its start in tables.
    pub(crate) fn right(mut self) -> Self {
        self.right = true;
        self
    }

    /// The same column, shown to people as `label` in a record table.
    pub(crate) fn label(mut self, label: &'static str) -> Self {
        self.label = Some(label);
        self
    }

    /// Whether `cell` may stand in this column.
    pub(crate) fn admits(&self, cell: &Cell) -> bool {
        match (cell, self.kind) {
            (Cell::Empty, _) => self.nullable,
            (Cell::Text(_), Kind::Text)
            | (Cell::Int(_), Kind::Int)
            | (Cell::Float(_), Kind::Float)
            | (Cell::Date(_), Kind::Date)
            | (Cell::List(_), Kind::List { .. }) => true,
            _ => false,
        }
    }

    /// Numbers line up on the right in tables.
    pub(crate) fn aligns_right(&self) -> bool {
        self.right || matches!(self.kind, Kind::Int | Kind::Float)
    }

    /// `cell` as tables show it: floats to four significant decimals.
    pub(crate) fn show(&self, cell: &Cell) -> String {
        match cell {
            Cell::Float(x) => format_float(*x),
            cell => self.write(cell),
        }
    }

    /// `cell` as CSV writes it: floats in full precision.
    pub(crate) fn write(&self, cell: &Cell) -> String {
        match cell {
            Cell::Text(text) => text.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Float(x) => x.to_string(),
            Cell::Date(date) => date.to_string(),
            Cell::List(items) => match self.kind {
                Kind::List { separator } => items.join(separator),
                _ => items.join(" "),
            },
            Cell::Empty => String::new(),
        }
    }
}

/// One cell of a table, of its column's [`Kind`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Text(String),
    Int(u64),
    Float(f64),
    Date(NaiveDate),
    List(Vec<String>),
    Empty,
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

impl From<NaiveDate> for Cell {
    fn from(date: NaiveDate) -> Self {
        Self::Date(date)
    }
}

impl From<Vec<String>> for Cell {
    fn from(items: Vec<String>) -> Self {
        Self::List(items)
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(value: Option<T>) -> Self {
        value.map_or(Self::Empty, Into::into)
    }
}

/// Four significant decimals for people; JSON and CSV carry full precision.
pub(crate) fn format_float(x: f64) -> String {
    if x == 0.0 || x.abs() >= 0.001 { format!("{x:.4}") } else { format!("{x:.3e}") }
}

/// Typed columns and rows, with a line above for people (`caption`) and one after (`note`).
#[derive(Debug, Clone, Default)]
pub(crate) struct Table {
    pub(crate) columns: Vec<Column>,
    pub(crate) rows: Vec<Vec<Cell>>,
    pub(crate) caption: Option<String>,
    pub(crate) note: Option<String>,
    /// A record (one row of many measures) is shown to people and spreadsheets turned on its
    /// side, one line per column under these two headers; typed formats keep it a row.
    pub(crate) record: Option<[&'static str; 2]>,
}

impl Table {
    /// A table of these columns (fixed or made at run time, like `topic_3`). Every cell must
    /// be of its column's kind: a debug build stops on a mismatch, and typed writers refuse it.
    pub(crate) fn new(columns: Vec<Column>, rows: Vec<Vec<Cell>>) -> Self {
        debug_assert!(
            rows.iter().all(|row| row.len() == columns.len() && row.iter().zip(&columns).all(|(c, col)| col.admits(c))),
            "a cell does not match its column's type in the table of {:?}",
            columns.iter().map(|c| &c.name).collect::<Vec<_>>()
        );
        Self { columns, rows, caption: None, note: None, record: None }
    }

    /// One row of measures, shown to people and in CSV as `headers` (`measure`, `value`) with
    /// a line per column: its label, then its value.
    pub(crate) fn record(columns: Vec<Column>, row: Vec<Cell>, headers: [&'static str; 2]) -> Self {
        Self { record: Some(headers), ..Self::new(columns, vec![row]) }
    }

    /// The same table with a line above it, for people.
    pub(crate) fn caption(mut self, caption: impl Into<String>) -> Self {
        self.caption = Some(caption.into());
        self
    }

    /// The same table with a line after it, for people.
    pub(crate) fn note(mut self, note: Option<String>) -> Self {
        self.note = note;
        self
    }

    /// The table as text for people and spreadsheets, each cell rendered by `render` (with
    /// its column): a record turned on its side, any other table as it is.
    pub(crate) fn grid(&self, render: impl Fn(&Column, &Cell) -> String) -> Grid {
        let Some(headers) = self.record else {
            return Grid {
                headers: self.columns.iter().map(|c| c.name.to_string()).collect(),
                rows: self
                    .rows
                    .iter()
                    .map(|row| row.iter().zip(&self.columns).map(|(cell, col)| render(col, cell)).collect())
                    .collect(),
                right: self.columns.iter().map(Column::aligns_right).collect(),
                cut_start: self.columns.iter().map(|c| c.right).collect(),
            };
        };
        let row = self.rows.first();
        let rows = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, col)| {
                let value = row.and_then(|r| r.get(i)).map_or_else(String::new, |cell| render(col, cell));
                vec![col.label.map_or_else(|| col.name.to_string(), str::to_owned), value]
            })
            .collect();
        Grid {
            headers: headers.map(str::to_owned).to_vec(),
            rows,
            right: vec![false, self.columns.iter().any(Column::aligns_right)],
            cut_start: vec![false, false],
        }
    }
}

/// A table rendered to text: headers, rows, and how each column lines up.
#[derive(Debug, Clone)]
pub(crate) struct Grid {
    pub(crate) headers: Vec<String>,
    pub(crate) rows: Vec<Vec<String>>,
    /// Per column: aligned right in tables.
    pub(crate) right: Vec<bool>,
    /// Per column: cut at its start (rather than its end) when too wide for a table.
    pub(crate) cut_start: Vec<bool>,
}

/// A result that can be written in every format.
pub(crate) trait Report {
    /// The tables people read, in order: `table` prints them all, one after another.
    fn tables(&self) -> Vec<Table>;

    /// The table a CSV or Parquet file holds (one file holds one table): by default the first.
    fn csv(&self) -> Table {
        self.tables().into_iter().next().unwrap_or_default()
    }

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
}

/// A report of one table too large to hold: a row per article, or more. Its rows are made
/// as they are written (again for each walk: `table` walks them twice, once to measure the
/// columns), so what a command keeps is its compact counts, never every row at once.
pub(crate) trait Streamed {
    /// The table's columns, caption and note, without rows.
    fn frame(&self) -> Table;

    /// Hands each row to `row`, in order, every cell of its column's kind; stops at the first
    /// error `row` returns.
    fn each_row(&self, row: &mut dyn FnMut(Vec<Cell>) -> io::Result<()>) -> io::Result<()>;

    /// Hands each element of the JSON array (`json` prints the array, `jsonl` an element per
    /// line) to `item`, in order; stops at the first error `item` returns.
    fn each_json(&self, item: &mut dyn FnMut(Value) -> io::Result<()>) -> io::Result<()>;

    /// The table a CSV or Parquet file holds, when it is not the one people read (as
    /// [`Report::csv`]): by default the same frame.
    fn csv_frame(&self) -> Table {
        self.frame()
    }

    /// Hands each row of [`csv_frame`](Self::csv_frame)'s table to `row`: by default
    /// [`each_row`](Self::each_row)'s.
    fn each_csv_row(&self, row: &mut dyn FnMut(Vec<Cell>) -> io::Result<()>) -> io::Result<()> {
        self.each_row(row)
    }
}

/// A streamed report as JSON: serialised as the array of its elements, each made as it is
/// written, so `json` prints exactly what the array held whole would print.
pub(crate) struct JsonArray<'a>(pub(crate) &'a dyn Streamed);

impl serde::Serialize for JsonArray<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error as _, SerializeSeq};
        let mut seq = serializer.serialize_seq(None)?;
        // The walk speaks io::Error; the serializer's own error is kept to be returned as it was.
        let mut failed = None;
        let walked = self.0.each_json(&mut |value| {
            seq.serialize_element(&value).map_err(|err| {
                failed = Some(err);
                io::Error::other("serialising a row")
            })
        });
        if let Some(err) = failed {
            return Err(err);
        }
        walked.map_err(S::Error::custom)?;
        seq.end()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small report every writer's tests write.
    pub(crate) struct Demo;

    impl Report for Demo {
        fn tables(&self) -> Vec<Table> {
            vec![Table::new(
                vec![Column::text("term"), Column::int("count"), Column::float("rate")],
                vec![vec!["Lavrov".into(), 12u64.into(), 3.25.into()], vec!["Gaza".into(), 7u64.into(), 0.5.into()]],
            )]
        }

        fn json(&self) -> Value {
            serde_json::json!([{"term": "Lavrov", "count": 12}, {"term": "Gaza", "count": 7}])
        }
    }

    /// [`Demo`]'s table, streamed.
    pub(crate) struct StreamedDemo;

    impl Streamed for StreamedDemo {
        fn frame(&self) -> Table {
            Table { rows: Vec::new(), ..Demo.tables().remove(0) }
        }

        fn each_row(&self, row: &mut dyn FnMut(Vec<Cell>) -> io::Result<()>) -> io::Result<()> {
            Demo.tables().remove(0).rows.into_iter().try_for_each(row)
        }

        fn each_json(&self, item: &mut dyn FnMut(Value) -> io::Result<()>) -> io::Result<()> {
            Demo.json_lines().into_iter().try_for_each(item)
        }
    }

    /// What `format`'s writer makes of [`Demo`] held whole, and of [`StreamedDemo`]: the
    /// two every writer must make the same.
    pub(crate) fn held_and_streamed(format: crate::output::Format) -> (Vec<u8>, Vec<u8>) {
        let parser = dateline_parse::ArticleParser::new();
        let (mut held, mut streamed) = (Vec::new(), Vec::new());
        crate::output::writer(format, &mut held, &parser).report(&Demo).expect("writes to memory");
        crate::output::writer(format, &mut streamed, &parser).streamed(&StreamedDemo).expect("writes to memory");
        (held, streamed)
    }

    #[test]
    fn columns_admit_only_their_kind_and_empty_cells_only_when_nullable() {
        let count = Column::int("count");
        assert!(count.admits(&Cell::Int(3)));
        assert!(!count.admits(&Cell::Float(3.0)));
        assert!(!count.admits(&Cell::Empty));
        assert!(count.nullable().admits(&Cell::Empty));
        let roles = Column::list("roles", "; ");
        assert!(roles.admits(&Cell::List(vec![])));
        assert!(!roles.admits(&Cell::Text(String::new())));
    }

    #[test]
    fn lists_are_joined_with_their_columns_separator() {
        let cell = Cell::List(vec!["Foreign Minister".into(), "envoy".into()]);
        assert_eq!(Column::list("roles", "; ").write(&cell), "Foreign Minister; envoy");
        assert_eq!(Column::list("words", " ").show(&cell), "Foreign Minister envoy");
    }

    #[test]
    fn records_turn_on_their_side_with_their_labels() {
        let table = Table::record(
            vec![Column::int("articles"), Column::date("first_date").nullable().label("first date")],
            vec![4u64.into(), NaiveDate::from_ymd_opt(2024, 1, 10).into()],
            ["measure", "value"],
        );
        let grid = table.grid(Column::write);
        assert_eq!(grid.headers, ["measure", "value"]);
        assert_eq!(grid.rows, [["articles", "4"], ["first date", "2024-01-10"]]);
        assert_eq!(grid.right, [false, true]);
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "does not match its column's type")]
    fn a_cell_of_the_wrong_kind_is_caught() {
        let _ = Table::new(vec![Column::int("count")], vec![vec!["twelve".into()]]);
    }
}
