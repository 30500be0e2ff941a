//! Partial counts for corpora spread over processes or machines (Dask, Spark): each
//! partition of files is counted into plain Arrow tables whose rows merge by summing
//! `count` per key, and the statistic is computed once from the merged counts, through the
//! same code as on one machine, so the result equals the CLI's exactly.
//!
//! The tables of a partial (a Python dict of `pyarrow.Table`s):
//!
//! - `spellings`: `term`, `spelling`, `count`: each term's occurrences (`spelling` null) and
//!   those written otherwise than the term (`Iran` for `iran`), which decide the display
//!   form: the most frequent spelling over the whole corpus, never a partition's.
//! - `doc_freq` (terms): `term`, `count`: the documents each term occurs in.
//! - `docs` (terms): `path`, `date`, `tokens`, `sentences`: one row per document.
//! - `ngrams` (ngrams, collocations): `ngram` (the case-folded terms, a space apart), `count`,
//!   every n-gram kept whatever its count (a rare one in each partition may be frequent in all).
//! - `totals` (ngrams, collocations): `key` (`tokens`, `sentences`), `count`.

use arrow_array::{Array, Date32Array, Int64Array, RecordBatch, StringArray};
use arrow_select::concat::concat_batches;
use dateline_analyze::collocations::score_bigrams;
use dateline_analyze::ngrams::{Ngram, NgramCounter};
use dateline_analyze::{Counts, DocCounts, DocMeta, NgramCounts, TermOptions, term_table};
use dateline_text::{FinishedTerms, TermReader};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use pyo3_arrow::input::AnyRecordBatch;
use std::collections::BTreeMap;

use crate::arrow::{Columns, int, to_pyarrow};
use crate::articles::py_diagnostics;
use crate::corpus::with_articles;
use crate::options::{detached, usage};
use crate::stats::{Common, collocation_columns, collocation_options, ngram_columns, ngram_options, term_columns};

/// What a partial is counted for: which tables it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Terms,
    Ngrams,
    Collocations,
}

impl Kind {
    fn of(name: &str) -> PyResult<Self> {
        match name {
            "terms" => Ok(Self::Terms),
            "ngrams" => Ok(Self::Ngrams),
            "collocations" => Ok(Self::Collocations),
            other => Err(usage(format!("no partial counts for `{other}`: terms, ngrams or collocations"))),
        }
    }
}

/// One reader's terms as `spellings` rows: each term's total, then its other spellings.
fn spelling_columns(reader: &TermReader<'_>) -> Columns {
    let mut variants: Vec<Vec<(&str, u64)>> = vec![Vec::new(); reader.vocab().len()];
    for (id, spelling, n) in reader.spellings() {
        variants[id as usize].push((spelling, n));
    }
    let mut rows: Vec<(&str, Option<&str>, u64)> = Vec::new();
    for (id, term) in reader.vocab().iter() {
        rows.push((term, None, reader.term_freq()[id as usize]));
        rows.extend(variants[id as usize].iter().map(|&(spelling, n)| (term, Some(spelling), n)));
    }
    let mut columns = Columns::new();
    columns.utf8("term", false, rows.iter().map(|r| Some(r.0)));
    columns.utf8("spelling", true, rows.iter().map(|r| r.1));
    columns.int64("count", rows.iter().map(|r| int(r.2)));
    columns
}

fn keyed_counts<'a>(key: &str, rows: impl Iterator<Item = (&'a str, u64)>) -> Columns {
    let rows: Vec<(&str, u64)> = rows.collect();
    let mut columns = Columns::new();
    columns.utf8(key, false, rows.iter().map(|&(k, _)| Some(k)));
    columns.int64("count", rows.iter().map(|&(_, n)| int(n)));
    columns
}

