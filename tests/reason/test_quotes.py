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
    both = excerpt(LONG, ["HIF1A", "RAB27A"])  # HIF1A is not written as such: only RAB27A's sentence is kept
    assert both == cut


def test_names_match_by_their_first_word_and_gaps_are_marked() -> None:
    cut = excerpt(LONG, ["Hypoxia", "PI3K-Akt signaling pathway"])
    assert cut.startswith("Hypoxia is common") and " … Other pathways also contribute, including PI3K" in cut
    assert "HIF-1a protein" in cut  # "Under hypoxia" names it too


def test_a_quote_naming_neither_is_whole() -> None:
    assert excerpt(LONG, ["VHL"]) == LONG
