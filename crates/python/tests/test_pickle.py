"""Every function, its partial applications, results and errors pickle (Dask, Spark and
multiprocessing send them between processes)."""

from __future__ import annotations

import functools
import multiprocessing
import pickle

import pytest

import dateline
import dateline.dask
import dateline.spark

FUNCTIONS = [
    dateline.parse, dateline.parse_file, dateline.read, dateline.terms, dateline.ngrams, dateline.collocations,
    dateline.tfidf, dateline.keyness, dateline.actors, dateline.quotes, dateline.reuse, dateline.default_threads,
    dateline.dask.terms, dateline.dask.ngrams, dateline.dask.collocations, dateline.dask.keyness,
    dateline.dask.tfidf, dateline.Options, dateline.spark.Statistic, dateline.spark.merge, dateline.spark.files,
]


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f"{f.__module__}.{f.__qualname__}")
def test_functions_pickle_as_themselves(function):
    assert pickle.loads(pickle.dumps(function)) is function


def test_a_partial_with_options_runs_the_same_in_another_process():
    count = functools.partial(dateline.terms, top=5, stem=True, since="2024-01-01")
    again = pickle.loads(pickle.dumps(count))
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        remote = pool.apply(again, ("seeds",))
    assert remote.equals(count("seeds"))


def test_results_and_errors_pickle():
    table = dateline.read("seeds")
    assert pickle.loads(pickle.dumps(table)).equals(table)
    error = dateline.ParseError("a.txt", 3, 7, "error", "no such date")
    back = pickle.loads(pickle.dumps(error))
    assert (back.path, back.line, back.column, str(back)) == ("a.txt", 3, 7, str(error))
    assert isinstance(pickle.loads(pickle.dumps(dateline.DatelineError("x"))), dateline.DatelineError)


def test_spark_statistics_and_their_counters_pickle():
    job = dateline.spark.Statistic("ngrams", max_n=4, stem=True)
    count = pickle.loads(pickle.dumps(job.count))
    assert (count.__self__.kind, count.__self__.options, count.__self__.params) == ("ngrams", job.options, job.params)
