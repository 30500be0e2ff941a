"""The options every function shares are one value, `dateline.Options`: it pickles, it is
checked once when made, and a bad option names itself in the error."""

from __future__ import annotations

import datetime
import multiprocessing
import pickle
import types

import pytest

import dateline
import dateline.dask
import dateline.spark
from dateline import _native


def test_options_pickle_and_compare_equal():
    options = dateline.Options(
        since=datetime.date(2024, 1, 1), until="2024-12-31", stopwords=["the", "a"], stem=True, no_numbers=True,
        boilerplate=["Leave a Comment"], reference_date="2024-06-01", date_order="dmy", threads=2,
    )
    back = pickle.loads(pickle.dumps(options))
    assert back == options and back is not options
    assert type(back) is dateline.Options
    assert (back.since, back.stopwords, back.boilerplate) == ("2024-01-01", ("the", "a"), ("Leave a Comment",))


def test_options_travel_to_another_process_and_count_the_same():
    options = dateline.Options(since="2024-01-01", stem=True)
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        remote = pool.apply(pickle.loads, (pickle.dumps(options),))
    assert remote == options


def test_spark_statistics_pickle():
    job = dateline.spark.Statistic("keyness", target=["2024-01-01..2024-06-30"], reference="2024-07-01..", stem=True)
    back = pickle.loads(pickle.dumps(job))
    assert (back.kind, back.options, back.params) == (job.kind, job.options, job.params)


def test_a_boilerplate_file_is_read_once_when_the_options_are_made(tmp_path):
    lines = tmp_path / "furniture.txt"
    lines.write_text("Leave a Comment\nShare this\n", encoding="utf-8")
    options = dateline.Options(boilerplate=lines)
    lines.unlink()
    assert pickle.loads(pickle.dumps(options)).boilerplate == ("Leave a Comment", "Share this")


@pytest.mark.parametrize(
    ("options", "error", "words"),
    [
        ({"date_order": "ymd"}, dateline.DatelineError, "date_order: expected dmy or mdy, not `ymd`"),
        ({"since": "2024-13-01"}, dateline.DatelineError, "since: expected a date as YYYY-MM-DD"),
        ({"until": "soon"}, dateline.DatelineError, "until: expected a date as YYYY-MM-DD"),
        ({"reference_date": "2024-02-30"}, dateline.DatelineError, "reference_date: expected a date"),
        ({"since": "2024-02-01", "until": "2024-01-01"}, dateline.DatelineError, "since 2024-02-01 is after until"),
        ({"threads": 0}, dateline.DatelineError, "threads: expected at least 1"),
        ({"threads": "2"}, TypeError, "threads: expected a whole number"),
        ({"stem": "yes"}, TypeError, "stem: expected True or False"),
        ({"no_numbers": 1}, TypeError, "no_numbers: expected True or False"),
        ({"since": 20240101}, TypeError, "since: expected a date or YYYY-MM-DD"),
        ({"date_order": 1}, TypeError, "date_order: expected dmy or mdy"),
    ],
    ids=lambda v: str(v) if isinstance(v, dict) else "",
)
def test_a_bad_option_names_itself_where_it_is_written(options, error, words):
    with pytest.raises(error, match=words.replace("(", r"\(")):
        dateline.Options(**options)
    # The functions make their Options first: the same error, before any file is read.
    with pytest.raises(error, match=words.replace("(", r"\(")):
        dateline.terms("no such folder", **options)
    if "threads" not in options:  # Dask's tasks take one thread each
        with pytest.raises(error, match=words.replace("(", r"\(")):
            dateline.dask.terms("no such folder", **options)


def test_a_missing_stopword_file_names_itself():
    with pytest.raises(dateline.DatelineError, match="cannot read the stopword file no-such-list.txt"):
        dateline.terms("seeds", stopwords="no-such-list.txt")


def test_the_native_side_names_a_field_of_the_wrong_type():
    # What reaches Rust is read attribute by attribute; a field of the wrong type is named.
    fields = {name: getattr(dateline.Options(), name) for name in ("since", "until", "stopwords", "no_numbers",
                                                                   "boilerplate", "reference_date", "date_order")}
    bad = types.SimpleNamespace(**fields, stem="yes", worker_threads=None)
    with pytest.raises(TypeError, match="stem"):
        _native.terms(paths=["seeds"], options=bad)


def test_a_statistic_refuses_an_option_it_does_not_take():
    with pytest.raises(TypeError, match="terms: unknown option 'measure'"):
        dateline.spark.Statistic("terms", measure="pmi")
    with pytest.raises(TypeError, match="keyness: the option 'target' is required"):
        dateline.spark.Statistic("keyness")
    with pytest.raises(ValueError, match="no partial counts for 'topics'"):
        dateline.spark.Statistic("topics")


def test_the_functions_keep_their_keyword_arguments_and_defaults():
    options = dateline.Options(stem=True, since="2020-01-01")
    assert dateline.terms("seeds", stem=True, since="2020-01-01").equals(
        dateline.terms("seeds", **{k: getattr(options, k) for k in ("stem", "since")})
    )
    assert dateline.Options() == dateline.Options(
        since=None, until=None, stopwords=None, stem=False, no_numbers=False, boilerplate=None,
        reference_date=None, date_order=None, threads=None,
    )
