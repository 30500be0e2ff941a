"""dateline: parse and analyse corpora of scraped news articles, from Python.

A thin layer over dateline's Rust crates: articles come in as paths (files and folders, read
as the ``dateline`` command reads them) or as the Arrow table :func:`read` returns; every
result is a :class:`pyarrow.Table` with the columns of the matching command's CSV, typed
(counts Int64, scores Float64, dates Date32). The work runs in Rust with the GIL released.

>>> import dateline
>>> articles = dateline.read(["seeds"])
>>> articles.column_names[:4]
['path', 'title', 'date', 'time']
>>> dateline.terms(articles, top=3).column("term").to_pylist()
['cooperation', 'Iran', 'countries']

Diagnostics (``path:line:column: severity: message``, as the CLI prints them) become
:class:`DiagnosticWarning` warnings, or with ``strict=True`` a :class:`ParseError` at the
first error. Every function is a plain module-level function taking plain values, so it
pickles (Dask, Spark, multiprocessing); the options they share are one :class:`Options`
value, checked once when made, which pickles too.
"""

from __future__ import annotations

import json as _json
import os as _os
import warnings as _warnings
from typing import Any, Iterable, Sequence

from dateline import _native
from dateline._native import DatelineError
from dateline._options import Options, default_threads

__version__ = _native.__version__

__all__ = [
    "DatelineError",
    "DiagnosticWarning",
    "Options",
    "ParseError",
    "actors",
    "collocations",
    "default_threads",
    "keyness",
    "ngrams",
    "parse",
    "parse_file",
    "quotes",
    "read",
    "reuse",
    "terms",
    "tfidf",
]

# Shown, pickled and documented as `dateline.Options`, where users find it.
Options.__module__ = __name__


class ParseError(DatelineError):
    """A file that failed to read or parse (raised with ``strict=True``).

    ``str(error)`` is the CLI's line, ``path:line:column: error: message``; the parts are
    attributes.
    """

    def __init__(self, path: str, line: int, column: int, severity: str, message: str) -> None:
        super().__init__(f"{path}:{line}:{column}: {severity}: {message}")
        self.path, self.line, self.column, self.severity, self.message = path, line, column, severity, message

    def __reduce__(self):
        return (type(self), (self.path, self.line, self.column, self.severity, self.message))


class DiagnosticWarning(UserWarning):
    """A warning or error met while reading a file, as ``path:line:column: severity: message``."""


def _paths(paths: Any) -> list[str]:
    if isinstance(paths, (str, _os.PathLike)):
        return [_os.fspath(paths)]
    return [_os.fspath(p) for p in paths]


def _aligned(table):
    """``table`` with every buffer aligned as Arrow's C interface requires. Tables unpickled
    from another process (Dask, Spark, multiprocessing) may hold buffers at any byte offset;
    they are copied once through Arrow's IPC format, which aligns them."""
    import pyarrow as pa

    if not isinstance(table, pa.Table):
        return table

    def misaligned(array) -> bool:
        if any(b is not None and b.address % 8 for b in array.buffers()):
            return True
        return False

    if not any(misaligned(chunk) for column in table.columns for chunk in column.chunks):
        return table
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return pa.ipc.open_stream(sink.getvalue()).read_all()


def _source(source: Any) -> dict[str, Any]:
    """Paths (one, or a list) or an Arrow table of articles (anything with
    ``__arrow_c_stream__``: pyarrow, polars, DuckDB results)."""
    if hasattr(source, "__arrow_c_stream__"):
        return {"table": _aligned(source)}
    return {"paths": _paths(source)}


def _report(answer: tuple, strict: bool):
    table, diagnostics, _outside = answer
    for path, line, column, severity, message in diagnostics:
        if strict and severity == "error":
            raise ParseError(path, line, column, severity, message)
    for path, line, column, severity, message in diagnostics:
        _warnings.warn(f"{path}:{line}:{column}: {severity}: {message}", DiagnosticWarning, stacklevel=3)
    return table


def _top(top: int | None) -> int | None:
    return None if top is None or top == 0 else top


def _df(bound: int | float | None) -> str | None:
    # The CLI's rule: a whole number counts articles, a number with a point is a fraction.
    if bound is None:
        return None
    if isinstance(bound, bool) or not isinstance(bound, (int, float)):
        raise TypeError(f"expected an int (articles) or a float (a fraction), not {bound!r}")
    return repr(float(bound)) if isinstance(bound, float) else str(bound)


def _specs(specs: str | Sequence[str] | None) -> list[str] | None:
    if specs is None:
        return None
    return [specs] if isinstance(specs, str) else list(specs)


