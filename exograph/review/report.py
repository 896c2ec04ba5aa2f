"""The public API: compare two sides and get a :class:`~exograph.review.model.Report`."""

from __future__ import annotations

from pathlib import Path

from exograph.curation.problems import Problem
from exograph.review.checklist import checklist
from exograph.review.compare import compare_states
from exograph.review.impact import impact
from exograph.review.model import ProblemInfo, Report, SideInfo
from exograph.review.sides import Side, open_side
from exograph.review.state import load_state


def _problems(problems: list[Problem]) -> list[ProblemInfo]:
    return [ProblemInfo(file=p.file, line=p.line, column=p.column, message=p.message) for p in problems]


def compare_sides(old: Side, new: Side) -> Report:
    """Compile both sides (each from what validates) and compare them."""
    with (
        load_state(old.root) as old_state,
        load_state(new.root) as new_state,
    ):
        comparison = compare_states(old_state, new_state)
        labels = {k: e["display"] for k, e in {**old_state.entities, **new_state.entities}.items()}
        return Report(
            old=SideInfo(spec=old.spec, kind=old.kind, commit=old.commit),
            new=SideInfo(spec=new.spec, kind=new.kind, commit=new.commit),
            checklist=checklist(comparison),
            impact=impact(comparison),
            assertions=comparison.assertions,
            entities=comparison.entities,
            sources=comparison.sources,
            old_problems=_problems(old_state.problems),
            new_problems=_problems(new_state.problems),
            labels=labels,
        )


def compare(old: str | None, new: str | None, repo: Path) -> Report:
    """Compare OLD (default: the merge-base of HEAD with main) with NEW (default: the working tree at ``repo``).

    Raises :class:`~exograph.review.sides.SideError` for a side that cannot be read.
    """
    with open_side(old, repo, default_base=True) as old_side, open_side(new, repo) as new_side:
        return compare_sides(old_side, new_side)
