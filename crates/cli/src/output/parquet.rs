//! `parquet`: typed, zstd-compressed columns for DuckDB, polars, pandas, Spark and R. A report
//! is its CSV table with each column's declared type; documents (`parse`) are the articles'
//! table, one row per file, in the schema the Python package's `read` returns too:
//!
//! | column | type |
//! |---|---|
//! | `path` | Utf8, never null |
//! | `title`, `time` (`HH:MM`), `place`, `region`, `agency` | Utf8 |
//! | `date` | Date32 |
//! | `authors` | `List<Utf8>`, never null |
//! | `text` | Utf8: the counted text (title, headings, paragraphs) a blank line apart |
//! | `diagnostics` | `List<Struct<line: Int64, column: Int64, severity: Utf8, message: Utf8>>`, never null |
//!
//! A file that yields no article still has its row: null article fields, its diagnostics.
//!
//! The writer needs a `Send` sink, which the output is not, so pages gather in memory and are
//! handed to the output after every row group; row groups close at [`ROW_GROUP_BYTES`], so a
//! large corpus never sits in memory whole.

use std::io::{self, Write};
use std::sync::Arc;

use arrow_array::builder::{Date32Builder, Float64Builder, Int64Builder, ListBuilder, StringBuilder};
use arrow_array::types::Date32Type;
use arrow_array::{ArrayRef, Int64Array, ListArray, RecordBatch, StringArray, StructArray};
use arrow_buffer::OffsetBuffer;
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use dateline_model::{Diagnostic, Document};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;

use super::Writer;
use super::report::{Cell, Column, Kind, Report, Streamed, Table};

/// Articles gathered before they are handed to the Parquet writer as one batch.
const BATCH_ROWS: usize = 256;

/// Rows of a streamed report gathered before they are handed over as one batch.
const STREAMED_BATCH_ROWS: usize = 8192;

/// The encoded size at which a row group is closed and written out: large enough for good
/// compression and fast scans (about 12,000 news articles), small enough that memory stays
/// well below the corpus (a row group is held twice while it is handed over: 211 MB of
/// articles peaked at 203 MB with 64 MB row groups).
const ROW_GROUP_BYTES: usize = 16 << 20;

pub(crate) struct Parquet<'w> {
    out: &'w mut dyn Write,
    /// The articles' file, once the first document came.
    articles: Option<Articles>,
    reported: bool,
}

impl<'w> Parquet<'w> {
    pub(crate) fn new(out: &'w mut dyn Write) -> Self {
        Self { out, articles: None, reported: false }
    }
}

impl Writer for Parquet<'_> {
    fn report(&mut self, report: &dyn Report) -> io::Result<()> {
        if self.reported || self.articles.is_some() {
            return Err(io::Error::other("a Parquet file holds one table: only one report can be written"));
        }
        self.reported = true;
        let batch = table_batch(&report.csv())?;
        let mut writer = ArrowWriter::try_new(Vec::new(), batch.schema(), Some(properties())).map_err(parquet_error)?;
        writer.write(&batch).map_err(parquet_error)?;
        let bytes = writer.into_inner().map_err(parquet_error)?;
        self.out.write_all(&bytes)
    }

    /// Rows are gathered [`STREAMED_BATCH_ROWS`] at a time into record batches.
    fn streamed(&mut self, report: &dyn Streamed) -> io::Result<()> {
        if self.reported || self.articles.is_some() {
            return Err(io::Error::other("a Parquet file holds one table: only one report can be written"));
        }
        self.reported = true;
        let mut batch = report.csv_frame();
        let schema = table_batch(&batch)?.schema();
        let mut writer = ArrowWriter::try_new(Vec::new(), schema, Some(properties())).map_err(parquet_error)?;
        report.each_csv_row(&mut |row| {
            batch.rows.push(row);
            if batch.rows.len() >= STREAMED_BATCH_ROWS {
                writer.write(&table_batch(&batch)?).map_err(parquet_error)?;
                batch.rows.clear();
            }
            Ok(())
        })?;
        if !batch.rows.is_empty() {
            writer.write(&table_batch(&batch)?).map_err(parquet_error)?;
        }
        let bytes = writer.into_inner().map_err(parquet_error)?;
        self.out.write_all(&bytes)
    }

    fn document(&mut self, doc: &Document) -> io::Result<()> {
        if self.reported {
            return Err(io::Error::other("a Parquet file holds one table: a report was written already"));
        }
        if self.articles.is_none() {
            self.articles = Some(Articles::new()?);
        }
        let Some(articles) = &mut self.articles else { return Ok(()) };
        articles.rows.push(ArticleRow::of(doc));
        if articles.rows.len() >= BATCH_ROWS {
            articles.write_batch(self.out)?;
        }
        Ok(())
    }

    /// Closes the file; a run that read no files still writes the articles' (empty) table.
    fn finish(&mut self) -> io::Result<()> {
        if self.reported {
            return Ok(());
        }
        let mut articles = match self.articles.take() {
            Some(articles) => articles,
            None => Articles::new()?,
        };
        articles.write_batch(self.out)?;
        let bytes = articles.writer.into_inner().map_err(parquet_error)?;
        self.out.write_all(&bytes)
    }
}

