"""The composition table of docs/reasoning.md ("How steps compose"), rule by rule, on a hand-built index.

tests/reason/test_compose.py checks the rules through chain queries on a fixture; here each rule of
exograph.reason.compose is asked directly, with the entities and hierarchies it needs and nothing else,
so that a rule that answers the wrong way for one kind of step (a vesicle process, a narrower process,
a class, an exposure, a transfer whose cells differ) shows up even where no fixture chain passes.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from exograph.compiled.records import diseases_written
from exograph.reason import compose
from exograph.reason.compose import Verdict, follow
from exograph.reason.index import Index, Row
from exograph.reason.steps import Step, make_step

BROADER = {
    "exosome": {"extracellular_vesicle"},
    "microvesicle": {"extracellular_vesicle"},
    "exosome_secretion": {"ev_secretion"},
    "mvb_docking": {"exosome_secretion"},
    "mvb_tethering": {"mvb_docking"},
    # nearer to microvesicle release (one level) than to exosome secretion (two)
    "blebbing": {"mvb_docking", "microvesicle_release"},
    "exosome_uptake": {"ev_uptake"},
    "CAF": {"fibroblast"},
    "Huh-7": {"hepatocyte"},
}
KINDS = {
    **dict.fromkeys(["extracellular_vesicle", "exosome", "microvesicle", "mitochondrion"], "component"),
    **dict.fromkeys(
        ["ev_secretion", "exosome_secretion", "mvb_docking", "mvb_tethering", "blebbing", "microvesicle_release"],
        "process",
    ),
    **dict.fromkeys(["exosome_uptake", "ev_uptake", "autophagy", "exosome_biogenesis"], "process"),
    "chemoresistance": "phenotype",
    "p53_loss": "phenotype",
    "hypoxia": "condition",
    "cisplatin": "treatment",
}


@pytest.fixture
def index() -> Index:
    """Vesicles, vesicle processes (with narrower ones), cells, a class, an exposure and a phenotype."""
    built = Index(store=None)  # type: ignore[arg-type]  # the rules read only the maps below
    for child, parents in BROADER.items():
        built.broader[child] |= parents
        for parent in parents:
            built.narrower[parent].add(child)
    built.kinds = dict(KINDS)
    built.generic = frozenset({"microRNAs", "extracellular_vesicle", "exosome", "microvesicle"})
    built.exposures = frozenset({"hypoxia", "cisplatin"})
    return built


def row(
    regulator: str,
    target: str,
    aspect: str = "amount",
    direction: str = "increases",
    cargo: bool = False,
    **context: Any,
) -> Row:
    name = f"{regulator}-{target}-{aspect}-{len(context)}-{json.dumps(context, sort_keys=True)}"
    text = json.dumps(context)
    written = diseases_written(context)
    return Row(name, "s", regulator, target, direction, aspect, False, False, text, None, "biology", cargo, written)


def step(index: Index, *rows: Row) -> Step:
    return make_step(index, list(rows), compose.effect(index, rows[0]))


# -- what a step changes --------------------------------------------------------------------------------

EFFECTS = [
    ("exosome_secretion", "secretion", compose.VESICLES),
    ("exosome_secretion", "biogenesis", compose.VESICLES),
    ("exosome_secretion", "activity", compose.VESICLES),
    ("exosome_secretion", "amount", compose.VESICLES),
    ("mvb_tethering", "secretion", compose.VESICLES),  # a narrower process makes what its broader one makes
    ("exosome", "secretion", compose.VESICLES),
    ("exosome", "biogenesis", compose.VESICLES),
    ("exosome", "amount", compose.VESICLES),
    ("exosome", "uptake", compose.UPTAKE),
    ("exosome_uptake", "uptake", compose.UPTAKE),
    ("exosome_uptake", "activity", compose.UPTAKE),
    ("exosome_uptake", "amount", compose.UPTAKE),
    ("HIF1A", "amount", compose.LEVEL),
    ("HIF1A", "activity", compose.LEVEL),
    ("HIF1A", "biogenesis", compose.LEVEL),
    ("autophagy", "activity", compose.LEVEL),
    ("HIF1A", "degradation", compose.DEGRADATION),
    ("exosome_secretion", "degradation", compose.DEGRADATION),
    ("HIF1A", "phosphorylation", compose.MODIFICATION),
    ("HIF1A", "ubiquitination", compose.MODIFICATION),
    ("HIF1A", "localization", compose.MODIFICATION),
    ("HIF1A", "cargo_loading", compose.LOADING),
    ("HIF1A", "secretion", compose.LOADING),
    ("microRNAs", "cargo_loading", compose.NOTHING),  # unnamed cargo
    ("autophagy", "cargo_loading", compose.NOTHING),
    ("autophagy", "secretion", compose.NOTHING),
    ("exosome_secretion", "cargo_loading", compose.NOTHING),
    ("extracellular_vesicle", "cargo_loading", compose.NOTHING),  # a class node
    ("HIF1A", "subtype_shift", compose.NOTHING),
    ("HIF1A", "uptake", compose.NOTHING),
    ("exosome_secretion", "uptake", compose.NOTHING),
    ("exosome_uptake", "secretion", compose.NOTHING),
]


@pytest.mark.parametrize(("target", "aspect", "expected"), EFFECTS)
def test_what_a_step_changes(index: Index, target: str, aspect: str, expected: str) -> None:
    found = compose.effect(index, row("X", target, aspect))
    assert found == expected
    assert compose.effect(index, row("Y", target, aspect)) == expected  # asked again: the same answer


def test_the_vesicles_a_process_makes_or_takes_up(index: Index) -> None:
    assert compose.vesicle_made(index, "exosome_secretion", "secretion") == "exosome"
    assert compose.vesicle_made(index, "ev_secretion", "biogenesis") == "extracellular_vesicle"
    assert compose.vesicle_made(index, "mvb_tethering", "amount") == "exosome"  # two levels below exosome secretion
    assert compose.vesicle_made(index, "blebbing", "secretion") == "microvesicle"  # the nearest listed broader one
    assert compose.vesicle_made(index, "microvesicle", "amount") == "microvesicle"
    assert compose.vesicle_made(index, "exosome", "activity") is None  # a vesicle's activity is not more vesicles
    assert compose.vesicle_made(index, "autophagy", "secretion") is None
    assert compose.vesicle_made(index, "exosome_secretion", "degradation") is None
    assert compose.vesicle_taken(index, "exosome_uptake", "amount") == "exosome"
    assert compose.vesicle_taken(index, "ev_uptake", "uptake") == "extracellular_vesicle"
    assert compose.vesicle_taken(index, "microvesicle", "uptake") == "microvesicle"
    assert compose.vesicle_taken(index, "microvesicle", "amount") is None
    assert compose.vesicle_taken(index, "exosome_uptake", "degradation") is None
    assert compose.vesicle_taken(index, "HIF1A", "uptake") is None


def test_what_a_vesicle_step_may_continue_into(index: Index) -> None:
    assert compose.is_vesicle(index, "exosome") and compose.is_vesicle(index, "extracellular_vesicle")
    assert not compose.is_vesicle(index, "mitochondrion")  # a component, not a vesicle
    assert not compose.is_vesicle(index, "exosome_secretion") and not compose.is_vesicle(index, "HIF1A")
    assert compose.transfer_targets(index, "mvb_docking") == ["exosome", "extracellular_vesicle"]
    assert compose.transfer_targets(index, "ev_secretion") == ["extracellular_vesicle"]
    assert compose.transfer_targets(index, "exosome_uptake") == ["exosome", "extracellular_vesicle"]
    assert compose.transfer_targets(index, "exosome") == []  # the vesicles themselves are no process
    assert compose.transfer_targets(index, "autophagy") == [] and compose.transfer_targets(index, "HIF1A") == []
    assert compose.transfer_sources(index, "exosome") == [
        "exosome_biogenesis", "exosome_secretion", "exosome_uptake", "mvb_docking", "mvb_tethering",
    ]  # fmt: skip
    assert compose.transfer_sources(index, "microvesicle") == ["blebbing", "microvesicle_release"]
    assert "ev_uptake" in compose.transfer_sources(index, "extracellular_vesicle")
    assert compose.transfer_sources(index, "mitochondrion") == []


def test_what_may_be_a_step_and_what_a_chain_may_pass_through(index: Index) -> None:
    plain = row("A", "B")
    assert compose.usable(plain, False)
    assert not compose.usable(row("A", "B", "binding"), True)
    assert not compose.usable(plain._replace(scope="method"), True)
    assert not compose.usable(plain._replace(scope="engineered"), False)
    assert compose.usable(plain._replace(scope="engineered"), True)
    assert compose.passable(index, "HIF1A") and compose.passable(index, "exosome_secretion")
    for key in ("hypoxia", "cisplatin", "chemoresistance", "microRNAs"):
        assert not compose.passable(index, key), key
    index.kinds["doxorubicin_given"] = "treatment"  # a kind that ends chains, not listed as an exposure
    assert not compose.passable(index, "doxorubicin_given")


def test_why_a_step_carries_no_sign(index: Index) -> None:
    assert compose.reason_unsigned(step(index, row("A", "HIF1A"))) is None
    assert compose.reason_unsigned(step(index, row("A", "HIF1A", direction="regulates"))) == (
        "the finding states no direction (regulates)"
    )
    assert compose.reason_unsigned(step(index, row("A", "HIF1A", "phosphorylation"))) == (
        "the curation does not say what phosphorylation does to the amount or activity of HIF1A"
    )
    negated = row("A", "HIF1A")._replace(negated=True)
    assert compose.reason_unsigned(step(index, negated)) == "a negated finding says there is no change"


# -- whether one step may follow another ---------------------------------------------------------------


def test_chains_start_or_end_at_exposures_and_phenotypes(index: Index) -> None:
    into = step(index, row("A", "hypoxia"))
    assert follow(index, into, step(index, row("hypoxia", "B")), None).cut == (
        "hypoxia is an exposure, phenotype or cell behaviour: chains start or end there"
    )
    assert follow(index, step(index, row("A", "chemoresistance")), step(index, row("chemoresistance", "B")), None).cut
    assert follow(index, step(index, row("A", "B")), step(index, row("chemoresistance", "C")), None).cut == (
        "chemoresistance is an exposure, phenotype or cell behaviour: chains start or end there"
    )
    assert follow(index, step(index, row("A", "B")), step(index, row("cisplatin", "C")), None).cut == (
        "cisplatin is an exposure, phenotype or cell behaviour: chains start or end there"
    )


def test_a_level_change_follows_into_the_target_acting(index: Index) -> None:
    first, second = step(index, row("A", "B")), step(index, row("B", "C"))
    assert follow(index, first, second, None) == Verdict(second.rows, first.rows, None)
    assert follow(index, first, second, "family") == Verdict(second.rows, first.rows, "family")
    cargo = step(index, row("B", "C", cargo=True, donors=["Huh-7"]))
    assert follow(index, first, cargo, None).cut == (
        "a change of B in its cells does not say it is loaded into vesicles"
    )
    assert follow(index, first, second, compose.TRANSFER).cut == (
        "a transfer link follows only a step on vesicle output or uptake"
    )


def test_classes_and_unnamed_cargo_are_not_steps(index: Index) -> None:
    assert follow(index, step(index, row("A", "microRNAs")), step(index, row("microRNAs", "C")), None).cut == (
        "microRNAs is a class, not a step"
    )
    assert follow(index, step(index, row("A", "B")), step(index, row("microRNAs", "C")), None).cut == (
        "microRNAs is a class, not a step"
    )
    shift = step(index, row("A", "B", "subtype_shift"))
    assert follow(index, shift, step(index, row("B", "C")), None).cut == (
        "subtype_shift of B says nothing about what follows"
    )


def test_loading_composes_only_into_the_cargo_s_effects_from_cells_that_agree(index: Index) -> None:
    loading = step(index, row("A", "HIF1A", "cargo_loading", cell_lines=["Huh-7"]))
    assert follow(index, loading, step(index, row("HIF1A", "C")), None).cut == (
        "loading HIF1A into vesicles composes only into its effects as cargo"
    )
    from_hepatocytes = step(index, row("HIF1A", "C", cargo=True, donors=["hepatocyte"], recipients=["CAF"]))
    assert follow(index, loading, from_hepatocytes, None) == Verdict(from_hepatocytes.rows, loading.rows, None)
    from_fibroblasts = step(index, row("HIF1A", "C", cargo=True, donors=["fibroblast"]))
    assert follow(index, loading, from_fibroblasts, None).cut == (
        "the cells loading the cargo and the donors of the vesicles differ"
    )
    # a side that names no cells agrees with anything
    anywhere = step(index, row("HIF1A", "C", cargo=True))
    assert follow(index, loading, anywhere, None) == Verdict(anywhere.rows, loading.rows, None)
    unnamed = step(index, row("A", "HIF1A", "secretion"))
    assert follow(index, unnamed, from_fibroblasts, None) == Verdict(from_fibroblasts.rows, unnamed.rows, None)


def test_more_vesicles_compose_into_those_vesicles_effects_in_recipient_cells(index: Index) -> None:
    secretion = step(index, row("RAB27A", "mvb_docking", "secretion", cell_lines=["Huh-7"]))
    exosomal = row("exosome", "AKT", "activity", cargo=True, donors=["hepatocyte"], recipients=["Huh-7", "CAF"])
    found = follow(index, secretion, step(index, exosomal), None)
    assert found == Verdict((exosomal,), secretion.rows, compose.TRANSFER, "exosome from hepatocyte to CAF, Huh-7")
    # vesicles of the broader class are the same vesicles; those of another kind are not
    vesicles = row("extracellular_vesicle", "AKT", cargo=True, donors=["Huh-7"])
    assert follow(index, secretion, step(index, vesicles), compose.TRANSFER).via == "extracellular_vesicle from Huh-7"
    microvesicles = step(index, row("microvesicle", "AKT", cargo=True, donors=["Huh-7"]))
    assert follow(index, secretion, microvesicles, None).cut == "microvesicle are not the vesicles exosome made"
    # the donors must be named by both steps and agree
    elsewhere = step(index, row("exosome", "AKT", cargo=True, donors=["fibroblast"]))
    assert follow(index, secretion, elsewhere, None).cut == (
        "the donors of the vesicles are not named by both steps, or differ"
    )
    unnamed = step(index, row("exosome", "AKT", cargo=True))
    assert follow(index, secretion, unnamed, None).cut == (
        "the donors of the vesicles are not named by both steps, or differ"
    )
    nowhere = step(index, row("RAB27A", "exosome_secretion", "secretion"))
    assert follow(index, nowhere, step(index, exosomal), None).cut == (
        "the donors of the vesicles are not named by both steps, or differ"
    )
    # the donors the secretion step itself names count as where it happens
    donors = step(index, row("RAB27A", "exosome_secretion", "secretion", donors=["Huh-7"]))
    assert follow(index, donors, step(index, exosomal), None).rows == (exosomal,)


def test_a_vesicle_step_joins_only_vesicles_acting_as_cargo(index: Index) -> None:
    secretion = step(index, row("RAB27A", "exosome_secretion", "secretion", cell_lines=["Huh-7"]))
    not_cargo = step(index, row("exosome", "AKT", donors=["Huh-7"]))
    cut = "more or fewer vesicles compose only into the effects of those vesicles in recipient cells"
    assert follow(index, secretion, not_cargo, None).cut == cut
    cargo = step(index, row("exosome", "AKT", cargo=True, donors=["Huh-7"]))
    assert follow(index, secretion, cargo, "family").cut == cut
    molecule = step(index, row("HIF1A", "AKT", cargo=True, donors=["Huh-7"]))
    assert follow(index, secretion, molecule, None).cut == cut
    assert follow(index, secretion, step(index, row("HIF1A", "AKT", donors=["Huh-7"])), compose.TRANSFER).cut == cut
    # ... and otherwise a claim about the process itself follows, in the same cells
    process = step(index, row("exosome_secretion", "chemoresistance", cell_lines=["Huh-7"]))
    assert follow(index, secretion, process, None) == Verdict(process.rows, secretion.rows, None)


def test_vesicles_taken_up_act_in_the_cells_that_take_them_up(index: Index) -> None:
    uptake = step(index, row("CD9", "exosome_uptake", "activity", recipients=["CAF"]))
    inside = row("exosome", "SMAD2", cargo=True, recipients=["fibroblast"])
    assert follow(index, uptake, step(index, inside), None) == Verdict(
        (inside,), uptake.rows, compose.TRANSFER, "exosome to fibroblast"
    )
    # more uptake of the vesicles themselves, stated on the vesicles rather than on the process
    taken = step(index, row("CD9", "exosome", "uptake", recipients=["CAF"]))
    assert follow(index, taken, step(index, inside), None).via == "exosome to fibroblast"
    # the donors of the vesicles are not where they are taken up
    donors = step(index, row("exosome", "SMAD2", cargo=True, donors=["CAF"]))
    assert follow(index, uptake, donors, None).cut == (
        "the recipients of the vesicles are not named by both steps, or differ"
    )


def test_each_step_keeps_the_assertions_whose_cells_agree(index: Index) -> None:
    huh7, caf = row("A", "B", cell_lines=["Huh-7"]), row("A", "B", cell_types=["CAF"])
    bare = row("A", "B")
    hepatocyte, fibroblast = row("B", "C", cell_types=["hepatocyte"]), row("B", "C", cell_types=["fibroblast"])
    before, after = step(index, huh7, caf), step(index, hepatocyte)
    assert follow(index, before, after, None) == Verdict((hepatocyte,), (huh7,), None)
    assert follow(index, before, step(index, hepatocyte, fibroblast), None) == Verdict(
        (hepatocyte, fibroblast), (huh7, caf), None
    )
    # where none agree the chain is kept whole (the step is marked by exograph.reason.context instead)
    neuron = row("B", "C", cell_types=["neuron"])
    assert follow(index, before, step(index, neuron), None) == Verdict((neuron,), (huh7, caf), None)
    # an assertion that names no cells agrees with every other
    assert follow(index, step(index, huh7, bare), step(index, neuron), None) == Verdict((neuron,), (bare,), None)
    assert follow(index, step(index, bare, caf), step(index, neuron, hepatocyte), None) == Verdict(
        (neuron, hepatocyte), (bare,), None
    )
    # a claim naming only donor cells acts in them
    sent = row("A", "B", donors=["neuron"])
    assert follow(index, step(index, huh7, sent), after, None) == Verdict((hepatocyte,), (huh7,), None)
    # a step on vesicle cargo acts where the vesicles are received, and a cargo step starts from its donors
    received = row("miR-21", "B", cargo=True, donors=["CAF"], recipients=["Huh-7"])
    kept = follow(index, step(index, received, row("miR-21", "B", cargo=True, recipients=["neuron"])), after, None)
    assert kept == Verdict((hepatocyte,), (received,), None)


def test_a_transfer_keeps_the_rows_whose_donors_agree(index: Index) -> None:
    huh7 = row("RAB27A", "exosome_secretion", "secretion", cell_lines=["Huh-7"])
    neuron = row("RAB27A", "exosome_secretion", "secretion", cell_types=["neuron"])
    from_hepatocytes = row("exosome", "AKT", cargo=True, donors=["hepatocyte"])
    from_fibroblasts = row("exosome", "AKT", cargo=True, donors=["fibroblast"])
    found = follow(index, step(index, huh7, neuron), step(index, from_hepatocytes, from_fibroblasts), None)
    assert found == Verdict((from_hepatocytes,), (huh7,), compose.TRANSFER, "exosome from hepatocyte")


def test_the_cells_a_claim_names_in_each_role() -> None:
    context = {"cell_lines": ["Huh-7"], "cell_types": ["hepatocyte"], "donors": ["CAF"], "recipients": ["neuron"]}
    assert compose._cells(context, "actor") == {"Huh-7", "hepatocyte"}
    assert compose._cells(context, "donors") == {"CAF"}
    assert compose._cells(context, "recipients") == {"neuron"}
    assert compose._cells({"cell_types": ["hepatocyte"]}, "donors") == set()
    assert compose._cells({}, "actor") == set()


def test_a_step_acting_as_cargo_starts_from_its_donors(index: Index) -> None:
    """Loading by a regulator that is itself vesicle cargo: it acts from the cells that sent it."""
    loading = row("miR-9", "HIF1A", "cargo_loading", cargo=True, donors=["hepatocyte"], cell_types=["fibroblast"])
    onward = step(index, row("HIF1A", "C", cargo=True, donors=["Huh-7"]))
    assert follow(index, step(index, loading), onward, None) == Verdict(onward.rows, (loading,), None)
    elsewhere = row("miR-9", "HIF1A", "cargo_loading", cargo=True, donors=["neuron"], cell_types=["hepatocyte"])
    assert follow(index, step(index, elsewhere), onward, None).cut == (
        "the cells loading the cargo and the donors of the vesicles differ"
    )


def test_a_transfer_names_every_donor_and_recipient(index: Index) -> None:
    secretion = step(index, row("RAB27A", "exosome_secretion", "secretion", donors=["Huh-7", "CAF"]))
    exosomal = row("exosome", "AKT", cargo=True, donors=["hepatocyte", "fibroblast"], recipients=["neuron"])
    assert follow(index, secretion, step(index, exosomal), None).via == "exosome from fibroblast, hepatocyte to neuron"


def test_cells_agree_when_either_lies_within_the_other(index: Index) -> None:
    huh7, hepatocyte = row("A", "B", cell_lines=["Huh-7"]), row("A", "B", cell_types=["hepatocyte"])
    neuron = row("A", "B", cell_types=["neuron"])
    in_huh7, in_hepatocytes = row("B", "C", cell_lines=["Huh-7"]), row("B", "C", cell_types=["hepatocyte"])
    assert follow(index, step(index, hepatocyte, neuron), step(index, in_huh7), None).before == (hepatocyte,)
    assert follow(index, step(index, huh7, neuron), step(index, in_hepatocytes), None).before == (huh7,)


def test_a_transfer_needs_the_secreting_cells_within_the_donors(index: Index) -> None:
    """The effects of exosomes from hepatocytes are those of Huh-7 exosomes; those found for Huh-7 exosomes
    are not any hepatocyte's; and the diseases agree where both state one."""
    narrow = step(index, row("RAB27A", "exosome_secretion", "secretion", cell_lines=["Huh-7"]))
    from_hepatocytes = row("exosome", "AKT", cargo=True, donors=["hepatocyte"])
    assert follow(index, narrow, step(index, from_hepatocytes), None).rows == (from_hepatocytes,)
    broad = step(index, row("RAB27A", "exosome_secretion", "secretion", cell_types=["hepatocyte"]))
    from_huh7 = step(index, row("exosome", "AKT", cargo=True, donors=["Huh-7"]))
    assert follow(index, broad, from_huh7, None).cut == (
        "the donors of the vesicles are not named by both steps, or differ"
    )


