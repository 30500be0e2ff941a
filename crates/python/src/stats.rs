//! `terms`, `ngrams`, `collocations`, `tfidf` and `keyness`: the statistics commands'
//! tables with the CSV's columns, computed by `dateline-analyze` as the CLI computes them.

use chrono::NaiveDate;
use dateline_analyze::period::doc_period;
use dateline_analyze::{
    CollocationOptions, Correction, KeynessMeasure, KeynessOptions, Measure, NgramOptions, Preset, Selection,
    StopwordEdges, TermGroup, TfIdf, collocation_table, count_parallel, count_totals_parallel, keyness as keyness_of,
    keyness_against, ngram_table, term_table, term_table_by,
};
use pyo3::prelude::*;
use pyo3_arrow::input::AnyRecordBatch;

use crate::arrow::{Columns, int, to_pyarrow};
use crate::articles::{PyDiagnostic, py_diagnostics};
use crate::corpus::{Corpus, with_articles};
use crate::options::{self, DateRange, GroupBy, Options, detached, usage};

/// A table with the diagnostics met while reading and how many articles the date range
/// left out: the Python layer warns (or raises, with `strict=True`) as the CLI reports.
pub(crate) type Answer = (Py<PyAny>, Vec<PyDiagnostic>, usize);

/// What every statistics function shares: where the articles come from, how they are read,
/// which dates are in, and how text becomes terms, parsed once from `dateline.Options`.
pub(crate) struct Common {
    pub(crate) corpus: Corpus,
    pub(crate) parser: dateline_parse::ArticleParser,
    pub(crate) dates: DateRange,
    pub(crate) terms: dateline_analyze::TermOptions,
    pub(crate) threads: Option<usize>,
}

impl Common {
    pub(crate) fn new(corpus: Corpus, options: Options) -> PyResult<Self> {
        let terms = options.terms()?;
        let (parser, dates, threads) = options.reading()?;
        Ok(Self { corpus, parser, dates, terms, threads })
    }
}

/// The folder a path is in, as given: `corpus/reuters` for `corpus/reuters/a.txt`.
pub(crate) fn folder_of(path: &str) -> String {
    std::path::Path::new(path).parent().map_or_else(String::new, |p| p.to_string_lossy().into_owned())
}

/// `dateline terms`: rank, term, count, doc_count, rate (and `group` first with `by`).
#[pyfunction]
#[pyo3(signature = (paths=None, table=None, *, top=Some(20), by=None, options))]
pub(crate) fn terms(
    py: Python<'_>,
    paths: Option<Vec<String>>,
    table: Option<AnyRecordBatch>,
    top: Option<usize>,
    by: Option<&str>,
    options: Options,
) -> PyResult<Answer> {
    let common = Common::new(Corpus::new(paths, table)?, options)?;
    let by = options::group_by(by)?;
    let top = options::top(top);
    let (groups, outcome) = detached(py, common.threads, || {
        with_articles(&common.corpus, &common.parser, common.dates, |articles| {
            // Groups need each document's terms; the corpus as a whole needs only the totals.
            let counts = match by {
                None => count_totals_parallel(&common.terms, articles),
                Some(_) => count_parallel(&common.terms, articles),
            };
            match by {
                None => vec![term_table(&counts, top)],
                Some(GroupBy::Period(period)) => term_table_by(&counts, top, |doc| doc_period(doc, period).to_string()),
                Some(GroupBy::Folder) => term_table_by(&counts, top, |doc| folder_of(&doc.meta.path)),
            }
        })
    })?;
    let batch = term_columns(&groups, by.is_some()).batch()?;
    Ok((to_pyarrow(py, batch)?, py_diagnostics(outcome.diagnostics), outcome.outside))
}

pub(crate) fn term_columns(groups: &[TermGroup], grouped: bool) -> Columns {
    let rows = || groups.iter().flat_map(|g| g.terms.iter().map(move |row| (g, row)));
    let mut columns = Columns::new();
    if grouped {
        columns.utf8("group", true, rows().map(|(g, _)| g.group.as_deref()));
    }
    columns.int64("rank", rows().map(|(_, r)| int(r.rank)));
    columns.utf8("term", false, rows().map(|(_, r)| Some(r.term.as_str())));
    columns.int64("count", rows().map(|(_, r)| int(r.count)));
    columns.int64("doc_count", rows().map(|(_, r)| int(r.doc_count)));
    columns.float64("rate", rows().map(|(_, r)| r.rate));
    columns
}

