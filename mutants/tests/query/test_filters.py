"""Filters that can only give an empty answer raise, through the Python API as through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from exograph.compiled.store import open_store
from exograph.query.filters import BadFilter
from exograph.query.neighbours import Filters, UnknownName, regulators, targets


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        (Filters(source="mini2042"), "--source: no source is called 'mini2042'; did you mean: mini2024?"),
        (Filters(disease="human"), "--disease: 'human' is an organism, not a disease (for example: breast_cancer)"),
        (Filters(organism="breast cancer"), "--organism: 'breast cancer' is a disease, not an organism"),
        (Filters(cell_line="fibroblast"), "--cell-line: 'fibroblast' is a cell_type, not a cell_line"),
        (Filters(cell_type="hypoxia"), "--cell-type: 'hypoxia' is a condition, not a cell_type"),
        (Filters(condition="human"), "--condition: 'human' is an organism, not a chemical or condition"),
    ],
)
def test_filters_that_match_nothing_raise(mini: Path, filters: Filters, message: str) -> None:
    with pytest.raises(BadFilter) as info:
        regulators(open_store(mini), "exosome secretion", filters)
    assert str(info.value).startswith(message)


def test_fitting_filters_pass(mini: Path) -> None:
    store = open_store(mini)
    result = targets(store, "hypoxia", Filters(organism="human", disease="breast cancer", source="mini2024"))
    assert [a["id"] for a in result.assertions] == ["mini2024-hypoxia-exosome-secretion"]
    with pytest.raises(UnknownName):
        targets(store, "hypoxia", Filters(disease="no such disease"))