def test_a_transfer_needs_the_donors_state_where_the_vesicles_are_made(index: Index) -> None:
    """The effects of EVs from cells that lost p53 are not those of any EVs from those cells: the state the
    vesicles' claim states of their donors must hold where the first step makes them. An exposure the
    vesicles were made under (hypoxia) is what a chain starts from, and does not cut it."""
    made = step(index, row("RAB27A", "exosome_secretion", "secretion", cell_lines=["Huh-7"]))
    made_after_loss = step(
        index, row("RAB27A", "exosome_secretion", "secretion", cell_lines=["Huh-7"], conditions=["p53_loss"])
    )
    from_lost = step(index, row("exosome", "AKT", cargo=True, donors=["Huh-7"], conditions=["p53_loss"]))
    assert follow(index, made, from_lost, None).cut is not None
    assert follow(index, made_after_loss, from_lost, None).cut is None
    under_hypoxia = step(index, row("exosome", "AKT", cargo=True, donors=["Huh-7"], conditions=["hypoxia"]))
    assert follow(index, made, under_hypoxia, None).cut is None


def test_one_assertion_before_several_keeps_those_that_agree_and_the_link(index: Index) -> None:
    huh7 = row("A", "B", cell_lines=["Huh-7"])
    hepatocyte, fibroblast = row("B", "C", cell_types=["hepatocyte"]), row("B", "C", cell_types=["fibroblast"])
    assert follow(index, step(index, huh7), step(index, hepatocyte, fibroblast), "member") == Verdict(
        (hepatocyte,), (huh7,), "member"
    )
    # where none agree the whole step is kept, joined as it was
    neuron = row("B", "C", cell_types=["neuron"])
    assert follow(index, step(index, huh7), step(index, neuron, fibroblast), "family") == Verdict(
        (neuron, fibroblast), (huh7,), "family"
    )