fn edges(keep: bool) -> StopwordEdges {
    if keep { StopwordEdges::Keep } else { StopwordEdges::Drop }
}

/// The options of `dateline ngrams`, checked as the CLI checks them.
pub(crate) fn ngram_options(
    common: &Common,
    min_n: usize,
    max_n: usize,
    min_count: u64,
    keep_stopword_edges: bool,
    top: Option<usize>,
) -> PyResult<NgramOptions> {
    NgramOptions::builder()
        .terms(common.terms.clone())
        .sizes(min_n, max_n)
        .min_count(min_count)
        .stopword_edges(edges(keep_stopword_edges))
        .top(options::top(top))
        .build()
        .map_err(|err| usage(err.to_string()))
}

/// `dateline ngrams`: rank, ngram, n, count.
#[pyfunction]
#[allow(clippy::too_many_arguments, reason = "keyword arguments mirroring the CLI's options")]
#[pyo3(signature = (
    paths=None, table=None, *, top=Some(20), min_n=2, max_n=3, min_count=2, keep_stopword_edges=false, options
))]
pub(crate) fn ngrams(
    py: Python<'_>,
    paths: Option<Vec<String>>,
    table: Option<AnyRecordBatch>,
    top: Option<usize>,
    min_n: usize,
    max_n: usize,
    min_count: u64,
    keep_stopword_edges: bool,
    options: Options,
) -> PyResult<Answer> {
    let common = Common::new(Corpus::new(paths, table)?, options)?;
    let options = ngram_options(&common, min_n, max_n, min_count, keep_stopword_edges, top)?;
    let (report, outcome) = detached(py, common.threads, || {
        with_articles(&common.corpus, &common.parser, common.dates, |articles| ngram_table(&options, articles))
    })?;
    let batch = ngram_columns(&report).batch()?;
    Ok((to_pyarrow(py, batch)?, py_diagnostics(outcome.diagnostics), outcome.outside))
}

pub(crate) fn ngram_columns(report: &dateline_analyze::NgramReport) -> Columns {
    let rows = &report.rows;
    let mut columns = Columns::new();
    columns.int64("rank", rows.iter().map(|r| int(r.rank)));
    columns.utf8("ngram", false, rows.iter().map(|r| Some(r.ngram.as_str())));
    columns.int64("n", rows.iter().map(|r| int(r.n)));
    columns.int64("count", rows.iter().map(|r| int(r.count)));
    columns
}

/// The options of `dateline collocations`.
pub(crate) fn collocation_options(
    common: &Common,
    measure: &str,
    min_count: u64,
    keep_stopword_edges: bool,
    top: Option<usize>,
) -> PyResult<CollocationOptions> {
    let measure: Measure = measure.parse().map_err(|_| {
        usage(format!("measure: expected likelihood-ratio, pmi, student-t, chi-sq, dice, lambda or z, not `{measure}`"))
    })?;
    Ok(CollocationOptions::new()
        .terms(common.terms.clone())
        .measure(measure)
        .min_count(min_count)
        .stopword_edges(edges(keep_stopword_edges))
        .top(options::top(top)))
}

/// `dateline collocations`: the CSV's columns, every measure included.
#[pyfunction]
#[allow(clippy::too_many_arguments, reason = "keyword arguments mirroring the CLI's options")]
#[pyo3(signature = (
    paths=None, table=None, *, top=Some(20), measure="likelihood-ratio", min_count=2, keep_stopword_edges=false, options
))]
pub(crate) fn collocations(
    py: Python<'_>,
    paths: Option<Vec<String>>,
    table: Option<AnyRecordBatch>,
    top: Option<usize>,
    measure: &str,
    min_count: u64,
    keep_stopword_edges: bool,
    options: Options,
) -> PyResult<Answer> {
    let common = Common::new(Corpus::new(paths, table)?, options)?;
    let options = collocation_options(&common, measure, min_count, keep_stopword_edges, top)?;
    let (report, outcome) = detached(py, common.threads, || {
        with_articles(&common.corpus, &common.parser, common.dates, |articles| collocation_table(&options, articles))
    })?;
    let batch = collocation_columns(&report).batch()?;
    Ok((to_pyarrow(py, batch)?, py_diagnostics(outcome.diagnostics), outcome.outside))
}

