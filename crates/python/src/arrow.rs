//! Building the Arrow tables handed to Python: one typed column at a time, with the types
//! the articles' schema and the statistics tables use (counts and ranks Int64, never
//! unsigned, which Spark rejects; scores Float64; dates Date32; lists `List<Utf8>`).

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{ArrayRef, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3_arrow::PyTable;

use crate::options::usage;

/// Columns in the order they are added.
#[derive(Default)]
pub(crate) struct Columns {
    fields: Vec<Field>,
    arrays: Vec<ArrayRef>,
}

/// A count as Arrow's Int64 (a count past `i64::MAX` cannot occur in memory).
pub(crate) fn int(n: impl TryInto<i64>) -> i64 {
    n.try_into().unwrap_or(i64::MAX)
}

/// Days since 1970-01-01, Arrow's Date32.
pub(crate) fn days(date: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(NaiveDate::MIN);
    i32::try_from((date - epoch).num_days()).unwrap_or(i32::MAX)
}

impl Columns {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    fn push(&mut self, field: Field, array: ArrayRef) {
        self.fields.push(field);
        self.arrays.push(array);
    }

    /// A text column; `nullable` says whether the schema allows nulls in it.
    pub(crate) fn utf8<'a>(&mut self, name: &str, nullable: bool, values: impl IntoIterator<Item = Option<&'a str>>) {
        let array: StringArray = values.into_iter().collect();
        self.push(Field::new(name, DataType::Utf8, nullable), Arc::new(array));
    }

    pub(crate) fn int64(&mut self, name: &str, values: impl IntoIterator<Item = i64>) {
        let array: Int64Array = values.into_iter().collect::<Vec<_>>().into();
        self.push(Field::new(name, DataType::Int64, false), Arc::new(array));
    }

    pub(crate) fn float64(&mut self, name: &str, values: impl IntoIterator<Item = f64>) {
        let array: Float64Array = values.into_iter().collect::<Vec<_>>().into();
        self.push(Field::new(name, DataType::Float64, false), Arc::new(array));
    }

    pub(crate) fn date32(&mut self, name: &str, values: impl IntoIterator<Item = Option<NaiveDate>>) {
        let array: Date32Array = values.into_iter().map(|d| d.map(days)).collect();
        self.push(Field::new(name, DataType::Date32, true), Arc::new(array));
    }

    /// A list of text per row, never null (an empty list instead).
    pub(crate) fn list_utf8<'a, R>(&mut self, name: &str, rows: impl IntoIterator<Item = R>)
    where
        R: IntoIterator<Item = &'a str>,
    {
        let mut builder = ListBuilder::new(StringBuilder::new());
        for row in rows {
            for value in row {
                builder.values().append_value(value);
            }
            builder.append(true);
        }
        let array = builder.finish();
        let item = Field::new("item", DataType::Utf8, true);
        self.push(Field::new(name, DataType::List(Arc::new(item)), false), Arc::new(array));
    }

    /// Adds a column built elsewhere.
    pub(crate) fn array(&mut self, field: Field, array: ArrayRef) {
        self.push(field, array);
    }

    pub(crate) fn batch(self) -> PyResult<RecordBatch> {
        RecordBatch::try_new(Arc::new(Schema::new(self.fields)), self.arrays)
            .map_err(|err| usage(format!("cannot build the table: {err}")))
    }
}

/// A `pyarrow.Table` of one batch.
pub(crate) fn to_pyarrow(py: Python<'_>, batch: RecordBatch) -> PyResult<Py<PyAny>> {
    let schema = batch.schema();
    Ok(PyTable::try_new(vec![batch], schema)?.into_pyarrow(py)?.unbind())
}
