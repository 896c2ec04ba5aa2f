"""The field rules (EXO4xx, EXO5xx) on their second cases: every wording of "no effect", every row of the
mechanism table, every free-text field a ``#`` can cut, and the fields that are not free text."""

from __future__ import annotations

import re

import pytest

from exograph.curation.lint.fields import COMPATIBLE, NO_EFFECT
from exograph.curation.vocab import ASPECTS
from tests.conftest import PROJECT_ROOT
from tests.curation.lint.conftest import ASSERTIONS, ENTITIES, Tree


@pytest.mark.parametrize(
    ("quote", "said"),
    [
        ("Sorafenib had no impact on RAB27A.", "no impact"),
        ("There was no significant difference in RAB27A.", "no significant difference"),
        ("Sorafenib did not change RAB27A levels.", "did not change"),
        ("Sorafenib could not markedly alter RAB27A levels.", "could not markedly alter"),
        ("RAB27A was not significantly affected by sorafenib.", "not significantly affected"),
        ("RAB27A levels stayed UNCHANGED after sorafenib.", "UNCHANGED"),
        ("Secretion rose independently of RAB27A.", "independently of"),
        ("Sorafenib acted without affecting RAB27A.", "without affecting"),
    ],
)
def test_each_wording_of_no_effect_is_recognised(quote: str, said: str) -> None:
    match = NO_EFFECT.search(quote)
    assert match is not None and match.group(0) == said


@pytest.mark.parametrize(
    "quote",
    [
        "Sorafenib did not increase RAB27A.",  # denies one direction: the sign stays
        "RAB27A was not significantly increased.",
        "There was no increase in RAB27A.",
        "Notably, RAB27A changed.",
    ],
)
def test_the_denial_of_one_direction_is_not_no_effect(quote: str) -> None:
    assert NO_EFFECT.search(quote) is None


def test_a_negated_sign_is_flagged_once_however_many_quotes_say_no_effect(tree: Tree) -> None:
    tree.add_text("RAB27A levels were unchanged by sorafenib.")
    tree.edit(
        ASSERTIONS,
        "    direction: regulates\n    aspect: amount\n    negated: true\n    evidence:\n"
        "      - quote: Treatment with sorafenib did not change RAB27A levels.\n        section: Text\n",
        "    direction: decreases\n    aspect: amount\n    negated: true\n    evidence:\n"
        "      - quote: Treatment with sorafenib did not change RAB27A levels.\n        section: Text\n"
        "      - quote: RAB27A levels were unchanged by sorafenib.\n        section: Text\n",
    )
    assert [f.message for f in tree.findings("EXO401")] == [
        "assertion 'mini2024-sorafenib-rab27a': 'decreases' + negated, but the quote says 'did not change'"
    ]


def test_a_stated_absence_on_an_assertion_that_is_not_negated_is_not_this_rule(tree: Tree) -> None:
    negated = "    aspect: amount\n    negated: true"
    tree.edit(ASSERTIONS, f"    direction: regulates\n{negated}", "    direction: decreases\n    aspect: amount")
    assert tree.codes("EXO401") == []


def _documented_table() -> dict[str, frozenset[str]]:
    """docs/lint.md's mechanism table, the one curators read."""
    text = (PROJECT_ROOT / "docs/lint.md").read_text(encoding="utf-8")
    start = text.index("| mechanism | aspects it can change | why |")
    table: dict[str, frozenset[str]] = {}
    for line in text[start:].splitlines()[2:]:
        if not line.startswith("|"):
            break
        mechanisms, aspects, _ = (cell.strip() for cell in line.strip("|").split("|"))
        allowed = frozenset(ASPECTS) if aspects == "any" else frozenset(a.strip() for a in aspects.split(","))
        table |= dict.fromkeys(re.findall(r"`(\w+)`", mechanisms), allowed)
    return table


def test_the_mechanism_table_is_the_documented_one() -> None:
    assert _documented_table() == COMPATIBLE


