//! `--format parquet`: every command's file read back with the `parquet` crate's Arrow reader
//! and compared with the CSV of the same run, column by column, with the types the articles'
//! schema and the statistics tables promise.

use std::path::Path;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int64Type};
use arrow_array::{Array, RecordBatch, RecordBatchReader};
use arrow_schema::{DataType, Schema};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::basic::Compression;
use parquet::file::reader::{FileReader, SerializedFileReader};
use predicates::prelude::*;

use super::dateline;

/// What a column is expected to hold: its Arrow type, and for lists the separator CSV joins
/// them with.
#[derive(Debug, Clone, Copy)]
enum Expect {
    Text,
    Int,
    Float,
    Date,
    List(&'static str),
}

impl Expect {
    fn data_type(self) -> DataType {
        match self {
            Self::Text => DataType::Utf8,
            Self::Int => DataType::Int64,
            Self::Float => DataType::Float64,
            Self::Date => DataType::Date32,
            Self::List(_) => DataType::new_list(DataType::Utf8, true),
        }
    }
}

/// Runs `args` with `--format parquet -o FILE` and returns the file's schema and rows; the run
/// ends with `code`.
fn parquet_of(args: &[&str], dir: &Path, code: i32) -> (Schema, Vec<RecordBatch>) {
    let file = dir.join("out.parquet");
    let out = dateline().args(args).args(["--format", "parquet", "-o"]).arg(&file).output().expect("runs");
    assert_eq!(out.status.code(), Some(code), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty(), "a Parquet run prints nothing on stdout");
    let metadata = SerializedFileReader::new(std::fs::File::open(&file).expect("the file")).expect("Parquet");
    for group in metadata.metadata().row_groups() {
        for column in group.columns() {
            assert!(matches!(column.compression(), Compression::ZSTD(_)), "{args:?}: {:?}", column.compression());
        }
    }
    let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&file).expect("the file"))
        .expect("a Parquet file")
        .build()
        .expect("a reader");
    let schema = reader.schema().as_ref().clone();
    let batches = reader.collect::<Result<Vec<_>, _>>().expect("readable batches");
    (schema, batches)
}

/// Runs `args` with `--format csv` and returns its header, records and exit code.
fn csv_of(args: &[&str]) -> (Vec<String>, Vec<Vec<String>>, i32) {
    let out = dateline().args(args).args(["--format", "csv"]).output().expect("runs");
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header = reader.headers().expect("a header").iter().map(str::to_owned).collect();
    let rows = reader.records().map(|r| r.expect("a record").iter().map(str::to_owned).collect()).collect();
    (header, rows, out.status.code().unwrap_or(-1))
}

/// A value as the CSV writes it.
fn render(array: &dyn Array, row: usize, expect: Expect) -> String {
    if array.is_null(row) {
        return String::new();
    }
    match expect {
        Expect::Text => array.as_string::<i32>().value(row).to_owned(),
        Expect::Int => array.as_primitive::<Int64Type>().value(row).to_string(),
        Expect::Float => array.as_primitive::<Float64Type>().value(row).to_string(),
        Expect::Date => {
            array.as_primitive::<Date32Type>().value_as_date(row).map(|d| d.to_string()).unwrap_or_default()
        }
        Expect::List(separator) => {
            let items = array.as_list::<i32>().value(row);
            let items = items.as_string::<i32>();
            (0..items.len()).map(|i| items.value(i)).collect::<Vec<_>>().join(separator)
        }
    }
}