/// zstd at its default level: about gzip's ratio at several times its speed.
fn properties() -> WriterProperties {
    WriterProperties::builder().set_compression(Compression::ZSTD(ZstdLevel::default())).build()
}

fn parquet_error(err: ParquetError) -> io::Error {
    match err {
        ParquetError::External(inner) => match inner.downcast::<io::Error>() {
            Ok(err) => *err,
            Err(inner) => io::Error::other(format!("cannot write Parquet: {inner}")),
        },
        err => io::Error::other(format!("cannot write Parquet: {err}")),
    }
}

fn arrow_error(err: &arrow_schema::ArrowError) -> io::Error {
    io::Error::other(format!("cannot write Parquet: {err}"))
}

/// The Arrow type of a column's kind.
fn data_type(kind: Kind) -> DataType {
    match kind {
        Kind::Text => DataType::Utf8,
        Kind::Int => DataType::Int64,
        Kind::Float => DataType::Float64,
        Kind::Date => DataType::Date32,
        Kind::List { .. } => DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true))),
    }
}

/// A table as one record batch, each column of its declared type; a record table stays one
/// row (its columns are the measures).
fn table_batch(table: &Table) -> io::Result<RecordBatch> {
    let fields: Vec<Field> =
        table.columns.iter().map(|col| Field::new(col.name.as_ref(), data_type(col.kind), col.nullable)).collect();
    let arrays = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, col)| column_array(col, table.rows.iter().map(|row| row.get(i).unwrap_or(&Cell::Empty))))
        .collect::<io::Result<Vec<ArrayRef>>>()?;
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).map_err(|err| arrow_error(&err))
}

/// A cell that is not of its column's kind: the report is wrong, not the input.
fn mismatch(col: &Column, cell: &Cell) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("column `{}` ({:?}) cannot hold {cell:?}", col.name, col.kind))
}

fn column_array<'a>(col: &Column, cells: impl Iterator<Item = &'a Cell>) -> io::Result<ArrayRef> {
    Ok(match col.kind {
        Kind::Text => {
            let mut builder = StringBuilder::new();
            for cell in cells {
                match cell {
                    Cell::Text(text) => builder.append_value(text),
                    Cell::Empty => builder.append_null(),
                    cell => return Err(mismatch(col, cell)),
                }
            }
            Arc::new(builder.finish())
        }
        Kind::Int => {
            let mut builder = Int64Builder::new();
            for cell in cells {
                match cell {
                    Cell::Int(n) => builder.append_value(int64(*n)?),
                    Cell::Empty => builder.append_null(),
                    cell => return Err(mismatch(col, cell)),
                }
            }
            Arc::new(builder.finish())
        }
        Kind::Float => {
            let mut builder = Float64Builder::new();
            for cell in cells {
                match cell {
                    Cell::Float(x) => builder.append_value(*x),
                    Cell::Empty => builder.append_null(),
                    cell => return Err(mismatch(col, cell)),
                }
            }
            Arc::new(builder.finish())
        }
        Kind::Date => {
            let mut builder = Date32Builder::new();
            for cell in cells {
                match cell {
                    Cell::Date(date) => builder.append_value(Date32Type::from_naive_date(*date)),
                    Cell::Empty => builder.append_null(),
                    cell => return Err(mismatch(col, cell)),
                }
            }
            Arc::new(builder.finish())
        }
        Kind::List { .. } => {
            let mut builder = ListBuilder::new(StringBuilder::new());
            for cell in cells {
                match cell {
                    Cell::List(items) => {
                        for item in items {
                            builder.values().append_value(item);
                        }
                        builder.append(true);
                    }
                    Cell::Empty => builder.append_null(),
                    cell => return Err(mismatch(col, cell)),
                }
            }
            Arc::new(builder.finish())
        }
    })
}

