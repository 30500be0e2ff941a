//! `reuse`: pairs of articles sharing text, or their story families, from `dateline-reuse`
//! over the term stream (its `ReuseReader`), with the CSV's columns of `dateline reuse`.

use std::sync::Arc;

use arrow_array::{ArrayRef, BooleanArray, Int64Array, ListArray, StructArray};
use arrow_buffer::OffsetBuffer;
use arrow_schema::{DataType, Field, Fields};
use dateline_reuse::{ReuseDoc, ReuseFinder, ReuseOptions, ReusePair, ReuseReader};
use pyo3::prelude::*;
use pyo3_arrow::input::AnyRecordBatch;
use rayon::prelude::*;

use crate::arrow::{Columns, int, to_pyarrow};
use crate::articles::py_diagnostics;
use crate::corpus::{Corpus, with_articles};
use crate::options::{self, Options, detached, usage};
use crate::stats::Answer;

/// `dateline reuse`: a row per pair (a, b, a_date, b_date, jaccard, containment, shared,
/// a_reused, b_reused, passages), most similar first; with `clusters`, a row per member of
/// each story family (cluster, path, date, first).
#[pyfunction]
#[allow(clippy::too_many_arguments, reason = "keyword arguments mirroring the CLI's options")]
#[pyo3(signature = (
    paths=None, table=None, *, top=None, min_jaccard=0.5, min_containment=0.5, window=None, max_df=100,
    clusters=false, options
))]
pub(crate) fn reuse(
    py: Python<'_>,
    paths: Option<Vec<String>>,
    table: Option<AnyRecordBatch>,
    top: Option<usize>,
    min_jaccard: f64,
    min_containment: f64,
    window: Option<u32>,
    max_df: usize,
    clusters: bool,
    options: Options,
) -> PyResult<Answer> {
    let corpus = Corpus::new(paths, table)?;
    let (parser, dates, threads) = options.reading()?;
    let finding = ReuseOptions::new()
        .min_jaccard(min_jaccard)
        .min_containment(min_containment)
        .window_days(window)
        .max_df(max_df);
    let finder = ReuseFinder::new(finding).map_err(|err| usage(err.to_string()))?;
    let ((docs, report), outcome) = detached(py, threads, || {
        with_articles(&corpus, &parser, dates, |articles| {
            let articles: Vec<_> = articles.collect();
            let docs: Vec<ReuseDoc> = articles
                .par_iter()
                .map_init(ReuseReader::new, |reader, (meta, article)| {
                    reader.read_dated(meta.path.clone(), meta.date, article)
                })
                .collect();
            let report = finder.find(&docs);
            (docs, report)
        })
    })?;
    let top = options::top(top);
    let batch = if clusters {
        let rows: Vec<(usize, usize, bool)> = report
            .families
            .iter()
            .enumerate()
            .flat_map(|(i, family)| family.members.iter().map(move |&m| (i + 1, m, m == family.first)))
            .take(top.unwrap_or(usize::MAX))
            .collect();
        let mut columns = Columns::new();
        columns.int64("cluster", rows.iter().map(|r| int(r.0)));
        columns.utf8("path", false, rows.iter().map(|r| Some(docs[r.1].path.as_str())));
        columns.date32("date", rows.iter().map(|r| docs[r.1].date));
        let first: BooleanArray = rows.iter().map(|r| Some(r.2)).collect();
        columns.array(Field::new("first", DataType::Boolean, false), Arc::new(first));
        columns.batch()?
    } else {
        let mut pairs: Vec<&ReusePair> = report.pairs.iter().collect();
        pairs.sort_by(|p, q| q.jaccard.total_cmp(&p.jaccard).then(q.containment.total_cmp(&p.containment)));
        pairs.truncate(top.unwrap_or(usize::MAX));
        let mut columns = Columns::new();
        columns.utf8("a", false, pairs.iter().map(|p| Some(docs[p.a].path.as_str())));
        columns.utf8("b", false, pairs.iter().map(|p| Some(docs[p.b].path.as_str())));
        columns.date32("a_date", pairs.iter().map(|p| docs[p.a].date));
        columns.date32("b_date", pairs.iter().map(|p| docs[p.b].date));
        columns.float64("jaccard", pairs.iter().map(|p| p.jaccard));
        columns.float64("containment", pairs.iter().map(|p| p.containment));
        columns.int64("shared", pairs.iter().map(|p| int(p.shared)));
        columns.float64("a_reused", pairs.iter().map(|p| p.a_reused));
        columns.float64("b_reused", pairs.iter().map(|p| p.b_reused));
        let (field, array) = passages_column(&pairs);
        columns.array(field, array);
        columns.batch()?
    };
    Ok((to_pyarrow(py, batch)?, py_diagnostics(outcome.diagnostics), outcome.outside))
}

/// `passages`: per pair, a list of byte spans `{a_start, a_end, b_start, b_end}` (the CSV's
/// `a_start-a_end:b_start-b_end`, typed).
fn passages_column(pairs: &[&ReusePair]) -> (Field, ArrayRef) {
    let names = ["a_start", "a_end", "b_start", "b_end"];
    let mut values: [Vec<i64>; 4] = Default::default();
    for passage in pairs.iter().flat_map(|p| &p.passages) {
        for (column, value) in values.iter_mut().zip([passage.a.start, passage.a.end, passage.b.start, passage.b.end]) {
            column.push(int(value));
        }
    }
    let fields: Fields = names.iter().map(|name| Field::new(*name, DataType::Int64, false)).collect();
    let arrays: Vec<ArrayRef> = values.into_iter().map(|v| Arc::new(Int64Array::from(v)) as ArrayRef).collect();
    let item = Arc::new(Field::new("item", DataType::Struct(fields.clone()), true));
    let structs = StructArray::new(fields, arrays, None);
    let offsets = OffsetBuffer::from_lengths(pairs.iter().map(|p| p.passages.len()));
    let list = ListArray::new(item.clone(), offsets, Arc::new(structs), None);
    (Field::new("passages", DataType::List(item), false), Arc::new(list))
}