/// The Parquet file of `args` holds the CSV's columns with these types, and the same values.
fn check(args: &[&str], columns: &[(&str, Expect)]) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (header, rows, code) = csv_of(args);
    let (schema, batches) = parquet_of(args, dir.path(), code);
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    let expected: Vec<&str> = columns.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, expected, "{args:?}: Parquet columns");
    assert_eq!(header, expected, "{args:?}: CSV columns");
    for (field, (_, expect)) in schema.fields().iter().zip(columns) {
        assert_eq!(field.data_type(), &expect.data_type(), "{args:?}: the type of {}", field.name());
    }
    let mut parquet_rows = Vec::new();
    for batch in &batches {
        for row in 0..batch.num_rows() {
            let cells = columns.iter().enumerate().map(|(i, (_, expect))| render(batch.column(i), row, *expect));
            parquet_rows.push(cells.collect::<Vec<_>>());
        }
    }
    assert_eq!(parquet_rows, rows, "{args:?}: values");
}

use Expect::{Date, Float, Int, List, Text};

#[test]
fn terms_are_typed_as_their_csv() {
    let columns = [("rank", Int), ("term", Text), ("count", Int), ("doc_count", Int), ("rate", Float)];
    check(&["terms", "--top", "0", "seeds"], &columns);
    let mut grouped = vec![("group", Text)];
    grouped.extend(columns);
    check(&["terms", "--by", "month", "seeds"], &grouped);
}

#[test]
fn tfidf_ngrams_and_collocations_are_typed_as_their_csv() {
    check(&["tfidf", "seeds"], &[("path", Text), ("rank", Int), ("term", Text), ("score", Float)]);
    check(&["ngrams", "--min-count", "1", "seeds"], &[("rank", Int), ("ngram", Text), ("n", Int), ("count", Int)]);
    let mut columns = vec![
        ("ngram", Text),
        ("count", Int),
        ("left_count", Int),
        ("right_count", Int),
        ("total_tokens", Int),
        ("score", Float),
    ];
    columns.extend(["pmi", "likelihood_ratio", "student_t", "chi_sq", "dice", "lambda", "z"].map(|m| (m, Float)));
    check(&["collocations", "--min-count", "1", "seeds"], &columns);
}

#[test]
fn keyness_kwic_and_trends_are_typed_as_their_csv() {
    let mut columns = vec![("term", Text), ("target_count", Int), ("reference_count", Int)];
    columns.extend(["g2", "g2_p", "chi2", "chi2_p", "log_ratio"].map(|m| (m, Float)));
    check(&["keyness", "--target", "2024-01-01..", "seeds"], &columns);
    check(
        &["kwic", "--query", "Iran", "seeds"],
        &[("path", Text), ("start", Int), ("left", Text), ("keyword", Text), ("right", Text)],
    );
    check(
        &["trends", "--terms", "Gaza,Iran", "--by", "month", "seeds"],
        &[("period", Text), ("term", Text), ("count", Int), ("tokens", Int), ("rate", Float)],
    );
}

#[test]
fn topics_and_their_mixtures_are_typed_as_their_csv() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let model = dir.path().join("model.json");
    let model = model.to_str().expect("a UTF-8 path");
    let train = ["topics", "-k", "2", "--iterations", "20", "-j", "1", "--min-df", "1", "seeds"];
    let columns =
        [("id", Int), ("label", Text), ("share", Float), ("umass", Float), ("npmi", Float), ("words", List(" "))];
    check(&train, &columns);
    dateline().args(train).args(["--save-model", model]).assert().code(predicate::lt(2));
    check(
        &["topics", "infer", "--model", model, "--iterations", "10", "seeds"],
        &[("path", Text), ("topic_0", Float), ("topic_1", Float)],
    );
}

#[test]
fn actors_quotes_and_network_are_typed_as_their_csv() {
    let columns = [
        ("actor", Text),
        ("type", Text),
        ("articles", Int),
        ("mentions", Int),
        ("first", Date),
        ("last", Date),
        ("roles", List("; ")),
    ];
    check(&["actors", "--top", "0", "seeds"], &columns);
    let mut by_month = vec![("period", Text)];
    by_month.extend(columns);
    check(&["actors", "--by", "month", "seeds"], &by_month);
    check(
        &["quotes", "seeds"],
        &[
            ("path", Text),
            ("speaker", Text),
            ("text", Text),
            ("start", Int),
            ("end", Int),
            ("cue", Text),
            ("kind", Text),
        ],
    );
    check(
        &["network", "--top", "0", "seeds"],
        &[
            ("source", Text),
            ("target", Text),
            ("weight", Float),
            ("count", Int),
            ("articles", Int),
            ("period", Text),
            ("kind", Text),
        ],
    );
}

