"""Every function equals the `dateline` command it mirrors, on the seeds and on a generated
corpus, from paths and from the table `dateline.read` returns."""

from __future__ import annotations

import pytest

import dateline
from compare import assert_same, assert_types

CORPORA = ["seeds", "generated"]


@pytest.fixture(params=CORPORA)
def corpus(request, generated) -> str:
    return "seeds" if request.param == "seeds" else generated


# (function, CLI arguments, keyword arguments): the defaults, and options that change the rows.
STATISTICS = [
    ("terms", [], {}),
    ("terms", ["--top", "0", "--stem"], {"top": 0, "stem": True}),
    ("terms", ["--by", "month", "--top", "5"], {"by": "month", "top": 5}),
    ("terms", ["--by", "folder", "--no-numbers"], {"by": "folder", "no_numbers": True}),
    ("terms", ["--since", "2024-01-01", "--stopwords", "none"], {"since": "2024-01-01", "stopwords": "none"}),
    ("ngrams", [], {}),
    ("ngrams", ["--min-n", "2", "--max-n", "4", "--min-count", "1", "--top", "50"],
     {"min_n": 2, "max_n": 4, "min_count": 1, "top": 50}),
    ("ngrams", ["--keep-stopword-edges"], {"keep_stopword_edges": True}),
    ("collocations", [], {}),
    ("collocations", ["--measure", "pmi", "--min-count", "3", "--top", "0"], {"measure": "pmi", "min_count": 3, "top": 0}),
    ("tfidf", [], {}),
    ("tfidf", ["--preset", "sklearn", "--top", "5"], {"preset": "sklearn", "top": 5}),
    ("tfidf", ["--preset", "gensim", "--min-df", "2", "--max-df", "0.9"], {"preset": "gensim", "min_df": 2, "max_df": 0.9}),
    ("keyness", ["--target", "2024-01-01..2024-12-31"], {"target": "2024-01-01..2024-12-31"}),
    ("keyness", ["--target", "*[0-4].txt", "--sort", "log-ratio", "--no-correction", "--min-count", "2"],
     {"target": "*[0-4].txt", "sort": "log-ratio", "no_correction": True, "min_count": 2}),
    ("actors", [], {}),
    ("actors", ["--by", "month", "--type", "person,place", "--top", "5"],
     {"by": "month", "types": "person,place", "top": 5}),
    ("quotes", [], {}),
]


def _ids(case):
    name, args, _ = case
    return " ".join([name, *args])


@pytest.mark.parametrize("case", STATISTICS, ids=[_ids(c) for c in STATISTICS])
def test_statistics_equal_the_cli_from_paths(case, corpus, cli):
    name, args, kwargs = case
    want = cli(name, *args, corpus)
    got = getattr(dateline, name)(corpus, **kwargs)
    assert_types(got)
    assert_same(got, want)


# Counted from the table: the same numbers, without reading the files again. Quotation
# offsets point into the `text` column there, so quotes compare without start and end.
FROM_TABLE = [c for c in STATISTICS if c[0] != "quotes"]


@pytest.mark.parametrize("case", FROM_TABLE, ids=[_ids(c) for c in FROM_TABLE])
def test_statistics_equal_the_cli_from_a_table(case, corpus, cli):
    name, args, kwargs = case
    table = dateline.read(corpus)
    want = cli(name, *args, corpus)
    got = getattr(dateline, name)(table, **kwargs)
    assert_same(got, want)


def test_quotes_from_a_table_find_the_same_quotations(corpus, cli):
    want = cli("quotes", corpus)
    got = dateline.quotes(dateline.read(corpus)).drop_columns(["start", "end"])
    assert [(r["path"], r["speaker"] or "", r["text"], r["cue"] or "", r["kind"]) for r in got.to_pylist()] == [
        (r["path"], r["speaker"], r["text"], r["cue"], r["kind"]) for r in want.rows
    ]


def test_parse_equals_the_cli_json(dateline_bin, corpus):
    import json
    import pathlib
    import subprocess

    files = sorted(p for p in pathlib.Path(corpus).rglob("*") if p.is_file())[:25]
    for path in files:
        done = subprocess.run([str(dateline_bin), "parse", "--format", "json", str(path)], capture_output=True, text=True)
        want = json.loads(done.stdout)[0]
        assert dateline.parse_file(path) == want
        text = path.read_bytes().decode("utf-8")
        assert dateline.parse(text, path=str(path)) == want


def test_read_has_one_row_per_file_with_the_cli_parse_columns(corpus, cli):
    want = cli("parse", corpus)
    table = dateline.read(corpus)
    assert table.column("path").to_pylist() == [r["path"] for r in want.rows]
    for row, csv in zip(table.to_pylist(), want.rows):
        for name in ("title", "time", "place", "agency"):
            assert (row[name] or "") == csv[name], name
        assert (row["date"].isoformat() if row["date"] else "") == csv["date"]
        assert "; ".join(row["authors"]) == csv["authors"]
        errors = sum(d["severity"] == "error" for d in row["diagnostics"])
        warnings = sum(d["severity"] == "warning" for d in row["diagnostics"])
        assert (warnings, errors) == (int(csv["warnings"]), int(csv["errors"]))
