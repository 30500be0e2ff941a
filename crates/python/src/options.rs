//! The CLI's options as the Python functions take them, checked once before any work and
//! turned into the libraries' option types. The Python layer hands every option over by
//! keyword, as text where the CLI reads text (dates, `--min-df`), so the checks and their
//! words are the CLI's.

use chrono::NaiveDate;
use dateline_analyze::{DfBound, Period, Stopwords, TermOptions};
use dateline_parse::{ArticleParser, DateOrder};
use pyo3::prelude::*;

use crate::DatelineError;

/// An option the CLI would reject, with the CLI's words.
pub(crate) fn usage(message: impl Into<String>) -> PyErr {
    DatelineError::new_err(message.into())
}

/// `--since`, `--until`, `--reference-date`: `YYYY-MM-DD`.
pub(crate) fn date(option: &str, text: Option<&str>) -> PyResult<Option<NaiveDate>> {
    text.map(|text| {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|err| usage(format!("{option}: expected a date as YYYY-MM-DD, not `{text}`: {err}")))
    })
    .transpose()
}

/// The options every function shares, read from a `dateline.Options` (a frozen dataclass on
/// the Python side, so that it pickles as plain values and Dask and Spark can ship it),
/// attribute by attribute: a value of the wrong type fails naming its field, and every check
/// after that names its option in the CLI's words.
#[derive(Debug, Clone, FromPyObject)]
pub(crate) struct Options {
    boilerplate: Option<Vec<String>>,
    reference_date: Option<String>,
    date_order: Option<String>,
    since: Option<String>,
    until: Option<String>,
    stopwords: Option<StopwordsArg>,
    stem: bool,
    no_numbers: bool,
    /// `threads`, or when it is `None` what `dateline.default_threads()` says in the process
    /// that reads the options: one inside a Dask worker or a Spark task.
    #[pyo3(attribute("worker_threads"))]
    threads: Option<usize>,
}

/// `stopwords=`: `"none"` or a file's path, or the words themselves.
#[derive(Debug, Clone, FromPyObject)]
enum StopwordsArg {
    Named(String),
    Words(Vec<String>),
}

impl Options {
    /// How files are read: `boilerplate` (more furniture lines), `reference_date`, `date_order`.
    fn parser(&self) -> PyResult<ArticleParser> {
        let order = match self.date_order.as_deref() {
            None => None,
            Some("dmy") => Some(DateOrder::Dmy),
            Some("mdy") => Some(DateOrder::Mdy),
            Some(other) => return Err(usage(format!("date_order: expected dmy or mdy, not `{other}`"))),
        };
        let reference = date("reference_date", self.reference_date.as_deref())?;
        let mut parser = ArticleParser::new().reference_date(reference).date_order(order);
        if let Some(lines) = &self.boilerplate {
            parser = parser.boilerplate(lines.iter().map(String::as_str));
        }
        Ok(parser)
    }

    /// `since` and `until`.
    fn dates(&self) -> PyResult<DateRange> {
        DateRange::new(self.since.as_deref(), self.until.as_deref())
    }

    /// The term options of `--stopwords`, `--stem` and `--no-numbers`: no `stopwords` is
    /// the built-in English list, `"none"` none, any other text a file of one word a line.
    pub(crate) fn terms(&self) -> PyResult<TermOptions> {
        let stopwords = match &self.stopwords {
            None => Stopwords::English,
            Some(StopwordsArg::Words(words)) => Stopwords::from_lines(&words.join("\n")),
            Some(StopwordsArg::Named(none)) if none == "none" => Stopwords::None,
            Some(StopwordsArg::Named(path)) => Stopwords::from_lines(
                &std::fs::read_to_string(path)
                    .map_err(|err| usage(format!("cannot read the stopword file {path}: {err}")))?,
            ),
        };
        Ok(TermOptions::new().stopwords(stopwords).numbers(!self.no_numbers).stem(self.stem))
    }

    /// Whether any option changes scikit-learn's own tokens (which TF-IDF's `sklearn`
    /// preset refuses, as the CLI does).
    pub(crate) fn changes_terms(&self) -> bool {
        self.stopwords.is_some() || self.stem || self.no_numbers
    }