#[test]
fn check_is_typed_as_its_csv() {
    check(&["check", "seeds"], &[("files", Int), ("articles", Int), ("warnings", Int), ("errors", Int)]);
}

#[test]
fn the_stats_summary_is_one_typed_row_of_the_csvs_measures() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (header, rows, code) = csv_of(&["stats", "seeds"]);
    let (schema, batches) = parquet_of(&["stats", "seeds"], dir.path(), code);
    assert_eq!(header, ["measure", "value"]);
    let columns = [
        ("articles", Int),
        ("dated", Int),
        ("first_date", Date),
        ("last_date", Date),
        ("tokens", Int),
        ("term_tokens", Int),
        ("types", Int),
        ("sentences", Int),
        ("mean_article_tokens", Float),
        ("type_token_ratio", Float),
    ];
    let types: Vec<(&str, DataType)> = columns.iter().map(|(name, expect)| (*name, expect.data_type())).collect();
    let found: Vec<(&str, DataType)> =
        schema.fields().iter().map(|f| (f.name().as_str(), f.data_type().clone())).collect();
    assert_eq!(found, types);
    let [batch] = batches.as_slice() else { panic!("one batch, not {}", batches.len()) };
    assert_eq!(batch.num_rows(), 1);
    let values: Vec<String> =
        columns.iter().enumerate().map(|(i, (_, expect))| render(batch.column(i), 0, *expect)).collect();
    let csv_values: Vec<String> = rows.iter().map(|row| row[1].clone()).collect();
    assert_eq!(values, csv_values);
    assert_eq!(values[2], "2023-10-23");
}

/// The articles' table from `parse --format parquet`, which ends with `code`.
fn articles_of(paths: &[&Path], code: i32) -> (Schema, Vec<RecordBatch>) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut args = vec!["parse"];
    args.extend(paths.iter().map(|p| p.to_str().expect("a UTF-8 path")));
    parquet_of(&args, dir.path(), code)
}

#[test]
fn parse_writes_the_articles_schema_with_the_csvs_values() {
    let (schema, batches) = articles_of(&[Path::new("seeds")], 0);
    let diagnostic = DataType::Struct(
        vec![
            arrow_schema::Field::new("line", DataType::Int64, false),
            arrow_schema::Field::new("column", DataType::Int64, false),
            arrow_schema::Field::new("severity", DataType::Utf8, false),
            arrow_schema::Field::new("message", DataType::Utf8, false),
        ]
        .into(),
    );
    let expected = [
        ("path", DataType::Utf8, false),
        ("title", DataType::Utf8, true),
        ("date", DataType::Date32, true),
        ("time", DataType::Utf8, true),
        ("place", DataType::Utf8, true),
        ("region", DataType::Utf8, true),
        ("agency", DataType::Utf8, true),
        ("authors", DataType::new_list(DataType::Utf8, true), false),
        ("text", DataType::Utf8, true),
        ("diagnostics", DataType::new_list(diagnostic, true), false),
    ];
    let found: Vec<(&str, DataType, bool)> =
        schema.fields().iter().map(|f| (f.name().as_str(), f.data_type().clone(), f.is_nullable())).collect();
    assert_eq!(found, expected.iter().map(|(n, t, null)| (*n, t.clone(), *null)).collect::<Vec<_>>());

    // The CSV of the same run has the fields both forms share, with `authors` joined by ` | `.
    let (header, rows, _) = csv_of(&["parse", "seeds"]);
    let shared = [
        ("path", Text),
        ("title", Text),
        ("date", Date),
        ("time", Text),
        ("place", Text),
        ("agency", Text),
        ("authors", List(" | ")),
    ];
    let mut parquet_rows = Vec::new();
    for batch in &batches {
        for row in 0..batch.num_rows() {
            let cells = shared
                .iter()
                .map(|(name, expect)| render(batch.column_by_name(name).expect("the column").as_ref(), row, *expect));
            parquet_rows.push(cells.collect::<Vec<_>>());
        }
    }
    let index = |name: &str| header.iter().position(|h| h == name).expect("a CSV column");
    let csv_rows: Vec<Vec<String>> =
        rows.iter().map(|row| shared.iter().map(|(name, _)| row[index(name)].clone()).collect()).collect();
    assert_eq!(parquet_rows, csv_rows);
    assert_eq!(parquet_rows.len(), 4);

    // The counted text: the title, then paragraphs and headings, a blank line apart.
    let text = batches[0].column_by_name("text").expect("text");
    let seed_002 = text.as_string::<i32>().value(2);
    assert!(
        seed_002.starts_with(
            "Tehran, Moscow discuss maritime cooperation in Caspian Sea during China visit\n\nWhile visiting China,"
        ),
        "{seed_002}"
    );
    assert!(seed_002.contains("\n\nCommander expresses Iran’s readiness"), "{seed_002}");
    assert!(!seed_002.contains("Leave a Comment"), "furniture is not counted text");
    assert!(!seed_002.contains("September 15"), "the date line is not counted text");
}

