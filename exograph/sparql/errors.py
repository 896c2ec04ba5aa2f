"""The engine's syntax errors, said in a line a person can act on.

pyoxigraph reports ``error at 1:28: expected one of "\\"", "\\\\", "\\\\U", "\\\\u", [_]``: a position and
every token its grammar would have taken there, character ranges included. The position and a
piece of the query at it say more; of the expected tokens only a few keywords help.
"""

from __future__ import annotations

import re

_ENGINE = re.compile(r"error at (\d+):(\d+): expected (?:one of )?(.*)", re.DOTALL)
#: Expected tokens worth naming: keywords and punctuation, not character classes.
_TOKEN = re.compile(r"^(?:[A-Z][A-Z_]+|\"[^\"\\]{1,3}\")$")
_SHOWN = 5


def syntax_message(engine: str, query: str) -> str:
    """``the SPARQL query does not parse at line L, column C (near "…"): expected X, Y`` from the engine's text."""
    match = _ENGINE.match(engine.strip())
    if match is None:
        return f"the SPARQL query does not parse: {engine[:200]}"
    line, column = int(match.group(1)), int(match.group(2))
    lines = query.splitlines() or [""]
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    near = text[max(column - 1, 0) : column + 19].strip() or "the end of the line"
    tokens = [t for t in (t.strip() for t in match.group(3).split(",")) if _TOKEN.match(t)]
    expected = (
        f": expected {', '.join(tokens[:_SHOWN])}{' or another' if len(tokens) > _SHOWN else ''}" if tokens else ""
    )
    return f'the SPARQL query does not parse at line {line}, column {column} (near "{near}"){expected}'
