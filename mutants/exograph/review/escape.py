"""Make curation text (labels, quotes, ids, messages) safe in a PR comment and on a terminal.

Curation text is data: in Markdown it must not open an HTML comment, close a
``<details>``, split a table cell, start a heading or a list, or carry control
characters; on a terminal no escape sequence from it may reach the screen.
Control and bidirectional-override characters are shown as visible ``\\xNN``
or ``\\uNNNN`` escapes rather than dropped, so a reviewer sees they are there.
"""

from __future__ import annotations

import re

#: C0 and C1 controls, DEL, and the characters that reorder or hide text (bidi overrides, line separators).
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_BLOCK_START = re.compile(r"^(\s*\d*)([#+\-=.)])")
_PLAIN_CODE = re.compile(r"[A-Za-z0-9_.+:/\- ]+")


def _show(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """One line of text: tabs and line breaks as spaces, every other control character made visible."""
    text = re.sub(r"[\t\r\n]+", " ", text)
    return _INVISIBLE.sub(lambda m: _show(m.group()), text)


def markdown(text: str) -> str:
    """Inline Markdown that renders as exactly ``text`` (made visible), wherever a line or cell holds it."""
    text = _INLINE_SPECIAL.sub(r"\\\1", visible(text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def code(text: str) -> str:
    """An id or key as inline code when it is plain, else as escaped text."""
    return f"`{text}`" if _PLAIN_CODE.fullmatch(text) else markdown(text)


def terminal(text: str) -> str:
    """Text for a terminal: one line, and nothing the terminal could read as a control sequence."""
    return visible(text)