pub(crate) fn collocation_columns(report: &dateline_analyze::CollocationReport) -> Columns {
    let rows = &report.rows;
    let mut columns = Columns::new();
    columns.utf8("ngram", false, rows.iter().map(|r| Some(r.ngram.as_str())));
    columns.int64("count", rows.iter().map(|r| int(r.count)));
    columns.int64("left_count", rows.iter().map(|r| int(r.left_count)));
    columns.int64("right_count", rows.iter().map(|r| int(r.right_count)));
    columns.int64("total_tokens", rows.iter().map(|r| int(r.total_tokens)));
    columns.float64("score", rows.iter().map(|r| r.score));
    columns.float64("pmi", rows.iter().map(|r| r.pmi));
    columns.float64("likelihood_ratio", rows.iter().map(|r| r.likelihood_ratio));
    columns.float64("student_t", rows.iter().map(|r| r.student_t));
    columns.float64("chi_sq", rows.iter().map(|r| r.chi_sq));
    columns.float64("dice", rows.iter().map(|r| r.dice));
    columns.float64("lambda", rows.iter().map(|r| r.lambda));
    columns.float64("z", rows.iter().map(|r| r.z));
    columns
}

/// The options of `dateline tfidf`, checked as the CLI checks them.
pub(crate) fn tfidf_options(
    options: &Options,
    preset: &str,
    min_df: Option<&str>,
    max_df: Option<&str>,
    top: Option<usize>,
) -> PyResult<TfIdf> {
    let preset: Preset = preset.parse().map_err(|err: dateline_analyze::TfIdfError| usage(err.to_string()))?;
    if preset == Preset::Sklearn && options.changes_terms() {
        return Err(usage(
            "preset sklearn uses scikit-learn's own tokens: stopwords, stem and no_numbers do not apply",
        ));
    }
    let mut builder = TfIdf::builder().preset(preset);
    builder = match options::top(top) {
        Some(n) => builder.top(n),
        None => builder.all_terms(),
    };
    if let Some(bound) = options::df("min_df", min_df)? {
        builder = builder.min_df(bound);
    }
    if let Some(bound) = options::df("max_df", max_df)? {
        builder = builder.max_df(bound);
    }
    builder.build().map_err(|err| usage(err.to_string()))
}

/// `dateline tfidf`: path, rank, term, score.
#[pyfunction]
#[allow(clippy::too_many_arguments, reason = "keyword arguments mirroring the CLI's options")]
#[pyo3(signature = (
    paths=None, table=None, *, top=Some(20), preset="news", min_df=None, max_df=None, options
))]
pub(crate) fn tfidf(
    py: Python<'_>,
    paths: Option<Vec<String>>,
    table: Option<AnyRecordBatch>,
    top: Option<usize>,
    preset: &str,
    min_df: Option<&str>,
    max_df: Option<&str>,
    options: Options,
) -> PyResult<Answer> {
    let tfidf = tfidf_options(&options, preset, min_df, max_df, top)?;
    let common = Common::new(Corpus::new(paths, table)?, options)?;
    let (report, outcome) = detached(py, common.threads, || {
        let (counts, outcome) = with_articles(&common.corpus, &common.parser, common.dates, |articles| {
            tfidf.count(&common.terms, articles)
        })?;
        let report = tfidf.report(&counts).map_err(|err| usage(err.to_string()))?;
        Ok((report, outcome))
    })?;
    let batch = tfidf_columns(&report).batch()?;
    Ok((to_pyarrow(py, batch)?, py_diagnostics(outcome.diagnostics), outcome.outside))
}

pub(crate) fn tfidf_columns(report: &dateline_analyze::TfIdfReport) -> Columns {
    let rows = || report.rows.iter().flat_map(|row| row.terms.iter().enumerate().map(move |(i, t)| (row, i, t)));
    let mut columns = Columns::new();
    columns.utf8("path", false, rows().map(|(row, _, _)| Some(row.path.as_str())));
    columns.int64("rank", rows().map(|(_, i, _)| int(i + 1)));
    columns.utf8("term", false, rows().map(|(_, _, t)| Some(t.term.as_str())));
    columns.float64("score", rows().map(|(_, _, t)| t.score));
    columns
}

