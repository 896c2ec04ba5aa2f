"""Locating quotes in a raw snapshot: whitespace-insensitive spans, table rows and their captions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from exograph.curation.lint.texts import SourceText

RAW = "  Intro text here.\nTable 1. Exosomal cargo.\nCargo\tTarget\nmiR-21\tPDCD4\nTable 1. Continued.\nmiR-9\tCDH1\n"


def test_spans_ignore_whitespace_and_map_back_to_the_raw_text() -> None:
    text = SourceText(RAW)
    (span,) = text.spans("Intro   text\nhere.")
    assert RAW[span[0] : span[1]] == "Intro text here."
    assert text.spans("miR-21 PDCD4") == [(RAW.index("miR-21"), RAW.index("PDCD4") + len("PDCD4"))]
    assert text.spans("absent") == []


def test_table_rows_and_captions() -> None:
    text = SourceText(RAW)
    (row,) = text.spans("miR-9 CDH1")
    assert text.in_table(row) and text.has_tables
    assert text.caption(row) == "Table 1. Exosomal cargo."  # 'Continued' lines are not titles
    (prose,) = text.spans("Intro text")
    assert not text.in_table(prose)
    assert not SourceText("no tables here").has_tables


def _naive_spans(raw: str, quote: str) -> list[tuple[int, int]]:
    """Every occurrence, found by mapping each collapsed character to its raw offset one by one."""
    flat, offsets, i = [], [], len(raw) - len(raw.lstrip())
    stripped = raw.strip()
    j = 0
    while j < len(stripped):
        if stripped[j].isspace():
            flat.append(" ")
            offsets.append(i + j)
            while j < len(stripped) and stripped[j].isspace():
                j += 1
            continue
        flat.append(stripped[j])
        offsets.append(i + j)
        j += 1
    text, needle = "".join(flat), " ".join(quote.split())
    return [
        (offsets[k], offsets[k + len(needle) - 1] + 1)
        for k in range(len(text))
        if needle and text.startswith(needle, k)
    ]


@given(st.text(alphabet="ab \t\n\u00a0.", max_size=60), st.integers(0, 60), st.integers(1, 12))
def test_spans_are_every_occurrence_mapped_back(raw: str, start: int, length: int) -> None:
    quote = raw[start : start + length]
    text = SourceText(raw)
    assert text.spans(quote) == _naive_spans(raw, quote) == text.spans(quote)  # the second lookup is kept
