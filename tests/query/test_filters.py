"""Filters that can only give an empty answer raise, through the Python API as through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from exograph.compiled.store import open_store
from exograph.query.filters import BadFilter, function_change, perturbations
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


def test_a_kind_the_curation_lacks_offers_no_empty_example(mini: Path) -> None:
    """The mini tree has no cell line: the hint says so instead of '(for example: )'."""
    with pytest.raises(BadFilter) as info:
        regulators(open_store(mini), "exosome secretion", Filters(cell_line="hypoxia"))
    assert str(info.value) == "--cell-line: 'hypoxia' is a condition, not a cell_line (the curation has no cell_line)"


def test_fitting_filters_pass(mini: Path) -> None:
    store = open_store(mini)
    result = targets(store, "hypoxia", Filters(organism="human", disease="breast cancer", source="mini2024"))
    assert [a["id"] for a in result.assertions] == ["mini2024-hypoxia-exosome-secretion"]
    with pytest.raises(UnknownName):
        targets(store, "hypoxia", Filters(disease="no such disease"))


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        # at most three suggestions, found whatever the case of the typed value
        (
            Filters(system="In_Vivx"),
            "--system: 'In_Vivx' is not a known system; did you mean: in_vivo, in_vitro, ex_vivo?",
        ),
        (
            Filters(perturbation="knockout_of"),
            "--perturbation: 'knockout_of' is not a known perturbation; did you mean: knockout, knockdown?",
        ),
        # nothing close: every choice is listed instead
        (
            Filters(system="xyz"),
            "--system: 'xyz' is not a known system (one of: in_vitro, in_vivo, ex_vivo, clinical, in_silico)",
        ),
        (
            Filters(perturbation="qqq"),
            "--perturbation: 'qqq' is not a known perturbation (one of: knockdown, knockout, overexpression, "
            "inhibition, activation, treatment, mutation, loss_of_function, gain_of_function)",
        ),
        (Filters(source="MINI2024x"), "--source: no source is called 'MINI2024x'; did you mean: mini2024?"),
        # every accepted kind, sorted, and the first three fitting entities
        (
            Filters(recipient="hypoxia"),
            "--recipient: 'hypoxia' is a condition, not an anatomy or cell_line or cell_type or organism "
            "(for example: fibroblast, human, malignant_cell)",
        ),
    ],
)
def test_a_bad_filter_value_is_told_in_full(mini: Path, filters: Filters, message: str) -> None:
    """The whole message: the suggestions (how many, which) are what lets the user fix the command."""
    with pytest.raises(BadFilter) as info:
        targets(open_store(mini), "hypoxia", filters)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("perturbation", "change"),
    [
        ("knockdown", "loss_of_function"),
        ("knockout", "loss_of_function"),
        ("inhibition", "loss_of_function"),
        ("overexpression", "gain_of_function"),
        ("activation", "gain_of_function"),
        # a treatment or a mutation says nothing about the regulator's function: no class, no error
        ("treatment", None),
        ("mutation", None),
    ],
)
def test_each_perturbation_is_a_loss_or_a_gain_of_function_or_neither(perturbation: str, change: str | None) -> None:
    assert function_change(perturbation) == change


def test_a_perturbation_filter_stands_for_itself_or_its_class() -> None:
    assert perturbations("loss_of_function") == {"knockdown", "knockout", "inhibition"}
    assert perturbations("gain_of_function") == {"overexpression", "activation"}
    assert perturbations("treatment") == {"treatment"}
