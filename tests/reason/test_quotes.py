"""A printed quote is cut around the words that support the step, never before them."""

from __future__ import annotations

from exograph.reason.quotes import excerpt

LONG = (
    "Hypoxia is common in solid tumours and shapes their microenvironment in many ways. "
    "Under hypoxia, HIF-1a protein is stabilised and translocates to the nucleus. "
    "There it raises the transcription of RAB27A, which drives exosome release. "
    "Other pathways also contribute, including PI3K and MAPK signalling in several cell types."
)


def test_short_quotes_are_whole() -> None:
    assert excerpt("RAB27A drove exosome release.", ["RAB27A"]) == "RAB27A drove exosome release."


def test_long_quotes_keep_the_sentences_naming_the_step() -> None:
    cut = excerpt(LONG, ["RAB27A", "exosomal secretion"])
    assert cut == "… There it raises the transcription of RAB27A, which drives exosome release. …"
    both = excerpt(LONG, ["HIF1A", "RAB27A"])  # "HIF-1a" names HIF1A, as the curation checks read names
    assert both == (
        "… Under hypoxia, HIF-1a protein is stabilised and translocates to the nucleus. "
        "There it raises the transcription of RAB27A, which drives exosome release. …"
    )


def test_names_match_by_their_first_word_and_gaps_are_marked() -> None:
    cut = excerpt(LONG, ["Hypoxia", "PI3K-Akt signaling pathway"])
    assert cut.startswith("Hypoxia is common") and " … Other pathways also contribute, including PI3K" in cut
    assert "HIF-1a protein" in cut  # "Under hypoxia" names it too


def test_a_quote_naming_neither_is_whole() -> None:
    assert excerpt(LONG, ["VHL"]) == LONG


def test_names_spelled_with_latex_or_greek_keep_their_sentence() -> None:
    """mu2025's hypoxia -> HIF-1α: the words that support the step are in the first sentence, which names
    HIF-1α only as "HIF-1 $\\alpha$" (and hypoxia as "hypoxic"); it was cut, leaving the sentence after it."""
    quote = (
        "In contrast, under hypoxic conditions, PHD activity is inhibited due to reduced oxygen availability, "
        "preventing the hydroxylation of HIF-1 $\\alpha$ . Consequently, the stabilized HIF-1 $\\alpha$  protein "
        "translocates to the nucleus, where it dimerizes with HIF-1β, binds to hypoxia response elements."
        " Other signalling pathways are also activated in many different kinds of cells."
    )
    cut = excerpt(quote, ["hypoxia", "HIF-1α"])
    assert cut.startswith("In contrast, under hypoxic conditions") and cut.endswith("response elements. …")