/// Counts are unsigned in the analyses; Parquet readers such as Spark take only signed ones.
fn int64(n: impl TryInto<i64>) -> io::Result<i64> {
    n.try_into().map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "a count too large for a 64-bit integer"))
}

/// The articles' file being written.
struct Articles {
    schema: SchemaRef,
    writer: ArrowWriter<Vec<u8>>,
    /// Rows not yet in a batch: each document's row, made when the batch is.
    rows: Vec<ArticleRow>,
}

/// One document's row, owned until its batch is made.
struct ArticleRow {
    path: String,
    title: Option<String>,
    date: Option<i32>,
    time: Option<String>,
    place: Option<String>,
    region: Option<String>,
    agency: Option<String>,
    authors: Vec<String>,
    text: Option<String>,
    diagnostics: Vec<Diagnostic>,
}

impl ArticleRow {
    fn of(doc: &Document) -> Self {
        let article = doc.article.as_ref();
        let published = article.and_then(|a| a.published.as_ref());
        let dateline = article.and_then(|a| a.dateline.as_ref());
        Self {
            path: doc.path.clone(),
            title: article.and_then(|a| a.title.clone()),
            date: published.map(|p| Date32Type::from_naive_date(p.date)),
            time: published.and_then(|p| p.time).map(|t| t.format("%H:%M").to_string()),
            place: dateline.and_then(|d| d.place.clone()),
            region: dateline.and_then(|d| d.region.clone()),
            agency: dateline.and_then(|d| d.agency.clone()),
            authors: article.map(|a| a.authors.clone()).unwrap_or_default(),
            text: article.map(counted_text),
            diagnostics: doc.diagnostics.clone(),
        }
    }
}

/// The counted text: title, headings and paragraphs in segment order, a blank line apart.
fn counted_text(article: &dateline_model::Article) -> String {
    let parts: Vec<&str> = dateline_text::segments(article).map(|segment| segment.text).collect();
    parts.join("\n\n")
}

fn diagnostic_fields() -> Fields {
    Fields::from(vec![
        Field::new("line", DataType::Int64, false),
        Field::new("column", DataType::Int64, false),
        Field::new("severity", DataType::Utf8, false),
        Field::new("message", DataType::Utf8, false),
    ])
}

/// The articles' schema (see the module's documentation).
fn article_schema() -> SchemaRef {
    let text = |name: &str| Field::new(name, DataType::Utf8, true);
    let authors = DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true)));
    let diagnostics = DataType::List(Arc::new(Field::new_list_field(DataType::Struct(diagnostic_fields()), true)));
    Arc::new(Schema::new(vec![
        Field::new("path", DataType::Utf8, false),
        text("title"),
        Field::new("date", DataType::Date32, true),
        text("time"),
        text("place"),
        text("region"),
        text("agency"),
        Field::new("authors", authors, false),
        text("text"),
        Field::new("diagnostics", diagnostics, false),
    ]))
}

impl Articles {
    fn new() -> io::Result<Self> {
        let schema = article_schema();
        let writer = ArrowWriter::try_new(Vec::new(), schema.clone(), Some(properties())).map_err(parquet_error)?;
        Ok(Self { schema, writer, rows: Vec::new() })
    }

    /// Hands the gathered rows to the writer as one batch, and what it has encoded to `out`.
    fn write_batch(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(&mut self.rows);
        let batch = self.batch(&rows)?;
        self.writer.write(&batch).map_err(parquet_error)?;
        if self.writer.in_progress_size() >= ROW_GROUP_BYTES {
            self.writer.flush().map_err(parquet_error)?;
        }
        let encoded = self.writer.inner_mut();
        out.write_all(encoded)?;
        // Only the handed-over bytes go: the writer counts offsets itself.
        encoded.clear();
        Ok(())
    }

