"""The report as a compact coloured view for a terminal.

Colour only when asked (the CLI asks when stdout is a terminal and NO_COLOR is
unset); every piece of curation text goes through
:func:`exograph.review.escape.terminal`, so no escape sequence from data
reaches the screen.
"""

from __future__ import annotations

from collections.abc import Callable

import click

from exograph.review import wording
from exograph.review.escape import terminal as safe
from exograph.review.model import Report

Style = Callable[..., str]
COLOURS = {"+": "green", "-": "red", "~": "yellow"}


def _styler(color: bool) -> Style:
    def style(text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if color else text  # type: ignore[arg-type]

    return style


def _records(report: Report, style: Style) -> list[str]:
    a, e, s = report.assertions, report.entities, report.sources
    out = [style("+ ", fg="green") + f"{safe(str(r['id']))}  {safe(wording.claim(report.label, r))}" for r in a.added]
    out += [style("- ", fg="red") + f"{safe(str(r['id']))}  {safe(wording.claim(report.label, r))}" for r in a.removed]
    for c in a.changed:
        out.append(style("~ ", fg="yellow") + f"{safe(c.id)}  {safe(wording.claim(report.label, c.new))}")
        out += [f"    {safe(wording.field_change(f, report.label))}" for f in c.fields]
    out += [style("> ", fg="cyan") + f"{safe(r.old)} → {safe(r.new)}" for r in a.renamed]
    out += [
        style("+ ", fg="green") + f"entity {safe(str(x['key']))} {safe(str(x['curie']))} {safe(str(x['label']))}"
        for x in e.added
    ]
    out += [style("- ", fg="red") + f"entity {safe(str(x['key']))} {safe(str(x['curie']))}" for x in e.removed]
    for name, group in (("entity", e), ("source", s)):
        for keyed in group.changed:
            out.append(style("~ ", fg="yellow") + f"{name} {safe(keyed.id)}")
            out += [f"    {safe(wording.field_change(f))}" for f in keyed.fields]
    out += [style("+ ", fg="green") + f"source {safe(str(x['id']))}" for x in s.added]
    out += [style("- ", fg="red") + f"source {safe(str(x['id']))}" for x in s.removed]
    return out


def render(report: Report, color: bool = False) -> str:
    style = _styler(color)
    head = f"{safe(wording.side(report.old))} → {safe(wording.side(report.new))}"
    if report.empty():
        return f"{head}: no changes to the curation\n"
    summary = " · ".join(
        f"{kind} +{added} -{removed} ~{changed}" + (f" renamed {renamed}" if renamed else "")
        for kind, added, removed, changed, renamed in wording.counts(report)
    )
    out = [style(head, bold=True), summary]
    if report.checklist:
        out.append(style(f"CHECK ({len(report.checklist)})", bold=True))
        for item in report.checklist:
            title = wording.CHECK_TITLES[item.kind]
            out.append(f"  {style('!', fg='red', bold=True)} {title}: {safe(item.subject)}: {safe(item.text)}")
            out += [style(f'      "{safe(q)}"', dim=True) for q in item.quotes]
    if report.impact:
        out.append(style(f"ANSWERS ({len(report.impact)})", bold=True))
        for change in report.impact:
            out.append(f"  {safe(wording.question(report, change))}")
            out += [
                f"    {style(mark, fg=COLOURS[mark])} {safe(text)}"
                for mark, text in wording.answer_lines(report, change)
            ]
    if records := _records(report, style):
        out += [style("CHANGES", bold=True), *("  " + line for line in records)]
    if report.old_problems:
        out.append(style(f"OLD fails validation ({len(report.old_problems)} problems); compared as is", fg="yellow"))
    return "\n".join(out) + "\n"
