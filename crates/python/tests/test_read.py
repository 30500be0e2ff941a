"""`dateline.read`'s schema, the counted text, and bad input: every file accounted for, the
CLI's diagnostics as rows, warnings or exceptions, never a crash."""

from __future__ import annotations

import pickle
import subprocess
import warnings

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import dateline

DIAGNOSTIC = pa.struct(
    [
        pa.field("line", pa.int64(), nullable=False),
        pa.field("column", pa.int64(), nullable=False),
        pa.field("severity", pa.string(), nullable=False),
        pa.field("message", pa.string(), nullable=False),
    ]
)

SCHEMA = pa.schema(
    [
        pa.field("path", pa.string(), nullable=False),
        pa.field("title", pa.string()),
        pa.field("date", pa.date32()),
        pa.field("time", pa.string()),
        pa.field("place", pa.string()),
        pa.field("region", pa.string()),
        pa.field("agency", pa.string()),
        pa.field("authors", pa.list_(pa.string()), nullable=False),
        pa.field("text", pa.string()),
        pa.field("diagnostics", pa.list_(DIAGNOSTIC), nullable=False),
    ]
)


def test_read_has_the_articles_schema():
    table = dateline.read("seeds")
    assert table.schema.equals(SCHEMA), table.schema
    row = table.to_pylist()[2]
    assert row["title"].startswith("Tehran, Moscow discuss")
    assert row["time"] == "20:09" and row["place"] == "TEHRAN"
    # The counted text: title, headings and paragraphs a blank line apart, never the date
    # line, the dateline or furniture.
    assert row["text"].startswith(row["title"] + "\n\nWhile visiting China")
    assert "Commander expresses Iran’s readiness" in row["text"]
    assert "Leave a Comment" not in row["text"] and "TEHRAN –" not in row["text"]


def test_a_missing_and_a_binary_file_are_rows_with_the_cli_diagnostics(bad, cli):
    paths = [bad["fine"], bad["missing"], bad["binary"]]
    table = dateline.read(paths)
    rows = table.to_pylist()
    assert [r["path"] for r in rows] == paths
    assert rows[0]["text"] and rows[0]["diagnostics"] == []
    want = cli("check", *paths, expect_ok=False).stderr.strip().splitlines()
    got = [f"{r['path']}:{d['line']}:{d['column']}: {d['severity']}: {d['message']}" for r in rows for d in r["diagnostics"]]
    assert [line for line in want if line.startswith(tuple(paths))] == got
    assert rows[1]["text"] is None and rows[2]["text"] is None


def test_statistics_warn_with_the_cli_lines_and_raise_when_strict(bad, cli):
    paths = [bad["fine"], bad["missing"], bad["binary"]]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = dateline.terms(paths)
    assert table.num_rows > 0
    lines = [str(w.message) for w in caught if issubclass(w.category, dateline.DiagnosticWarning)]
    stderr = cli("terms", *paths, expect_ok=False).stderr
    assert lines and all(line in stderr for line in lines)
    with pytest.raises(dateline.ParseError) as raised:
        dateline.terms(paths, strict=True)
    error = raised.value
    assert (error.path, error.line, error.column, error.severity) == (bad["missing"], 1, 1, "error")
    assert str(error).startswith(f"{bad['missing']}:1:1: error: cannot read")
    assert isinstance(pickle.loads(pickle.dumps(error)), dateline.ParseError)


def test_parse_file_of_a_missing_file_is_the_cli_document(bad, dateline_bin):
    import json

    done = subprocess.run([str(dateline_bin), "parse", "--format", "json", bad["missing"]], capture_output=True, text=True)
    assert dateline.parse_file(bad["missing"]) == json.loads(done.stdout)[0]
    assert dateline.parse_file(bad["binary"])["diagnostics"][0]["severity"] == "warning"


def test_bad_options_are_errors_with_the_cli_words():
    with pytest.raises(dateline.DatelineError, match="since 2024-02-01 is after until 2024-01-01"):
        dateline.terms("seeds", since="2024-02-01", until="2024-01-01")
    with pytest.raises(dateline.DatelineError, match="expected day, week, month, quarter, year or folder"):
        dateline.terms("seeds", by="fortnight")
    with pytest.raises(dateline.DatelineError, match="measure"):
        dateline.collocations("seeds", measure="magic")
    with pytest.raises(dateline.DatelineError, match="sklearn"):
        dateline.tfidf("seeds", preset="sklearn", stem=True)
    with pytest.raises(dateline.DatelineError):
        dateline.ngrams("seeds", min_n=4, max_n=2)
    with pytest.raises(dateline.DatelineError, match="cannot read the stopword file"):
        dateline.terms("seeds", stopwords="no/such/file")
    with pytest.raises(dateline.DatelineError, match="no `text` column"):
        dateline.terms(pa.table({"path": ["a"]}))


def test_stopwords_as_a_list_equal_the_same_words_in_a_file(tmp_path):
    words = ["the", "and", "of", "cooperation"]
    file = tmp_path / "stop.txt"
    file.write_text("\n".join(words) + "\n", encoding="utf-8")
    assert dateline.terms("seeds", stopwords=words).equals(dateline.terms("seeds", stopwords=file))
    assert "cooperation" not in dateline.terms("seeds", stopwords=words).column("term").to_pylist()


def test_tables_from_parquet_and_other_arrow_producers_are_read(tmp_path):
    table = dateline.read("seeds")
    pq.write_table(table, tmp_path / "articles.parquet")
    back = pq.read_table(tmp_path / "articles.parquet")
    assert dateline.terms(back).equals(dateline.terms("seeds"))
    duckdb = pytest.importorskip("duckdb")
    relation = duckdb.sql(f"select * from '{tmp_path / 'articles.parquet'}' where date >= DATE '2024-01-01'")
    assert dateline.terms(relation.to_arrow_table()).equals(dateline.terms("seeds", since="2024-01-01"))


def test_parquet_of_the_cli_equals_read(dateline_bin, tmp_path):
    """`dateline parse --format parquet` and `dateline.read` share one schema (issue 13)."""
    out = tmp_path / "articles.parquet"
    done = subprocess.run(
        [str(dateline_bin), "parse", "--format", "parquet", "-o", str(out), "seeds"], capture_output=True, text=True
    )
    assert out.exists(), done.stderr
    from_cli = pq.read_table(out)
    assert from_cli.schema.remove_metadata().equals(SCHEMA), from_cli.schema
    assert from_cli.equals(dateline.read("seeds"))
    import duckdb

    count = duckdb.sql(f"select count(*) from '{out}'").fetchall()[0][0]
    assert count == 4
