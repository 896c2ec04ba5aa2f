"""No escape sequence or bidirectional override held in curated text reaches the terminal."""

from __future__ import annotations

from exograph.compiled.records import AssertionRecord, EntityRecord
from exograph.query.neighbours import Result
from exograph.query.text import assertion_text, entity_text, table

HOSTILE = "\x1b]0;pwned\x07\x1b[2J\u202eevil\x9b31m"
SHOWN = "\\x1b]0;pwned\\x07\\x1b[2J\\u202eevil\\x9b31m"


def record() -> AssertionRecord:
    evidence = {"source": "s", "quote": HOSTILE, "section": HOSTILE, "references": [], "assay": None}
    return AssertionRecord(  # type: ignore[typeddict-item]
        id="s-a",
        source="s",
        regulator="A",
        target="B",
        direction="increases",
        aspect="amount",
        mechanism=None,
        directness="unstated",
        exosomal_cargo=False,
        scope="biology",
        hypothesis=False,
        negated=False,
        context={},
        evidence=[{**evidence, "perturbation": None}],  # type: ignore[list-item]
        note=HOSTILE,
    )


def assert_safe(text: str) -> None:
    assert not any((ord(c) < 32 and c != "\n") or 0x7F <= ord(c) <= 0x9F or c == "\u202e" for c in text)
    assert SHOWN in text


def test_table_escapes_control_characters() -> None:
    result = Result("B", [record()], {"A": HOSTILE, "B": "B"})
    assert_safe(table(result, evidence=True))


def test_show_escapes_control_characters() -> None:
    assert_safe(assertion_text(record(), {"A": HOSTILE}))
    entity = EntityRecord(
        key="A", curie="X:1", label=HOSTILE, kind="gene", synonyms=[], xrefs=[], broader=[], parent=None,
        members=[], local=False, note=None,
    )  # fmt: skip
    assert_safe(entity_text(entity, 0, 0))
