"""`dateline.reuse`: copies found with their passages and families; equal to `dateline reuse`."""

from __future__ import annotations

import pytest

import dateline
from compare import assert_same

STORY = (
    "The delegations met in the capital on Monday to discuss the new trade corridor and agreed "
    "to meet again before the end of the year to sign the accord on tariffs and transit."
)


@pytest.fixture(scope="module")
def copies(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("copies")
    (folder / "a_wire.txt").write_text(f" date 2024-03-01 {STORY}\n", encoding="utf-8")
    (folder / "b_copy.txt").write_text(f" date 2024-03-02 A local lede about the visit.\n\n{STORY}\n", encoding="utf-8")
    (folder / "c_other.txt").write_text(
        " date 2024-03-01 Heavy rain closed schools across the north for a second day on Tuesday.\n", encoding="utf-8"
    )
    return str(folder)


def test_a_copy_is_a_pair_with_its_passage_and_the_wire_first(copies):
    pairs = dateline.reuse(copies).to_pylist()
    assert len(pairs) == 1
    pair = pairs[0]
    assert pair["a"].endswith("a_wire.txt") and pair["b"].endswith("b_copy.txt")
    assert pair["containment"] == 1.0 and pair["jaccard"] < 1.0
    passage = pair["passages"][0]
    text_a = open(pair["a"], encoding="utf-8").read()
    text_b = open(pair["b"], encoding="utf-8").read()
    assert text_a[passage["a_start"] : passage["a_end"]] == text_b[passage["b_start"] : passage["b_end"]]
    families = dateline.reuse(copies, clusters=True).to_pylist()
    assert [(f["path"].rsplit("/", 1)[-1], f["first"]) for f in families] == [("a_wire.txt", True), ("b_copy.txt", False)]
    assert dateline.reuse(copies, window=0).num_rows == 0
    assert dateline.reuse(dateline.read(copies)).drop_columns(["passages"]).equals(
        dateline.reuse(copies).drop_columns(["passages"])
    )


def test_reuse_equals_the_cli(copies, generated, cli):
    for corpus in (copies, generated):
        want = cli("reuse", corpus)
        got = dateline.reuse(corpus)
        spans = [";".join(f"{p['a_start']}-{p['a_end']}:{p['b_start']}-{p['b_end']}" for p in row) for row in got["passages"].to_pylist()]
        assert spans == [row["passages"] for row in want.rows]
        assert_same(got.drop_columns(["passages"]), want._replace(columns=[c for c in want.columns if c != "passages"]))
        assert_same(dateline.reuse(corpus, clusters=True), cli("reuse", "--clusters", corpus))
