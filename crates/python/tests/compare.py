"""Comparing a Python result table with the CLI's CSV of the same command, cell by cell:
integers and text exactly, floats as the same float (the CSV prints the shortest string that
reads back as the same double, as Python's repr does), dates as YYYY-MM-DD, lists as the CSV
joins them ("; ")."""

from __future__ import annotations

import datetime

import pyarrow as pa


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(value)
    return str(value)


def assert_same(table: pa.Table, csv, *, compare_rows: bool = True) -> None:
    assert table.column_names == csv.columns, (table.column_names, csv.columns)
    rows = table.to_pylist()
    assert len(rows) == len(csv.rows), (len(rows), len(csv.rows))
    if not compare_rows:
        return
    for i, (got, want) in enumerate(zip(rows, csv.rows)):
        for name in csv.columns:
            value = got[name]
            if isinstance(value, float):
                assert value == float(want[name]), (i, name, value, want[name])
            else:
                assert cell(value) == want[name], (i, name, value, want[name])


def assert_types(table: pa.Table) -> None:
    """Counts never unsigned (Spark rejects them), scores double."""
    for field in table.schema:
        assert not pa.types.is_unsigned_integer(field.type), field
        if pa.types.is_integer(field.type):
            assert field.type == pa.int64(), field