def test_a_phenotype_or_an_exposure_ends_a_chain_whatever_follows(index: Index) -> None:
    onward = step(index, row("B", "C"))
    assert follow(index, step(index, row("A", "chemoresistance")), onward, "family").cut == (
        "chemoresistance is an exposure, phenotype or cell behaviour: chains start or end there"
    )
    # a drug given as a condition is an exposure though its kind is chemical
    index.exposures = index.exposures | {"sorafenib"}
    assert follow(index, step(index, row("A", "sorafenib")), onward, "family").cut == (
        "sorafenib is an exposure, phenotype or cell behaviour: chains start or end there"
    )
    assert follow(index, step(index, row("A", "B")), step(index, row("sorafenib", "C")), None).cut == (
        "sorafenib is an exposure, phenotype or cell behaviour: chains start or end there"
    )


def test_each_cut_names_the_step_that_makes_it(index: Index) -> None:
    onward = step(index, row("B", "C"))
    assert follow(index, step(index, row("A", "microRNAs")), onward, "family").cut == "microRNAs is a class, not a step"
    both = step(index, row("A", "autophagy", "cargo_loading"), row("A", "autophagy", "secretion"))
    assert follow(index, both, step(index, row("autophagy", "C")), None).cut == (
        "cargo_loading/secretion of autophagy says nothing about what follows"
    )


