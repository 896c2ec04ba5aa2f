"""Sizes are bounded with clear messages, and name matching is linear: a megabyte-long hyphenated label,
note or quote is refused at once (it used to take validate past 300 s and every search 290 s), and text
at the limits is still checked and linted."""

from __future__ import annotations

from pathlib import Path

from exograph.curation.lint.names import has_exact, has_words, tokens
from exograph.curation.models import NAME_LIMIT, NOTE_LIMIT, QUOTE_LIMIT
from tests.cli.test_cli import Cli
from tests.conftest import replace_in

MEGABYTE = 1_000_000


def test_a_megabyte_hyphenated_label_is_refused(cli: Cli, mini: Path) -> None:
    label = "-".join(["ab"] * (MEGABYTE // 3))
    replace_in(mini / "curation/entities/entities.yaml", "label: PDCD4", f"label: {label}")
    result = cli("validate", str(mini))
    assert result.exit_code == 1
    assert f"a label or synonym is {len(label):,} characters long; at most {NAME_LIMIT} are allowed" in result.output


def test_a_megabyte_note_is_refused(cli: Cli, mini: Path) -> None:
    note = " ".join(["exosome secretion hypoxia"] * (MEGABYTE // 26))
    path = mini / "curation/assertions/mini2024.yaml"
    replace_in(path, "        perturbation: knockdown", f"        perturbation: knockdown\n    note: {note}")
    result = cli("validate", str(mini))
    assert result.exit_code == 1 and f"a note is {len(note):,} characters long; at most {NOTE_LIMIT:,}" in result.output
    assert cli("search", "hypoxia", "--root", str(mini)).exit_code == 1  # the curation is refused, not searched


def test_a_long_quote_is_refused(cli: Cli, mini: Path) -> None:
    quote = "Knockdown of RAB27A reduced exosome release. " * (QUOTE_LIMIT // 40)
    path = mini / "curation/assertions/mini2024.yaml"
    replace_in(path, "      - quote: Knockdown of RAB27A reduced exosome release.", f"      - quote: {quote.strip()}")
    result = cli("validate", str(mini))
    assert result.exit_code == 1 and f"at most {QUOTE_LIMIT:,} are allowed" in result.output


def test_text_at_the_limits_is_checked_and_linted(cli: Cli, mini: Path) -> None:
    label = "-".join(["ab"] * (NAME_LIMIT // 3))
    replace_in(mini / "curation/entities/entities.yaml", "label: PDCD4", f"label: {label}")
    assert cli("validate", str(mini)).exit_code == 0
    assert cli("lint", str(mini)).exit_code in (0, 1)


def test_name_matching_is_linear_in_the_quote() -> None:
    quote = tokens("-".join(["ab"] * (MEGABYTE // 3)) + " RAB27A")  # used to be quadratic in the run of hyphens
    assert has_exact(quote, "RAB27A")
    assert has_exact(quote, "ab-ab-ab")
    assert not has_exact(quote, "abab-c")
    assert has_words(quote, "RAB27A ab") and not has_words(quote, "exosome secretion")
    assert has_exact(tokens("secreted exosomes"), "exosome")  # a plural still matches
    assert not has_exact(tokens("Rab27ab"), "Rab27a")  # a run must end where a token ends
