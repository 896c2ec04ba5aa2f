"""Which characters curated text may hold, and how text is made safe for a terminal.

Control characters (C0 and C1) can rewrite a terminal (escape sequences) or break a
file format; bidirectional overrides make text read differently from what it holds.
None of them belongs in a label or a quote, so validation rejects them
(:func:`text_problem`), and whatever still reaches a terminal is shown escaped
(:func:`visible`). Dependency-free: queries use it.
"""

from __future__ import annotations

import re

#: Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).
BIDI = "\u202a-\u202e\u2066-\u2069"
#: C0 and C1 controls, DEL, bidi controls, the two XML non-characters, and lone surrogates (bytes
#: of a command line that were not UTF-8).
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI}\ufffe\uffff\ud800-\udfff]")


def text_problem(value: str, multiline: bool = False) -> str | None:
    """Why ``value`` is not acceptable curated text, or None.

    ``multiline`` text (quotes, notes) may hold tabs and line breaks; names and labels hold neither.
    """
    for match in _UNSAFE.finditer(value):
        char = match.group()
        if multiline and char in "\t\n":
            continue
        name = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return"}.get(char, "a control character")
        if "\u202a" <= char <= "\u2069":
            name = "a bidirectional control character"
        return f"holds {name} (U+{ord(char):04X}) at position {match.start() + 1}: remove it"
    if not value.strip():
        return "is blank: write the text or leave the field out"
    return None


def visible(text: str) -> str:
    """``text`` with every unsafe character but the line break shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(
        lambda m: (
            m.group()
            if m.group() == "\n"
            else f"\\u{ord(m.group()):04x}"
            if ord(m.group()) > 0xFF
            else m.group().encode("unicode_escape").decode()
        ),
        text,
    )
