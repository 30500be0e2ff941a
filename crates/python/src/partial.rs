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
use dateline_analyze::{
    Counts, DocCounts, DocMeta, NgramCounts, Selection, TermOptions, TfIdf, count_parallel, keyness_against, term_table,
};
use dateline_text::Analyzer;
use dateline_text::{FinishedTerms, TermReader};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use pyo3_arrow::input::AnyRecordBatch;
use std::collections::BTreeMap;

use crate::arrow::{Columns, int, to_pyarrow};
use crate::articles::py_diagnostics;
use crate::corpus::{Corpus, with_articles};
use crate::options::{Options, detached, usage};
use crate::stats::{
    Common, collocation_columns, collocation_options, keyness_columns, keyness_options, ngram_columns, ngram_options,
    selection, term_columns, tfidf_columns, tfidf_options,
};

/// What a partial is counted for: which tables it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Terms,
    Ngrams,
    Collocations,
    Keyness,
    /// TF-IDF's first pass: the terms' counts and document frequencies, with the preset's
    /// tokens; the second weighs each partition's documents against them ([`tfidf_part`]).
    Tfidf,
}

impl Kind {
    fn of(name: &str) -> PyResult<Self> {
        match name {
            "terms" => Ok(Self::Terms),
            "ngrams" => Ok(Self::Ngrams),
            "collocations" => Ok(Self::Collocations),
            "keyness" => Ok(Self::Keyness),
            "tfidf" => Ok(Self::Tfidf),
            other => {
                Err(usage(format!("no partial counts for `{other}`: terms, ngrams, collocations, keyness or tfidf")))
            }
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
    kind, paths=None, table=None, *, min_n=2, max_n=3, keep_stopword_edges=false, target=None, reference=None,
    preset="news", options
))]
pub(crate) fn partial_counts<'py>(
    py: Python<'py>,
    kind: &str,
    paths: Option<Vec<String>>,
    table: Option<AnyRecordBatch>,
    min_n: usize,
    max_n: usize,
    keep_stopword_edges: bool,
    target: Option<Vec<String>>,
    reference: Option<Vec<String>>,
    preset: &str,
    options: Options,
) -> PyResult<(Bound<'py, PyDict>, Vec<crate::articles::PyDiagnostic>)> {
    let kind = Kind::of(kind)?;
    let sides = if kind == Kind::Keyness {
        let target = target.filter(|t| !t.is_empty()).ok_or_else(|| usage("keyness needs a target"))?;
        Some((selection(target)?, reference.filter(|r| !r.is_empty()).map(selection).transpose()?))
    } else {
        None
    };
    let tfidf = if kind == Kind::Tfidf { Some(tfidf_options(&options, preset, None, None, None)?) } else { None };
    let mut common = Common::new(Corpus::new(paths, table)?, options)?;
    if let Some(tfidf) = &tfidf {
        common.terms = preset_terms(tfidf, &common.terms);
    }
    // Every count is kept: the cut to `min_count` and `top` comes after the merge.
    let ngrams = match kind {
        Kind::Terms | Kind::Keyness | Kind::Tfidf => None,
        Kind::Ngrams => Some(ngram_options(&common, min_n, max_n, 1, keep_stopword_edges, None)?),
        Kind::Collocations => {
            Some(collocation_options(&common, "likelihood-ratio", 1, keep_stopword_edges, None)?.ngram_options())
        }
    };
    let (tables, outcome) = detached(py, Some(1), || {
        with_articles(&common.corpus, &common.parser, common.dates, |articles| -> PyResult<Vec<(&str, RecordBatch)>> {
            match (&ngrams, &sides) {
                (None, Some((target, reference))) => {
                    keyness_partial(&common.terms, target, reference.as_ref(), articles)
                }
                (None, None) => terms_partial(&common.terms, articles),
                (Some(ngrams), _) => {
                    let mut spellings = ngrams.terms().reader().keep_stopwords();
                    let mut counter = NgramCounter::new(ngrams);
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

/// The term options a TF-IDF preset counts with: scikit-learn's own for `sklearn`.
fn preset_terms(tfidf: &TfIdf, terms: &TermOptions) -> TermOptions {
    match tfidf.preset().analyzer() {
        Analyzer::Sklearn => TermOptions::sklearn(),
        Analyzer::News => terms.clone(),
    }
}

/// TF-IDF's second pass over one partition: its documents' top terms, weighted by the
/// document frequencies and the number of documents of the whole corpus (`merged`, the merged
/// partial counts of the first pass), in input order.
#[pyfunction]
#[allow(clippy::too_many_arguments, reason = "keyword arguments mirroring the CLI's options")]
#[pyo3(signature = (
    merged, paths, *, top=Some(20), preset="news", min_df=None, max_df=None, options
))]
pub(crate) fn tfidf_part(
    py: Python<'_>,
    merged: &Bound<'_, PyDict>,
    paths: Vec<String>,
    top: Option<usize>,
    preset: &str,
    min_df: Option<&str>,
    max_df: Option<&str>,
    options: Options,
) -> PyResult<Py<PyAny>> {
    let tfidf = tfidf_options(&options, preset, min_df, max_df, top)?;
    let common = Common::new(Corpus::Paths(paths), options)?;
    let terms = preset_terms(&tfidf, &common.terms);
    let (spellings, doc_freq, docs) =
        (table_of(merged, "spellings")?, table_of(merged, "doc_freq")?, table_of(merged, "docs")?);
    let report = detached(py, Some(1), || {
        let corpus = merged_counts(&terms, &spellings, &doc_freq, &docs)?;
        let (part, _) =
            with_articles(&common.corpus, &common.parser, common.dates, |articles| count_parallel(&terms, articles))?;
        let docs = part
            .docs
            .into_iter()
            .map(|mut doc| {
                for (id, _) in &mut doc.terms {
                    let term = part.vocab.term(*id);
                    *id = corpus.vocab.id(term).ok_or_else(|| {
                        usage(format!("bad partial counts: `{term}` is missing from the merged counts"))
                    })?;
                }
                doc.terms.sort_unstable_by_key(|&(id, _)| id);
                Ok(doc)
            })
            .collect::<PyResult<Vec<DocCounts>>>()?;
        tfidf.report_docs(&corpus, &docs).map_err(|err| usage(err.to_string()))
    })?;
    to_pyarrow(py, tfidf_columns(&report).batch()?)
}

/// The side of the comparison each document is on: `target`, `reference`, or neither.
const TARGET: &str = "target";
const REFERENCE: &str = "reference";

/// Counts each term on each side of a keyness comparison (a document both select is the
/// target's), with every document's spellings: the display forms come from the whole corpus
/// counted, as on one machine.
fn keyness_partial(
    options: &TermOptions,
    target: &Selection,
    reference: Option<&Selection>,
    articles: &mut dyn Iterator<Item = (DocMeta, dateline_model::Article)>,
) -> PyResult<Vec<(&'static str, RecordBatch)>> {
    let mut reader = options.reader();
    let mut sides: [Vec<u64>; 2] = [Vec::new(), Vec::new()];
    let mut documents = [0u64; 2];
    for (meta, article) in articles {
        let side = if target.matches(&meta) {
            Some(0)
        } else if reference.is_none_or(|r| r.matches(&meta)) {
            Some(1)
        } else {
            None
        };
        if let Some(side) = side {
            documents[side] += 1;
        }
        reader.terms(&article).for_each(|token| {
            if let (Some(side), Some(id)) = (side, token.term) {
                let freq = &mut sides[side];
                if freq.len() <= id as usize {
                    freq.resize(id as usize + 1, 0);
                }
                freq[id as usize] += 1;
            }
        });
    }
    let mut rows: Vec<(&str, &str, u64)> = Vec::new();
    for (id, term) in reader.vocab().iter() {
        for (side, name) in [(0, TARGET), (1, REFERENCE)] {
            let n = sides[side].get(id as usize).copied().unwrap_or(0);
            if n > 0 {
                rows.push((term, name, n));
            }
        }
    }
    let mut side_columns = Columns::new();
    side_columns.utf8("term", false, rows.iter().map(|r| Some(r.0)));
    side_columns.utf8("side", false, rows.iter().map(|r| Some(r.1)));
    side_columns.int64("count", rows.iter().map(|r| int(r.2)));
    Ok(vec![
        ("spellings", spelling_columns(&reader).batch()?),
        ("sides", side_columns.batch()?),
        ("side_docs", keyed_counts("key", [(TARGET, documents[0]), (REFERENCE, documents[1])].into_iter()).batch()?),
    ])
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
    measure="likelihood-ratio", sort="g2", no_correction=false, options
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
    sort: &str,
    no_correction: bool,
    options: Options,
) -> PyResult<Py<PyAny>> {
    let kind = Kind::of(kind)?;
    let common = Common::new(Corpus::Paths(Vec::new()), options)?;
    let spellings = table_of(partial, "spellings")?;
    let batch = match kind {
        Kind::Terms => {
            let (doc_freq, docs) = (table_of(partial, "doc_freq")?, table_of(partial, "docs")?);
            let counts = py.detach(|| merged_counts(&common.terms, &spellings, &doc_freq, &docs))?;
            term_columns(&[term_table(&counts, crate::options::top(top))], false).batch()?
        }
        Kind::Tfidf => return Err(usage("tfidf is finished per partition (tfidf_part), not from merged counts")),
        Kind::Keyness => {
            let options = keyness_options(sort, min_count, no_correction)?;
            let (sides, side_docs) = (table_of(partial, "sides")?, table_of(partial, "side_docs")?);
            let mut rows = py
                .detach(|| {
                    let counts = merged_sides(&common.terms, &spellings, &sides, &side_docs)?;
                    let on = |side: &'static str| move |meta: &DocMeta| meta.path == side;
                    keyness_against(&counts, &on(TARGET), &on(REFERENCE), &options)
                        .map_err(|err| usage(err.to_string()))
                })?
                .rows;
            if let Some(top) = crate::options::top(top) {
                rows.truncate(top);
            }
            keyness_columns(&rows).batch()?
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

/// Keyness reads the documents of each side; from merged counts, a side is its documents,
/// the first holding all the side's term counts, the others none: the same sums, the same
/// number of documents.
fn merged_sides(
    options: &TermOptions,
    spellings: &RecordBatch,
    sides: &RecordBatch,
    side_docs: &RecordBatch,
) -> PyResult<Counts> {
    let mut reader = options.reader();
    merged_terms(&mut reader, spellings)?;
    let FinishedTerms { vocab, term_freq, .. } = reader.finish();
    let mut freq: [BTreeMap<u32, u64>; 2] = [BTreeMap::new(), BTreeMap::new()];
    let (terms, names, counts) =
        (text_column(sides, "term")?, text_column(sides, "side")?, count_column(sides, "count")?);
    for row in 0..sides.num_rows() {
        let side = usize::from(names.value(row) == REFERENCE);
        if let Some(id) = vocab.id(terms.value(row)) {
            *freq[side].entry(id).or_default() += count(counts.value(row));
        }
    }
    let (keys, documents) = (text_column(side_docs, "key")?, count_column(side_docs, "count")?);
    let documents_of = |side: &str| {
        (0..side_docs.num_rows()).filter(|&r| keys.value(r) == side).map(|r| count(documents.value(r))).sum::<u64>()
    };
    let mut docs = Vec::new();
    for (side, name) in [(0, TARGET), (1, REFERENCE)] {
        let terms = freq[side]
            .iter()
            .map(|(&id, &n)| {
                u32::try_from(n).map(|n| (id, n)).map_err(|_| {
                    usage(format!("`{}` occurs {n} times on one side: more than keyness counts", vocab.term(id)))
                })
            })
            .collect::<PyResult<Vec<_>>>()?;
        let meta = DocMeta { path: name.to_owned(), date: None };
        let mut first = Some(terms);
        for _ in 0..documents_of(name).max(u64::from(!freq[side].is_empty())) {
            let terms = first.take().unwrap_or_default();
            docs.push(DocCounts { meta: meta.clone(), tokens: 0, sentences: 0, terms });
        }
    }
    let doc_freq = vec![0; vocab.len()];
    Ok(Counts { options: options.clone(), vocab, docs, term_freq, doc_freq })
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
