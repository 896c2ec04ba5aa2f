"""Questions biologists ask of the graph: what drives X, what regulates X, what X acts on.

Names resolve by key, label, synonym or CURIE. A query on a broad process
(e.g. EV secretion) also gathers assertions on its narrower processes
(exosome secretion, microvesicle shedding), following the curated hierarchy.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from exograph.compiled.records import AssertionRecord, filter_context
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
    """Context restrictions; an assertion passes when it matches **all** of them.

    Entity filters (organism … recipient) follow the broader/narrower hierarchy: ``disease="cancer"``
    matches an assertion in hepatocellular carcinoma when HCC lies (through ``broader``) within cancer.
    """

    organism: str | None = None
    cell_line: str | None = None
    cell_type: str | None = None
    disease: str | None = None
    condition: str | None = None
    donor: str | None = None
    recipient: str | None = None
    #: ``in_vitro``, ``in_vivo``, ``ex_vivo``, ``clinical`` or ``in_silico``: the context's stated system.
    system: str | None = None
    #: A perturbation of the evidence (``knockdown`` …) or a class of them (``loss_of_function``).
    perturbation: str | None = None
    source: str | None = None
    hypotheses: bool = True
    negated: bool = True

    #: Which context fields each entity filter looks in: a cell filter also matches exosome donors and
    #: recipients, a cell type also its cell lines (a cell line lies within its cell type by ``broader``), and a
    #: disease also the diseases of the cell lines named (:func:`exograph.compiled.records.filter_context`).
    FIELDS = (
        ("organism", ("organisms",)),
        ("cell_line", ("cell_lines", "donors", "recipients")),
        ("cell_type", ("cell_types", "cell_lines", "donors", "recipients")),
        ("disease", ("diseases", "cell_line_diseases")),
        ("condition", ("conditions",)),
        ("donor", ("donors",)),
        ("recipient", ("recipients",)),
    )

    @property
    def narrowing(self) -> bool:
        """Whether any context filter is set (the flags for hypotheses and negated findings aside)."""
        options = (*(option for option, _ in self.FIELDS), "system", "perturbation", "source")
        return any(getattr(self, option) for option in options)


@dataclass(slots=True)
class Result:
    """Matching assertions plus the labels needed to print them."""

    subject: str
    assertions: list[AssertionRecord] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    #: Assertions about a family or member of the subject rather than the subject: id -> mark.
    levels: dict[str, str] = field(default_factory=dict)
    #: When answers are ranked by evidence: each assertion's claim score (exograph.reason.consensus), by id.
    scores: dict[str, float] = field(default_factory=dict)


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


def context_matcher(store: Store, filters: Filters) -> Callable[[str, Mapping[str, Any]], bool]:
    """Whether an assertion's source and :func:`filter_context` pass ``filters`` (flags are checked by the caller).

    Every filter must hold (they are joined by *all*). Names are resolved once, so chain search can
    test thousands of steps cheaply.
    """
    from exograph.query.filters import check_filters, perturbations

    check_filters(store, filters)
    wanted = _context_sets(store, filters)
    manipulated = perturbations(filters.perturbation) if filters.perturbation else None

    def matches(source: str, context: Mapping[str, Any]) -> bool:
        if filters.source and source != filters.source:
            return False
        if filters.system and context.get("system") != filters.system:
            return False
        if manipulated is not None and not manipulated & set(context.get("perturbations", ())):
            return False
        return all(any(keys & set(context.get(f, ())) for f in fields) for fields, keys in wanted)

    return matches


def _keep(store: Store, assertions: list[AssertionRecord], filters: Filters) -> list[AssertionRecord]:
    matches, lines = context_matcher(store, filters), store.line_diseases()
    kept = []
    for a in assertions:
        if (a["hypothesis"] and not filters.hypotheses) or (a["negated"] and not filters.negated):
            continue
        if matches(a["source"], filter_context(a, lines)):
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


#: How an entity related to the queried one is marked: the key is its relation to the query.
LEVELS = {"family": "family-level", "member": "member-level", "parent": "gene-level", "variant": "variant-level"}


def related(store: Store, key: str) -> dict[str, str]:
    """The families ``key`` belongs to and its members (and a variant's gene, a gene's variants)."""
    rows = store.db.execute("SELECT grouping, part, relation FROM members WHERE grouping = ? OR part = ?", (key, key))
    found: dict[str, str] = {}
    for grouping, part, relation in rows:
        if part == key:
            found[grouping] = "family" if relation == "member" else "parent"
        else:
            found[part] = "member" if relation == "member" else "variant"
    return found


def _gather(store: Store, key: str, column: str, filters: Filters) -> Result:
    """Assertions on ``key`` and narrower concepts, plus those on its families or members, marked."""
    keys = store.narrower_closure(key)
    extra = {k: rel for k, rel in related(store, key).items() if k not in keys}
    fetch = store.by_target if column == "target" else store.by_regulator
    result = _result(store, key, _keep(store, fetch([*keys, *extra]), filters))
    for a in result.assertions:
        if a[column] in extra:  # type: ignore[literal-required]
            result.levels[a["id"]] = f"{LEVELS[extra[a[column]]]}: {result.labels[a[column]]}"  # type: ignore[literal-required]
    return result


def regulators(store: Store, name: str, filters: Filters = Filters()) -> Result:
    """Every assertion acting on ``name`` (or a narrower concept, family or member), with its sign."""
    return _gather(store, resolve(store, name), "target", filters)


def drivers(store: Store, name: str, filters: Filters = Filters()) -> Result:
    """What increases ``name``: the positive, non-negated regulators."""
    result = regulators(store, name, replace(filters, negated=False))
    result.assertions = [a for a in result.assertions if a["direction"] == "increases"]
    return result


def targets(store: Store, name: str, filters: Filters = Filters()) -> Result:
    """Every assertion in which ``name`` (or a narrower concept, family or member) is the regulator."""
    return _gather(store, resolve(store, name), "regulator", filters)