/// The partial counts of one partition, counted on one thread (the partitions are the
/// parallelism), as a dict of tables.
#[pyfunction]
#[allow(clippy::too_many_arguments, reason = "keyword arguments mirroring the CLI's options")]
#[pyo3(signature = (
    kind, paths=None, table=None, *, min_n=2, max_n=3, keep_stopword_edges=false,
    boilerplate=None, reference_date=None, date_order=None, since=None, until=None,
    stopwords=None, stopword_lines=None, stem=false, no_numbers=false
))]
pub(crate) fn partial_counts<'py>(
    py: Python<'py>,
    kind: &str,
    paths: Option<Vec<String>>,
    table: Option<AnyRecordBatch>,
    min_n: usize,
    max_n: usize,
    keep_stopword_edges: bool,
    boilerplate: Option<Vec<String>>,
    reference_date: Option<&str>,
    date_order: Option<&str>,
    since: Option<&str>,
    until: Option<&str>,
    stopwords: Option<&str>,
    stopword_lines: Option<&str>,
    stem: bool,
    no_numbers: bool,
) -> PyResult<(Bound<'py, PyDict>, Vec<crate::articles::PyDiagnostic>)> {
    let kind = Kind::of(kind)?;
    let common = Common::new(
        paths,
        table,
        boilerplate,
        reference_date,
        date_order,
        since,
        until,
        stopwords,
        stopword_lines,
        stem,
        no_numbers,
        Some(1),
    )?;
    // Every count is kept: the cut to `min_count` and `top` comes after the merge.
    let options = match kind {
        Kind::Terms => None,
        Kind::Ngrams => Some(ngram_options(&common, min_n, max_n, 1, keep_stopword_edges, None)?),
        Kind::Collocations => {
            Some(collocation_options(&common, "likelihood-ratio", 1, keep_stopword_edges, None)?.ngram_options())
        }
    };
    let (tables, outcome) = detached(py, Some(1), || {
        with_articles(&common.corpus, &common.parser, common.dates, |articles| -> PyResult<Vec<(&str, RecordBatch)>> {
            match &options {
                None => terms_partial(&common.terms, articles),
                Some(options) => {
                    let mut spellings = options.terms().reader().keep_stopwords();
                    let mut counter = NgramCounter::new(options);
                    for (_, article) in articles {
                        spellings.terms(&article).for_each(drop);
                        counter.add(&article);
                    }
                    let counts = counter.finish();
                    let keys: Vec<(String, u64)> = counts
                        .ngrams
                        .iter()
                        .map(|(ngram, n)| {
                            let terms: Vec<&str> = ngram.ids().iter().map(|&id| counts.vocab.term(id)).collect();
                            (terms.join(" "), *n)
                        })
                        .collect();
                    Ok(vec![
                        ("spellings", spelling_columns(&spellings).batch()?),
                        ("ngrams", keyed_counts("ngram", keys.iter().map(|(k, n)| (k.as_str(), *n))).batch()?),
                        (
                            "totals",
                            keyed_counts(
                                "key",
                                [("tokens", counts.tokens), ("sentences", counts.sentences)].into_iter(),
                            )
                            .batch()?,
                        ),
                    ])
                }
            }
        })
    })?;
    let dict = PyDict::new(py);
    for (name, batch) in tables? {
        dict.set_item(name, to_pyarrow(py, batch)?)?;
    }
    Ok((dict, py_diagnostics(outcome.diagnostics)))
}

/// Counts the terms of a partition's articles as `dateline-analyze`'s counter does: every
/// word and number token, sentence starts, and each term once per document.
fn terms_partial(
    options: &TermOptions,
    articles: &mut dyn Iterator<Item = (DocMeta, dateline_model::Article)>,
) -> PyResult<Vec<(&'static str, RecordBatch)>> {
    let mut reader = options.reader();
    let mut doc_freq: Vec<u64> = Vec::new();
    // The last document each term was met in, to count it once per document.
    let mut last_doc: Vec<usize> = Vec::new();
    let mut docs: Vec<(DocMeta, u64, u64)> = Vec::new();
    for (index, (meta, article)) in articles.enumerate() {
        let (mut tokens, mut sentences) = (0u64, 0u64);
        reader.terms(&article).for_each(|token| {
            tokens += 1;
            sentences += u64::from(token.sentence_start);
            let Some(id) = token.term else { return };
            let id = id as usize;
            if doc_freq.len() <= id {
                doc_freq.resize(id + 1, 0);
                last_doc.resize(id + 1, usize::MAX);
            }
            if last_doc[id] != index {
                last_doc[id] = index;
                doc_freq[id] += 1;
            }
        });
        docs.push((meta, tokens, sentences));
    }
    let mut doc_columns = Columns::new();
    doc_columns.utf8("path", false, docs.iter().map(|(m, _, _)| Some(m.path.as_str())));
    doc_columns.date32("date", docs.iter().map(|(m, _, _)| m.date));
    doc_columns.int64("tokens", docs.iter().map(|(_, t, _)| int(*t)));
    doc_columns.int64("sentences", docs.iter().map(|(_, _, s)| int(*s)));
    let df = reader.vocab().iter().map(|(id, term)| (term, doc_freq.get(id as usize).copied().unwrap_or(0)));
    Ok(vec![
        ("spellings", spelling_columns(&reader).batch()?),
        ("doc_freq", keyed_counts("term", df).batch()?),
        ("docs", doc_columns.batch()?),
    ])
}

