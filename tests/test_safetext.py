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