def parse(text: str, *, path: str = "<text>", boilerplate=None, reference_date=None, date_order=None) -> dict:
    """Parses one article's text as if it were a file at ``path``; returns the document with
    the JSON contract's keys (what ``dateline parse --format json`` prints for a file).

    >>> doc = dateline.parse(" date 2024-01-10 Lavrov met the envoy in Moscow.")
    >>> doc["date"], doc["sections"][0]["paragraphs"][0]["text"]
    ('2024-01-10', 'Lavrov met the envoy in Moscow.')
    """
    options = Options(boilerplate=boilerplate, reference_date=reference_date, date_order=date_order)
    return _json.loads(_native.parse_text(text, path=path, options=options))


def parse_file(path: str | _os.PathLike, *, boilerplate=None, reference_date=None, date_order=None) -> dict:
    """Reads and parses one file as the CLI does; returns its document (JSON contract keys).
    A file that cannot be read, or is binary, gives a document with only ``path`` and
    ``diagnostics``, as on the command line.

    >>> dateline.parse_file("seeds/002_ff26b561ed4a4f97.txt")["dateline"]["place"]
    'TEHRAN'
    """
    return _json.loads(
        _native.parse_file(
            _os.fspath(path),
            options=Options(boilerplate=boilerplate, reference_date=reference_date, date_order=date_order),
        )
    )


def read(paths, *, boilerplate=None, reference_date=None, date_order=None, threads: int | None = None):
    """Reads files and folders (recursively, in sorted order) into a ``pyarrow.Table`` with
    one row per file in input order: ``path``, ``title``, ``date``, ``time``, ``place``,
    ``region``, ``agency``, ``authors``, ``text`` (the counted text), ``diagnostics``. A file
    that failed to read or parse is a row with null article fields and its diagnostics.

    >>> table = dateline.read("seeds")
    >>> table.num_rows, table.column("place").to_pylist()[2]
    (4, 'TEHRAN')
    """
    options = Options(boilerplate=boilerplate, reference_date=reference_date, date_order=date_order, threads=threads)
    return _native.read(_paths(paths), options=options)


def terms(
    source,
    *,
    top: int | None = 20,
    by: str | None = None,
    since=None,
    until=None,
    stopwords=None,
    stem: bool = False,
    no_numbers: bool = False,
    boilerplate=None,
    reference_date=None,
    date_order=None,
    threads: int | None = None,
    strict: bool = False,
):
    """``dateline terms``: rank, term (as most often written), count, doc_count, rate per
    10,000 tokens; with ``by`` ("day", "week", "month", "quarter", "year" or "folder") a
    ``group`` column first and the top terms of each group.

    >>> dateline.terms("seeds", top=2).to_pylist()[0]["term"]
    'cooperation'
    """
    return _report(
        _native.terms(
            **_source(source), top=_top(top), by=by,
            options=Options(
                since=since, until=until, stopwords=stopwords, stem=stem, no_numbers=no_numbers, boilerplate=boilerplate,
                reference_date=reference_date, date_order=date_order, threads=threads,
            ),
        ),
        strict,
    )


def ngrams(
    source,
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
    threads: int | None = None,
    strict: bool = False,
):
    """``dateline ngrams``: rank, ngram, n, count of word sequences within sentences.

    >>> dateline.ngrams("seeds", top=1).column("ngram").to_pylist()
    ['two countries']
    """
    return _report(
        _native.ngrams(
            **_source(source), top=_top(top), min_n=min_n, max_n=max_n, min_count=min_count,
            keep_stopword_edges=keep_stopword_edges,
            options=Options(
                since=since, until=until, stopwords=stopwords, stem=stem, no_numbers=no_numbers, boilerplate=boilerplate,
                reference_date=reference_date, date_order=date_order, threads=threads,
            ),
        ),
        strict,
    )


def collocations(
    source,
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
    threads: int | None = None,
    strict: bool = False,
):
    """``dateline collocations``: ngram, count, left_count, right_count, total_tokens, score
    (by ``measure``), then every measure: pmi, likelihood_ratio, student_t, chi_sq, dice,
    lambda, z.

    >>> dateline.collocations("seeds", top=1).column("ngram").to_pylist()
    ['Rear Admiral']
    """
    return _report(
        _native.collocations(
            **_source(source), top=_top(top), measure=measure, min_count=min_count,
            keep_stopword_edges=keep_stopword_edges,
            options=Options(
                since=since, until=until, stopwords=stopwords, stem=stem, no_numbers=no_numbers, boilerplate=boilerplate,
                reference_date=reference_date, date_order=date_order, threads=threads,
            ),
        ),
        strict,
    )


def tfidf(
    source,
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
    threads: int | None = None,
    strict: bool = False,
):
    """``dateline tfidf``: path, rank, term, score: each article's most distinctive terms.
    ``preset`` is "news", "sklearn", "gensim", "quanteda" or "tidytext"; ``min_df`` and
    ``max_df`` an int (articles) or a float (a fraction of them).

    >>> dateline.tfidf("seeds", top=1).column("term").to_pylist()[0]
    'Sea'
    """
    return _report(
        _native.tfidf(
            **_source(source), top=_top(top), preset=preset, min_df=_df(min_df), max_df=_df(max_df),
            options=Options(
                since=since, until=until, stopwords=stopwords, stem=stem, no_numbers=no_numbers, boilerplate=boilerplate,
                reference_date=reference_date, date_order=date_order, threads=threads,
            ),
        ),
        strict,
    )


