"""Type stubs of the Python package `dateline` (see `__init__.py` for the docstrings)."""

import datetime
import os
from typing import Any, Iterable, Sequence, Union

import pyarrow as pa

__version__: str

Paths = Union[str, os.PathLike[str], Iterable[Union[str, os.PathLike[str]]]]
#: Paths, or an Arrow table of the articles' schema (anything with `__arrow_c_stream__`).
Source = Union[Paths, Any]
Date = Union[str, datetime.date, None]
Lines = Union[str, os.PathLike[str], Iterable[str], None]
Stopwords = Union[str, os.PathLike[str], Iterable[str], None]

class DatelineError(Exception): ...

class ParseError(DatelineError):
    path: str
    line: int
    column: int
    severity: str
    message: str
    def __init__(self, path: str, line: int, column: int, severity: str, message: str) -> None: ...

class DiagnosticWarning(UserWarning): ...

class Options:
    since: str | None
    until: str | None
    stopwords: str | tuple[str, ...] | None
    stem: bool
    no_numbers: bool
    boilerplate: tuple[str, ...] | None
    reference_date: str | None
    date_order: str | None
    threads: int | None
    def __init__(
        self, since: Date = None, until: Date = None, stopwords: Stopwords = None, stem: bool = False,
        no_numbers: bool = False, boilerplate: Lines = None, reference_date: Date = None,
        date_order: str | None = None, threads: int | None = None,
    ) -> None: ...
    @property
    def worker_threads(self) -> int | None: ...

def default_threads() -> int | None: ...
def parse(
    text: str, *, path: str = "<text>", boilerplate: Lines = None, reference_date: Date = None,
    date_order: str | None = None,
) -> dict[str, Any]: ...
def parse_file(
    path: str | os.PathLike[str], *, boilerplate: Lines = None, reference_date: Date = None,
    date_order: str | None = None,
) -> dict[str, Any]: ...
def read(
    paths: Paths, *, boilerplate: Lines = None, reference_date: Date = None, date_order: str | None = None,
    threads: int | None = None,
) -> pa.Table: ...
def terms(
    source: Source, *, top: int | None = 20, by: str | None = None, since: Date = None, until: Date = None,
    stopwords: Stopwords = None, stem: bool = False, no_numbers: bool = False, boilerplate: Lines = None,
    reference_date: Date = None, date_order: str | None = None, threads: int | None = None, strict: bool = False,
) -> pa.Table: ...
def ngrams(
    source: Source, *, top: int | None = 20, min_n: int = 2, max_n: int = 3, min_count: int = 2,
    keep_stopword_edges: bool = False, since: Date = None, until: Date = None, stopwords: Stopwords = None,
    stem: bool = False, no_numbers: bool = False, boilerplate: Lines = None, reference_date: Date = None,
    date_order: str | None = None, threads: int | None = None, strict: bool = False,
) -> pa.Table: ...
def collocations(
    source: Source, *, top: int | None = 20, measure: str = "likelihood-ratio", min_count: int = 2,
    keep_stopword_edges: bool = False, since: Date = None, until: Date = None, stopwords: Stopwords = None,
    stem: bool = False, no_numbers: bool = False, boilerplate: Lines = None, reference_date: Date = None,
    date_order: str | None = None, threads: int | None = None, strict: bool = False,
) -> pa.Table: ...
def tfidf(
    source: Source, *, top: int | None = 20, preset: str = "news", min_df: int | float | None = None,
    max_df: int | float | None = None, since: Date = None, until: Date = None, stopwords: Stopwords = None,
    stem: bool = False, no_numbers: bool = False, boilerplate: Lines = None, reference_date: Date = None,
    date_order: str | None = None, threads: int | None = None, strict: bool = False,
) -> pa.Table: ...
def keyness(
    source: Source, *, target: str | Sequence[str], reference: str | Sequence[str] | None = None,
    top: int | None = 20, sort: str = "g2", min_count: int = 1, no_correction: bool = False, since: Date = None,
    until: Date = None, stopwords: Stopwords = None, stem: bool = False, no_numbers: bool = False,
    boilerplate: Lines = None, reference_date: Date = None, date_order: str | None = None,
    threads: int | None = None, strict: bool = False,
) -> pa.Table: ...
def actors(
    source: Source, *, top: int | None = None, by: str | None = None, types: str | Iterable[str] | None = None,
    aliases: str | os.PathLike[str] | None = None, since: Date = None, until: Date = None,
    boilerplate: Lines = None, reference_date: Date = None, date_order: str | None = None,
    threads: int | None = None, strict: bool = False,
) -> pa.Table: ...
def quotes(
    source: Source, *, top: int | None = None, types: str | Iterable[str] | None = None,
    aliases: str | os.PathLike[str] | None = None, since: Date = None, until: Date = None,
    boilerplate: Lines = None, reference_date: Date = None, date_order: str | None = None,
    threads: int | None = None, strict: bool = False,
) -> pa.Table: ...
def reuse(
    source: Source, *, top: int | None = None, min_jaccard: float = 0.5, min_containment: float = 0.5,
    window: int | None = None, max_df: int = 100, clusters: bool = False, since: Date = None, until: Date = None,
    boilerplate: Lines = None, reference_date: Date = None, date_order: str | None = None,
    threads: int | None = None, strict: bool = False,
) -> pa.Table: ...
