"""Locating quotes in a raw snapshot: whitespace-insensitive spans, table rows and their captions."""

from __future__ import annotations

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