/// A `target`/`reference` selection from its specs: `DATE..DATE`, a glob, or a folder.
pub(crate) fn selection(specs: Vec<String>) -> PyResult<Selection> {
    let mut builder = Selection::builder();
    for spec in specs {
        if let Some((since, until)) = spec.split_once("..") {
            let date = |text: &str| -> PyResult<Option<NaiveDate>> {
                if text.is_empty() {
                    return Ok(None);
                }
                NaiveDate::parse_from_str(text, "%Y-%m-%d")
                    .map(Some)
                    .map_err(|_| usage(format!("`{spec}`: expected dates as YYYY-MM-DD..YYYY-MM-DD")))
            };
            if let Some(since) = date(since)? {
                builder = builder.since(since);
            }
            if let Some(until) = date(until)? {
                builder = builder.until(until);
            }
        } else if spec.contains(['*', '?', '[', '{']) {
            builder = builder.glob(spec.as_str());
        } else {
            builder = builder.folder(spec.trim_end_matches('/'));
        }
    }
    builder.build().map_err(|err| usage(err.to_string()))
}

/// The options of `dateline keyness`.
pub(crate) fn keyness_options(sort: &str, min_count: u64, no_correction: bool) -> PyResult<KeynessOptions> {
    let sort = match sort {
        "g2" => KeynessMeasure::G2,
        "chi2" => KeynessMeasure::Chi2,
        "log-ratio" => KeynessMeasure::LogRatio,
        other => return Err(usage(format!("sort: expected g2, chi2 or log-ratio, not `{other}`"))),
    };
    Ok(KeynessOptions::new().sort_by(sort).min_count(min_count).correction(if no_correction {
        Correction::None
    } else {
        Correction::Yates
    }))
}

/// `dateline keyness`: term, target_count, reference_count, g2, g2_p, chi2, chi2_p, log_ratio.
#[pyfunction]
#[allow(clippy::too_many_arguments, reason = "keyword arguments mirroring the CLI's options")]
#[pyo3(signature = (
    paths=None, table=None, *, target, reference=None, top=Some(20), sort="g2", min_count=1, no_correction=false, options
))]
pub(crate) fn keyness(
    py: Python<'_>,
    paths: Option<Vec<String>>,
    table: Option<AnyRecordBatch>,
    target: Vec<String>,
    reference: Option<Vec<String>>,
    top: Option<usize>,
    sort: &str,
    min_count: u64,
    no_correction: bool,
    options: Options,
) -> PyResult<Answer> {
    if target.is_empty() {
        return Err(usage("target: expected at least one SPEC (a date range, a glob or a folder)"));
    }
    let target = selection(target)?;
    let reference = reference.filter(|specs| !specs.is_empty()).map(selection).transpose()?;
    let scoring = keyness_options(sort, min_count, no_correction)?;
    let common = Common::new(Corpus::new(paths, table)?, options)?;
    let (result, outcome) = detached(py, common.threads, || {
        let (counts, outcome) = with_articles(&common.corpus, &common.parser, common.dates, |articles| {
            count_parallel(&common.terms, articles)
        })?;
        let result = match &reference {
            None => keyness_of(&counts, &target, &scoring),
            Some(reference) => keyness_against(&counts, &target, reference, &scoring),
        };
        Ok((result.map_err(|err| usage(err.to_string()))?, outcome))
    })?;
    let mut rows = result.rows;
    if let Some(top) = options::top(top) {
        rows.truncate(top);
    }
    let batch = keyness_columns(&rows).batch()?;
    Ok((to_pyarrow(py, batch)?, py_diagnostics(outcome.diagnostics), outcome.outside))
}

pub(crate) fn keyness_columns(rows: &[dateline_analyze::KeynessRow]) -> Columns {
    let mut columns = Columns::new();
    columns.utf8("term", false, rows.iter().map(|r| Some(r.term.as_str())));
    columns.int64("target_count", rows.iter().map(|r| int(r.target_count)));
    columns.int64("reference_count", rows.iter().map(|r| int(r.reference_count)));
    columns.float64("g2", rows.iter().map(|r| r.g2));
    columns.float64("g2_p", rows.iter().map(|r| r.g2_p));
    columns.float64("chi2", rows.iter().map(|r| r.chi2));
    columns.float64("chi2_p", rows.iter().map(|r| r.chi2_p));
    columns.float64("log_ratio", rows.iter().map(|r| r.log_ratio));
    columns
}