#[test]
fn a_file_that_fails_to_parse_still_has_its_row() {
    let dir = super::corpus(&[
        ("a.txt", b" date 2024-01-10 Tehran talks went on.\n"),
        ("b.bin", b"\x00\x01\x02binary"),
        ("c.txt", b" date 2024-02-30 An impossible date.\n"),
    ]);
    // An impossible date is an error: the run fails (exit 2), and still writes every row.
    let (_, batches) = articles_of(&[dir.path()], 2);
    let [batch] = batches.as_slice() else { panic!("one batch, not {}", batches.len()) };
    assert_eq!(batch.num_rows(), 3);
    let paths = batch.column_by_name("path").expect("path");
    let paths: Vec<&str> = (0..3).map(|i| paths.as_string::<i32>().value(i)).collect();
    assert!(paths[1].ends_with("b.bin"), "{paths:?}");
    let text = batch.column_by_name("text").expect("text");
    assert!(text.is_valid(0));
    assert!(text.is_null(1), "a binary file has no article");
    assert!(batch.column_by_name("date").expect("date").is_null(1));
    let diagnostics = batch.column_by_name("diagnostics").expect("diagnostics").as_list::<i32>();
    assert!(!diagnostics.value(1).is_empty(), "the binary file's diagnostic is in its row");
    let messages = |row: usize| -> Vec<String> {
        let list = diagnostics.value(row);
        let list = list.as_struct();
        let message = list.column_by_name("message").expect("message").as_string::<i32>();
        let severity = list.column_by_name("severity").expect("severity").as_string::<i32>();
        (0..list.len()).map(|i| format!("{}: {}", severity.value(i), message.value(i))).collect()
    };
    assert!(messages(1).iter().any(|m| m.contains("binary file")), "{:?}", messages(1));
    assert!(messages(2).iter().any(|m| m.starts_with("error: impossible date")), "{:?}", messages(2));
    let authors = batch.column_by_name("authors").expect("authors");
    assert_eq!(authors.null_count(), 0, "authors is an empty list, never null");
}

#[test]
fn parquet_without_an_output_file_is_a_usage_error() {
    for args in [&["terms", "seeds"][..], &["parse", "seeds"], &["network", "seeds"], &["terms", "-o", "-", "seeds"]] {
        dateline()
            .args(args)
            .args(["--format", "parquet"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("--format parquet needs an output file (-o FILE)"));
    }
}