@pytest.mark.parametrize("mechanism", sorted(COMPATIBLE))
def test_each_mechanism_is_flagged_exactly_on_the_aspects_it_cannot_change(tree: Tree, mechanism: str) -> None:
    """The rule reads the table for the assertion's own mechanism: one allowed aspect passes, one other is flagged."""
    allowed = sorted(COMPATIBLE[mechanism])
    refused = sorted(set(ASPECTS) - COMPATIBLE[mechanism] - {"binding"})  # binding needs mechanism binding
    for aspect in (allowed[0], allowed[-1]):
        if aspect == "binding" and mechanism != "binding":
            continue
        _retag(tree, mechanism, aspect)
        assert tree.codes("EXO402") == [], (mechanism, aspect)
    if refused:
        _retag(tree, mechanism, refused[0])
        (found,) = tree.findings("EXO402")
        assert found.message.endswith(
            f": mechanism '{mechanism}' cannot change {refused[0]} (it fits: {', '.join(allowed)})"
        )


def _retag(tree: Tree, mechanism: str, aspect: str) -> None:
    """The HIF1A -> RAB27A hypothesis with another mechanism and aspect (unsigned, so binding is valid too)."""
    path = tree.root / ASSERTIONS
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: mini2024-hif1a-rab27a")
    head, record = text[:start], text[start:]
    record = re.sub(r"direction: \w+", "direction: regulates", record)
    record = re.sub(r"aspect: \w+", f"aspect: {aspect}", record)
    record = re.sub(r"mechanism: \w+", f"mechanism: {mechanism}", record)
    path.write_text(head + record, encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (ENTITIES, "    label: RAB27A\n", "    label: RAB27A\n    name: Rab27a #small GTPase\n", "name reads 'Rab27a'"),
        (ENTITIES, "    label: PDCD4\n", "    label: PDCD4\n    synonyms:\n      - PDCD-4 #old\n", "synonyms.0 reads"),
        (ASSERTIONS, "exosome release.\n", "exosome release. #p3\n", "evidence.0.quote reads 'Knockdown of RAB27A"),
        (ASSERTIONS, "section: Text\n        perturb", "section: Text #Fig 2\n        perturb", "section reads 'Text'"),
        (ASSERTIONS, "perturbation: knockdown\n", "perturbation: knockdown\n        assay: NTA #2\n", "assay reads"),
    ],
)
def test_every_free_text_field_cut_by_a_comment_is_flagged(
    tree: Tree, file: str, old: str, new: str, message: str
) -> None:
    tree.edit(file, old, new)
    (found,) = tree.findings("EXO403")
    assert message in found.message


def test_a_comment_after_an_identifier_in_a_list_is_a_comment(tree: Tree) -> None:
    """A list entry below a record is free text only under synonyms: an xref with a comment keeps its value."""
    tree.edit(ENTITIES, "    xrefs: ['HGNC:31586']", "    xrefs:\n      - HGNC:31586  # the host gene")
    tree.edit(ASSERTIONS, "      donors: [fibroblast]\n", "      donors:\n        - fibroblast  # CAFs\n")
    assert tree.codes("EXO403") == []


def test_only_the_record_with_the_cut_text_is_flagged(tree: Tree) -> None:
    tree.edit(ASSERTIONS, "HIF-1 may drive RAB27A expression.\n", "HIF-1 may drive RAB27A expression. #speculative\n")
    (found,) = tree.findings("EXO403")
    assert (found.file, found.line) == (ASSERTIONS, 55)  # the quote of the last assertion, not the others'
    assert found.message == (
        "assertion 'mini2024-hif1a-rab27a': evidence.0.quote reads 'HIF-1 may drive RAB27A expression.': "
        "YAML read ' #speculative' after it as a comment"
    )
    assert found.fix.startswith("quote the whole text ('HIF-1 may drive RAB27A expression. #speculative')")
