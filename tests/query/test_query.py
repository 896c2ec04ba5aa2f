from __future__ import annotations

from pathlib import Path

import pytest

from exograph.compiled.store import open_store
from exograph.query.neighbours import Filters, UnknownName, drivers, regulators, targets


def ids(result: object) -> list[str]:
    return sorted(a["id"] for a in result.assertions)  # type: ignore[attr-defined]


def test_drivers_leave_out_negated_and_decreases(mini: Path) -> None:
    store = open_store(mini)
    assert ids(drivers(store, "Rab27a")) == ["mini2024-hif1a-rab27a"]
    assert ids(regulators(store, "Rab27a")) == ["mini2024-hif1a-rab27a", "mini2024-sorafenib-rab27a"]


def test_hypotheses_can_be_left_out(mini: Path) -> None:
    assert ids(drivers(open_store(mini), "RAB27A", Filters(hypotheses=False))) == []


def test_broad_process_gathers_narrower(mini: Path) -> None:
    store = open_store(mini)
    expected = ["mini2024-hypoxia-exosome-secretion", "mini2024-rab27a-exosome-secretion"]
    assert ids(regulators(store, "EV secretion")) == expected
    assert ids(drivers(store, "exosome secretion")) == expected


def test_context_filters(mini: Path) -> None:
    store = open_store(mini)
    assert ids(regulators(store, "exosome secretion", Filters(disease="breast cancer"))) == [
        "mini2024-hypoxia-exosome-secretion"
    ]
    assert ids(regulators(store, "exosome secretion", Filters(organism="NCBITaxon:9606"))) == [
        "mini2024-hypoxia-exosome-secretion"
    ]
    assert ids(targets(store, "miR-21-5p", Filters(cell_type="fibroblast"))) == ["mini2024-mir21-pdcd4"]
    assert ids(targets(store, "miR-21-5p", Filters(cell_type="cancer cell"))) == ["mini2024-mir21-pdcd4"]
    assert ids(targets(store, "miR-21-5p", Filters(disease="breast cancer"))) == []
    assert ids(targets(store, "miR-21-5p")) == ["mini2024-mir21-pdcd4"]


def test_targets_and_labels(mini: Path) -> None:
    result = targets(open_store(mini), "hypoxic")
    assert ids(result) == ["mini2024-hypoxia-exosome-secretion"]
    assert result.labels["exosome_secretion"] == "exosomal secretion"


def test_unknown_name_suggests(mini: Path) -> None:
    with pytest.raises(UnknownName) as info:
        drivers(open_store(mini), "RAB27")
    assert info.value.suggestions == ["RAB27A"]
    assert "did you mean: RAB27A?" in str(info.value)


def test_unknown_filter_value_is_reported(mini: Path) -> None:
    with pytest.raises(UnknownName):
        regulators(open_store(mini), "RAB27A", Filters(disease="no such disease"))


@pytest.mark.parametrize("scope", ["engineered", "method"])
def test_an_engineered_or_method_finding_is_flagged_apart_from_biology(mini: Path, scope: str) -> None:
    """A delivery by engineered vesicles (or a lab-method finding) is not what ordinary cells do: say so."""
    from exograph.query.text import table
    from tests.conftest import replace_in

    replace_in(
        mini / "curation/assertions/mini2024.yaml",
        "    exosomal_cargo: true\n",
        f"    exosomal_cargo: true\n    scope: {scope}\n",
    )
    store = open_store(mini)
    text = table(regulators(store, "PDCD4"))
    assert scope in text
    assert scope not in table(regulators(store, "RAB27A"))
