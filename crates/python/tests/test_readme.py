"""The Python examples of the package README and of the repository's README run as written (on
`seeds/`, and on a generated corpus where they say `corpus/`), so what a reader copies works."""

from __future__ import annotations

import contextlib
import os
import pathlib
import re
import sys

import pytest

README = pathlib.Path(__file__).resolve().parents[1] / "README.md"
ROOT_README = pathlib.Path(__file__).resolve().parents[3] / "README.md"


def _blocks(readme: pathlib.Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", readme.read_text(encoding="utf-8"), flags=re.S)


def _block(first_line: str, readme: pathlib.Path = README) -> str:
    found = [b for b in _blocks(readme) if b.startswith(first_line)]
    assert len(found) == 1, f"{readme.name} has no single example starting with {first_line!r}"
    return found[0]


def _exec_closing_client(block: str) -> dict:
    """Runs an example that makes a Dask `client`, closing it and its cluster afterwards."""
    namespace: dict = {}
    try:
        exec(block, namespace)
    finally:
        if "client" in namespace:
            namespace["client"].close()
            namespace["client"].cluster.close()
    return namespace


@contextlib.contextmanager
def _local_spark():
    """A Spark session on two local cores without its web UI, which an example's
    getOrCreate() finds; stopped afterwards. Skips the test without Java or pyspark."""
    from test_spark import _java

    if _java() is not None:
        pytest.skip(_java())
    pytest.importorskip("pyspark")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4").getOrCreate()
    )
    try:
        yield session
    finally:
        session.stop()


def test_the_use_example_runs_on_the_seeds():
    namespace: dict = {}
    exec(_block("import dateline\n"), namespace)
    assert namespace["articles"].num_rows == 4


def test_the_options_example_reads_the_boilerplate_file(tmp_path):
    furniture = tmp_path / "furniture.txt"
    furniture.write_text("Leave a Comment\nShare this article\n", encoding="utf-8")
    namespace: dict = {"dateline": __import__("dateline")}
    exec(_block("options = dateline.Options(").replace('"furniture.txt"', repr(str(furniture))), namespace)
    assert namespace["options"].boilerplate == ("Leave a Comment", "Share this article")


def test_the_dask_example_runs_on_a_local_cluster(generated):
    pytest.importorskip("distributed")
    _exec_closing_client(_block("from distributed import Client\n").replace('"corpus/"', repr(generated)))


def test_the_spark_example_runs_on_local_spark(generated, cli):
    with _local_spark():
        block = _block("from pyspark.sql import SparkSession\n").replace('"corpus/"', repr(generated))
        # The last lines are expressions; keep their values to compare with the CLI.
        block = block.replace("job.finish(merged)  ", "collocations = job.finish(merged)  ")
        block = block.replace("tfidf.finish(merged, files)  ", "weights = tfidf.finish(merged, files)  ")
        namespace: dict = {}
        exec(block, namespace)
    from compare import assert_same

    assert_same(namespace["collocations"], cli("collocations", "--measure", "pmi", "--top", "50", generated))
    assert_same(namespace["weights"], cli("tfidf", "--preset", "sklearn", "--min-df", "2", generated))


def test_the_root_readme_python_example_runs_on_the_seeds():
    namespace: dict = {}
    exec(_block("import dateline\n", ROOT_README), namespace)
    assert namespace["articles"].num_rows == 4


def test_the_root_readme_dask_example_runs_on_a_local_cluster(generated, cli):
    pytest.importorskip("distributed")
    block = _block("from distributed import Client\n", ROOT_README)
    # Its address is a placeholder; the comment's alternative, a LocalCluster, stands in (two
    # worker processes of one thread, as the Dask tests use).
    address = 'Client("tcp://scheduler:8786")'
    assert address in block
    block = block.replace(address, "Client(n_workers=2, threads_per_worker=1, dashboard_address=None)")
    block = block.replace('dateline.dask.terms("corpus/", top=50)', 'table = dateline.dask.terms("corpus/", top=50)')
    namespace = _exec_closing_client(block.replace('"corpus/"', repr(generated)))
    from compare import assert_same

    assert_same(namespace["table"], cli("terms", "--top", "50", generated))


def test_the_root_readme_spark_example_runs_on_local_spark(generated, cli):
    with _local_spark() as spark:
        block = _block("import dateline.spark\n", ROOT_README).replace('"corpus/"', repr(generated))
        block = block.replace("job.finish(", "table = job.finish(")
        namespace: dict = {"spark": spark}
        exec(block, namespace)
    from compare import assert_same

    assert_same(namespace["table"], cli("terms", "--top", "50", generated))