def test_a_join_keeps_its_link_through_every_rule(index: Index) -> None:
    # a claim about the vesicle process itself, in the same cells, whatever rows each step rests on
    secretion = step(
        index,
        row("RAB27A", "exosome_secretion", "secretion", cell_lines=["Huh-7"]),
        row("RAB27A", "exosome_secretion", "secretion", cell_types=["neuron"]),
    )
    process = row("exosome_secretion", "chemoresistance", cell_types=["hepatocyte"])
    assert follow(index, secretion, step(index, process), "member") == Verdict((process,), secretion.rows[:1], "member")
    # loading, joined through a family
    loading = step(index, row("A", "HIF1A", "cargo_loading"))
    cargo = step(index, row("HIF1A", "C", cargo=True, donors=["Huh-7"]))
    assert follow(index, loading, cargo, "family") == Verdict(cargo.rows, loading.rows, "family")


def test_a_transfer_cut_for_the_donors_state_says_which_state_and_which_step(index: Index) -> None:
    """A cut at a transfer names what differs where the cells agree: the donors' state the vesicles' claim needs
    and the step that does not state it, or the diseases; only cells that differ keep the general reason."""
    made = step(index, row("RAB27A", "exosome_secretion", "secretion", cell_lines=["Huh-7"]))
    from_lost = step(index, row("exosome", "AKT", cargo=True, donors=["Huh-7"], conditions=["p53_loss"]))
    assert follow(index, made, from_lost, None).cut == (
        "a transfer needs the donors' state: exosome -> AKT is found for vesicles from donors under p53_loss"
        " and RAB27A -> exosome_secretion does not state p53_loss"
    )
    index.broader["HCC"].add("cancer")
    in_hcc = step(
        index, row("RAB27A", "exosome_secretion", "secretion", cell_lines=["Huh-7"], cell_line_diseases=["HCC"])
    )
    in_breast = step(index, row("exosome", "AKT", cargo=True, donors=["Huh-7"], diseases=["breast_cancer"]))
    assert follow(index, in_hcc, in_breast, None).cut == (
        "the vesicles differ in disease: RAB27A -> exosome_secretion is in HCC"
        " and exosome -> AKT is found for vesicles in breast_cancer"
    )
    elsewhere = step(index, row("exosome", "AKT", cargo=True, donors=["CAF"], conditions=["p53_loss"]))
    differ = "the donors of the vesicles are not named by both steps, or differ"
    assert follow(index, made, elsewhere, None).cut == differ


