"""Count-based statistics on Spark through ``mapInArrow``, exact against the CLI.

The recipe (the package's README explains it)::

    files = dateline.spark.files(spark, ["corpus/"])
    job = dateline.spark.Statistic("ngrams", max_n=4, top=50)
    partials = files.mapInArrow(job.count, dateline.spark.SCHEMA)
    table = job.finish(dateline.spark.merge(partials))

Each executor task reads the files of its batches of paths (one thread per task: Spark runs a
task per core) into partial counts, as rows of one schema with Int64 counts (Spark rejects
unsigned integers); Spark sums them by key; the driver computes the table from the merged
rows with the same code as :func:`dateline.terms` and friends. TF-IDF takes a second pass on
the executors (``job.finish(merged, files)``): each partition's documents are weighted
against the merged document frequencies, which Spark broadcasts.
"""

from __future__ import annotations

import dataclasses
import warnings
from typing import Any, Iterator

import pyarrow as pa
import pyarrow.compute as pc

from dateline import DiagnosticWarning, Options, ParseError, _partial
from dateline._options import split

__all__ = ["SCHEMA", "TFIDF_SCHEMA", "Statistic", "files", "merge"]

#: The rows :meth:`Statistic.count` yields, one schema for every partial table: ``table``
#: names the table a row belongs to; ``key`` is its key (a term, an n-gram, a total's name, or
#: a path for ``docs`` and ``diagnostics``); ``variant`` a second key (a spelling other than
#: the term's own, a keyness side, a diagnostic's ``severity: message``); ``count`` the count
#: (a document's tokens, a diagnostic's line); ``date`` and ``extra`` a document's date and
#: sentences (a diagnostic's column).
SCHEMA = "table string, key string, variant string, date date, count long, extra long"

_ARROW_SCHEMA = pa.schema(
    [
        ("table", pa.string()),
        ("key", pa.string()),
        ("variant", pa.string()),
        ("date", pa.date32()),
        ("count", pa.int64()),
        ("extra", pa.int64()),
    ]
)

#: The rows of TF-IDF's second pass: ``index`` is the file's place in the CLI's order.
TFIDF_SCHEMA = "index long, path string, rank long, term string, score double"

_TFIDF_COLUMNS = pa.schema(
    [
        pa.field("path", pa.string(), nullable=False),
        pa.field("rank", pa.int64(), nullable=False),
        pa.field("term", pa.string(), nullable=False),
        pa.field("score", pa.float64(), nullable=False),
    ]
)

# How each partial table's columns sit in the rows: (key, variant, date, count, extra).
_LAYOUT = {
    "spellings": ("term", "spelling", None, "count", None),
    "doc_freq": ("term", None, None, "count", None),
    "docs": ("path", None, "date", "tokens", "sentences"),
    "ngrams": ("ngram", None, None, "count", None),
    "totals": ("key", None, None, "count", None),
    "sides": ("term", "side", None, "count", None),
    "side_docs": ("key", None, None, "count", None),
}
_NEEDS = {
    "terms": ("spellings", "doc_freq", "docs"),
    "tfidf": ("spellings", "doc_freq", "docs"),
    "ngrams": ("spellings", "ngrams", "totals"),
    "collocations": ("spellings", "ngrams", "totals"),
    "keyness": ("spellings", "sides", "side_docs"),
}
_TYPES = {"key": pa.string(), "variant": pa.string(), "date": pa.date32(), "count": pa.int64(), "extra": pa.int64()}


