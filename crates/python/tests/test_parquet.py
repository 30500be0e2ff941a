"""`--format parquet` of every statistics command, read back by pyarrow and by DuckDB, equals
the CSV of the same run (issue 13): the same columns in the same order, the same rows, typed."""

from __future__ import annotations

import csv
import datetime
import io
import subprocess

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import SEEDS

# Each statistics command as a user would run it on the seeds (options that make every table
# non-empty there).
COMMANDS = [
    ["terms", "--top", "0"],
    ["terms", "--by", "month"],
    ["tfidf"],
    ["ngrams", "--min-count", "1"],
    ["collocations", "--min-count", "1"],
    ["keyness", "--target", "2024-01-01.."],
    ["kwic", "--query", "Iran"],
    ["trends", "--terms", "Gaza,Iran", "--by", "month"],
    ["topics", "-k", "2", "--iterations", "20", "-j", "1", "--min-df", "1"],
    ["actors", "--top", "0"],
    ["quotes"],
    ["network", "--top", "0"],
    ["reuse", "--min-jaccard", "0.05", "--min-containment", "0.05"],
    ["check"],
]

# How tables and CSV join a list cell (each list column declares one of these).
SEPARATORS = ["; ", ";", ", ", " ", "|"]


def run(binary, args, *extra):
    return subprocess.run([str(binary), *args, *extra, str(SEEDS)], capture_output=True, text=True, check=False)


def same(cell: str, value, kind: pa.DataType) -> bool:
    """Whether the CSV's text `cell` says `value` of Arrow type `kind`."""
    if value is None:
        return cell == ""
    if pa.types.is_list(kind):
        return (cell == "" and value == []) or any(sep.join(value) == cell for sep in SEPARATORS)
    if pa.types.is_floating(kind):
        return float(cell) == pytest.approx(value, rel=1e-12, abs=0.0)
    if pa.types.is_integer(kind):
        return int(cell) == value
    if pa.types.is_date(kind):
        return datetime.date.fromisoformat(cell) == value
    return cell == value


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_parquet_equals_the_csv_in_pyarrow_and_duckdb(dateline_bin, tmp_path, args):
    out = tmp_path / "out.parquet"
    written = run(dateline_bin, args, "--format", "parquet", "-o", str(out))
    assert written.returncode < 2, written.stderr
    text = run(dateline_bin, args, "--format", "csv")
    assert text.returncode == written.returncode, text.stderr
    header, *rows = list(csv.reader(io.StringIO(text.stdout)))

    table = pq.read_table(out)
    assert table.column_names == header
    assert table.num_rows == len(rows)
    for field in table.schema:
        # Spark rejects unsigned integers; counts are Int64.
        assert not pa.types.is_unsigned_integer(field.type), field
    columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            value, kind = columns[c][r], table.schema.field(c).type
            assert same(cell, value, kind), (header[c], r, cell, value)

    # DuckDB reads the same file to the same values, in the same order.
    from_duckdb = duckdb.sql(f"select * from read_parquet('{out}')").fetchall()
    assert [list(row) for row in from_duckdb] == [list(row) for row in zip(*columns)]


def test_parquet_needs_an_output_file(dateline_bin):
    done = run(dateline_bin, ["terms"], "--format", "parquet")
    assert done.returncode == 2
    assert "-o" in done.stderr