def test_a_transfer_cut_names_every_state_and_disease_and_reads_every_claim(index: Index) -> None:
    """The second cases of the cut's wording: several missing states or diseases are each named; the cells a
    secretion step names as its donors count as where the vesicles are made; every claim of the first step is
    read, not only its first; and diseases that agree leave the donors' state as the reason."""
    lost = ("exosome", "AKT")
    both_states = step(index, row(*lost, cargo=True, donors=["Huh-7"], conditions=["p53_loss", "chemoresistance"]))
    made = step(index, row("RAB27A", "exosome_secretion", "secretion", cell_lines=["Huh-7"]))
    assert follow(index, made, both_states, None).cut == (
        "a transfer needs the donors' state: exosome -> AKT is found for vesicles from donors under chemoresistance"
        " and p53_loss and RAB27A -> exosome_secretion does not state chemoresistance and p53_loss"
    )
    from_lost = step(index, row(*lost, cargo=True, donors=["Huh-7"], conditions=["p53_loss"]))
    needs = (
        "a transfer needs the donors' state: exosome -> AKT is found for vesicles from donors under p53_loss"
        " and RAB27A -> exosome_secretion does not state p53_loss"
    )
    by_donors = step(index, row("RAB27A", "exosome_secretion", "secretion", donors=["Huh-7"]))
    assert follow(index, by_donors, from_lost, None).cut == needs
    elsewhere_first = step(
        index,
        row("RAB27A", "exosome_secretion", "secretion", cell_types=["neuron"]),
        row("RAB27A", "exosome_secretion", "secretion", cell_lines=["Huh-7"]),
    )
    assert follow(index, elsewhere_first, from_lost, None).cut == needs
    index.broader["HCC"].add("cancer")
    index.broader["cholangiocarcinoma"].add("cancer")
    in_hcc = row("RAB27A", "exosome_secretion", "secretion", cell_lines=["Huh-7"], diseases=["HCC"])
    in_cancer = step(index, row(*lost, cargo=True, donors=["Huh-7"], diseases=["cancer"], conditions=["p53_loss"]))
    assert follow(index, step(index, in_hcc), in_cancer, None).cut == needs  # HCC lies within cancer
    two = row("RAB27A", "exosome_secretion", "secretion", cell_lines=["Huh-7"], diseases=["HCC", "cholangiocarcinoma"])
    others = step(index, row(*lost, cargo=True, donors=["Huh-7"], diseases=["breast_cancer", "lung_cancer"]))
    assert follow(index, step(index, two), others, None).cut == (
        "the vesicles differ in disease: RAB27A -> exosome_secretion is in HCC and cholangiocarcinoma"
        " and exosome -> AKT is found for vesicles in breast_cancer and lung_cancer"
    )


