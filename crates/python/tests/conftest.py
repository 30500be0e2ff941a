"""Fixtures: the `dateline` binary the Python results are compared with, the seeds, and a
generated corpus (benches' `gen-corpus`, seeded) with a few bad files beside it."""

from __future__ import annotations

import csv
import io
import os
import pathlib
import subprocess
from typing import NamedTuple

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
SEEDS = ROOT / "seeds"


class Csv(NamedTuple):
    columns: list[str]
    rows: list[dict[str, str]]
    stderr: str
    status: int


def _binary(name: str, env: str) -> pathlib.Path:
    given = os.environ.get(env)
    path = pathlib.Path(given) if given else ROOT / "target" / "debug" / name
    if not path.exists():
        pytest.fail(f"{path} is missing: run scripts/test, which builds it (or set {env})")
    return path


@pytest.fixture(scope="session")
def dateline_bin() -> pathlib.Path:
    return _binary("dateline", "DATELINE_BIN")


@pytest.fixture(scope="session")
def cli(dateline_bin):
    """Runs `dateline CMD ... --format csv` from the repository root; returns (rows, stderr)."""

    def run(command: str, *args: str, expect_ok: bool = True) -> Csv:
        done = subprocess.run(
            [str(dateline_bin), command, "--format", "csv", *map(str, args)],
            cwd=ROOT, capture_output=True, text=True, check=False,
        )
        if expect_ok and done.returncode not in (0, 1):
            raise AssertionError(f"dateline {command} failed ({done.returncode}): {done.stderr}")
        reader = csv.DictReader(io.StringIO(done.stdout))
        rows = list(reader)
        return Csv(list(reader.fieldnames or []), rows, done.stderr, done.returncode)

    return run


@pytest.fixture(scope="session", autouse=True)
def at_root():
    """Paths as the CLI is given them (`seeds`, relative), so `path` columns compare."""
    before = os.getcwd()
    os.chdir(ROOT)
    yield
    os.chdir(before)


@pytest.fixture(scope="session")
def generated(tmp_path_factory) -> str:
    """120 generated articles in folders by year and month, as a path relative to the root
    when possible (the CLI and Python then show the same paths)."""
    out = tmp_path_factory.mktemp("generated") / "corpus"
    gen = _binary("gen-corpus", "GEN_CORPUS_BIN")
    subprocess.run([str(gen), "--out", str(out), "--files", "120", "--seed", "13"], check=True, capture_output=True)
    return str(out)


@pytest.fixture(scope="session")
def bad(tmp_path_factory) -> dict[str, str]:
    """A binary file, a file that is fine, and a path that does not exist."""
    folder = tmp_path_factory.mktemp("bad")
    binary = folder / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02 not text" * 20)
    fine = folder / "fine.txt"
    fine.write_text(" date 2024-01-10 Ministers met in Tehran on Monday to talk about trade.\n", encoding="utf-8")
    return {"binary": str(binary), "fine": str(fine), "missing": str(folder / "missing.txt")}