/// A merged partial's table `name`, as one batch.
fn table_of(partial: &Bound<'_, PyDict>, name: &str) -> PyResult<RecordBatch> {
    let table = partial
        .get_item(name)?
        .ok_or_else(|| usage(format!("the partial counts have no `{name}` table")))?
        .extract::<AnyRecordBatch>()?
        .into_table()
        .map_err(PyErr::from)?;
    let (batches, schema) = table.into_inner();
    concat_batches(&schema, &batches).map_err(|err| usage(format!("bad partial counts: {err}")))
}

fn text_column<'a>(batch: &'a RecordBatch, name: &str) -> PyResult<&'a StringArray> {
    batch
        .column_by_name(name)
        .and_then(|c| c.as_any().downcast_ref::<StringArray>())
        .ok_or_else(|| usage(format!("bad partial counts: no text column `{name}`")))
}

fn count_column<'a>(batch: &'a RecordBatch, name: &str) -> PyResult<&'a Int64Array> {
    batch
        .column_by_name(name)
        .and_then(|c| c.as_any().downcast_ref::<Int64Array>())
        .ok_or_else(|| usage(format!("bad partial counts: no int64 column `{name}`")))
}

fn count(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

/// A term's occurrences, and those of its other spellings.
type TermCounts<'a> = (u64, Vec<(&'a str, u64)>);

/// A reader holding the merged `spellings`: the terms, their frequencies and display forms
/// as one reader over the whole corpus would have them.
fn merged_terms(reader: &mut TermReader<'_>, spellings: &RecordBatch) -> PyResult<()> {
    let (terms, variants, counts) =
        (text_column(spellings, "term")?, text_column(spellings, "spelling")?, count_column(spellings, "count")?);
    let mut by_term: BTreeMap<&str, TermCounts<'_>> = BTreeMap::new();
    for row in 0..spellings.num_rows() {
        let entry = by_term.entry(terms.value(row)).or_default();
        let n = count(counts.value(row));
        if variants.is_null(row) {
            entry.0 += n;
        } else {
            entry.1.push((variants.value(row), n));
        }
    }
    for (term, (total, variants)) in &by_term {
        reader.add_counts(term, *total, variants);
    }
    Ok(())
}

/// The statistic from merged partial counts: the same table the function of that name
/// returns over the whole corpus.
#[pyfunction]
#[allow(clippy::too_many_arguments, reason = "keyword arguments mirroring the CLI's options")]
#[pyo3(signature = (
    kind, partial, *, top=Some(20), min_n=2, max_n=3, min_count=2, keep_stopword_edges=false,
    measure="likelihood-ratio", stopwords=None, stopword_lines=None, stem=false, no_numbers=false
))]
pub(crate) fn finish_counts(
    py: Python<'_>,
    kind: &str,
    partial: &Bound<'_, PyDict>,
    top: Option<usize>,
    min_n: usize,
    max_n: usize,
    min_count: u64,
    keep_stopword_edges: bool,
    measure: &str,
    stopwords: Option<&str>,
    stopword_lines: Option<&str>,
    stem: bool,
    no_numbers: bool,
) -> PyResult<Py<PyAny>> {
    let kind = Kind::of(kind)?;
    let common = Common::new(
        Some(Vec::new()),
        None,
        None,
        None,
        None,
        None,
        None,
        stopwords,
        stopword_lines,
        stem,
        no_numbers,
        Some(1),
    )?;
    let spellings = table_of(partial, "spellings")?;
    let batch = match kind {
        Kind::Terms => {
            let (doc_freq, docs) = (table_of(partial, "doc_freq")?, table_of(partial, "docs")?);
            let counts = py.detach(|| merged_counts(&common.terms, &spellings, &doc_freq, &docs))?;
            term_columns(&[term_table(&counts, crate::options::top(top))], false).batch()?
        }
        Kind::Ngrams | Kind::Collocations => {
            let (ngrams, totals) = (table_of(partial, "ngrams")?, table_of(partial, "totals")?);
            if kind == Kind::Ngrams {
                let options = ngram_options(&common, min_n, max_n, min_count, keep_stopword_edges, top)?;
                let counts = py.detach(|| merged_ngrams(options.terms(), &spellings, &ngrams, &totals))?;
                ngram_columns(&counts.report(&options)).batch()?
            } else {
                let options = collocation_options(&common, measure, min_count, keep_stopword_edges, top)?;
                let counts = py.detach(|| merged_ngrams(&common.terms, &spellings, &ngrams, &totals))?;
                collocation_columns(&score_bigrams(&counts, &options)).batch()?
            }
        }
    };
    to_pyarrow(py, batch)
}

