"""Markdown, JSON and terminal renderings: structure, hostile text, the JSON Schema, colour on a terminal."""

from __future__ import annotations

import html
import json
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import click
import jsonschema
import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from exograph.review import markdown, schema, terminal, wording
from exograph.review.model import AnswerChange, AnswerLine, CheckItem, Report
from exograph.review.report import compare
from tests.conftest import PROJECT_ROOT
from tests.review import edits
from tests.review.conftest import git

HOSTILE = [
    "<!-- a comment that never ends",
    "</details></summary><script>alert(1)</script>",
    "a | table | cell",
    "# a heading",
    "1. a list",
    "- a bullet",
    "**bold** _em_ `code` [link](http://example.org)",
    "\x1b[31mred\x1b[0m and \x07 bell",
    "right\u202eleft",
    "two\nlines",
]
PARSER = MarkdownIt("commonmark").enable("table")
OWN_HTML = re.compile(r"^(<details( open)?><summary>[^<>]*</summary>|</details>)\s*$")


@pytest.fixture
def report(mini: Path, tmp_path: Path) -> Report:
    new = tmp_path / "new"
    shutil.copytree(mini, new)
    edits.flip(new, "mini2024-hypoxia-exosome-secretion")
    edits.add(new, edits.HIF1A_UNDER_HYPOXIA)
    edits.delete(new, "mini2024-mir21-pdcd4")
    return compare(str(mini), str(new), mini)


def hostile(report: Report) -> Report:
    labels = {key: HOSTILE[i % len(HOSTILE)] for i, key in enumerate(sorted(report.labels))}
    items = [CheckItem(kind="sign_flip", subject=text, text=text, quotes=[text]) for text in HOSTILE]
    return report.model_copy(update={"labels": labels, "checklist": [*report.checklist, *items]})


def _walk(tokens: list[Token]) -> list[Token]:
    return [t for token in tokens for t in [token, *_walk(token.children or [])]]


def test_markdown_structure(report: Report) -> None:
    text = markdown.render(report)
    lines = text.splitlines()
    assert re.fullmatch(r"## Curation review: \S+/mini → \S+/new", lines[0].replace("\\_", "_"))
    assert lines[2:7] == [
        "| | added | removed | changed | renamed |",
        "|---|--:|--:|--:|--:|",
        "| assertions | 1 | 1 | 1 | 0 |",
        "| entities | 0 | 0 | 0 |  |",
        "| sources | 0 | 0 | 0 |  |",
    ]
    assert text.index("### Reviewer's checklist") < text.index("### Answer impact") < text.index("<details>")
    assert "- **drivers of RAB27A**\n  - \\+ HIF1A: may increase amount (Hypoxia)\n" in text
    context = "(Homo sapiens, breast cancer)"
    assert (  # one line of the same regulator lost and gained reads as a change
        f"- **regulators of exosomal secretion**\n  - \\~ Hypoxia: increases secretion → "
        f"decreases secretion {context}\n"
    ) in text
    assert f"  - \\~ Hypoxia via exosomal secretion: increases secretion → decreases secretion {context}\n" in text
    assert "  > Hypoxia increases exosome secretion in breast cancer cells \\[1\\].\n" in text
    assert "<details><summary>Added assertions (1)</summary>" in text


def test_hostile_text_cannot_escape_its_place_in_markdown(report: Report) -> None:
    text = markdown.render(hostile(report))
    tokens = _walk(PARSER.parse(text))
    own_html = [t.content for t in tokens if t.type in ("html_block", "html_inline")]
    assert own_html and all(OWN_HTML.match(c) for c in own_html), own_html
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[1:] == ["Reviewer's checklist", "Answer impact"]
    for row_start in (i for i, t in enumerate(tokens) if t.type == "tr_open"):
        row_end = next(i for i in range(row_start, len(tokens)) if tokens[i].type == "tr_close")
        width = sum(1 for t in tokens[row_start:row_end] if t.type in ("td_open", "th_open"))
        assert width in (3, 5)
    assert not [t for t in tokens if t.type in ("link_open", "em_open", "code_inline") and "code" in t.content]
    assert not [t for t in tokens if t.type == "link_open"]
    assert "bold" not in [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "strong_open"]
    rendered = html.unescape(re.sub(r"<[^>]+>", "", PARSER.render(text)))
    assert "\x1b" not in rendered and "\u202e" not in rendered and "\x07" not in rendered
    assert "\\x1b[31mred\\x1b[0m and \\x07 bell" in rendered
    for plain in HOSTILE[:7]:
        assert plain in rendered


