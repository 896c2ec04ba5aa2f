"""Questions biologists ask of the graph: what drives X, what regulates X, what X acts on.

Names resolve by key, label, synonym or CURIE. A query on a broad process
(e.g. EV secretion) also gathers assertions on its narrower processes
(exosome secretion, microvesicle shedding), following the curated hierarchy.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from exograph.compiled.records import AssertionRecord
from exograph.compiled.store import Store


class UnknownName(LookupError):
    """A name that resolves to no entity, with the nearest names as suggestions."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no entity is called '{name}'{hint}")
        self.name = name
        self.suggestions = suggestions


@dataclass(frozen=True, slots=True)
class Filters:
    """Context restrictions, by entity name; an assertion passes when it matches all of them."""

    organism: str | None = None
    cell_line: str | None = None
    cell_type: str | None = None
    disease: str | None = None
    condition: str | None = None
    source: str | None = None
    hypotheses: bool = True
    negated: bool = True

    #: Which context fields each filter looks in: a cell filter also matches exosome donors and recipients.
    FIELDS = (
        ("organism", ("organisms",)),
        ("cell_line", ("cell_lines", "donors", "recipients")),
        ("cell_type", ("cell_types", "donors", "recipients")),
        ("disease", ("diseases",)),
        ("condition", ("conditions",)),
    )


@dataclass(slots=True)
class Result:
    """Matching assertions plus the labels needed to print them."""

    subject: str
    assertions: list[AssertionRecord] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)


def resolve(store: Store, name: str) -> str:
    key = store.resolve(name)
    if key is None:
        raise UnknownName(name, store.suggest(name))
    return key


def _context_sets(store: Store, filters: Filters) -> list[tuple[tuple[str, ...], set[str]]]:
    wanted: list[tuple[tuple[str, ...], set[str]]] = []
    for option, context_fields in Filters.FIELDS:
        name = getattr(filters, option)
        if name:
            wanted.append((context_fields, set(store.narrower_closure(resolve(store, name)))))
    return wanted


def _keep(store: Store, assertions: list[AssertionRecord], filters: Filters) -> list[AssertionRecord]:
    from exograph.query.filters import check_filters

    check_filters(store, filters)
    wanted = _context_sets(store, filters)
    kept = []
    for a in assertions:
        if filters.source and a["source"] != filters.source:
            continue
        if (a["hypothesis"] and not filters.hypotheses) or (a["negated"] and not filters.negated):
            continue
        context = a["context"]
        if all(any(keys & set(context.get(f, ())) for f in fields) for fields, keys in wanted):
            kept.append(a)
    return kept


DIRECTION_ORDER = {"increases": 0, "decreases": 1, "regulates": 2}


def _result(store: Store, subject: str, assertions: list[AssertionRecord]) -> Result:
    """Attach labels, and order for reading: by sign, then regulator, then target, then id."""
    keys = {k for a in assertions for k in (a["regulator"], a["target"])}
    keys |= {k for a in assertions for v in a["context"].values() if isinstance(v, list) for k in v}
    labels = store.labels(keys | {subject})
    assertions.sort(
        key=lambda a: (
            DIRECTION_ORDER[a["direction"]],
            a["negated"],
            labels[a["regulator"]].casefold(),
            labels[a["target"]].casefold(),
            a["id"],
        )
    )
    return Result(subject, assertions, labels)


def regulators(store: Store, name: str, filters: Filters = Filters()) -> Result:
    """Every assertion acting on ``name`` (or a narrower concept), with its sign."""
    key = resolve(store, name)
    return _result(store, key, _keep(store, store.by_target(store.narrower_closure(key)), filters))


def drivers(store: Store, name: str, filters: Filters = Filters()) -> Result:
    """What increases ``name``: the positive, non-negated regulators."""
    result = regulators(store, name, replace(filters, negated=False))
    result.assertions = [a for a in result.assertions if a["direction"] == "increases"]
    return result


def targets(store: Store, name: str, filters: Filters = Filters()) -> Result:
    """Every assertion in which ``name`` (or a narrower concept) is the regulator."""
    key = resolve(store, name)
    return _result(store, key, _keep(store, store.by_regulator(store.narrower_closure(key)), filters))