fn merged_counts(
    options: &TermOptions,
    spellings: &RecordBatch,
    doc_freq: &RecordBatch,
    docs: &RecordBatch,
) -> PyResult<Counts> {
    let mut reader = options.reader();
    merged_terms(&mut reader, spellings)?;
    let FinishedTerms { vocab, term_freq, .. } = reader.finish();
    let mut df = vec![0u32; vocab.len()];
    let (terms, counts) = (text_column(doc_freq, "term")?, count_column(doc_freq, "count")?);
    for row in 0..doc_freq.num_rows() {
        if let Some(id) = vocab.id(terms.value(row)) {
            let slot = &mut df[id as usize];
            *slot = slot.saturating_add(u32::try_from(counts.value(row)).unwrap_or(u32::MAX));
        }
    }
    let paths = text_column(docs, "path")?;
    let dates = docs
        .column_by_name("date")
        .and_then(|c| c.as_any().downcast_ref::<Date32Array>())
        .ok_or_else(|| usage("bad partial counts: no date32 column `date`"))?;
    let (tokens, sentences) = (count_column(docs, "tokens")?, count_column(docs, "sentences")?);
    let docs = (0..docs.num_rows())
        .map(|row| DocCounts {
            meta: DocMeta {
                path: paths.value(row).to_owned(),
                date: if dates.is_null(row) { None } else { dates.value_as_date(row) },
            },
            tokens: count(tokens.value(row)),
            sentences: count(sentences.value(row)),
            terms: Vec::new(),
        })
        .collect();
    Ok(Counts { options: options.clone(), vocab, docs, term_freq, doc_freq: df })
}

fn merged_ngrams(
    options: &TermOptions,
    spellings: &RecordBatch,
    ngrams: &RecordBatch,
    totals: &RecordBatch,
) -> PyResult<NgramCounts> {
    let mut reader = options.reader().keep_stopwords();
    merged_terms(&mut reader, spellings)?;
    let FinishedTerms { vocab, term_freq, .. } = reader.finish();
    let (keys, counts) = (text_column(ngrams, "ngram")?, count_column(ngrams, "count")?);
    let mut merged: BTreeMap<Ngram, u64> = BTreeMap::new();
    for row in 0..ngrams.num_rows() {
        let ids: Option<Vec<u32>> = keys.value(row).split(' ').map(|term| vocab.id(term)).collect();
        let ngram = ids
            .as_deref()
            .and_then(Ngram::new)
            .ok_or_else(|| usage(format!("bad partial counts: `{}` is not an n-gram of the terms", keys.value(row))))?;
        *merged.entry(ngram).or_default() += count(counts.value(row));
    }
    let (names, values) = (text_column(totals, "key")?, count_column(totals, "count")?);
    let total =
        |key: &str| (0..totals.num_rows()).filter(|&r| names.value(r) == key).map(|r| count(values.value(r))).sum();
    Ok(NgramCounts {
        terms: options.clone(),
        vocab,
        term_freq,
        tokens: total("tokens"),
        sentences: total("sentences"),
        ngrams: merged.into_iter().collect(),
    })
}
