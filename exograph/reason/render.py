"""Print chains, conflicts and search hits: a table for reading, JSON and TSV for scripts.

JSON always carries assertion ids (and entity keys beside labels) so a script can follow up
with ``exograph show ID`` or :meth:`exograph.api.KnowledgeGraph.assertion`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from exograph.compiled.records import AssertionRecord
from exograph.query.text import context_text
from exograph.reason.explain import LINKS, cargo_text, link_phrase, other_context, step_phrase, subject, worded
from exograph.reason.quotes import excerpt
from exograph.reason.steps import Step
from exograph.safetext import visible

if TYPE_CHECKING:
    from exograph.api import ChainResult, SearchResult
    from exograph.reason.chains import Chain, Chains

SIGN_NAMES = {1: "increases", -1: "decreases", 0: "unsigned"}
#: Assertions listed under a step in the table; JSON and TSV list them all.
SHOWN = 5


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _dump(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _tsv(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(v.replace("\t", " ").replace("\n", " ") for v in row) for row in rows) + "\n"


def step_marks(step: Step, labels: Mapping[str, str], following: str | None) -> list[str]:
    marks = [name for name in ("hypothesis", "negated") if getattr(step, name)]
    if step.target_link and step.target_link != "transfer":
        to = f" of {labels.get(following, following)}" if following else ""
        marks.append(f"{step.target_link}-level{to}")
    marks += [other_context(step, f, labels) for f in step.other_context]
    return marks


def chain_header(chain: Chain, labels: Mapping[str, str], kinds: Mapping[str, str]) -> str:
    """'sorafenib: increases the activity of RAB27A -> increases exosomal secretion -> [extracellular exosomes
    from Huh-7 cells to Huh-7 cells] -> increase the activity of AKT': each step as the texts say it, each
    family member and transfer named, so two chains never read the same."""
    first = chain.steps[0]
    begin = labels.get(first.regulator, first.regulator)
    out = cargo_text(first, labels, kinds) if first.cargo else begin
    if chain.start_link and chain.start:
        out += f" ({begin} is {LINKS[chain.start_link]} {labels.get(chain.start, chain.start)})"
    out += ":"
    for i, (step, following) in enumerate(zip(chain.steps, chain.joins, strict=True)):
        if i and step.cargo and not chain.steps[i - 1].via:  # cargo reached by loading: who sends it to whom
            out += f" -> [{cargo_text(step, labels, kinds)}]"
        out += f"{' ->' if i else ''} {step_phrase(step, labels, kinds)}"
        link = link_phrase(step, following, labels, kinds)
        if link:
            out += f" -> {link}" if step.via else f" ({link})"
    return out


def chain_summary(chain: Chain, labels: Mapping[str, str]) -> str:
    """'increases', 'may increase', 'no change (a negated step)', 'unsigned (why)'."""
    if chain.hedge == "does not":
        return "no change (a negated step)"
    if chain.sign == 0:
        return f"unsigned ({worded(chain.unsigned_because or '', labels)})"
    word = SIGN_NAMES[chain.sign]
    return f"may {word[:-1]}" if chain.hedge == "may" else word


def chains_table(
    result: ChainResult,
    records: Mapping[str, AssertionRecord],
    quotes: str = "none",
    explanations: Mapping[int, str] | None = None,
) -> str:
    query, labels, kinds = result.query, result.labels, result.kinds
    name = labels.get(query.subject, query.subject)
    if query.end:
        name += f" to {labels.get(query.end, query.end)}"
    if not query.chains:
        return f"No chains for {query.kind} {name} match.\n{_left_out(query)}"
    out = []
    for rank, chain in enumerate(query.chains, 1):
        sources = {src for s in chain.steps for src in s.sources}
        context = "" if chain.coherent else "  [steps from another context]"
        counts = f"{_plural(len(chain.steps), 'step')}; {_plural(len(sources), 'supporting source')}"
        out.append(f"{rank}. {chain_header(chain, labels, kinds)}")
        score = f"; score {result.scores[rank - 1]:.2f}" if result.scores else ""
        out.append(f"   = {chain_summary(chain, labels)}; {counts}{score}{context}")
        for step, following in zip(chain.steps, chain.joins, strict=True):
            marks = step_marks(step, labels, following)
            line = f"   {subject(step, labels, kinds)} {step_phrase(step, labels, kinds)}"
            out.append(line + (f"  [{'; '.join(marks)}]" if marks else ""))
            for assertion_id in step.assertions[:SHOWN]:
                a = records[assertion_id]
                out.append(f"      {assertion_id}  ({context_text(a, labels) or 'no context stated'})")
                listed = a["evidence"] if quotes == "all" else a["evidence"][:1] if quotes == "first" else []
                names = [labels.get(k, k) for k in (a["regulator"], a["target"])]
                out += [f'        "{excerpt(ev["quote"], names)}" [{ev["section"]}]' for ev in listed]
            if len(step.assertions) > SHOWN:
                out.append(f"      (+{len(step.assertions) - SHOWN} more assertions; --format json lists them)")
        if explanations and rank in explanations:
            out.append(f"   {explanations[rank]}")
    shown = len(query.chains)
    summary = f"({shown} chain{'s' if shown != 1 else ''}"
    if query.cut:
        summary += f"; {'at least ' if not query.complete else ''}{query.cut} more cut: raise --max-chains to see them"
    elif not query.complete:
        summary += "; search budget reached, longer chains not explored"
    return "\n".join(out) + "\n" + summary + ")\n" + _left_out(query)


def _left_out(query: Chains) -> str:
    """The line saying how many chains were left out because their steps come from different contexts (at
    least: the search does not grow a partial chain whose steps already differ)."""
    count = query.other_contexts
    if not count:
        return ""
    least = "" if query.other_contexts_complete else "at least "
    shown = "--across-contexts shows them, marked"
    return f"({least}{_plural(count, 'chain')} left out: steps from different diseases or cells; {shown})\n"


def _step_json(
    step: Step, labels: Mapping[str, str], kinds: Mapping[str, str], following: str | None
) -> dict[str, Any]:
    return {
        "regulator": step.regulator,
        "regulator_label": labels.get(step.regulator, step.regulator),
        "target": step.target,
        "target_label": labels.get(step.target, step.target),
        "sign": SIGN_NAMES[step.sign],
        "says": step_phrase(step, labels, kinds),
        "aspects": list(step.aspects),
        "transfer": step.via,
        "assertions": list(step.assertions),
        "sources": list(step.sources),
        "primary_sources": step.primary,
        "hypothesis": step.hypothesis,
        "negated": step.negated,
        "target_link": step.target_link,
        "joins": following,
        "other_context": list(step.other_context),
    }


def chains_json(
    result: ChainResult, explanations: Mapping[int, str] | None = None, why_not: dict[str, Any] | None = None
) -> str:
    """The chains as JSON; ``why_not`` (:func:`exograph.reason.whynot.as_json`) is added as its own object."""
    query = result.query
    chains = []
    for rank, chain in enumerate(query.chains, 1):
        item: dict[str, Any] = {
            "rank": rank,
            "sign": SIGN_NAMES[chain.sign],
            "length": len(chain.steps),
            "coherent": chain.coherent,
            "start_link": chain.start_link,
            "header": chain_header(chain, result.labels, result.kinds),
            "hedge": chain.hedge,
            "unsigned_because": worded(chain.unsigned_because, result.labels) if chain.unsigned_because else None,
            "steps": [
                _step_json(s, result.labels, result.kinds, f) for s, f in zip(chain.steps, chain.joins, strict=True)
            ],
        }
        if result.scores:
            item["score"] = result.scores[rank - 1]
        if explanations:
            item["explanation"] = explanations[rank]
        chains.append(item)
    head = {
        "query": query.kind,
        "subject": query.subject,
        "end": query.end,
        "cut": query.cut,
        "other_contexts": query.other_contexts,
        "other_contexts_complete": query.other_contexts_complete,
    }
    data = {**head, "complete": query.complete, "labels": result.labels, "chains": chains}
    return _dump({**data, "why_not": why_not} if why_not is not None else data)


CHAIN_TSV = (
    "chain",
    "chain_sign",
    "length",
    "coherent",
    "step",
    "regulator",
    "regulator_label",
    "sign",
    "aspects",
    "target",
    "target_label",
    "marks",
    "sources",
    "assertions",
)


def chains_tsv(result: ChainResult, explanations: Mapping[int, str] | None = None) -> str:
    rows = [list(CHAIN_TSV) + (["score"] if result.scores else []) + (["explanation"] if explanations else [])]
    labels = result.labels
    for rank, chain in enumerate(result.query.chains, 1):
        for number, (step, following) in enumerate(zip(chain.steps, chain.joins, strict=True), 1):
            rows.append(
                [
                    str(rank),
                    SIGN_NAMES[chain.sign],
                    str(len(chain.steps)),
                    str(chain.coherent).lower(),
                    str(number),
                    step.regulator,
                    labels.get(step.regulator, step.regulator),
                    "no effect" if step.negated else SIGN_NAMES[step.sign],
                    "|".join(step.aspects),
                    step.target,
                    labels.get(step.target, step.target),
                    "; ".join(step_marks(step, labels, following)),
                    "|".join(step.sources),
                    "|".join(step.assertions),
                    *([f"{result.scores[rank - 1]:.2f}"] if result.scores else []),
                    *([explanations[rank]] if explanations else []),
                ]
            )
    return _tsv(rows)


# -- search -------------------------------------------------------------------------------------
def _hit_flags(hit: Any) -> list[str]:
    return [name for name in ("hypothesis", "negated") if getattr(hit, name)]


def search_table(result: SearchResult) -> str:
    if not (result.entities or result.assertions):
        return f"Nothing matches '{visible(result.text)}'.\n"
    out = ["ENTITIES", *([f"  {visible(h.label)}  ({h.key})" for h in result.entities] or ["  (none)"])]
    out += [
        "ASSERTIONS",
        *(
            [
                f"  {h.key}{''.join(f'  [{flag}]' for flag in _hit_flags(h))}\n      {visible(h.snippet)}"
                for h in result.assertions
            ]
            or ["  (none)"]
        ),
    ]
    return "\n".join(out) + "\n"


def search_json(result: SearchResult) -> str:
    def hits(items: tuple[Any, ...]) -> list[dict[str, Any]]:
        return [
            {
                "key": h.key,
                "label": h.label,
                "snippet": h.snippet,
                "score": round(h.score, 3),
                "hypothesis": h.hypothesis,
                "negated": h.negated,
            }
            for h in items
        ]

    return _dump({"text": result.text, "entities": hits(result.entities), "assertions": hits(result.assertions)})


def search_tsv(result: SearchResult) -> str:
    rows = [["section", "rank", "key", "label", "score", "hypothesis", "negated", "snippet"]]
    for section, items in (("entity", result.entities), ("assertion", result.assertions)):
        rows += [
            [
                section,
                str(i),
                h.key,
                h.label,
                f"{h.score:.3f}",
                str(h.hypothesis).lower(),
                str(h.negated).lower(),
                h.snippet,
            ]
            for i, h in enumerate(items, 1)
        ]
    return _tsv(rows)


SEARCH_RENDERERS: dict[str, Callable[[SearchResult], str]] = {
    "table": search_table,
    "json": search_json,
    "tsv": search_tsv,
}
