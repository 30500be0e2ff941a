"""Type stubs of `dateline.dask`."""

from typing import Sequence

import pyarrow as pa

from dateline import Date, Lines, Paths, Stopwords

def terms(
    paths: Paths, *, top: int | None = 20, since: Date = None, until: Date = None, stopwords: Stopwords = None,
    stem: bool = False, no_numbers: bool = False, boilerplate: Lines = None, reference_date: Date = None,
    date_order: str | None = None, files_per_partition: int = 256, strict: bool = False,
) -> pa.Table: ...
def ngrams(
    paths: Paths, *, top: int | None = 20, min_n: int = 2, max_n: int = 3, min_count: int = 2,
    keep_stopword_edges: bool = False, since: Date = None, until: Date = None, stopwords: Stopwords = None,
    stem: bool = False, no_numbers: bool = False, boilerplate: Lines = None, reference_date: Date = None,
    date_order: str | None = None, files_per_partition: int = 256, strict: bool = False,
) -> pa.Table: ...
def collocations(
    paths: Paths, *, top: int | None = 20, measure: str = "likelihood-ratio", min_count: int = 2,
    keep_stopword_edges: bool = False, since: Date = None, until: Date = None, stopwords: Stopwords = None,
    stem: bool = False, no_numbers: bool = False, boilerplate: Lines = None, reference_date: Date = None,
    date_order: str | None = None, files_per_partition: int = 256, strict: bool = False,
) -> pa.Table: ...
def keyness(
    paths: Paths, *, target: str | Sequence[str], reference: str | Sequence[str] | None = None,
    top: int | None = 20, sort: str = "g2", min_count: int = 1, no_correction: bool = False, since: Date = None,
    until: Date = None, stopwords: Stopwords = None, stem: bool = False, no_numbers: bool = False,
    boilerplate: Lines = None, reference_date: Date = None, date_order: str | None = None,
    files_per_partition: int = 256, strict: bool = False,
) -> pa.Table: ...
def tfidf(
    paths: Paths, *, top: int | None = 20, preset: str = "news", min_df: int | float | None = None,
    max_df: int | float | None = None, since: Date = None, until: Date = None, stopwords: Stopwords = None,
    stem: bool = False, no_numbers: bool = False, boilerplate: Lines = None, reference_date: Date = None,
    date_order: str | None = None, files_per_partition: int = 256, strict: bool = False,
) -> pa.Table: ...
