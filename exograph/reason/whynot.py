"""Why a path finds nothing (or little): where the search stops and what cut the chains that would exist.

Each question is answered by searching again with one thing relaxed: the length, the filters,
hypotheses, negated findings, engineered vesicles, and the composition rules themselves. A chain
found only when one is relaxed was cut by it; a chain found only without the composition rules
is shown with the first pair of its steps that does not compose, and the rule that says why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

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
    #: For chains cut by a composition rule: the rule each example breaks, in words.
    rules: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class WhyNot:
    start: str
    end: str
    #: Entities the start reaches in up to the length asked (downstream chains), nearest first.
    reaches: tuple[str, ...]
    #: Entities that reach the end in up to the length asked (upstream chains), nearest first.
    reached_from: tuple[str, ...]
    cuts: tuple[Cut, ...]


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


def why_not(index: Index, start: str, end: str, options: ChainOptions, matches: Matcher) -> WhyNot:
    """Where a path from ``start`` to ``end`` stops, and what cut the chains that would otherwise exist."""
    wide = replace(options, max_chains=10_000)
    found = {tuple(c.assertion_ids) for c in paths(index, start, end, wide, matches).chains}
    reaches, _ = downstream(index, start, wide, matches)
    reached, _, _ = upstream(index, end, wide, matches)
    relaxed: list[tuple[str, ChainOptions, Matcher]] = []
    if options.depth < MAX_DEPTH:
        relaxed.append((f"the length (--max-length {options.depth})", replace(wide, depth=options.depth + 1), matches))
    if matches is not None:
        relaxed.append(("a step outside the filters", wide, None))
    if not options.include_hypotheses:
        relaxed.append(
            ("a hypothesis (--include-hypotheses shows it)", replace(wide, include_hypotheses=True), matches)
        )
    if not options.include_negated:
        relaxed.append(("a negated finding (--include-negated shows it)", replace(wide, include_negated=True), matches))
    if not options.include_engineered:
        relaxed.append(("engineered vesicles (--include-engineered)", replace(wide, include_engineered=True), matches))
    relaxed.append(("a composition rule", replace(wide, compose=False), matches))
    cuts = []
    for reason, relaxed_options, relaxed_matches in relaxed:
        more = [
            c
            for c in paths(index, start, end, relaxed_options, relaxed_matches).chains
            if tuple(c.assertion_ids) not in found
        ]
        if not more:
            continue
        examples = tuple(more[:EXAMPLES])
        broken = (
            tuple(first_break(index, c, options.include_engineered) for c in examples)
            if not relaxed_options.compose
            else ()
        )
        cuts.append(Cut(reason, len(more), examples, broken))
    return WhyNot(start, end, _ends(reaches, True), _ends(reached, False), tuple(cuts))


def text(result: WhyNot, labels: Mapping[str, str], kinds: Mapping[str, str], depth: int) -> str:
    """The answer as lines under a path's table."""
    from exograph.reason.render import chain_header

    def named(keys: tuple[str, ...]) -> str:
        shown = ", ".join(labels.get(k, k) for k in keys[:8])
        return shown + (f" and {len(keys) - 8} more" if len(keys) > 8 else "")

    start, end = labels.get(result.start, result.start), labels.get(result.end, result.end)
    out = ["Why not:"]
    if result.reaches:
        out.append(f"  {start} reaches {len(result.reaches)} entities in up to {depth} steps: {named(result.reaches)}.")
    else:
        out.append(f"  {start} reaches nothing in up to {depth} steps (no usable step starts there).")
    if result.reached_from:
        out.append(f"  {end} is reached from {len(result.reached_from)}: {named(result.reached_from)}.")
    else:
        out.append(f"  Nothing reaches {end} in up to {depth} steps.")
    for cut in result.cuts:
        plural = "s" if cut.count != 1 else ""
        out.append(f"  {cut.count} chain{plural} cut by {cut.reason}, e.g.:")
        for i, chain in enumerate(cut.examples):
            why = f"  [{_words(cut.rules[i], labels)}]" if cut.rules else ""
            out.append(f"    {chain_header(chain, labels, kinds)}{why}")
    if not result.cuts:
        out.append(
            "  No chain is cut by the length, the filters, hypotheses, negated findings or the composition rules."
        )
    return "\n".join(out) + "\n"


def _words(reason: str, labels: Mapping[str, str]) -> str:
    """A rule's reason with entity keys replaced by their names."""
    return " ".join(labels.get(word, word) for word in reason.split(" "))
