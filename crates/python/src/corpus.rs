//! Where articles come from: paths read as the CLI reads them (`dateline-parse`'s
//! `CorpusReader`: folders recursively in sorted order, every file accounted for), or a
//! table of the articles' schema from `dateline.read`, rebuilt into articles without
//! reading any file again.

use arrow_array::{Array, Date32Array, LargeStringArray, RecordBatch, StringArray, StringViewArray};
use chrono::NaiveDate;
use dateline_analyze::DocMeta;
use dateline_model::{Article, Calendar, DateSource, Diagnostic, Paragraph, Precision, Published, Section, Span};
use dateline_parse::{ArticleParser, CorpusReader, Input};
use pyo3::prelude::*;
use pyo3_arrow::input::AnyRecordBatch;

use crate::options::{DateRange, usage};

/// The articles of a call: paths or a table.
pub(crate) enum Corpus {
    Paths(Vec<String>),
    Table(Vec<RecordBatch>),
}

impl Corpus {
    /// `paths` from Python, or else `table` (anything with `__arrow_c_stream__`).
    pub(crate) fn new(paths: Option<Vec<String>>, table: Option<AnyRecordBatch>) -> PyResult<Self> {
        match (paths, table) {
            (Some(paths), None) => Ok(Self::Paths(paths)),
            (None, Some(table)) => {
                let table = table.into_table().map_err(PyErr::from)?;
                Ok(Self::Table(table.into_inner().0))
            }
            _ => Err(usage("expected paths or a table of articles")),
        }
    }
}

/// A file's diagnostic, with its path, as the CLI prints it on stderr.
pub(crate) type Found = (String, Diagnostic);

/// What reading left to report: every diagnostic, and how many articles the date range
/// left out.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    pub(crate) diagnostics: Vec<Found>,
    pub(crate) outside: usize,
}

/// Hands the articles of `corpus` in the date range to `work` (which may consume them in
/// parallel) and returns what it returns, with what reading found.
pub(crate) fn with_articles<T, F>(
    corpus: &Corpus,
    parser: &ArticleParser,
    dates: DateRange,
    work: F,
) -> PyResult<(T, Outcome)>
where
    F: FnOnce(&mut (dyn Iterator<Item = (DocMeta, Article)> + Send)) -> T,
{
    let mut outcome = Outcome::default();
    let result = match corpus {
        Corpus::Paths(paths) => {
            let reader = CorpusReader::new(parser.clone());
            let inputs = paths.iter().map(|path| Input::from_arg(path.as_ref())).collect();
            let (diagnostics, outside) = (&mut outcome.diagnostics, &mut outcome.outside);
            let mut articles = reader.documents(inputs).filter_map(|doc| {
                diagnostics.extend(doc.diagnostics.into_iter().map(|d| (doc.path.clone(), d)));
                let article = doc.article?;
                let date = article.published.as_ref().map(|p| p.date);
                if !dates.contains(date) {
                    *outside += 1;
                    return None;
                }
                Some((DocMeta { path: doc.path, date }, article))
            });
            work(&mut articles)
        }
        Corpus::Table(batches) => {
            let rows = table_articles(batches)?;
            let mut articles = rows.into_iter().filter_map(|(meta, article)| {
                if !dates.contains(meta.date) {
                    outcome.outside += 1;
                    return None;
                }
                Some((meta, article))
            });
            work(&mut articles)
        }
    };
    Ok((result, outcome))
}

/// The articles of a table from `dateline.read`: rows whose `text` is null (files that
/// yielded no article) are left out, as the CLI leaves them out of its statistics. The
/// counted text comes back as its segments: the title (the `title` column, when the text
/// opens with it), then each blank-line-separated block as a paragraph, with spans that are
/// byte offsets into the `text` column. A heading comes back as a paragraph, which every
/// statistic counts the same way (each segment starts a sentence).
fn table_articles(batches: &[RecordBatch]) -> PyResult<Vec<(DocMeta, Article)>> {
    let mut out = Vec::new();
    for batch in batches {
        let paths = strings(batch, "path")?;
        let texts = strings(batch, "text")?;
        // A title the text opens with is counted as the title; without the column, as a paragraph.
        let titles = if batch.column_by_name("title").is_some() {
            strings(batch, "title")?
        } else {
            vec![None; batch.num_rows()]
        };
        let dates = dates(batch)?;
        for row in 0..batch.num_rows() {
            let Some(text) = texts[row].as_deref() else { continue };
            let path = paths[row].clone().ok_or_else(|| usage(format!("row {row} of the table has no path")))?;
            let article = rebuild(titles[row].as_deref(), text, dates[row]);
            out.push((DocMeta { path, date: dates[row] }, article));
        }
    }
    Ok(out)
}

fn rebuild(title: Option<&str>, text: &str, date: Option<NaiveDate>) -> Article {
    let mut article = Article::default();
    let mut rest = (text, 0);
    if let Some(title) = title.filter(|t| !t.is_empty())
        && let Some(after) = text.strip_prefix(title)
        && (after.is_empty() || after.starts_with("\n\n"))
    {
        article.title = Some(title.to_owned());
        article.title_span = Some(Span::new(0, title.len()));
        let skip = (title.len() + 2).min(text.len());
        rest = (&text[skip..], skip);
    }
    let (body, mut offset) = rest;
    let mut paragraphs = Vec::new();
    if !body.is_empty() {
        for block in body.split("\n\n") {
            paragraphs.push(Paragraph { text: block.to_owned(), span: Span::new(offset, offset + block.len()) });
            offset += block.len() + 2;
        }
    }
    if !paragraphs.is_empty() {
        article.sections.push(Section { heading: None, heading_span: None, paragraphs });
    }
    article.published = date.map(|date| Published {
        date,
        time: None,
        precision: Precision::Day,
        year_inferred: false,
        source: DateSource::Header,
        calendar: Calendar::Gregorian,
        raw: String::new(),
        span: Span::new(0, 0),
    });
    article
}

/// A text column, whichever of Arrow's string types it came as.
fn strings(batch: &RecordBatch, name: &str) -> PyResult<Vec<Option<String>>> {
    let column = batch
        .column_by_name(name)
        .ok_or_else(|| usage(format!("the table has no `{name}` column (expected a table from dateline.read)")))?;
    let any = column.as_any();
    let owned = |value: Option<&str>| value.map(str::to_owned);
    if let Some(array) = any.downcast_ref::<StringArray>() {
        Ok(array.iter().map(owned).collect())
    } else if let Some(array) = any.downcast_ref::<LargeStringArray>() {
        Ok(array.iter().map(owned).collect())
    } else if let Some(array) = any.downcast_ref::<StringViewArray>() {
        Ok(array.iter().map(owned).collect())
    } else {
        Err(usage(format!("the table's `{name}` column is {}, not text", column.data_type())))
    }
}

/// The `date` column (Date32), or no dates when the table has none.
fn dates(batch: &RecordBatch) -> PyResult<Vec<Option<NaiveDate>>> {
    let Some(column) = batch.column_by_name("date") else { return Ok(vec![None; batch.num_rows()]) };
    let array = column
        .as_any()
        .downcast_ref::<Date32Array>()
        .ok_or_else(|| usage(format!("the table's `date` column is {}, not date32", column.data_type())))?;
    Ok((0..array.len()).map(|i| if array.is_null(i) { None } else { array.value_as_date(i) }).collect())
}
