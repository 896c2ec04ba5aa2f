"""Text reaching a terminal shows every control character as an escape, the line break alone kept."""

from __future__ import annotations

import pytest

from exograph.safetext import text_problem, visible

#: Every C0 control, DEL and every C1 control.
CONTROLS = [chr(c) for c in (*range(0x00, 0x20), *range(0x7F, 0xA0))]


@pytest.mark.parametrize("char", [c for c in CONTROLS if c != "\n"], ids=lambda c: f"U+{ord(c):04X}")
def test_every_control_but_the_line_break_is_escaped(char: str) -> None:
    shown = visible(f"a{char}b")
    assert not any(c in CONTROLS for c in shown)
    assert shown == f"a\\x{ord(char):02x}b" or shown == "a" + char.encode("unicode_escape").decode() + "b"
    assert shown != f"a{char}b"


def test_carriage_return_cannot_rewrite_a_line() -> None:
    """A carriage return would let a later part of a message overwrite an earlier one on the terminal."""
    assert visible("ok\rERROR") == "ok\\rERROR"
    assert visible("\x1b]0;title\x07\x1b[2J") == "\\x1b]0;title\\x07\\x1b[2J"


def test_the_line_break_and_plain_text_are_kept() -> None:
    assert visible("line one\nline two é ü 中") == "line one\nline two é ü 中"


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\ufffe", "\ud800"], ids=lambda c: f"U+{ord(c):04X}")
def test_bidirectional_controls_and_non_characters_are_escaped(char: str) -> None:
    assert visible(char) == f"\\u{ord(char):04x}"


@pytest.mark.parametrize("char", [c for c in CONTROLS if c not in "\t\n"], ids=lambda c: f"U+{ord(c):04X}")
def test_curated_text_may_hold_no_control(char: str) -> None:
    assert text_problem(f"a{char}b", multiline=True) is not None
    assert text_problem(f"a{char}b") is not None


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("a\tb", "holds a tab (U+0009) at position 2: remove it"),
        ("ab\n", "holds a line break (U+000A) at position 3: remove it"),
        ("\rab", "holds a carriage return (U+000D) at position 1: remove it"),
        ("a\x1bb", "holds a control character (U+001B) at position 2: remove it"),
        ("a\x85b", "holds a control character (U+0085) at position 2: remove it"),
        ("a\u202ab", "holds a bidirectional control character (U+202A) at position 2: remove it"),
        ("a\u2069b", "holds a bidirectional control character (U+2069) at position 2: remove it"),
        ("a\ufffeb", "holds a control character (U+FFFE) at position 2: remove it"),
        ("  ", "is blank: write the text or leave the field out"),
    ],
    ids=["tab", "line-break", "carriage-return", "escape", "C1", "first-bidi", "last-bidi", "non-character", "blank"],
)
def test_a_name_is_told_which_character_and_where(value: str, problem: str) -> None:
    """The message names the character and its position, so the curator finds it in an editor."""
    assert text_problem(value) == problem


def test_a_quote_may_hold_tabs_and_line_breaks_but_nothing_after_them() -> None:
    """Tabs and line breaks are skipped, not a reason to stop looking: a control after them is still found."""
    assert text_problem("one\ttwo\nthree", multiline=True) is None
    assert text_problem("a\t\nb\x07", multiline=True) == "holds a control character (U+0007) at position 5: remove it"
    assert text_problem("\t\n", multiline=True) == "is blank: write the text or leave the field out"


def test_plain_text_has_no_problem() -> None:
    assert text_problem("CD63 é 中") is None
