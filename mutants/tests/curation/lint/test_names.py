"""Name matching: the spelling variants a quote may use for an entity's name, and what must not match."""

from __future__ import annotations

import pytest

from exograph.curation.lint.entities import truncates
from exograph.curation.lint.names import has_exact, has_words, same_word, tokens


@pytest.mark.parametrize(
    ("quote", "name"),
    [
        ("This leads to HIF-1α accumulation", "HIF-1alpha"),
        ("This leads to HIF 1 alpha accumulation", "HIF-1α"),
        ("TGF- $\\beta$ signalling", "TGF-β"),
        ("NF-κB is activated", "NFkappaB"),
        ("microRNA-21 is loaded", "miR-21"),
        ("hsa-miR-21-5p is loaded", "miR-21"),
        ("miRNA-21 is loaded", "mir-21"),
        ("miR-23a/27a/24 cluster", "miR-27a"),
        ("miR-200b/c", "miR-200c"),
        ("Rab27a/b knockdown", "RAB27B"),
        ("ERK1/2 phosphorylation", "ERK2"),
        ("S100A8/A9 targets", "S100A9"),
        ("an interferon (IFN)- α/ β-inducted UBL", "IFN-β"),
        ("Rab27a-dependent release", "RAB27A"),
        ("secretion of exosomes", "exosome"),
        ("tumour growth", "tumor growth"),
        ("rab_27a", "RAB27A"),
    ],
)
def test_exact_names_match_spelling_variants(quote: str, name: str) -> None:
    assert has_exact(tokens(quote), name)


@pytest.mark.parametrize(
    ("quote", "name"),
    [
        ("Rab27 controls secretion", "RAB27A"),  # a family name does not name a member
        ("miR-211 is loaded", "miR-21"),
        ("miR-21 is loaded", "miR-211"),
        ("HIF1A", "HIF-1α"),  # a Latin a is not a Greek alpha
        ("ALKBH5", "ALK"),
    ],
)
def test_exact_names_do_not_overmatch(quote: str, name: str) -> None:
    assert not has_exact(tokens(quote), name)


@pytest.mark.parametrize(
    ("quote", "name", "named"),
    [
        ("hypoxic cells secreted more exosomes", "exosome secretion", True),
        ("hypoxic cells secreted more exosomes", "hypoxia", True),
        ("the angiogenic switch", "angiogenesis", True),
        ("modulate macrophages to the M2 type", "M2 macrophage polarization", True),  # one of three may be missing
        ("exosome biogenesis is enhanced", "exosome secretion", False),
        ("mesenchymal transcription", "mesenchymal transition", False),
        ("relevant to exosomes", "exosome release", False),
        ("enhance xosome ecretion", "exosome secretion", True),  # OCR lost the first letters
    ],
)
def test_word_names(quote: str, name: str, named: bool) -> None:
    assert has_words(tokens(quote), name) is named


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("exosomal", "exosome", True),
        ("hypothesis", "hypoxia", False),
        ("transcription", "transition", False),
        ("formed", "formation", True),  # a verb names its process
        ("forms", "formation", True),
        ("sorting", "sort", True),
        ("migrate", "migration", True),
        ("entered", "entry", False),
        ("form", "formation", True),
        ("forming", "format", False),  # "format" has no ending to take off
    ],
)
def test_same_word(a: str, b: str, same: bool) -> None:
    assert same_word(a, b) is same


@pytest.mark.parametrize(
    ("short", "long", "mirna", "flagged"),
    [
        ("RAB27", "RAB27A", False, True),
        ("nSMase", "nSMase2", False, True),
        ("syntenin", "syntenin-1", False, True),
        ("HIF-1", "HIF-1α", False, True),
        ("HIF1B", "HIF-1β", False, False),  # a symbol, not HIF-1 without its Greek letter
        ("RAB2", "RAB27A", False, False),
        ("miR-92", "miR-92a", True, True),
        ("miR-21", "miR-211", True, False),  # unrelated miRNAs
        ("miR-135a", "hsa-mir-135a-1", True, False),  # one of two loci of the same mature miRNA
    ],
)
def test_truncated_symbols(short: str, long: str, mirna: bool, flagged: bool) -> None:
    assert truncates(short, long, mirna) is flagged