    fn threads(&self) -> PyResult<Option<usize>> {
        match self.threads {
            Some(0) => Err(usage("threads: expected at least 1")),
            threads => Ok(threads),
        }
    }

    /// What reading files needs: the parser, the date range and the threads.
    pub(crate) fn reading(self) -> PyResult<(ArticleParser, DateRange, Option<usize>)> {
        Ok((self.parser()?, self.dates()?, self.threads()?))
    }
}

/// Checks `options` (a `dateline.Options`) as every function would, raising
/// `DatelineError` in the CLI's words for the first bad option.
#[pyfunction]
pub(crate) fn check_options(options: Options) -> PyResult<()> {
    // Every check but the stopword file's, which is read where the counting runs.
    options.reading().map(drop)
}

/// Inclusive bounds on publication dates; with either bound, undated articles are out (as
/// the CLI's `--since`/`--until`).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct DateRange {
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
}

impl DateRange {
    pub(crate) fn new(since: Option<&str>, until: Option<&str>) -> PyResult<Self> {
        let (since, until) = (date("since", since)?, date("until", until)?);
        if let (Some(since), Some(until)) = (since, until)
            && since > until
        {
            return Err(usage(format!("since {since} is after until {until}: no article can match")));
        }
        Ok(Self { since, until })
    }

    pub(crate) fn contains(&self, date: Option<NaiveDate>) -> bool {
        match date {
            None => self.since.is_none() && self.until.is_none(),
            Some(date) => self.since.is_none_or(|s| date >= s) && self.until.is_none_or(|u| date <= u),
        }
    }
}

/// `--top`: `None` or 0 shows all.
pub(crate) fn top(top: Option<usize>) -> Option<usize> {
    top.filter(|&n| n > 0)
}

/// `--by` of `dateline terms`: a period, or the folder a file is in.
#[derive(Debug, Clone, Copy)]
pub(crate) enum GroupBy {
    Period(Period),
    Folder,
}

pub(crate) fn group_by(text: Option<&str>) -> PyResult<Option<GroupBy>> {
    let Some(text) = text else { return Ok(None) };
    if text.eq_ignore_ascii_case("folder") {
        return Ok(Some(GroupBy::Folder));
    }
    text.parse()
        .map(|period| Some(GroupBy::Period(period)))
        .map_err(|_| usage(format!("by: expected day, week, month, quarter, year or folder, not `{text}`")))
}

pub(crate) fn period(text: Option<&str>) -> PyResult<Option<Period>> {
    text.map(|text| {
        text.parse().map_err(|_| usage(format!("by: expected day, week, month, quarter or year, not `{text}`")))
    })
    .transpose()
}

/// `--min-df`/`--max-df`: a whole number is a count of articles, a number with a decimal
/// point a fraction of them.
pub(crate) fn df(option: &str, text: Option<&str>) -> PyResult<Option<DfBound>> {
    let Some(text) = text else { return Ok(None) };
    let bound = if text.contains('.') {
        text.parse::<f64>()
            .map(DfBound::Fraction)
            .map_err(|err| usage(format!("{option}: expected a fraction such as 0.9: {err}")))?
    } else {
        text.parse::<u32>()
            .map(DfBound::Count)
            .map_err(|err| usage(format!("{option}: expected a number of articles: {err}")))?
    };
    Ok(Some(bound))
}

/// Runs `work` with the GIL released, on a pool of `threads` threads (all cores when
/// `None`), which is where the libraries' parallel work and the corpus reader run.
pub(crate) fn detached<T, F>(py: Python<'_>, threads: Option<usize>, work: F) -> PyResult<T>
where
    T: Send,
    F: FnOnce() -> PyResult<T> + Send,
{
    let mut pool = rayon::ThreadPoolBuilder::new().thread_name(|i| format!("dateline-{i}"));
    if let Some(n) = threads {
        pool = pool.num_threads(n);
    }
    let pool = pool.build().map_err(|err| usage(format!("cannot start worker threads: {err}")))?;
    py.detach(|| pool.install(work))
}
