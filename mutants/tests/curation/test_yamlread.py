from __future__ import annotations

import pytest

from exograph.curation.yamlread import Mark, read_yaml


def messages(raw: bytes) -> list[str]:
    return [e.message for e in read_yaml(raw)[1]]


def test_values_and_positions() -> None:
    doc, errors = read_yaml(b"a: 1\nb:\n  - x\n  - 'yes'\nc: true\nd: ~\n")
    assert errors == []
    assert doc is not None
    assert doc.data == {"a": 1, "b": ["x", "yes"], "c": True, "d": None}
    assert doc.marks[("b", 1)] == Mark(4, 5)
    assert doc.mark(("b", 1, "missing")) == Mark(4, 5)


def test_duplicate_key_is_rejected_with_both_lines() -> None:
    doc, errors = read_yaml(b"a: 1\nb: 2\na: 3\n")
    assert [(e.mark.line, e.message) for e in errors] == [(3, "duplicate key 'a' (first at line 1)")]
    assert doc is not None and doc.data["a"] == 1


@pytest.mark.parametrize("word", ["NO", "no", "yes", "Yes", "on", "off", "TRUE", "False"])
def test_yaml11_booleans_are_rejected(word: str) -> None:
    errors = messages(f"direction: {word}\n".encode())
    assert errors and "YAML 1.1 boolean" in errors[0] and "quote it" in errors[0]


def test_quoted_yaml11_boolean_is_text() -> None:
    doc, errors = read_yaml(b"a: 'NO'\n")
    assert errors == [] and doc is not None and doc.data == {"a": "NO"}


def test_tab_is_rejected_with_position() -> None:
    _, errors = read_yaml(b"a:\n\t- x\n")
    assert any(e.message.startswith("tab character") and e.mark == Mark(2, 1) for e in errors)


def test_anchor_and_alias_are_rejected() -> None:
    errors = messages(b"a: &x 1\nb: *x\n")
    assert any("anchor '&x'" in m for m in errors)
    assert any("alias '*x'" in m for m in errors)


def test_non_utf8_is_rejected() -> None:
    errors = read_yaml(b"a: ok\nb: caf\xe9\n")[1]
    assert len(errors) == 1 and "not UTF-8" in errors[0].message and errors[0].mark.line == 2


def test_syntax_error_has_position() -> None:
    errors = read_yaml(b"a: [1, 2\nb: 3\n")[1]
    assert len(errors) == 1 and errors[0].message.startswith("YAML syntax error") and errors[0].mark.line >= 2


def test_non_decimal_integer_is_rejected() -> None:
    assert any("plain decimal integer" in m for m in messages(b"a: 0x1F\n"))


def test_empty_file_is_none() -> None:
    doc, errors = read_yaml(b"")
    assert errors == [] and doc is not None and doc.data is None


def test_only_one_document() -> None:
    assert any("only one YAML document" in m for m in messages(b"a: 1\n---\nb: 2\n"))
