//! What a report is made of, whatever the format: named tables of typed cells for people and
//! spreadsheets, and the JSON for scripts. The writers under `output/` do the rest.

use std::borrow::Cow;

use serde_json::Value;

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
    pub(crate) fn render(&self) -> String {
        match self {
            Self::Text(text) | Self::Right(text) => text.clone(),
            Self::Int(n) => n.to_string(),
            Self::Float(x) => format_float(*x),
            Self::Empty => String::new(),
        }
    }

    pub(crate) fn aligns_right(&self) -> bool {
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
pub(crate) fn format_float(x: f64) -> String {
    if x == 0.0 || x.abs() >= 0.001 { format!("{x:.4}") } else { format!("{x:.3e}") }
}

/// Columns and rows, with a line above for people (`caption`) and one after (`note`).
#[derive(Debug, Clone, Default)]
pub(crate) struct Table {
    pub(crate) columns: Vec<Cow<'static, str>>,
    pub(crate) rows: Vec<Vec<Cell>>,
    pub(crate) caption: Option<String>,
    pub(crate) note: Option<String>,
}

impl Table {
    /// A table with these column names (fixed or made at run time, like `topic_3`).
    pub(crate) fn new<C: Into<Cow<'static, str>>>(columns: Vec<C>, rows: Vec<Vec<Cell>>) -> Self {
        Self { columns: columns.into_iter().map(Into::into).collect(), rows, caption: None, note: None }
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
}

/// A result that can be written in every format.
pub(crate) trait Report {
    /// The tables people read, in order: `table` prints them all, one after another.
    fn tables(&self) -> Vec<Table>;

    /// The table a CSV holds (one CSV holds one table): by default the first.
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small report every writer's tests write.
    pub(crate) struct Demo;

    impl Report for Demo {
        fn tables(&self) -> Vec<Table> {
            vec![Table::new(
                vec!["term", "count", "rate"],
                vec![vec!["Lavrov".into(), 12u64.into(), 3.25.into()], vec!["Gaza".into(), 7u64.into(), 0.5.into()]],
            )]
        }

        fn json(&self) -> Value {
            serde_json::json!([{"term": "Lavrov", "count": 12}, {"term": "Gaza", "count": 7}])
        }
    }
}
