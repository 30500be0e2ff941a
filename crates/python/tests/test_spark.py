"""The Spark recipe (`mapInArrow`) on `local[2]` equals the CLI. Needs Java (17 or newer)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

import dateline
import dateline.spark
from compare import assert_same


def _java() -> str | None:
    java = shutil.which("java")
    if java is None:
        return "no java on PATH: Spark needs Java 17 or newer"
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    return None if version else "java -version printed nothing"


pytestmark = pytest.mark.skipif(_java() is not None, reason=_java() or "")
pyspark = pytest.importorskip("pyspark")


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The executors' Python must have the package: this environment's.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .config("spark.pyspark.python", sys.executable)
        .appName("dateline-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    yield session
    session.stop()


CASES = [
    ("terms", ["--top", "0", "--stem"], {"top": 0, "stem": True}),
    ("ngrams", ["--max-n", "4", "--min-count", "2", "--top", "0"], {"max_n": 4, "min_count": 2, "top": 0}),
    ("collocations", ["--measure", "pmi", "--top", "0"], {"measure": "pmi", "top": 0}),
    ("keyness", ["--target", "2021-01-01..2022-12-31", "--top", "0"], {"target": "2021-01-01..2022-12-31", "top": 0}),
    ("tfidf", ["--preset", "sklearn", "--max-df", "0.8", "--top", "0"], {"preset": "sklearn", "max_df": 0.8, "top": 0}),
]


@pytest.mark.parametrize("case", CASES, ids=[" ".join([c[0], *c[1]]) for c in CASES])
def test_map_in_arrow_recipe_equals_the_cli(case, spark, generated, cli):
    name, args, kwargs = case
    files = dateline.spark.files(spark, [generated], files_per_partition=20)
    assert files.rdd.getNumPartitions() > 1
    job = dateline.spark.Statistic(name, **kwargs)
    partials = files.mapInArrow(job.count, dateline.spark.SCHEMA)
    assert dict(partials.dtypes)["count"] == "bigint"
    table = job.finish(dateline.spark.merge(partials), files)
    assert_same(table, cli(name, *args, generated))
    assert table.equals(getattr(dateline, name)(generated, **kwargs))


def test_a_missing_file_warns_from_the_executors(spark, bad):
    files = dateline.spark.files(spark, [bad["fine"], bad["missing"]])
    job = dateline.spark.Statistic("terms")
    merged = dateline.spark.merge(files.mapInArrow(job.count, dateline.spark.SCHEMA))
    with pytest.warns(dateline.DiagnosticWarning, match="missing.txt:1:1: error: cannot read"):
        table = job.finish(merged)
    assert table.equals(dateline.terms(bad["fine"]))
    with pytest.raises(dateline.ParseError):
        job.finish(merged, strict=True)


def test_tfidf_needs_the_files_for_its_second_pass(spark, bad):
    files = dateline.spark.files(spark, [bad["fine"]])
    job = dateline.spark.Statistic("tfidf")
    merged = dateline.spark.merge(files.mapInArrow(job.count, dateline.spark.SCHEMA))
    with pytest.raises(TypeError, match="tfidf: finish needs the files DataFrame"):
        job.finish(merged)
