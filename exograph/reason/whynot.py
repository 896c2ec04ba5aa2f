"""Why a path finds nothing (or little): where the search stops and what cut the chains that would exist.

Each question is answered by searching again with one thing relaxed: the length, each filter on
its own (then all of them), ``coherent``, hypotheses, negated findings, engineered vesicles, and
the composition rules themselves. A chain found only when one is relaxed was cut by it; a chain
found only without a filter is shown with its first step that no assertion passing the filters
supports, and one found only without the composition rules with the first pair of its steps that
does not compose and the rule that says why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from exograph.reason import compose as rules
from exograph.reason.chains import MAX_DEPTH, Chain, ChainOptions, Matcher, downstream, paths, upstream
from exograph.reason.index import Index

#: Example chains shown per reason.
EXAMPLES = 2


@dataclass(frozen=True, slots=True)
class Cut:
    """Chains a path would have but for one thing: what it is, how many, examples and, per example, why."""

    reason: str
    count: int
    examples: tuple[Chain, ...]
    #: For chains cut by a composition rule or a filter: why each example breaks, in words (entity keys
    #: stand for entities; :func:`worded` names them).
    rules: tuple[str, ...] = ()
    #: For chains cut by one filter: its keyword and value (``("system", "in_vivo")``).
    filter: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class WhyNot:
    start: str
    end: str
    #: Entities the start reaches in up to the length asked (downstream chains), nearest first.
    reaches: tuple[str, ...]
    #: Entities that reach the end in up to the length asked (upstream chains), nearest first.
    reached_from: tuple[str, ...]
    cuts: tuple[Cut, ...]
    #: When ``reaches`` (``reached_from``) is empty: why, in words.
    start_stops: str = ""
    end_stops: str = ""


def reading(chain: Chain) -> tuple[tuple[object, ...], ...]:
    """What a chain says, step by step, whatever assertions support it: a relaxed search finds the chains of
    the answer again, each step pooling more assertions, and those were not cut."""
    return tuple(
        (s.regulator, s.target, s.sign, s.effect, s.cargo, s.negated, s.hypothesis, s.target_link) for s in chain.steps
    )


def _ends(chains: list[Chain], downstream_side: bool) -> tuple[str, ...]:
    """The far ends of ``chains``, nearest first."""
    found: dict[str, int] = {}
    for chain in chains:
        key = chain.steps[-1].target if downstream_side else chain.steps[0].regulator
        found[key] = min(found.get(key, MAX_DEPTH + 1), len(chain.steps))
    return tuple(sorted(found, key=lambda k: (found[k], k)))


def first_break(index: Index, chain: Chain, engineered: bool) -> str:
    """The first thing in ``chain`` the composition model forbids, in words."""
    for step in chain.steps:
        if not any(rules.usable(r, engineered) for r in step.rows):
            what = "a binding" if "binding" in step.aspects else "a finding about a method"
            return f"{step.regulator} -> {step.target} is {what}, never a step"
    for before, after in zip(chain.steps, chain.steps[1:], strict=False):
        verdict = rules.follow(index, before, after, before.target_link)
        if verdict.cut is not None:
            return verdict.cut
    return "the steps compose only with fewer of their assertions"


def outside(chain: Chain, matches: Matcher) -> str:
    """The first step of ``chain`` that no assertion passing the filters (``matches``) supports, in words."""
    for step in chain.steps:
        if matches is not None and not any(matches(r.source, r.context) for r in step.rows):
            return f"{step.regulator} -> {step.target} has no assertion that passes the filters"
    return "its steps pass the filters only with assertions that do not compose"


def _stops(index: Index, key: str, options: ChainOptions, matches: Matcher, downstream_side: bool) -> str:
    """Why nothing leaves ``key`` (or reaches it): the filters, or no usable step at all."""
    if matches is not None:
        search = downstream(index, key, options, None)[0] if downstream_side else upstream(index, key, options, None)[0]
        if search:
            return f"no step {'starting' if downstream_side else 'ending'} there passes the filters"
    return "no usable step starts there" if downstream_side else "no usable step ends there"


def why_not(
    index: Index,
    start: str,
    end: str,
    options: ChainOptions,
    matches: Matcher,
    without: Mapping[tuple[str, str], Matcher] | None = None,
) -> WhyNot:
    """Where a path from ``start`` to ``end`` stops, and what cut the chains that would otherwise exist.

    ``without`` holds, for each filter given (keyword, value), the matcher of all the other filters:
    so a chain cut by one filter says which.
    """
    wide = replace(options, max_chains=10_000)
    found = {reading(c) for c in paths(index, start, end, wide, matches).chains}
    reaches, _ = downstream(index, start, wide, matches)
    reached, _, _ = upstream(index, end, wide, matches)
    relaxed: list[tuple[str, ChainOptions, Matcher, tuple[str, str] | None]] = []
    if options.depth < MAX_DEPTH:
        relaxed.append(
            (f"the length (--max-length {options.depth})", replace(wide, depth=options.depth + 1), matches, None)
        )
    for (name, value), others in (without or {}).items():
        relaxed.append((f"the filter --{name.replace('_', '-')} {value}", wide, others, (name, value)))
    if matches is not None and len(without or {}) != 1:
        relaxed.append(("more than one filter (dropping any one alone does not bring them back)", wide, None, None))
    if options.coherent:
        relaxed.append(("--coherent (a step from another context)", replace(wide, coherent=False), matches, None))
    if not options.include_hypotheses:
        relaxed.append(
            ("a hypothesis (--include-hypotheses shows it)", replace(wide, include_hypotheses=True), matches, None)
        )
    if not options.include_negated:
        relaxed.append(
            ("a negated finding (--include-negated shows it)", replace(wide, include_negated=True), matches, None)
        )
    if not options.include_engineered:
        relaxed.append(
            ("engineered vesicles (--include-engineered)", replace(wide, include_engineered=True), matches, None)
        )
    relaxed.append(("a composition rule", replace(wide, compose=False), matches, None))
    cuts = []
    by_one_filter: set[tuple[tuple[object, ...], ...]] = set()  # not cut by "the filters together"
    for reason, relaxed_options, relaxed_matches, one_filter in relaxed:
        more = [
            c
            for c in paths(index, start, end, relaxed_options, relaxed_matches).chains
            if reading(c) not in found
            and not (relaxed_matches is None and matches is not None and reading(c) in by_one_filter)
        ]
        if one_filter:
            by_one_filter |= {reading(c) for c in more}
        if not more:
            continue
        examples = tuple(more[:EXAMPLES])
        broken: tuple[str, ...] = ()
        if not relaxed_options.compose:
            broken = tuple(first_break(index, c, options.include_engineered) for c in examples)
        elif relaxed_matches is not matches:
            broken = tuple(outside(c, matches) for c in examples)
        cuts.append(Cut(reason, len(more), examples, broken, one_filter))
    return WhyNot(
        start,
        end,
        _ends(reaches, True),
        _ends(reached, False),
        tuple(cuts),
        "" if reaches else _stops(index, start, wide, matches, True),
        "" if reached else _stops(index, end, wide, matches, False),
    )


def text(result: WhyNot, labels: Mapping[str, str], kinds: Mapping[str, str], depth: int) -> str:
    """The answer as lines under a path's table."""
    from exograph.reason.explain import worded
    from exograph.reason.render import chain_header

    def named(keys: tuple[str, ...]) -> str:
        shown = ", ".join(labels.get(k, k) for k in keys[:8])
        return shown + (f" and {len(keys) - 8} more" if len(keys) > 8 else "")

    start, end = labels.get(result.start, result.start), labels.get(result.end, result.end)
    steps = f"{depth} step{'s' if depth != 1 else ''}"
    out = ["Why not:"]
    if result.reaches:
        many = f"{len(result.reaches)} entit{'ies' if len(result.reaches) != 1 else 'y'}"
        out.append(f"  {start} reaches {many} in up to {steps}: {named(result.reaches)}.")
    else:
        out.append(f"  {start} reaches nothing in up to {steps} ({result.start_stops}).")
    if result.reached_from:
        out.append(f"  {end} is reached from {len(result.reached_from)}: {named(result.reached_from)}.")
    else:
        out.append(f"  Nothing reaches {end} in up to {steps} ({result.end_stops}).")
    for cut in result.cuts:
        plural = "s" if cut.count != 1 else ""
        out.append(f"  {cut.count} chain{plural} cut by {cut.reason}, e.g.:")
        for i, chain in enumerate(cut.examples):
            why = f"  [{worded(cut.rules[i], labels)}]" if cut.rules else ""
            out.append(f"    {chain_header(chain, labels, kinds)}{why}")
    if not result.cuts:
        out.append(
            "  No chain is cut by the length, the filters, hypotheses, negated findings or the composition rules."
        )
    return "\n".join(out) + "\n"


def as_json(result: WhyNot, labels: Mapping[str, str], kinds: Mapping[str, str], depth: int) -> dict[str, Any]:
    """The answer as data for scripts: the same facts as :func:`text`, entity keys beside their names."""
    from exograph.reason.explain import worded
    from exograph.reason.render import chain_header

    def entities(keys: tuple[str, ...]) -> list[dict[str, str]]:
        return [{"key": k, "label": labels.get(k, k)} for k in keys]

    return {
        "start": result.start,
        "end": result.end,
        "max_length": depth,
        "reaches": entities(result.reaches),
        "start_stops": result.start_stops or None,
        "reached_from": entities(result.reached_from),
        "end_stops": result.end_stops or None,
        "cuts": [
            {
                "reason": cut.reason,
                "filter": dict(zip(("name", "value"), cut.filter, strict=True)) if cut.filter else None,
                "count": cut.count,
                "examples": [
                    {
                        "header": chain_header(chain, labels, kinds),
                        "assertions": chain.assertion_ids,
                        "breaks": worded(cut.rules[i], labels) if cut.rules else None,
                    }
                    for i, chain in enumerate(cut.examples)
                ],
            }
            for cut in result.cuts
        ],
    }