def test_hostile_text_cannot_reach_the_terminal(report: Report) -> None:
    text = terminal.render(hostile(report), color=True)
    assert "\x1b[" in text  # our colours
    plain = click.unstyle(text)
    assert "\x1b" not in plain and "\u202e" not in plain and "\x07" not in plain
    assert "\\x1b[31mred\\x1b[0m and \\x07 bell" in plain
    assert "right\\u202eleft" in plain


def test_terminal_view_is_compact_and_plain_without_colour(report: Report) -> None:
    text = terminal.render(report, color=False)
    assert "\x1b" not in text
    lines = text.splitlines()
    assert lines[1] == "assertions +1 -1 ~1 · entities +0 -0 ~0 · sources +0 -0 ~0"
    assert "  drivers of RAB27A" in lines
    assert "    + HIF1A: may increase amount (Hypoxia)" in lines
    assert "  + mini2024-hif1a-rab27a-hypoxia  HIF1A may increase amount of RAB27A (Hypoxia)" in lines


def test_json_round_trips_and_matches_the_committed_schema(report: Report) -> None:
    text = report.model_dump_json(indent=2)
    assert Report.model_validate_json(text) == report
    document = json.loads(text)
    jsonschema.Draft202012Validator(json.loads(schema.render())).validate(document)
    assert document["schema_version"] == 1


def test_committed_diff_schema_is_current() -> None:
    assert not schema.stale(PROJECT_ROOT / schema.SCHEMA_FILE, write=False), "run: python -m exograph.review.schema"


def test_the_schema_rejects_a_report_of_another_version(report: Report) -> None:
    document = json.loads(report.model_dump_json())
    document["schema_version"] = 2
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(json.loads(schema.render())).validate(document)


def _on_a_terminal(repo: Path, env: dict[str, str]) -> str:
    """Run 'exograph diff main' with its stdout on a pseudo-terminal, as a user at a shell would."""
    leader, follower = pty.openpty()
    done = subprocess.run(
        [sys.executable, "-m", "exograph", "diff", "main"], cwd=repo, stdout=follower, env=env, check=False
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert done.returncode == 0
    return b"".join(chunks).decode()


def test_on_a_terminal_the_default_is_the_coloured_view_unless_no_color(repo: Path) -> None:
    edits.flip(repo, "mini2024-hypoxia-exosome-secretion")
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    coloured = _on_a_terminal(repo, env)
    assert "\x1b[" in coloured and "CHECK (1)" in coloured
    plain = _on_a_terminal(repo, {**env, "NO_COLOR": "1"})
    assert "\x1b" not in plain and "CHECK (1)" in plain
    assert git(repo, "status", "--porcelain") == "M curation/assertions/mini2024.yaml"


def test_answer_lines_read_as_gained_lost_or_changed(report: Report) -> None:
    line = AnswerLine(other="RAB27A", effect="increases secretion", via="exosome_secretion")
    moved = line.model_copy(update={"via": "ev_secretion", "context": ["human"]})
    other = AnswerLine(other="hypoxia", effect="increases secretion")
    change = AnswerChange(question="regulators", subject="ev_secretion", gained=[moved, other], lost=[line])
    assert wording.answer_lines(report, change) == [
        (
            "~",
            "RAB27A: via exosomal secretion, increases secretion → "
            "via extracellular vesicle secretion, increases secretion (Homo sapiens)",
        ),
        ("+", "Hypoxia: increases secretion"),
    ]
    in_context = line.model_copy(update={"context": ["human"]})
    change = AnswerChange(question="regulators", subject="ev_secretion", gained=[in_context], lost=[line, other])
    assert wording.answer_lines(report, change) == [
        ("~", "RAB27A via exosomal secretion: increases secretion → increases secretion (Homo sapiens)"),
        ("-", "Hypoxia: increases secretion"),
    ]
