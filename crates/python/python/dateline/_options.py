"""The options every function shares, as one picklable value: how files are read, which dates
are in, how text becomes terms, and how many threads the work takes."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os as _os
import sys as _sys
from typing import Any, Union

from dateline import _native
from dateline._native import DatelineError

Date = Union[str, _dt.date, None]


def default_threads() -> int | None:
    """Threads a call uses when ``threads`` is not given: one inside a Dask worker or a
    Spark task (which run one task per core already, so more would oversubscribe the
    machine), else ``None``: every core."""
    if "distributed" in _sys.modules:
        try:
            from distributed import get_worker

            get_worker()
            return 1
        except (ImportError, ValueError):
            pass
    if "pyspark" in _sys.modules:
        try:
            from pyspark import TaskContext

            if TaskContext.get() is not None:
                return 1
        except ImportError:
            pass
    return None


def _date(value: Any, name: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, _dt.date):
        return value.isoformat()
    raise TypeError(f"{name}: expected a date or YYYY-MM-DD, not {value!r}")


def _lines(value: Any, name: str) -> tuple[str, ...] | None:
    """Lines given as a list, or read from a file (a path)."""
    if value is None:
        return None
    if isinstance(value, (str, _os.PathLike)):
        path = _os.fspath(value)
        try:
            with open(path, encoding="utf-8") as file:
                return tuple(file.read().splitlines())
        except OSError as err:
            raise DatelineError(f"cannot read the {name} file {path}: {err.strerror}") from err
    return tuple(str(line) for line in value)


def _stopwords(value: Any) -> str | tuple[str, ...] | None:
    """``None`` (the built-in English list), ``"none"``, a file's path (read where the work
    runs), or the words themselves."""
    if value is None or isinstance(value, (str, _os.PathLike)):
        return None if value is None else _os.fspath(value)
    return tuple(str(word) for word in value)


def _flag(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{name}: expected True or False, not {value!r}")
    return value


def _threads(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"threads: expected a whole number, not {value!r}")
    return value


@dataclasses.dataclass(frozen=True)
class Options:
    """The options every function of the package shares, checked once when made, in the
    CLI's words; the Rust side reads them into its own option types in one place. A frozen
    dataclass of plain values (text, tuples, booleans), so it pickles and compares, and Dask
    and Spark ship it to their workers as it is. The functions make one from their keyword
    arguments; :mod:`dateline.spark` takes one.

    ``since``, ``until`` and ``reference_date`` are kept as ``YYYY-MM-DD``; ``boilerplate``
    as its lines (a file given by path is read here, once); ``stopwords`` as ``None`` (the
    built-in English list), ``"none"``, a file's path (read where the counting runs) or a
    tuple of words.

    >>> options = dateline.Options(since="2024-01-01", stem=True)
    >>> options.since, options.stem, options.threads
    ('2024-01-01', True, None)
    >>> dateline.Options(date_order="ymd")
    Traceback (most recent call last):
    ...
    dateline.DatelineError: date_order: expected dmy or mdy, not `ymd`
    """

    since: Date = None
    until: Date = None
    stopwords: Any = None
    stem: bool = False
    no_numbers: bool = False
    boilerplate: Any = None
    reference_date: Date = None
    date_order: str | None = None
    threads: int | None = None

    def __post_init__(self) -> None:
        normal = {
            "since": _date(self.since, "since"),
            "until": _date(self.until, "until"),
            "reference_date": _date(self.reference_date, "reference_date"),
            "boilerplate": _lines(self.boilerplate, "boilerplate"),
            "stopwords": _stopwords(self.stopwords),
            "stem": _flag(self.stem, "stem"),
            "no_numbers": _flag(self.no_numbers, "no_numbers"),
            "threads": _threads(self.threads),
        }
        if self.date_order is not None and not isinstance(self.date_order, str):
            raise TypeError(f"date_order: expected dmy or mdy, not {self.date_order!r}")
        for name, value in normal.items():
            object.__setattr__(self, name, value)
        _native.check_options(self)

    @property
    def worker_threads(self) -> int | None:
        """``threads``, or when it is ``None`` what :func:`default_threads` says in the
        process asking: one inside a Dask worker or a Spark task, else every core."""
        return default_threads() if self.threads is None else self.threads


#: The names of the fields of :class:`Options`.
FIELDS = tuple(field.name for field in dataclasses.fields(Options))


def split(kwargs: dict[str, Any]) -> tuple[Options, dict[str, Any]]:
    """``kwargs`` as the shared :class:`Options` and the rest (a command's own options)."""
    shared = {k: v for k, v in kwargs.items() if k in FIELDS}
    return Options(**shared), {k: v for k, v in kwargs.items() if k not in FIELDS}

