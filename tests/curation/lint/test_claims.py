"""The claim rules (EXO2xx) on their second cases: each pair of words that contradict, self-regulation that is
not biology, and vesicle names read from an entity's key as well as its label."""

from __future__ import annotations

import pytest

from tests.curation.lint.conftest import ASSERTIONS, Tree

SORAFENIB = "Treatment with sorafenib did not change RAB27A levels."


@pytest.mark.parametrize("direction", ["increases", "decreases", "regulates"])
def test_every_effect_contradicts_a_stated_absence_of_effect(tree: Tree, direction: str) -> None:
    """The mini curation says sorafenib does not change RAB27A ('none'): any effect in that context contradicts it."""
    tree.add_text("Sorafenib changed RAB27A levels.")
    tree.add_assertion(
        "sorafenib-rab27a-effect", "sorafenib", "RAB27A", "Sorafenib changed RAB27A levels.", direction=direction
    )
    (found,) = tree.findings("EXO202")
    assert found.message == (
        f"assertion 'mini2024-sorafenib-rab27a-effect': says '{direction}' but 'mini2024-sorafenib-rab27a' "
        f"({ASSERTIONS}:38) says 'none' for sorafenib -> RAB27A (amount) in the same context"
    )


@pytest.mark.parametrize(("first", "second"), [("increases", "regulates"), ("decreases", "regulates")])
def test_a_signed_and_an_unsigned_effect_do_not_contradict(tree: Tree, first: str, second: str) -> None:
    """'regulates' leaves the sign open, so it agrees with either sign."""
    tree.add_text("Knockdown of RAB27A changed PDCD4 levels. Knockdown of RAB27A raised PDCD4 levels.")
    tree.add_assertion("rab27a-pdcd4", "RAB27A", "PDCD4", "Knockdown of RAB27A raised PDCD4 levels.", direction=first)
    tree.add_assertion(
        "rab27a-pdcd4-changed", "RAB27A", "PDCD4", "Knockdown of RAB27A changed PDCD4 levels.", direction=second
    )
    assert tree.codes("EXO202") == []


def test_cargo_acting_on_itself_needs_the_recipient_cells(tree: Tree) -> None:
    """Exosomal miR-21 raising miR-21 is biology only in the cells that took it up: with donors alone it is a loop."""
    tree.edit(ASSERTIONS, "target: PDCD4", "target: miR-21")
    assert tree.codes("EXO201") == []  # recipients named: the first case
    tree.edit(ASSERTIONS, "      recipients: [malignant_cell]\n", "")
    (found,) = tree.findings("EXO201")
    assert found.message == "assertion 'mini2024-mir21-pdcd4': regulator and target are both 'miR-21'"


def test_a_vesicle_named_only_in_the_key_is_a_vesicle(tree: Tree) -> None:
    """The key is read as words (ev_biogenesis: 'ev biogenesis') as well as the label."""
    tree.add_entity("ev_biogenesis", "exograph:ev_biogenesis", "process", label="biogenesis")
    sentence = "Hypoxia increased the biogenesis of vesicles."
    tree.add_text(sentence)
    tree.add_assertion(
        "hypoxia-biogenesis", "hypoxia", "ev_biogenesis", sentence, aspect="secretion", context={"system": "in_vitro"}
    )
    (found,) = tree.findings("EXO204")
    assert found.message.endswith(": aspect secretion on the biogenesis process 'ev_biogenesis'")


@pytest.mark.parametrize(
    ("key", "label", "aspect"),
    [
        ("ev_biogenesis", "biogenesis", "biogenesis"),  # the process with its own aspect
        ("exosome_production", "exosome biogenesis and release", "secretion"),  # names both: release fits too
        ("exosome_uptake", "exosome uptake", "activity"),  # neither a secretion nor a biogenesis process
    ],
)
def test_a_vesicle_process_with_a_fitting_aspect_passes(tree: Tree, key: str, label: str, aspect: str) -> None:
    tree.add_entity(key, f"exograph:{key}", "process", label=label)
    sentence = "Hypoxia increased the biogenesis of vesicles."
    tree.add_text(sentence)
    tree.add_assertion("hypoxia-vesicles", "hypoxia", key, sentence, aspect=aspect, context={"system": "in_vitro"})
    assert tree.codes("EXO204") == []


def test_a_treatment_is_an_exposure_too(tree: Tree) -> None:
    """The second kind of exposure: a therapy starts chains as a condition does (the target here is radioresistance)."""
    tree.add_entity("radiotherapy", "exograph:radiotherapy", "treatment", label="radiotherapy")
    sentence = "HIF-1 promotes resistance to radiotherapy."
    tree.add_text(sentence)
    tree.add_assertion("hif1a-radiotherapy", "HIF1A", "radiotherapy", sentence, aspect="activity")
    (found,) = tree.findings("EXO203")
    assert found.message.endswith(": the target 'radiotherapy' is an exposure (kind treatment)")


def test_an_assertion_contradicting_several_is_flagged_once(tree: Tree) -> None:
    """Sorafenib: no change (the mini curation), then raises, then lowers RAB27A: each later claim is flagged once,
    against the first it contradicts."""
    tree.add_text("Sorafenib raised RAB27A levels. Sorafenib lowered RAB27A levels.")
    tree.add_assertion("sorafenib-up", "sorafenib", "RAB27A", "Sorafenib raised RAB27A levels.")
    tree.add_assertion(
        "sorafenib-down", "sorafenib", "RAB27A", "Sorafenib lowered RAB27A levels.", direction="decreases"
    )
    found = [f.message.split(" (", 1)[0] for f in tree.findings("EXO202")]
    assert found == [
        "assertion 'mini2024-sorafenib-up': says 'increases' but 'mini2024-sorafenib-rab27a'",
        "assertion 'mini2024-sorafenib-down': says 'decreases' but 'mini2024-sorafenib-rab27a'",
    ]


@pytest.mark.parametrize(
    ("regulator", "regulator_label", "target", "target_label"),
    [
        ("sev", "exosome", "exosome_uptake", "exosome uptake"),  # the regulator named only by its label
        ("exosome", "extracellular exosome", "vesicle_entry", "exosome uptake"),  # the process only by its label
    ],
)
def test_an_own_process_is_recognised_by_label_as_well_as_key(
    tree: Tree, regulator: str, regulator_label: str, target: str, target_label: str
) -> None:
    tree.add_entity(regulator, f"exograph:{regulator}", "component", label=regulator_label)
    tree.add_entity(target, f"exograph:{target}", "process", label=target_label)
    quote = "Exosomes from fibroblasts raised exosome uptake and cell migration."
    tree.add_text(quote)
    tree.add_assertion(
        "vesicles-own", regulator, target, quote, aspect="activity", exosomal_cargo=True,
        context={"donors": ["fibroblast"]},
    )  # fmt: skip
    (found,) = tree.findings("EXO201")
    assert found.message.endswith(f": the target '{target}' is the regulator's own process")