def files(spark, paths, *, files_per_partition: int = 256):
    """A DataFrame with one row per file the CLI would read for ``paths`` (``path``, and
    ``index``: its place in the CLI's order), listed on the driver, in partitions of about
    ``files_per_partition`` files."""
    listed = _partial.files(paths)
    partitions = max(1, -(-len(listed) // max(1, files_per_partition)))
    rows = [(p, i) for i, p in enumerate(listed)]
    return spark.createDataFrame(rows, "path string, index long").repartition(partitions)


@dataclasses.dataclass(frozen=True)
class Statistic:
    """One statistic (``"terms"``, ``"ngrams"``, ``"collocations"``, ``"keyness"`` or
    ``"tfidf"``) with the keyword arguments of the function of that name: the shared ones
    become an :class:`~dateline.Options` (checked here, on the driver), the others are the
    statistic's own (an unknown one is an error naming it). Frozen and made of plain values,
    so it pickles to the executors.

    >>> job = dateline.spark.Statistic("ngrams", max_n=4, stem=True)
    >>> job.params["max_n"], job.params["min_count"], job.options.stem
    (4, 2, True)
    >>> dateline.spark.Statistic("terms", measure="pmi")
    Traceback (most recent call last):
    ...
    TypeError: terms: unknown option 'measure' (it takes top)
    """

    kind: str
    options: Options
    params: dict[str, Any]

    def __init__(self, kind: str, **options: Any) -> None:
        shared, own = split(options)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "options", shared)
        object.__setattr__(self, "params", _partial.own_options(kind, own))

    def __reduce__(self):
        return (_statistic, (self.kind, self.options, self.params))

    def count(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        """What ``mapInArrow`` runs on the executors: the partial counts of each batch of
        paths, as record batches of :data:`SCHEMA`."""
        for batch in batches:
            paths = batch.column(batch.schema.get_field_index("path")).to_pylist()
            if paths:
                yield _rows(_partial.count(self.kind, paths, self.options, self.params))

    def finish(self, merged, files=None, *, strict: bool = False) -> pa.Table:
        """The statistic's table from :func:`merge`'s rows, equal to the function of that
        name over the same files. Diagnostics become warnings (with ``strict=True`` the first
        error raises :class:`~dateline.ParseError`). TF-IDF needs ``files`` (the DataFrame of
        :func:`files`) for its second pass on the executors."""
        tables = _tables(self.kind, _to_arrow(merged, _ARROW_SCHEMA))
        _report(tables.pop("diagnostics"), strict)
        if self.kind != "tfidf":
            return _partial.finish(self.kind, tables, self.options, self.params)
        if files is None:
            raise TypeError("tfidf: finish needs the files DataFrame, for the second pass on the executors")
        shared = files.sparkSession.sparkContext.broadcast(tables)
        rows = _to_arrow(files.mapInArrow(_Weigh(self, shared), TFIDF_SCHEMA), None)
        rows = rows.sort_by([("index", "ascending"), ("rank", "ascending")])
        # Spark's columns are all nullable; the table is the one dateline.tfidf returns.
        return rows.drop_columns(["index"]).cast(_TFIDF_COLUMNS).combine_chunks()


def _statistic(kind: str, options: Options, params: dict[str, Any]) -> Statistic:
    job = Statistic.__new__(Statistic)
    object.__setattr__(job, "kind", kind)
    object.__setattr__(job, "options", options)
    object.__setattr__(job, "params", params)
    return job


@dataclasses.dataclass(frozen=True)
class _Weigh:
    """TF-IDF's second pass on an executor: each batch's documents weighted against the
    merged counts (a Spark broadcast), each row with its file's ``index``."""

    job: Statistic
    merged: Any

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            paths = batch.column(batch.schema.get_field_index("path")).to_pylist()
            indices = batch.column(batch.schema.get_field_index("index")).to_pylist()
            if not paths:
                continue
            table = _partial.tfidf_part(self.merged.value, paths, self.job.options, self.job.params)
            index = pa.array(_indices(table, paths, indices), pa.int64())
            yield from pa.table(
                [index, *table.columns], names=["index", *table.column_names]
            ).combine_chunks().to_batches()


def _indices(table: pa.Table, paths: list[str], indices: list[int]) -> list[int]:
    """The index of the file each row of ``table`` came from: its rows come in the batch's
    order, each document's starting at rank 1 (a document with no terms has none)."""
    out: list[int] = []
    at = -1
    for path, rank in zip(table.column("path").to_pylist(), table.column("rank").to_pylist()):
        if rank == 1:
            at += 1
            while paths[at] != path:
                at += 1
        out.append(indices[at])
    return out


def merge(partials):
    """Sums the partial counts by key in Spark: one row per key of each summed table; the
    documents and diagnostics pass through."""
    from pyspark.sql import functions as F

    summed = (
        partials.where(F.col("table").isin(*_partial.KEYS))
        .groupBy("table", "key", "variant")
        .agg(F.sum("count").alias("count"))
        .select("table", "key", "variant", F.lit(None).cast("date").alias("date"), "count",
                F.lit(None).cast("long").alias("extra"))
    )
    return summed.unionByName(partials.where(~F.col("table").isin(*_partial.KEYS)))


def _to_arrow(frame, schema: pa.Schema | None) -> pa.Table:
    if hasattr(frame, "toArrow"):
        return frame.toArrow()
    return pa.Table.from_pylist([r.asDict() for r in frame.collect()], schema=schema)


def _rows(partial: dict[str, Any]) -> pa.RecordBatch:
    """A partial's tables as rows of one schema."""
    parts = []
    for name, layout in _LAYOUT.items():
        if name not in partial:
            continue
        table = partial[name]
        columns = [table[c] if c is not None else None for c in layout]
        parts.append(_part(name, table.num_rows, columns))
    found = partial["diagnostics"]
    parts.append(
        _part(
            "diagnostics",
            len(found),
            [
                pa.array([d[0] for d in found], pa.string()),
                pa.array([f"{d[3]}: {d[4]}" for d in found], pa.string()),
                None,
                pa.array([d[1] for d in found], pa.int64()),
                pa.array([d[2] for d in found], pa.int64()),
            ],
        )
    )
    return pa.concat_tables(parts).combine_chunks().to_batches(max_chunksize=None)[0]


def _part(table: str, n: int, columns: list) -> pa.Table:
    names = ["key", "variant", "date", "count", "extra"]
    filled = [c if c is not None else pa.nulls(n, _TYPES[name]) for c, name in zip(columns, names)]
    return pa.table([pa.array([table] * n, pa.string()), *filled], schema=_ARROW_SCHEMA)


def _tables(kind: str, rows: pa.Table) -> dict[str, Any]:
    """Merged rows back as the partial tables ``kind`` is finished from (and the diagnostics,
    as tuples)."""
    names = ["key", "variant", "date", "count", "extra"]
    table = rows.column("table")
    out: dict[str, Any] = {}
    for name in _NEEDS[kind]:
        layout = _LAYOUT[name]
        part = rows.filter(pc.equal(table, name))
        out[name] = pa.table({c: part[n] for c, n in zip(layout, names) if c is not None})
    found = rows.filter(pc.equal(table, "diagnostics")).to_pylist()
    out["diagnostics"] = [
        (r["key"], r["count"], r["extra"], *r["variant"].split(": ", 1)) for r in found
    ]
    return out


def _report(diagnostics: list[tuple], strict: bool) -> None:
    # Sorted by path, line and column: Spark gives the rows in no particular order.
    diagnostics = sorted(diagnostics, key=lambda d: (d[0], d[1], d[2]))
    for path, line, column, severity, message in diagnostics:
        if strict and severity == "error":
            raise ParseError(path, line, column, severity, message)
    for path, line, column, severity, message in diagnostics:
        warnings.warn(f"{path}:{line}:{column}: {severity}: {message}", DiagnosticWarning, stacklevel=3)
