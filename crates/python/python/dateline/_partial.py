"""Partial counts: what one partition of files counts to, how two partials merge (by summing
counts per key), and the statistic computed once from merged counts. Shared by
:mod:`dateline.dask` and :mod:`dateline.spark`."""

from __future__ import annotations

import inspect
import os
from typing import Any, Iterable

import pyarrow as pa

from dateline import _aligned, _native, _specs, _top
from dateline._options import Options

# The tables of a partial and the keys their counts are summed by; `docs` rows (one per
# document) are concatenated.
KEYS = {
    "spellings": ["term", "spelling"],
    "doc_freq": ["term"],
    "ngrams": ["ngram"],
    "totals": ["key"],
    "sides": ["term", "side"],
    "side_docs": ["key"],
}

KINDS = ("terms", "ngrams", "collocations", "keyness", "tfidf")


def files(paths: str | os.PathLike | Iterable[str | os.PathLike]) -> list[str]:
    """The files the CLI would read for ``paths``, in its order: each path in turn, a folder
    walked recursively in sorted order (by name, byte for byte). Anything else (a missing
    path) is kept as given, for the reader to report."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: list[str] = []
    for path in map(os.fspath, paths):
        if os.path.isdir(path):
            out.extend(_walk(path))
        else:
            out.append(path)
    return out


def _walk(folder: str) -> Iterable[str]:
    try:
        names = sorted(os.listdir(folder), key=os.fsencode)
    except OSError:
        yield folder
        return
    for name in names:
        path = os.path.join(folder, name)
        if os.path.isdir(path):
            yield from _walk(path)
        else:
            yield path


def chunks(items: list[str], size: int) -> list[list[str]]:
    if size < 1:
        raise ValueError(f"files_per_partition: expected at least 1, not {size}")
    return [items[i : i + size] for i in range(0, len(items), size)]


# What each statistic counts with besides the shared options, and what it is finished with.
COUNTING = {
    "terms": (),
    "ngrams": ("min_n", "max_n", "keep_stopword_edges"),
    "collocations": ("keep_stopword_edges",),
    "keyness": ("target", "reference"),
    "tfidf": ("preset",),
}
FINISHING = {
    "terms": ("top",),
    "ngrams": ("top", "min_n", "max_n", "min_count", "keep_stopword_edges"),
    "collocations": ("top", "measure", "min_count", "keep_stopword_edges"),
    "keyness": ("top", "sort", "min_count", "no_correction"),
    "tfidf": ("top", "preset", "min_df", "max_df"),
}


def own_options(kind: str, params: dict[str, Any]) -> dict[str, Any]:
    """A statistic's own options (``top``, ``min_n``, ``target``, ...), checked by name: one it
    does not take names itself in the error."""
    if kind not in KINDS:
        raise ValueError(f"no partial counts for {kind!r}: {', '.join(KINDS)}")
    known = set(COUNTING[kind]) | set(FINISHING[kind])
    unknown = sorted(set(params) - known)
    if unknown:
        raise TypeError(f"{kind}: unknown option {unknown[0]!r} (it takes {', '.join(sorted(known))})")
    if kind == "keyness" and not params.get("target"):
        raise TypeError("keyness: the option 'target' is required")
    # The defaults are the function's of that name (keyness' min_count is 1, ngrams' 2).
    import dateline

    defaults = {
        name: parameter.default
        for name, parameter in inspect.signature(getattr(dateline, kind)).parameters.items()
        if name in known and parameter.default is not inspect.Parameter.empty
    }
    return {**defaults, **params}


def count(kind: str, paths: list[str], options: Options, params: dict[str, Any]) -> dict[str, Any]:
    """One partition's partial counts: a dict of tables, and its diagnostics."""
    own = {k: params[k] for k in COUNTING[kind] if k in params}
    if kind == "keyness":
        own.update(target=_specs(own.get("target")), reference=_specs(own.get("reference")))
    tables, diagnostics = _native.partial_counts(kind, paths=paths, options=options, **own)
    tables["diagnostics"] = diagnostics
    return tables


def merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Two partials as one: counts summed per key, documents and diagnostics concatenated."""
    out: dict[str, Any] = {"diagnostics": list(a.get("diagnostics", [])) + list(b.get("diagnostics", []))}
    for name in (a.keys() | b.keys()) - {"diagnostics"}:
        parts = [p[name] for p in (a, b) if name in p]
        table = pa.concat_tables(parts, promote_options="default")
        keys = KEYS.get(name)
        if keys is not None:
            summed = table.group_by(keys, use_threads=False).aggregate([("count", "sum")])
            names = ["count" if n == "count_sum" else n for n in summed.column_names]
            table = summed.rename_columns(names).select([*keys, "count"])
        out[name] = table
    return out


def merge_all(partials: Iterable[dict[str, Any]]) -> dict[str, Any]:
    merged: dict[str, Any] | None = None
    for partial in partials:
        merged = partial if merged is None else merge(merged, partial)
    if merged is None:
        raise ValueError("no partial counts to merge")
    return merged


def finish(kind: str, merged: dict[str, Any], options: Options, params: dict[str, Any]) -> pa.Table:
    """The statistic from merged partial counts: the table ``dateline.<kind>`` returns."""
    own = {k: params[k] for k in FINISHING[kind] if k in params}
    if "top" in own:
        own["top"] = _top(own["top"])
    tables = {k: _aligned(v) for k, v in merged.items() if k != "diagnostics"}
    return _native.finish_counts(kind, tables, options=options, **own)


def tfidf_part(merged: dict[str, Any], paths: list[str], options: Options, params: dict[str, Any]) -> pa.Table:
    """TF-IDF's second pass: one partition's documents weighted against the whole corpus's
    merged counts (its document frequencies and number of documents)."""
    from dateline import _df

    tables = {k: _aligned(v) for k, v in merged.items() if k != "diagnostics"}
    return _native.tfidf_part(
        tables, paths, top=_top(params.get("top", 20)), preset=params.get("preset", "news"),
        min_df=_df(params.get("min_df")), max_df=_df(params.get("max_df")), options=options,
    )