def test_a_step_that_reads_cells_ends_at_exposures_and_does_not_continue_as_a_variant(index: Index) -> None:
    """The rows of the table that read cells (loading, vesicles, uptake) stop where the others do: a drug loaded
    into exosomes (cisplatin exported in them) is an exposure, where chains start; and the loading of a gene
    says nothing about what its variant does as cargo."""
    exported = step(index, row("ABCC1", "cisplatin", "cargo_loading", cell_lines=["Huh-7"]))
    assert exported.effect == compose.LOADING
    carried = step(index, row("cisplatin", "AKT", cargo=True, donors=["Huh-7"]))
    assert follow(index, exported, carried, None).cut == (
        "cisplatin is an exposure, phenotype or cell behaviour: chains start or end there"
    )
    loading = step(index, row("A", "TP53", "cargo_loading", cell_lines=["Huh-7"]))
    variant = step(index, row("TP53_R273H", "AKT", cargo=True, donors=["Huh-7"]))
    assert follow(index, loading, variant, None).cut is None  # as any other cargo
    assert follow(index, loading, variant, "parent").cut == (
        "a change in TP53 says nothing about what its variant TP53_R273H does"
    )
    # nor does it continue into a class its cargo belongs to (miR-21 loaded, then "microRNAs" as cargo)
    mir21 = step(index, row("hnRNPA2B1", "miR-21", "cargo_loading", cell_lines=["Huh-7"]))
    microRNAs = step(index, row("microRNAs", "AKT", cargo=True, donors=["Huh-7"]))
    assert follow(index, mir21, microRNAs, "family").cut == "microRNAs is a class, not a step"
