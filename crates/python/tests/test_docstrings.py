"""The examples in the docstrings run and print what they say (from the repository root,
where `seeds` is)."""

from __future__ import annotations

import doctest

import pytest

import dateline
import dateline.dask
import dateline.spark


@pytest.mark.parametrize("module", [dateline, dateline.dask, dateline.spark], ids=lambda m: m.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module, extraglobs={"dateline": dateline}, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
