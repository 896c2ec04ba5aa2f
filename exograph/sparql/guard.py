"""What a SPARQL query may ask of the embedded store, checked on its text before the engine sees it.

The engine (pyoxigraph) would evaluate ``SERVICE <http://…>`` with its own HTTP client: a query
file received from someone else would make this machine call any host, send it the join's
bindings and print the reply as if it were curation. It parses nesting by recursion, so a few
thousand nested brackets end the process. And an update is meaningless on a read-only store.
So the text is scanned first, the way the SPARQL grammar splits it (comments, strings and IRIs
are skipped, so a quote or an IRI holding the word ``SERVICE`` is fine), and refused with a
message saying why. Dependency-free, so the check costs nothing.
"""

from __future__ import annotations

import re

#: The deepest nesting of ``{``, ``(`` and ``[`` together: real queries stay below 20.
MAX_NESTING = 200
#: The longest query text, in characters.
MAX_LENGTH = 1_000_000
#: The keywords an update starts with (SPARQL 1.1 Update); no query starts with one of them.
UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})

#: What the engine reads as no code: comments, strings (short and long, with escapes), IRIs.
_NOT_CODE = re.compile(
    r"#[^\n\r]*"
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|<[^<>\"{}|^`\\\x00-\x20]*>",
    re.DOTALL,
)
#: The keyword, wherever it could be read as one: any case, not inside a longer name or a variable.
_SERVICE = re.compile(r"(?<![\w?$])service(?!\w)", re.IGNORECASE)
_ESCAPE = re.compile(r"\\[uU]")
_BRACKET = re.compile(r"[{}()\[\]]")
#: The first keyword after the prologue (BASE and PREFIX declarations, their IRIs blanked).
_FORM = re.compile(r"\s*(?:(?:BASE|PREFIX\s+[^\s:]*:)\s*)*([A-Za-z]+)", re.IGNORECASE)


class Refused(Exception):
    """The query may not run on the embedded store; the message says why and what to do."""


def check(query: str) -> None:
    """Raise :class:`Refused` for a query that is too long, nested too deep, an update, or calls a SERVICE."""
    if len(query) > MAX_LENGTH:
        raise Refused(f"the query is {len(query):,} characters long, over the limit of {MAX_LENGTH:,}")
    code = _NOT_CODE.sub(lambda m: " " + "\n" * m.group().count("\n"), query)  # lines kept for the messages
    if (form := _FORM.match(code)) is not None and form.group(1).upper() in UPDATE_WORDS:
        raise Refused(f"read-only: updates are not allowed ({form.group(1).upper()}); the store only answers queries")
    if (service := _SERVICE.search(code)) is not None:
        raise Refused(
            f"SERVICE (line {_line(code, service.start())}) is not allowed: the embedded store never sends "
            "requests to other hosts; query that endpoint directly"
        )
    if (escape := _ESCAPE.search(code)) is not None:
        raise Refused(
            f"the query holds a \\u escape outside a string or IRI (line {_line(code, escape.start())}): "
            "write the character itself"
        )
    depth = 0
    for bracket in _BRACKET.finditer(code):
        depth += 1 if bracket.group() in "{([" else -1
        if depth > MAX_NESTING:
            raise Refused(
                f"the query nests brackets more than {MAX_NESTING} deep (line {_line(code, bracket.start())}): "
                "simplify it"
            )


def _line(code: str, position: int) -> int:
    return code.count("\n", 0, position) + 1