    fn batch(&self, rows: &[ArticleRow]) -> io::Result<RecordBatch> {
        let text = |field: fn(&ArticleRow) -> Option<&str>| -> ArrayRef {
            Arc::new(rows.iter().map(field).collect::<StringArray>())
        };
        let mut authors = ListBuilder::new(StringBuilder::new());
        for row in rows {
            for author in &row.authors {
                authors.values().append_value(author);
            }
            authors.append(true);
        }
        let columns: Vec<ArrayRef> = vec![
            Arc::new(rows.iter().map(|r| Some(r.path.as_str())).collect::<StringArray>()),
            text(|r| r.title.as_deref()),
            Arc::new(rows.iter().map(|r| r.date).collect::<arrow_array::Date32Array>()),
            text(|r| r.time.as_deref()),
            text(|r| r.place.as_deref()),
            text(|r| r.region.as_deref()),
            text(|r| r.agency.as_deref()),
            Arc::new(authors.finish()),
            text(|r| r.text.as_deref()),
            diagnostics_array(rows)?,
        ];
        RecordBatch::try_new(self.schema.clone(), columns).map_err(|err| arrow_error(&err))
    }
}

/// Each row's diagnostics as a list of structs, never null.
fn diagnostics_array(rows: &[ArticleRow]) -> io::Result<ArrayRef> {
    let all = || rows.iter().flat_map(|r| &r.diagnostics);
    let lines = all().map(|d| int64(d.line)).collect::<io::Result<Int64Array>>()?;
    let columns = all().map(|d| int64(d.column)).collect::<io::Result<Int64Array>>()?;
    let severities: StringArray = all().map(|d| Some(d.severity.as_str())).collect();
    let messages: StringArray = all().map(|d| Some(d.message.as_str())).collect();
    let arrays: Vec<ArrayRef> = vec![Arc::new(lines), Arc::new(columns), Arc::new(severities), Arc::new(messages)];
    let values = StructArray::try_new(diagnostic_fields(), arrays, None).map_err(|err| arrow_error(&err))?;
    let item = Arc::new(Field::new_list_field(DataType::Struct(diagnostic_fields()), true));
    let offsets = OffsetBuffer::from_lengths(rows.iter().map(|r| r.diagnostics.len()));
    let list = ListArray::try_new(item, offsets, Arc::new(values), None).map_err(|err| arrow_error(&err))?;
    Ok(Arc::new(list))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::report::tests::{Demo, held_and_streamed};

    #[test]
    fn a_report_is_its_csv_table_typed() {
        let mut out = Vec::new();
        Parquet::new(&mut out).report(&Demo).expect("writes to memory");
        assert_eq!(&out[..4], b"PAR1");
        let mut file = tempfile::tempfile().expect("a temporary file");
        file.write_all(&out).expect("written");
        let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file);
        let schema = reader.expect("a Parquet file").schema().clone();
        let types: Vec<(&str, &DataType)> =
            schema.fields().iter().map(|f| (f.name().as_str(), f.data_type())).collect();
        assert_eq!(types, [("term", &DataType::Utf8), ("count", &DataType::Int64), ("rate", &DataType::Float64)]);
    }

    #[test]
    fn a_streamed_report_holds_the_same_rows() {
        let read = |bytes: Vec<u8>| {
            let mut file = tempfile::tempfile().expect("a temporary file");
            file.write_all(&bytes).expect("written");
            let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
                .expect("a Parquet file")
                .build()
                .expect("a reader");
            reader.map(|batch| batch.expect("a batch")).collect::<Vec<_>>()
        };
        let (held, streamed) = held_and_streamed(crate::output::Format::Parquet);
        assert_eq!(read(streamed), read(held));
    }

    #[test]
    fn a_cell_of_the_wrong_kind_is_an_error_not_a_file() {
        let table = Table { columns: vec![Column::int("count")], rows: vec![vec!["x".into()]], ..Table::default() };
        assert_eq!(table_batch(&table).err().map(|e| e.kind()), Some(io::ErrorKind::InvalidData));
    }
}
