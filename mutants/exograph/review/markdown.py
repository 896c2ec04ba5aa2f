"""The report as GitHub-flavoured Markdown for a pull-request comment or a job summary.

Summary table first, then the reviewer's checklist (a task list to tick),
then the answer impact, then every record-level change in a collapsible
``<details>`` section. Every piece of curation text goes through
:func:`exograph.review.escape.markdown`; ``<summary>`` lines hold only counts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from exograph.review import wording
from exograph.review.escape import code, markdown
from exograph.review.model import KeyedChange, ProblemInfo, Record, Report

#: Answer lines: gained, lost, changed (the escaped '+' cannot start a nested list).
MARKS = {"+": "\\+", "-": "−", "~": "\\~"}


def _quotes(quotes: list[str], indent: str = "  ") -> list[str]:
    return [f"{indent}> {markdown(q)}" for q in quotes]


def _details(title: str, body: list[str], open_: bool = False) -> list[str]:
    return [f"<details{' open' if open_ else ''}><summary>{title}</summary>", "", *body, "", "</details>", ""]


def _summary(report: Report) -> list[str]:
    out = ["| | added | removed | changed | renamed |", "|---|--:|--:|--:|--:|"]
    for kind, added, removed, changed, renamed in wording.counts(report):
        out.append(f"| {kind} | {added} | {removed} | {changed} | {'' if renamed is None else renamed} |")
    subjects = {c.subject for c in report.impact}
    out += [
        "",
        f"**{len(report.checklist)}** checklist item{'s' if len(report.checklist) != 1 else ''}; "
        f"**{len(report.impact)}** answer{'s' if len(report.impact) != 1 else ''} change "
        f"for {len(subjects)} entit{'ies' if len(subjects) != 1 else 'y'}.",
        "",
    ]
    if report.new_problems:
        out += [
            "> [!CAUTION]",
            f"> NEW fails validation ({len(report.new_problems)} problems): records with problems are left out "
            "of NEW below, so they may show as removed.",
            "",
        ]
    return out


def _checklist(report: Report) -> list[str]:
    if not report.checklist:
        return []
    out = ["### Reviewer's checklist", ""]
    for item in report.checklist:
        title = wording.CHECK_TITLES[item.kind]
        out.append(f"- [ ] **{title}** {code(item.subject)}: {markdown(item.text)}")
        out += _quotes(item.quotes)
    return [*out, ""]


def _impact(report: Report) -> list[str]:
    if not report.impact:
        return []
    out = ["### Answer impact", ""]
    for change in report.impact:
        out.append(f"- **{markdown(wording.question(report, change))}**")
        out += [f"  - {MARKS[mark]} {markdown(text)}" for mark, text in wording.answer_lines(report, change)]
    return [*out, ""]


def _assertion_rows(report: Report, records: list[Record]) -> list[str]:
    out = ["| id | claim | source |", "|---|---|---|"]
    out += [
        f"| {code(str(a['id']))} | {markdown(wording.claim(report.label, a))} | {code(str(a['source']))} |"
        for a in records
    ]
    out.append("")
    for a in records:
        out.append(f"- {code(str(a['id']))}")
        out += _quotes(wording.quotes(a))
    return out


def _keyed(changes: list[KeyedChange]) -> list[str]:
    out = []
    for change in changes:
        out.append(f"- {code(change.id)}")
        out += [f"  - {markdown(wording.field_change(f))}" for f in change.fields]
    return out


def _entity(e: Mapping[str, Any]) -> str:
    return f"- {code(str(e['key']))} {code(str(e['curie']))} {markdown(str(e['label']))} ({markdown(str(e['kind']))})"


def _problems(problems: list[ProblemInfo]) -> list[str]:
    return [f"- {code(f'{p.file}:{p.line}:{p.column}')}: {markdown(p.message)}" for p in problems]


def _sections(report: Report) -> list[str]:
    a, e, s = report.assertions, report.entities, report.sources
    sections: list[tuple[str, list[str]]] = [
        (f"Added assertions ({len(a.added)})", _assertion_rows(report, a.added) if a.added else []),
        (f"Removed assertions ({len(a.removed)})", _assertion_rows(report, a.removed) if a.removed else []),
        (
            f"Changed assertions ({len(a.changed)})",
            [
                line
                for c in a.changed
                for line in (
                    f"- {code(c.id)}: {markdown(wording.claim(report.label, c.new))}",
                    *(f"  - {markdown(wording.field_change(f, report.label))}" for f in c.fields),
                )
            ],
        ),
        (f"Renamed assertions ({len(a.renamed)})", [f"- {code(r.old)} → {code(r.new)}" for r in a.renamed]),
        (f"Added entities ({len(e.added)})", [_entity(x) for x in e.added]),
        (f"Removed entities ({len(e.removed)})", [_entity(x) for x in e.removed]),
        (f"Changed entities ({len(e.changed)})", _keyed(e.changed)),
        (f"Added sources ({len(s.added)})", [f"- {code(str(x['id']))}: {markdown(str(x['title']))}" for x in s.added]),
        (f"Removed sources ({len(s.removed)})", [f"- {code(str(x['id']))}" for x in s.removed]),
        (f"Changed sources ({len(s.changed)})", _keyed(s.changed)),
        (f"Validation problems on OLD ({len(report.old_problems)})", _problems(report.old_problems)),
    ]
    return [line for title, body in sections if body for line in _details(title, body)]


def render(report: Report) -> str:
    """The whole report; an empty comparison says so in one line."""
    title = f"## Curation review: {markdown(wording.side(report.old))} → {markdown(wording.side(report.new))}"
    if report.empty():
        return f"{title}\n\nNo changes to the curation.\n"
    lines = [title, "", *_summary(report), *_checklist(report), *_impact(report), *_sections(report)]
    return "\n".join(lines).rstrip("\n") + "\n"
