"""Term statistics over corpora spread across a Dask cluster.

Each task reads one partition of files and counts it on one thread into small Arrow tables
(each term's occurrences and spellings, documents per term, n-gram counts); partials merge
pairwise by summing counts per key, in a tree; the statistic is computed once from the merged
counts by the same Rust code as :func:`dateline.terms` and friends, so the result equals the
CLI's exactly.

>>> from distributed import Client
>>> client = Client()                                  # doctest: +SKIP
>>> dateline.dask.terms("corpus/", top=50)             # doctest: +SKIP

Dask runs on the current client (``distributed.Client(...)``) when there is one, else on its
local scheduler. The list of files is made here, on the client, in the order the CLI reads
them; the workers must see the same paths (a shared file system, or the same tree on each).
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from dateline import DiagnosticWarning, Options, ParseError, _partial

__all__ = ["collocations", "keyness", "ngrams", "terms", "tfidf"]

def _merged(kind: str, chunks: list[list[str]], strict: bool, options: Options, params: dict[str, Any]) -> dict[str, Any]:
    """The partial counts of every chunk of files, counted on the cluster and merged there."""
    import warnings

    import dask

    parts = [dask.delayed(_partial.count, pure=True)(kind, chunk, options, params) for chunk in chunks]
    if not parts:
        parts = [dask.delayed(_partial.count, pure=True)(kind, [], options, params)]
    # A tree of pairwise merges: no task holds more than two partials.
    while len(parts) > 1:
        paired = [dask.delayed(_partial.merge, pure=True)(a, b) for a, b in zip(parts[::2], parts[1::2])]
        parts = paired + (parts[-1:] if len(parts) % 2 else [])
    merged = dask.compute(parts[0])[0]
    for path, line, column, severity, message in merged["diagnostics"]:
        if strict and severity == "error":
            raise ParseError(path, line, column, severity, message)
        warnings.warn(f"{path}:{line}:{column}: {severity}: {message}", DiagnosticWarning, stacklevel=4)
    return merged


def _run(kind: str, paths, files_per_partition: int, strict: bool, options: Options, **params: Any) -> pa.Table:
    params = _partial.own_options(kind, params)
    chunks = _partial.chunks(_partial.files(paths), files_per_partition)
    return _partial.finish(kind, _merged(kind, chunks, strict, options, params), options, params)


def _options(since, until, stopwords, stem, no_numbers, boilerplate, reference_date, date_order) -> Options:
    return Options(
        since=since, until=until, stopwords=stopwords, stem=stem, no_numbers=no_numbers, boilerplate=boilerplate,
        reference_date=reference_date, date_order=date_order,
    )


def terms(
    paths,
    *,
    top: int | None = 20,
    since=None,
    until=None,
    stopwords=None,
    stem: bool = False,
    no_numbers: bool = False,
    boilerplate=None,
    reference_date=None,
    date_order=None,
    files_per_partition: int = 256,
    strict: bool = False,
) -> pa.Table:
    """:func:`dateline.terms` over partitions of ``files_per_partition`` files counted on
    the Dask cluster: rank, term, count, doc_count, rate, equal to ``dateline terms``.
    (``by`` groups are not offered here: they need each document's terms on one machine.)

    >>> dateline.dask.terms("seeds", top=3).column("term").to_pylist()
    ['cooperation', 'Iran', 'countries']
    """
    options = _options(since, until, stopwords, stem, no_numbers, boilerplate, reference_date, date_order)
    return _run("terms", paths, files_per_partition, strict, options, top=top)


def ngrams(
    paths,
    *,
    top: int | None = 20,
    min_n: int = 2,
    max_n: int = 3,
    min_count: int = 2,
    keep_stopword_edges: bool = False,
    since=None,
    until=None,
    stopwords=None,
    stem: bool = False,
    no_numbers: bool = False,
    boilerplate=None,
    reference_date=None,
    date_order=None,
    files_per_partition: int = 256,
    strict: bool = False,
) -> pa.Table:
    """:func:`dateline.ngrams` on the Dask cluster: rank, ngram, n, count. Every n-gram of a
    partition is kept until the merge (one seen once in each partition may pass
    ``min_count`` over all), so partials hold all of them.

    >>> dateline.dask.ngrams("seeds", top=1).column("ngram").to_pylist()
    ['two countries']
    """
    options = _options(since, until, stopwords, stem, no_numbers, boilerplate, reference_date, date_order)
    return _run("ngrams", paths, files_per_partition, strict, options, top=top, min_n=min_n, max_n=max_n,
                min_count=min_count, keep_stopword_edges=keep_stopword_edges)


def collocations(
    paths,
    *,
    top: int | None = 20,
    measure: str = "likelihood-ratio",
    min_count: int = 2,
    keep_stopword_edges: bool = False,
    since=None,
    until=None,
    stopwords=None,
    stem: bool = False,
    no_numbers: bool = False,
    boilerplate=None,
    reference_date=None,
    date_order=None,
    files_per_partition: int = 256,
    strict: bool = False,
) -> pa.Table:
    """:func:`dateline.collocations` on the Dask cluster: the scores are computed once, from
    the merged bigram and word counts.

    >>> dateline.dask.collocations("seeds", top=1).column("ngram").to_pylist()
    ['Rear Admiral']
    """
    options = _options(since, until, stopwords, stem, no_numbers, boilerplate, reference_date, date_order)
    return _run("collocations", paths, files_per_partition, strict, options, top=top, measure=measure,
                min_count=min_count, keep_stopword_edges=keep_stopword_edges)


def keyness(
    paths,
    *,
    target,
    reference=None,
    top: int | None = 20,
    sort: str = "g2",
    min_count: int = 1,
    no_correction: bool = False,
    since=None,
    until=None,
    stopwords=None,
    stem: bool = False,
    no_numbers: bool = False,
    boilerplate=None,
    reference_date=None,
    date_order=None,
    files_per_partition: int = 256,
    strict: bool = False,
) -> pa.Table:
    """:func:`dateline.keyness` on the Dask cluster: each partition counts every term on
    each side (``target``, ``reference``: date ranges, globs or folders), the sums are scored
    once.

    >>> dateline.dask.keyness("seeds", target="2024-01-01..2024-12-31", top=1).column("term").to_pylist()
    ['cooperation']
    """
    options = _options(since, until, stopwords, stem, no_numbers, boilerplate, reference_date, date_order)
    return _run("keyness", paths, files_per_partition, strict, options, target=target, reference=reference, top=top,
                sort=sort, min_count=min_count, no_correction=no_correction)


def tfidf(
    paths,
    *,
    top: int | None = 20,
    preset: str = "news",
    min_df: int | float | None = None,
    max_df: int | float | None = None,
    since=None,
    until=None,
    stopwords=None,
    stem: bool = False,
    no_numbers: bool = False,
    boilerplate=None,
    reference_date=None,
    date_order=None,
    files_per_partition: int = 256,
    strict: bool = False,
) -> pa.Table:
    """:func:`dateline.tfidf` on the Dask cluster, in two passes: the terms' document
    frequencies are counted per partition and summed; then each partition's documents are
    weighted against them (and the corpus's number of documents), and their rows come back in
    the CLI's order.

    >>> dateline.dask.tfidf("seeds", top=1).column("term").to_pylist()[0]
    'Sea'
    """
    import dask

    options = _options(since, until, stopwords, stem, no_numbers, boilerplate, reference_date, date_order)
    params = _partial.own_options("tfidf", dict(top=top, preset=preset, min_df=min_df, max_df=max_df))
    chunks = _partial.chunks(_partial.files(paths), files_per_partition)
    merged = _merged("tfidf", chunks, strict, options, params)
    shared = dask.delayed(merged, traverse=False)
    parts = [dask.delayed(_partial.tfidf_part, pure=True)(shared, c, options, params) for c in chunks]
    tables = dask.compute(*parts)
    if not tables:
        return _partial.tfidf_part(merged, [], options, params)
    return pa.concat_tables(tables).combine_chunks()
