"""Draw random chains the way a reviewer meets them, for a blind review (docs/chain-review.md).

    python scripts/sample_chains.py --seed 7 --count 40 > /tmp/sample.txt

A reviewer asks about the entities the curation says most about, so each draw takes one of the
``--top`` most connected entities (counted as regulator or target of an assertion), a query among
``drivers``, ``regulators`` and ``targets`` at depth 3 and ``path`` to a second such entity, exactly as
the command line asks it (the defaults: no hypotheses, no negated findings, 50 chains at most), and one
chain of the answer at random. A query that prints no chain, or a chain drawn before, is drawn again, so
the sample is ``--count`` distinct chains. The same seed on the same curation draws the same chains.

Each chain is printed as the command line reads it (header, sign line), then every step with every
assertion it rests on: the id, the sentence ``exograph explain`` gives it, and each quote verbatim
and whole (never cut), with its section, so that a reviewer judges the step from the text itself.
Everything comes from the Python API (:mod:`exograph.api`); nothing here composes steps.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import exograph
from exograph.api import ChainResult, KnowledgeGraph
from exograph.reason.chains import Chain
from exograph.reason.explain import step_phrase, subject, via_text
from exograph.reason.render import chain_header, chain_summary, step_marks

#: The queries a reviewer meets, drawn with equal chance.
QUERIES = ("drivers", "regulators", "targets", "path")
#: The depth the depth queries are asked at.
DEPTH = 3
#: Draws in a row that give no new chain before the sample gives up (the top entities print no more).
TRIES = 200


@dataclass(frozen=True, slots=True)
class Draw:
    """One sampled chain and the question that printed it."""

    command: str
    rank: int
    of: int
    chain: Chain
    result: ChainResult


def most_connected(kg: KnowledgeGraph, top: int) -> list[str]:
    """The ``top`` entities named most often as regulator or target (ties in key order, so draws repeat)."""
    counts: Counter[str] = Counter()
    for assertion in kg.store.assertions():
        counts[assertion["regulator"]] += 1
        counts[assertion["target"]] += 1
    return [key for key, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]]


def _ask(kg: KnowledgeGraph, rng: random.Random, entities: Sequence[str]) -> tuple[str, ChainResult]:
    """One random question, as its command line, and its answer."""
    kind = rng.choice(QUERIES)
    if kind == "path":
        start, end = rng.sample(list(entities), 2)
        return f'exograph path "{start}" "{end}"', kg.path(start, end)
    name = rng.choice(list(entities))
    return f'exograph {kind} "{name}" --depth {DEPTH}', getattr(kg, kind)(name, DEPTH)


def sample(kg: KnowledgeGraph, seed: int, count: int, top: int = 40) -> Iterator[Draw]:
    """``count`` distinct chains drawn with ``seed`` (fewer only when the curation cannot give them)."""
    rng = random.Random(seed)
    entities = most_connected(kg, top)
    seen: set[tuple[str, ...]] = set()
    drawn = misses = 0
    while drawn < count and misses < TRIES:
        misses += 1
        command, result = _ask(kg, rng, entities)
        if not result.chains:
            continue
        rank = rng.randrange(len(result.chains))
        chain = result.chains[rank]
        key = (chain_header(chain, result.labels, result.kinds), *chain.assertion_ids)
        if key in seen:
            continue
        seen.add(key)
        drawn, misses = drawn + 1, 0
        yield Draw(command, rank + 1, len(result.chains), chain, result)


def describe(kg: KnowledgeGraph, number: int, draw: Draw) -> str:
    """One chain as a reviewer reads it: the question, the chain, and each step's assertions with their quotes."""
    chain, kinds = draw.chain, draw.result.kinds
    records = kg.assertions(chain.assertion_ids)
    labels = {**kg.labels_for(records.values()), **draw.result.labels}
    lines = [
        f"## Chain {number}",
        f"`{draw.command}` -> chain {draw.rank} of {draw.of}",
        "",
        f"    {chain_header(chain, labels, kinds)}",
        f"    = {chain_summary(chain, labels)}{'' if chain.coherent else '  [steps from another context]'}",
    ]
    for index, (step, following) in enumerate(zip(chain.steps, chain.joins, strict=True), 1):
        marks = step_marks(step, labels, following)
        lines += [
            "",
            f"  Step {index}: {subject(step, labels, kinds)} {step_phrase(step, labels, kinds)}"
            + (f"  [{'; '.join(marks)}]" if marks else ""),
        ]
        if step.via:
            lines.append(f"    then through the transfer link [{via_text(step.via, labels, kinds)}]")
        for assertion_id in step.assertions:
            lines += [f"  - {assertion_id}", f"    sentence: {kg.explain(assertion_id)}"]
            lines += [f'    quote [{ev["section"]}]: "{ev["quote"]}"' for ev in records[assertion_id]["evidence"]]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, required=True, help="the random seed (the same seed draws the same chains)")
    parser.add_argument("--count", type=int, default=40, help="how many distinct chains to draw (default 40)")
    parser.add_argument("--top", type=int, default=40, help="draw entities among this many most connected (40)")
    parser.add_argument("--root", type=Path, default=None, help="the curation root (default: as exograph finds it)")
    args = parser.parse_args(argv)
    if args.count < 1 or args.top < 2:
        parser.error("--count must be at least 1 and --top at least 2")
    kg = exograph.load(args.root)
    draws = list(sample(kg, args.seed, args.count, args.top))
    print(f"# {len(draws)} chains drawn with seed {args.seed} among the {args.top} most connected entities\n")
    for number, draw in enumerate(draws, 1):
        print(describe(kg, number, draw))
    if len(draws) < args.count:
        print(f"(only {len(draws)} distinct chains could be drawn)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
