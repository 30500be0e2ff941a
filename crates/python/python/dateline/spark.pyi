"""Type stubs of `dateline.spark`."""

from typing import Any, Iterator

import pyarrow as pa

from dateline import Date, Lines, Paths, Stopwords

TERMS_SCHEMA: str

def files(spark: Any, paths: Paths, *, files_per_partition: int = 256) -> Any: ...

class count_terms:
    since: Date
    until: Date
    stopwords: Stopwords
    stem: bool
    no_numbers: bool
    boilerplate: Lines
    reference_date: Date
    date_order: str | None
    def __init__(
        self, since: Date = None, until: Date = None, stopwords: Stopwords = None, stem: bool = False,
        no_numbers: bool = False, boilerplate: Lines = None, reference_date: Date = None,
        date_order: str | None = None,
    ) -> None: ...
    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]: ...

def merge_terms(partials: Any) -> Any: ...
def finish_terms(
    merged: Any, *, top: int | None = 20, stopwords: Stopwords = None, stem: bool = False, no_numbers: bool = False,
    strict: bool = False,
) -> pa.Table: ...
