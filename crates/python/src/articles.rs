//! `parse`, `parse_file` and `read`: documents as the JSON contract has them, and the
//! articles' Arrow table (one row per input file, in input order, every file accounted for).

use std::sync::Arc;

use arrow_array::{ArrayRef, Int64Array, ListArray, StringArray, StructArray};
use arrow_buffer::OffsetBuffer;
use arrow_schema::{DataType, Field, Fields};
use dateline_model::{Diagnostic, Document};
use dateline_parse::{CorpusReader, Input};
use dateline_text::segments;
use pyo3::prelude::*;

use crate::arrow::{Columns, int, to_pyarrow};
use crate::options::{Options, detached, usage};

/// The JSON of one document, from the model's own serialisation (the JSON contract).
fn json(doc: &Document) -> PyResult<String> {
    serde_json::to_string(doc).map_err(|err| usage(format!("cannot write the document as JSON: {err}")))
}

/// `text` read as the contents of a file named `path`: decoded (BOM, line endings, HTML
/// entities) and parsed as the CLI reads a file. Returns the document as JSON.
#[pyfunction]
#[pyo3(signature = (text, *, path, options))]
pub(crate) fn parse_text(py: Python<'_>, text: &str, path: String, options: Options) -> PyResult<String> {
    let reader = CorpusReader::new(options.reading()?.0);
    let doc = py.detach(|| reader.parse_bytes(path, text.as_bytes()));
    json(&doc)
}

/// One file read as the CLI reads it; a file that cannot be read is a document with a
/// diagnostic, as on the command line. Returns the document as JSON.
#[pyfunction]
#[pyo3(signature = (path, *, options))]
pub(crate) fn parse_file(py: Python<'_>, path: &str, options: Options) -> PyResult<String> {
    let reader = CorpusReader::new(options.reading()?.0);
    let doc = py.detach(|| reader.read_file(std::path::Path::new(path)));
    json(&doc)
}

/// The articles of `paths` (files and folders, read recursively in sorted order) as one
/// Arrow table of the articles' schema.
#[pyfunction]
#[pyo3(signature = (paths, *, options))]
pub(crate) fn read(py: Python<'_>, paths: Vec<String>, options: Options) -> PyResult<Py<PyAny>> {
    let (parser, _, threads) = options.reading()?;
    let reader = CorpusReader::new(parser);
    let inputs: Vec<Input> = paths.into_iter().map(|path| Input::from_arg(path.as_ref())).collect();
    let batch = detached(py, threads, || {
        let docs: Vec<Document> = reader.documents(inputs).collect();
        article_columns(&docs).batch()
    })?;
    to_pyarrow(py, batch)
}

/// The counted text: title, headings and paragraphs in segment order, a blank line apart.
fn counted_text(article: &dateline_model::Article) -> String {
    let parts: Vec<&str> = segments(article).map(|segment| segment.text).collect();
    parts.join("\n\n")
}

/// The columns of the articles' schema for `docs`.
fn article_columns(docs: &[Document]) -> Columns {
    let mut columns = Columns::new();
    let article = |i: usize| docs[i].article.as_ref();
    let rows = 0..docs.len();
    columns.utf8("path", false, docs.iter().map(|d| Some(d.path.as_str())));
    columns.utf8("title", true, rows.clone().map(|i| article(i).and_then(|a| a.title.as_deref())));
    columns.date32("date", rows.clone().map(|i| article(i).and_then(|a| a.published.as_ref()).map(|p| p.date)));
    let times: Vec<Option<String>> = rows
        .clone()
        .map(|i| {
            article(i).and_then(|a| a.published.as_ref()).and_then(|p| p.time).map(|t| t.format("%H:%M").to_string())
        })
        .collect();
    columns.utf8("time", true, times.iter().map(Option::as_deref));
    let dateline = |i: usize| article(i).and_then(|a| a.dateline.as_ref());
    columns.utf8("place", true, rows.clone().map(|i| dateline(i).and_then(|d| d.place.as_deref())));
    columns.utf8("region", true, rows.clone().map(|i| dateline(i).and_then(|d| d.region.as_deref())));
    columns.utf8("agency", true, rows.clone().map(|i| dateline(i).and_then(|d| d.agency.as_deref())));
    columns.list_utf8(
        "authors",
        rows.clone().map(|i| article(i).map_or(&[][..], |a| a.authors.as_slice()).iter().map(String::as_str)),
    );
    let texts: Vec<Option<String>> = rows.map(|i| article(i).map(counted_text)).collect();
    columns.utf8("text", true, texts.iter().map(Option::as_deref));
    let (field, array) = diagnostics_column(docs.iter().map(|d| d.diagnostics.as_slice()));
    columns.array(field, array);
    columns
}

/// `diagnostics`: `List<Struct<line, column, severity, message>>`, never null.
fn diagnostics_column<'a>(rows: impl Iterator<Item = &'a [Diagnostic]>) -> (Field, ArrayRef) {
    let (mut lines, mut cols, mut severities, mut messages, mut lengths) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for row in rows {
        lengths.push(row.len());
        for d in row {
            lines.push(int(d.line));
            cols.push(int(d.column));
            severities.push(d.severity.as_str());
            messages.push(d.message.as_str());
        }
    }
    let fields = Fields::from(vec![
        Field::new("line", DataType::Int64, false),
        Field::new("column", DataType::Int64, false),
        Field::new("severity", DataType::Utf8, false),
        Field::new("message", DataType::Utf8, false),
    ]);
    let arrays: Vec<ArrayRef> = vec![
        Arc::new(Int64Array::from(lines)),
        Arc::new(Int64Array::from(cols)),
        Arc::new(StringArray::from(severities)),
        Arc::new(StringArray::from(messages)),
    ];
    let item = Arc::new(Field::new("item", DataType::Struct(fields.clone()), true));
    let values = StructArray::new(fields, arrays, None);
    let list = ListArray::new(item.clone(), OffsetBuffer::from_lengths(lengths), Arc::new(values), None);
    (Field::new("diagnostics", DataType::List(item), false), Arc::new(list))
}

/// A file's diagnostics for Python: `(path, line, column, severity, message)`.
pub(crate) type PyDiagnostic = (String, usize, usize, &'static str, String);

pub(crate) fn py_diagnostics(found: Vec<crate::corpus::Found>) -> Vec<PyDiagnostic> {
    found.into_iter().map(|(path, d)| (path, d.line, d.column, d.severity.as_str(), d.message)).collect()
}
