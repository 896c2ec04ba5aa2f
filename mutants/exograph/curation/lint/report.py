"""Printing a lint report: for people (text), for scripts (JSON), for GitHub pull requests (annotations)."""

from __future__ import annotations

import json

from exograph.curation.lint import LintReport


def statistics_text(report: LintReport) -> str:
    rows = report.statistics()
    width = max((len(str(n)) for _, _, n in rows), default=1)
    return "".join(f"{n:>{width}}  {code}  {name}\n" for code, name, n in rows)


def text(report: LintReport) -> str:
    return "".join(f"{f}\n" for f in report.findings)


def as_json(report: LintReport) -> str:
    return (
        json.dumps(
            {
                "validation_problems": [
                    {"file": p.file, "line": p.line, "column": p.column, "message": p.message} for p in report.problems
                ],
                "findings": [
                    {
                        "code": f.code,
                        "name": f.name,
                        "file": f.file,
                        "line": f.line,
                        "column": f.column,
                        "message": f.message,
                        "fix": f.fix,
                    }
                    for f in report.findings
                ],
                "statistics": [{"code": c, "name": name, "count": n} for c, name, n in report.statistics()],
                "rules_run": report.codes,
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )


def _data(value: str) -> str:
    """Escape a workflow-command message (GitHub: %, CR and LF)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    """Escape a workflow-command property value (also ':' and ',')."""
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def github(report: LintReport) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff."""
    lines = [
        f"::error file={_property(p.file)},line={p.line},col={p.column},title=validation::{_data(p.message)}"
        for p in report.problems
    ]
    lines += [
        f"::warning file={_property(f.file)},line={f.line},col={f.column},title={f.code}"
        f"::{_data(f'{f.message} Fix: {f.fix}')}"
        for f in report.findings
    ]
    return "".join(f"{line}\n" for line in lines)