def keyness(
    source,
    *,
    target: str | Sequence[str],
    reference: str | Sequence[str] | None = None,
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
    threads: int | None = None,
    strict: bool = False,
):
    """``dateline keyness``: term, target_count, reference_count, g2, g2_p, chi2, chi2_p,
    log_ratio for a ``target`` (a date range ``2024-01-01..2024-06-30``, a path glob or a
    folder; several are joined) against the rest or a ``reference``. ``sort`` is "g2",
    "chi2" or "log-ratio".

    >>> dateline.keyness("seeds", target="2024-01-01..2024-12-31", top=1).column("term").to_pylist()
    ['cooperation']
    """
    return _report(
        _native.keyness(
            **_source(source), target=_specs(target), reference=_specs(reference), top=_top(top), sort=sort,
            min_count=min_count, no_correction=no_correction,
            options=Options(
                since=since, until=until, stopwords=stopwords, stem=stem, no_numbers=no_numbers, boilerplate=boilerplate,
                reference_date=reference_date, date_order=date_order, threads=threads,
            ),
        ),
        strict,
    )


def _types(types: str | Iterable[str] | None) -> list[str] | None:
    if types is None:
        return None
    return [t.strip() for t in types.split(",")] if isinstance(types, str) else list(types)


def actors(
    source,
    *,
    top: int | None = None,
    by: str | None = None,
    types: str | Iterable[str] | None = None,
    aliases: str | _os.PathLike | None = None,
    since=None,
    until=None,
    boilerplate=None,
    reference_date=None,
    date_order=None,
    threads: int | None = None,
    strict: bool = False,
):
    """``dateline actors``: actor, type, articles, mentions, first, last, roles over the
    corpus (``period`` first with ``by``); ``types`` keeps "person", "organization" or
    "place"; ``aliases`` is a TSV file of merges and splits.

    >>> dateline.actors("seeds", top=1).column("actor").to_pylist()
    ['Iran']
    """
    return _report(
        _native.actors(
            **_source(source), top=_top(top), by=by, types=_types(types),
            aliases=None if aliases is None else _os.fspath(aliases),
            options=Options(
                since=since, until=until, boilerplate=boilerplate, reference_date=reference_date,
                date_order=date_order, threads=threads,
            ),
        ),
        strict,
    )


def quotes(
    source,
    *,
    top: int | None = None,
    types: str | Iterable[str] | None = None,
    aliases: str | _os.PathLike | None = None,
    since=None,
    until=None,
    boilerplate=None,
    reference_date=None,
    date_order=None,
    threads: int | None = None,
    strict: bool = False,
):
    """``dateline quotes``: path, speaker, text, start, end, cue, kind for every direct
    quotation of four or more words (byte offsets into the file; into the ``text`` column
    when given a table).

    >>> dateline.quotes("seeds").column("speaker").to_pylist()[1]
    'Sergey Lavrov'
    """
    return _report(
        _native.quotes(
            **_source(source), top=_top(top), types=_types(types),
            aliases=None if aliases is None else _os.fspath(aliases),
            options=Options(
                since=since, until=until, boilerplate=boilerplate, reference_date=reference_date,
                date_order=date_order, threads=threads,
            ),
        ),
        strict,
    )


def reuse(
    source,
    *,
    top: int | None = None,
    min_jaccard: float = 0.5,
    min_containment: float = 0.5,
    window: int | None = None,
    max_df: int = 100,
    clusters: bool = False,
    since=None,
    until=None,
    boilerplate=None,
    reference_date=None,
    date_order=None,
    threads: int | None = None,
    strict: bool = False,
):
    """``dateline reuse``: pairs of articles sharing text (word 5-gram shingles), most
    similar first: a, b, a_date, b_date, jaccard, containment, shared, a_reused, b_reused,
    passages (a list of ``{a_start, a_end, b_start, b_end}`` byte spans); with
    ``clusters=True`` story families instead: cluster, path, date, first. ``window`` pairs only
    articles dated at most that many days apart.

    >>> dateline.reuse("seeds").num_rows
    0
    """
    return _report(
        _native.reuse(
            **_source(source), top=_top(top), min_jaccard=min_jaccard, min_containment=min_containment,
            window=window, max_df=max_df, clusters=clusters,
            options=Options(
                since=since, until=until, boilerplate=boilerplate, reference_date=reference_date,
                date_order=date_order, threads=threads,
            ),
        ),
        strict,
    )
