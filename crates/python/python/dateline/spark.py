"""Term counts on Spark through ``mapInArrow``, exact against the CLI.

The recipe (the package's README explains it)::

    files = dateline.spark.files(spark, ["corpus/"])
    partials = files.mapInArrow(dateline.spark.count_terms(), dateline.spark.TERMS_SCHEMA)
    table = dateline.spark.finish_terms(dateline.spark.merge_terms(partials), top=50)

Each executor task reads the files of its batches of paths (one thread per task: Spark runs a
task per core) into partial counts, as rows of one schema with Int64 counts (Spark rejects
unsigned integers); Spark sums them by key; the driver computes the table from the merged
rows with the same code as :func:`dateline.terms`.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Iterator

import pyarrow as pa

from dateline import DiagnosticWarning, ParseError, _partial

__all__ = ["TERMS_SCHEMA", "count_terms", "files", "finish_terms", "merge_terms"]

#: The rows ``count_terms`` yields: ``table`` names the partial table a row belongs to
#: (``spellings``, ``doc_freq``, ``docs`` or ``diagnostics``); ``key`` is the term, or the
#: path for ``docs`` and ``diagnostics``; ``spelling`` a spelling other than the term's own
#: (a diagnostic's ``severity: message``); ``count`` the count (a document's tokens, a
#: diagnostic's line); ``sentences`` and ``date`` a document's (``sentences``: a diagnostic's
#: column).
TERMS_SCHEMA = "table string, key string, spelling string, date date, count long, sentences long"

_ARROW_SCHEMA = pa.schema(
    [
        ("table", pa.string()),
        ("key", pa.string()),
        ("spelling", pa.string()),
        ("date", pa.date32()),
        ("count", pa.int64()),
        ("sentences", pa.int64()),
    ]
)


def files(spark, paths, *, files_per_partition: int = 256):
    """A DataFrame with one row (``path``) per file the CLI would read for ``paths``, listed
    on the driver, in partitions of about ``files_per_partition`` files."""
    listed = _partial.files(paths)
    partitions = max(1, -(-len(listed) // max(1, files_per_partition)))
    return spark.createDataFrame([(p,) for p in listed], "path string").repartition(partitions)


@dataclasses.dataclass(frozen=True)
class count_terms:  # noqa: N801 - used as a function: files.mapInArrow(count_terms(), ...)
    """The function ``mapInArrow`` runs on the executors: the partial term counts of each
    batch of paths, as record batches of :data:`TERMS_SCHEMA`. The options are those of
    :func:`dateline.terms` that decide what is counted."""

    since: Any = None
    until: Any = None
    stopwords: Any = None
    stem: bool = False
    no_numbers: bool = False
    boilerplate: Any = None
    reference_date: Any = None
    date_order: str | None = None

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        options = dataclasses.asdict(self)
        for batch in batches:
            paths = batch.column(batch.schema.get_field_index("path")).to_pylist()
            if paths:
                yield _rows(_partial.count("terms", paths, options))


def _rows(partial: dict[str, Any]) -> pa.RecordBatch:
    """A partial's tables as rows of one schema."""
    parts = []
    spellings = partial["spellings"]
    parts.append(_part("spellings", spellings["term"], spellings["spelling"], None, spellings["count"], None))
    df = partial["doc_freq"]
    parts.append(_part("doc_freq", df["term"], None, None, df["count"], None))
    docs = partial["docs"]
    parts.append(_part("docs", docs["path"], None, docs["date"], docs["tokens"], docs["sentences"]))
    found = partial["diagnostics"]
    parts.append(
        _part(
            "diagnostics",
            pa.array([d[0] for d in found], pa.string()),
            pa.array([f"{d[3]}: {d[4]}" for d in found], pa.string()),
            None,
            pa.array([d[1] for d in found], pa.int64()),
            pa.array([d[2] for d in found], pa.int64()),
        )
    )
    return pa.concat_tables(parts).combine_chunks().to_batches()[0]


def _part(table: str, key, spelling, date, count, sentences) -> pa.Table:
    n = len(key)
    column = lambda values, kind: values if values is not None else pa.nulls(n, kind)  # noqa: E731
    return pa.table(
        [
            pa.array([table] * n, pa.string()),
            column(key, pa.string()),
            column(spelling, pa.string()),
            column(date, pa.date32()),
            column(count, pa.int64()),
            column(sentences, pa.int64()),
        ],
        schema=_ARROW_SCHEMA,
    )


def merge_terms(partials):
    """Sums the partial counts by key in Spark: one row per term and spelling, per term's
    document count, and per document."""
    from pyspark.sql import functions as F

    summed = (
        partials.where(F.col("table").isin("spellings", "doc_freq"))
        .groupBy("table", "key", "spelling")
        .agg(F.sum("count").alias("count"))
        .select("table", "key", "spelling", F.lit(None).cast("date").alias("date"), "count",
                F.lit(None).cast("long").alias("sentences"))
    )
    return summed.unionByName(partials.where(F.col("table").isin("docs", "diagnostics")))


def finish_terms(merged, *, top: int | None = 20, stopwords=None, stem: bool = False, no_numbers: bool = False,
                 strict: bool = False) -> pa.Table:
    """The terms table from merged rows, on the driver: equal to :func:`dateline.terms` over
    the same files with the same options (``stopwords``, ``stem`` and ``no_numbers`` must be
    those the counts were made with)."""
    import warnings

    rows = merged.toArrow() if hasattr(merged, "toArrow") else pa.Table.from_pylist(
        [r.asDict() for r in merged.collect()], schema=_ARROW_SCHEMA
    )
    table = rows.column("table")

    def part(name: str) -> pa.Table:
        import pyarrow.compute as pc

        return rows.filter(pc.equal(table, name))

    for row in part("diagnostics").to_pylist():
        severity, message = row["spelling"].split(": ", 1)
        if strict and severity == "error":
            raise ParseError(row["key"], row["count"], row["sentences"], severity, message)
        warnings.warn(f"{row['key']}:{row['count']}:{row['sentences']}: {row['spelling']}", DiagnosticWarning, stacklevel=2)
    spellings, df, docs = part("spellings"), part("doc_freq"), part("docs")
    merged_tables = {
        "spellings": pa.table({"term": spellings["key"], "spelling": spellings["spelling"], "count": spellings["count"]}),
        "doc_freq": pa.table({"term": df["key"], "count": df["count"]}),
        "docs": pa.table({"path": docs["key"], "date": docs["date"], "tokens": docs["count"],
                          "sentences": docs["sentences"]}),
    }
    options = dict(top=top, stopwords=stopwords, stem=stem, no_numbers=no_numbers)
    return _partial.finish("terms", merged_tables, options)
