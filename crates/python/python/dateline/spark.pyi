"""Type stubs of `dateline.spark`."""

from typing import Any, Iterator

import pyarrow as pa

from dateline import Options, Paths

SCHEMA: str
TFIDF_SCHEMA: str

def files(spark: Any, paths: Paths, *, files_per_partition: int = 256) -> Any: ...

class Statistic:
    kind: str
    options: Options
    params: dict[str, Any]
    def __init__(self, kind: str, **options: Any) -> None: ...
    def count(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]: ...
    def finish(self, merged: Any, files: Any = None, *, strict: bool = False) -> pa.Table: ...

def merge(partials: Any) -> Any: ...
