"""`dateline.dask` on a LocalCluster of two worker processes equals the CLI, and the counting
ran in those processes."""

from __future__ import annotations

import os

import pytest

import dateline
import dateline.dask
from compare import assert_same

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


CASES = [
    ("terms", [], {}),
    ("terms", ["--top", "0", "--stem", "--since", "2020-01-01"], {"top": 0, "stem": True, "since": "2020-01-01"}),
    ("ngrams", ["--max-n", "4", "--min-count", "2", "--top", "0"], {"max_n": 4, "min_count": 2, "top": 0}),
    ("collocations", ["--measure", "pmi", "--top", "0"], {"measure": "pmi", "top": 0}),
    ("tfidf", [], {}),
    ("tfidf", ["--preset", "sklearn", "--min-df", "2", "--max-df", "0.8", "--top", "0"],
     {"preset": "sklearn", "min_df": 2, "max_df": 0.8, "top": 0}),
    ("keyness", ["--target", "2021-01-01..2022-12-31", "--top", "0"], {"target": "2021-01-01..2022-12-31", "top": 0}),
    ("keyness", ["--target", "*[0-4].txt", "--reference", "*[5-9].txt", "--sort", "chi2", "--min-count", "3"],
     {"target": "*[0-4].txt", "reference": "*[5-9].txt", "sort": "chi2", "min_count": 3}),
]


@pytest.mark.parametrize("case", CASES, ids=[" ".join([c[0], *c[1]]) for c in CASES])
def test_dask_equals_the_cli_and_runs_in_the_workers(case, client, generated, cli):
    name, args, kwargs = case
    want = cli(name, *args, generated)
    with distributed.get_task_stream(client) as stream:
        got = getattr(dateline.dask, name)(generated, files_per_partition=16, **kwargs)
    assert_same(got, want)
    assert got.equals(getattr(dateline, name)(generated, **kwargs))
    workers = set(client.run(os.getpid).values())
    assert len(workers) == 2 and os.getpid() not in workers
    counted = {task["worker"] for task in stream.data if str(task["key"]).startswith("count-")}
    assert counted and counted <= set(client.scheduler_info()["workers"]), counted


def test_one_thread_inside_a_worker_and_every_core_outside(client):
    assert dateline.default_threads() is None
    workers = list(client.scheduler_info()["workers"])
    tasks = [client.submit(dateline.default_threads, pure=False, workers=[w]) for w in workers]
    assert client.gather(tasks) == [1, 1]


def test_a_missing_file_is_a_warning_from_the_workers_and_an_error_when_strict(client, bad):
    paths = [bad["fine"], bad["missing"]]
    with pytest.warns(dateline.DiagnosticWarning, match="missing.txt:1:1: error: cannot read"):
        table = dateline.dask.terms(paths, files_per_partition=1)
    assert table.equals(dateline.terms(bad["fine"]))
    with pytest.raises(dateline.ParseError):
        dateline.dask.terms(paths, files_per_partition=1, strict=True)
