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


def test_map_in_arrow_recipe_equals_the_cli(spark, generated, cli):
    files = dateline.spark.files(spark, [generated], files_per_partition=20)
    assert files.rdd.getNumPartitions() > 1
    partials = files.mapInArrow(dateline.spark.count_terms(stem=True), dateline.spark.TERMS_SCHEMA)
    assert dict(partials.dtypes)["count"] == "bigint"
    table = dateline.spark.finish_terms(dateline.spark.merge_terms(partials), top=0, stem=True)
    assert_same(table, cli("terms", "--top", "0", "--stem", generated))


def test_a_missing_file_warns_from_the_executors(spark, bad):
    files = dateline.spark.files(spark, [bad["fine"], bad["missing"]])
    partials = files.mapInArrow(dateline.spark.count_terms(), dateline.spark.TERMS_SCHEMA)
    merged = dateline.spark.merge_terms(partials)
    with pytest.warns(dateline.DiagnosticWarning, match="missing.txt:1:1: error: cannot read"):
        table = dateline.spark.finish_terms(merged)
    assert table.equals(dateline.terms(bad["fine"]))
    with pytest.raises(dateline.ParseError):
        dateline.spark.finish_terms(merged, strict=True)
