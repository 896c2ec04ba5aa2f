"""The Python API: the questions the command line asks, for scripts and notebooks.

>>> import exograph
>>> kg = exograph.load()                      # the checkout you stand in, else the shipped curation
>>> result = kg.drivers("RAB27A", depth=2)    # chains that raise RAB27A, ranked, with assertion ids
>>> print(kg.explain(result.chains[0]))

Every result is a frozen dataclass holding entity keys, assertion ids and the labels needed
to print them; the command line prints exactly these. Opening is fast (a compiled SQLite cache)
and nothing heavier than the standard library is imported until :meth:`to_networkx`; the
reasoning modules are imported by the first question that needs them, so a plain neighbour
query (every ``exograph drivers`` without ``--depth``) never loads them.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exograph.compiled.records import AssertionRecord, SourceRecord
from exograph.compiled.store import Store, open_store
from exograph.query import neighbours
from exograph.query.neighbours import Filters, UnknownName

if TYPE_CHECKING:
    from exograph.reason import chains as chain_search
    from exograph.reason.chains import Chain, ChainOptions, Chains
    from exograph.reason.conflicts import Conflict
    from exograph.reason.consensus import Claim
    from exograph.reason.index import Index
    from exograph.reason.search import Hit
    from exograph.reason.steps import Step
    from exograph.reason.whynot import WhyNot

#: Result types of the reasoning modules, part of this API, imported when first named.
_LAZY = {
    "Chain": "exograph.reason.chains",
    "Chains": "exograph.reason.chains",
    "Step": "exograph.reason.steps",
    "WhyNot": "exograph.reason.whynot",
    "Conflict": "exograph.reason.conflicts",
    "Claim": "exograph.reason.consensus",
    "Hit": "exograph.reason.search",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Chain",
    "ChainResult",
    "Chains",
    "Claim",
    "Conflict",
    "ConflictResult",
    "Hit",
    "KnowledgeGraph",
    "SearchResult",
    "Step",
    "SummaryResult",
    "UnknownAssertion",
    "UnknownName",
    "WhyNot",
    "WhyNotResult",
    "load",
]


class UnknownAssertion(LookupError):
    """An assertion id the curation does not hold."""


@dataclass(frozen=True, slots=True)
class ChainResult:
    """Ranked chains answering drivers/regulators/targets/path, with the labels to print them."""

    query: Chains
    labels: dict[str, str] = field(default_factory=dict)
    #: The kind of every entity the chains name, so that steps read right ("increases exosomal secretion").
    kinds: dict[str, str] = field(default_factory=dict)
    #: With ``rank="score"``: each chain's score (its weakest step's claim score), in the order of ``chains``.
    scores: tuple[float, ...] = ()

    @property
    def chains(self) -> tuple[Chain, ...]:
        return self.query.chains


@dataclass(frozen=True, slots=True)
class WhyNotResult:
    """Why a path found nothing or little (see :meth:`KnowledgeGraph.why_not`), with the names to print it."""

    query: WhyNot
    labels: dict[str, str]
    kinds: dict[str, str]
    max_length: int

    def text(self) -> str:
        from exograph.reason.whynot import text

        return text(self.query, self.labels, self.kinds, self.max_length)

    def as_json(self) -> dict[str, Any]:
        """The same facts as :meth:`text`, as data (``exograph path --format json`` prints it as ``why_not``)."""
        from exograph.reason.whynot import as_json

        return as_json(self.query, self.labels, self.kinds, self.max_length)


@dataclass(frozen=True, slots=True)
class ConflictResult:
    conflicts: tuple[Conflict, ...]
    assertions: dict[str, AssertionRecord]
    labels: dict[str, str]
    sources: dict[str, SourceRecord]


@dataclass(frozen=True, slots=True)
class SummaryResult:
    """One consensus line per regulator -> target -> aspect around ``subject``, best supported first."""

    subject: str
    claims: tuple[Claim, ...]
    labels: dict[str, str]


#: How answers may be ordered: as each query always did, or by the evidence score of their claim.
RANKS = ("default", "score")


@dataclass(frozen=True, slots=True)
class SearchResult:
    text: str
    entities: tuple[Hit, ...]
    assertions: tuple[Hit, ...]


#: The keyword filters every query takes (see :class:`exograph.query.neighbours.Filters`).
FILTER_NAMES = (
    "organism",
    "cell_line",
    "cell_type",
    "disease",
    "condition",
    "donor",
    "recipient",
    "system",
    "perturbation",
    "source",
)


def _filters(hypotheses: bool, negated: bool, given: dict[str, Any]) -> Filters:
    unknown = set(given) - set(FILTER_NAMES)
    if unknown:
        raise TypeError(f"unknown filter(s): {', '.join(sorted(unknown))} (known: {', '.join(FILTER_NAMES)})")
    return Filters(hypotheses=hypotheses, negated=negated, **given)


def _chain_options(
    max_chains: int, include_hypotheses: bool, include_negated: bool, coherent: bool, include_engineered: bool
) -> dict[str, Any]:
    return {
        "max_chains": max_chains,
        "include_hypotheses": include_hypotheses,
        "include_negated": include_negated,
        "coherent": coherent,
        "include_engineered": include_engineered,
    }


def _cells(context: dict[str, Any]) -> list[str]:
    return [*context.get("donors", ()), *context.get("recipients", ())]


def _check_rank(rank: str) -> None:
    if rank not in RANKS:
        raise ValueError(f"rank must be one of {', '.join(RANKS)}, not {rank!r}")


class KnowledgeGraph:
    """One curation root's compiled knowledge."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._index: Index | None = None
        self._rdflib: dict[str, Any] = {}
        self._oxigraph: dict[str, Any] = {}

    def __repr__(self) -> str:
        return f"KnowledgeGraph(root={str(self.root)!r})"

    @property
    def root(self) -> Path:
        return self.store.root

    @property
    def index(self) -> Index:
        if self._index is None:
            from exograph.reason.index import Index

            self._index = Index.open(self.store)
        return self._index

    def resolve(self, name: str) -> str:
        """The entity key of ``name`` (key, label, synonym, CURIE); :class:`UnknownName` with suggestions."""
        return neighbours.resolve(self.store, name)

    # -- one step: the plain neighbour queries ------------------------------------------------
    def neighbours(
        self, kind: str, name: str, *, hypotheses: bool = True, rank: str = "default", **filters: Any
    ) -> neighbours.Result:
        """Direct assertions, as ``exograph drivers|regulators|targets NAME`` prints them.

        ``rank="score"`` orders them by the evidence score of their claim (:meth:`summary`), best
        first, and fills ``result.scores``; the score is the whole curation's for that claim.
        """
        query = {"drivers": neighbours.drivers, "regulators": neighbours.regulators, "targets": neighbours.targets}
        if kind not in query:
            raise ValueError(f"kind must be one of {', '.join(query)}, not {kind!r}")
        _check_rank(rank)
        result = query[kind](self.store, name, _filters(hypotheses, True, filters))
        if rank == "score":
            scores = self._claim_scores({a["regulator"] for a in result.assertions})
            result.scores = {
                a["id"]: scores[(a["regulator"], a["target"], a["aspect"], a["scope"])] for a in result.assertions
            }
            result.assertions.sort(key=lambda a: -result.scores[a["id"]])  # stable: the usual order within a score
        return result

    def _claim_scores(self, regulators: Iterable[str]) -> dict[tuple[str, str, str, str], float]:
        """The evidence score of every claim of these regulators (all their assertions, unfiltered), by
        regulator, target, aspect and scope."""
        from exograph.reason.consensus import claims

        found = claims(self.store.by_regulator(sorted(regulators)), self.store.sources())
        return {(c.regulator, c.target, c.aspect, c.scope): c.score for c in found}

    # -- chains ------------------------------------------------------------------------------
    def _chains(
        self, kind: str, name: str, depth: int, options: dict[str, Any], filters: dict[str, Any], rank: str
    ) -> ChainResult:
        from exograph.reason import chains as chain_search

        _check_rank(rank)
        chain_options = self._options(depth, options)
        found = chain_search.chains(self.index, kind, self.resolve(name), chain_options, self._matcher(filters))
        return self._ranked(found, rank)

    def _ranked(self, found: Chains, rank: str) -> ChainResult:
        """The chains labelled; with ``rank="score"``, ordered by their weakest step's claim score, best
        first, each with its score.

        A step's score is the best of its aspects' claims; the chains are those the usual ranking kept
        (``max_chains``), reordered.
        """
        from dataclasses import replace

        if rank == "default":
            return self._labelled(found)
        scores: dict[tuple[str, str, str], float] = {}
        for (regulator, target, aspect, _), score in self._claim_scores(
            {s.regulator for c in found.chains for s in c.steps}
        ).items():  # a step does not say its scope: the best claim of its aspect speaks for it
            key = (regulator, target, aspect)
            scores[key] = max(scores.get(key, -1.0), score)

        def weakest(chain: Chain) -> float:
            return min(max(scores.get((s.regulator, s.target, a), 0.0) for a in s.aspects) for s in chain.steps)

        ordered = sorted(found.chains, key=lambda c: -weakest(c))
        result = self._labelled(replace(found, chains=tuple(ordered)))
        return replace(result, scores=tuple(weakest(c) for c in ordered))

    def _matcher(self, filters: dict[str, Any]) -> chain_search.Matcher:
        checked = _filters(True, True, filters)
        return neighbours.context_matcher(self.store, checked) if checked.narrowing else None

    @staticmethod
    def _options(depth: int, options: dict[str, Any]) -> ChainOptions:
        from exograph.reason.chains import MAX_DEPTH, ChainOptions

        if not 1 <= depth <= MAX_DEPTH:
            raise ValueError(f"depth must be between 1 and {MAX_DEPTH}, not {depth}")
        if options.get("max_chains", 1) < 1:
            raise ValueError("max_chains must be at least 1")
        return ChainOptions(depth=depth, **options)

    def _labelled(self, found: Chains) -> ChainResult:
        keys = {found.subject, *([found.end] if found.end else [])}
        keys |= {k for c in found.chains for s in c.steps for k in (s.regulator, s.target)}
        from exograph.reason.steps import stated_diseases

        # the diseases a step from another disease is from
        keys |= {d for c in found.chains for s in c.steps if "diseases" in s.other_context for d in stated_diseases(s)}
        # the cells a transfer link names
        keys |= {
            k for c in found.chains for s in c.steps if s.via or s.cargo for r in s.rows for k in _cells(r.context)
        }
        return ChainResult(found, self.store.labels(keys), self._kinds(keys))

    def drivers(
        self,
        name: str,
        depth: int = 1,
        *,
        max_chains: int = 50,
        include_hypotheses: bool = False,
        include_negated: bool = False,
        across_contexts: bool = False,
        coherent: bool = True,
        include_engineered: bool = False,
        rank: str = "default",
        **filters: Any,
    ) -> ChainResult:
        """Chains of up to ``depth`` steps whose combined sign raises ``name``.

        ``filters``: organism, cell_line, cell_type, disease, condition, donor, recipient (names, each
        gathering its narrower terms), system (``in_vivo`` …), perturbation (``knockdown`` … or
        ``loss_of_function``/``gain_of_function``) and source (id); every step must match all of them.
        Hypotheses and negated findings are left out unless asked for; so are chains whose steps come from
        different diseases or cells (counted in ``other_contexts``) unless ``across_contexts`` (they are then
        marked). ``coherent`` is the old name of the default: ``coherent=False`` is ``across_contexts=True``.
        """
        return self._chains(
            "drivers",
            name,
            depth,
            _chain_options(
                max_chains, include_hypotheses, include_negated, coherent and not across_contexts, include_engineered
            ),
            filters,
            rank,
        )

    def regulators(
        self,
        name: str,
        depth: int = 1,
        *,
        max_chains: int = 50,
        include_hypotheses: bool = False,
        include_negated: bool = False,
        across_contexts: bool = False,
        coherent: bool = True,
        include_engineered: bool = False,
        rank: str = "default",
        **filters: Any,
    ) -> ChainResult:
        """Every chain of up to ``depth`` steps ending at ``name``, of any sign (see :meth:`drivers`)."""
        return self._chains(
            "regulators",
            name,
            depth,
            _chain_options(
                max_chains, include_hypotheses, include_negated, coherent and not across_contexts, include_engineered
            ),
            filters,
            rank,
        )

    def targets(
        self,
        name: str,
        depth: int = 1,
        *,
        max_chains: int = 50,
        include_hypotheses: bool = False,
        include_negated: bool = False,
        across_contexts: bool = False,
        coherent: bool = True,
        include_engineered: bool = False,
        rank: str = "default",
        **filters: Any,
    ) -> ChainResult:
        """Every chain of up to ``depth`` steps starting at ``name`` (see :meth:`drivers`)."""
        return self._chains(
            "targets",
            name,
            depth,
            _chain_options(
                max_chains, include_hypotheses, include_negated, coherent and not across_contexts, include_engineered
            ),
            filters,
            rank,
        )

    def path(
        self,
        start: str,
        end: str,
        max_length: int = 3,
        *,
        max_chains: int = 50,
        include_hypotheses: bool = False,
        include_negated: bool = False,
        across_contexts: bool = False,
        coherent: bool = True,
        include_engineered: bool = False,
        rank: str = "default",
        **filters: Any,
    ) -> ChainResult:
        """Every chain from ``start`` to ``end`` of at most ``max_length`` steps, ranked."""
        _check_rank(rank)
        options = self._options(
            max_length,
            _chain_options(
                max_chains, include_hypotheses, include_negated, coherent and not across_contexts, include_engineered
            ),
        )
        first, last = self.resolve(start), self.resolve(end)
        from exograph.reason import chains as chain_search

        found = chain_search.paths(self.index, first, last, options, self._matcher(filters))
        return self._ranked(found, rank)

    # -- conflicts, consensus, explanations, search ---------------------------------------------
    def summary(self, name: str, **filters: Any) -> SummaryResult:
        """The consensus of every claim (regulator -> target -> aspect) in which ``name`` (or a narrower
        concept, family or member) is the regulator or the target, best supported first.

        ``filters`` as for :meth:`drivers`: only the assertions that pass them are pooled.
        """
        from exograph.reason.consensus import claims

        checked = _filters(True, True, filters)
        pooled = {
            a["id"]: a
            for query in (neighbours.regulators, neighbours.targets)
            for a in query(self.store, name, checked).assertions
        }
        found = claims(pooled.values(), self.store.sources())
        keys = {k for c in found for k in (c.regulator, c.target, *c.contexts)}
        return SummaryResult(self.resolve(name), tuple(found), self.store.labels(keys | {self.resolve(name)}))

    def why_not(
        self,
        start: str,
        end: str,
        max_length: int = 3,
        *,
        include_hypotheses: bool = False,
        include_negated: bool = False,
        across_contexts: bool = False,
        coherent: bool = True,
        include_engineered: bool = False,
        **filters: Any,
    ) -> WhyNotResult:
        """Where a path from ``start`` to ``end`` stops: how far ``start`` reaches, what reaches ``end``, and
        which length, filter, hypothesis, negated finding or composition rule cut the chains that would exist."""
        from exograph.reason.whynot import why_not

        flags = (50, include_hypotheses, include_negated, coherent and not across_contexts, include_engineered)
        options = self._options(max_length, _chain_options(*flags))
        first, last = self.resolve(start), self.resolve(end)
        given = {name: value for name, value in filters.items() if value is not None}
        without = {
            (name, str(value)): self._matcher({k: v for k, v in given.items() if k != name})
            for name, value in given.items()
        }
        found = why_not(self.index, first, last, options, self._matcher(filters), without)
        keys = {first, last, *found.reaches, *found.reached_from}
        chains = [c for cut in found.cuts for c in cut.examples]
        keys |= {k for c in chains for s in c.steps for k in (s.regulator, s.target)}
        keys |= {k for c in chains for s in c.steps if s.via or s.cargo for r in s.rows for k in _cells(r.context)}
        keys |= {w for cut in found.cuts for reason in cut.rules for w in reason.split(" ")}
        kinds = self._kinds(keys)
        return WhyNotResult(found, self.store.labels(set(kinds)), kinds, max_length)

    # -- conflicts, explanations, search -------------------------------------------------------
    def conflicts(self, name: str | None = None, **filters: Any) -> ConflictResult:
        """Claims stated both ways (each side's assertions once, what differs), those nothing explains first.

        ``filters`` as for :meth:`drivers`: only assertions that pass them all are compared.
        """
        from exograph.reason import conflicts as conflict_search

        about = self.resolve(name) if name else None
        found = conflict_search.conflicts(self.index, about, self._matcher(filters))
        records = self.assertions(i for c in found for i in c.assertion_ids)
        return ConflictResult(tuple(found), records, self.labels_for(records.values()), self.store.sources())

    def assertion(self, assertion_id: str) -> AssertionRecord:
        record = self.store.assertion(assertion_id)
        if record is None:
            raise UnknownAssertion(f"no assertion has the id '{assertion_id}'")
        return record

    def assertions(self, ids: Iterable[str]) -> dict[str, AssertionRecord]:
        return {i: self.assertion(i) for i in dict.fromkeys(ids)}

    def labels_for(self, records: Iterable[AssertionRecord]) -> dict[str, str]:
        """Labels of every entity the records name (regulator, target, context), for printing."""
        keys: set[str] = set()
        for a in records:
            keys |= {a["regulator"], a["target"]}
            keys |= {k for v in a["context"].values() if isinstance(v, list) for k in v}
        return self.store.labels(keys)

    def explain(self, item: str | Chain) -> str:
        """An assertion (by id) as one English sentence, or a chain as a short paragraph."""
        from exograph.reason import explain as english

        ids = [item] if isinstance(item, str) else item.assertion_ids
        records = self.assertions(ids)
        labels = self.labels_for(records.values())
        kinds = self._kinds(labels)
        if isinstance(item, str):
            return english.sentence(records[item], labels, kinds, self.store.sources())
        return english.paragraph(item, records, labels, kinds, self.store.sources())

    def _kinds(self, keys: Iterable[str]) -> dict[str, str]:
        wanted = sorted(set(keys))
        rows = self.store.db.execute(
            "SELECT key, kind FROM entities WHERE key IN (SELECT value FROM json_each(?))", (json.dumps(wanted),)
        )
        return dict(rows.fetchall())

    def search(self, text: str, limit: int = 20) -> SearchResult:
        """Entities and assertions whose labels, synonyms, notes or quotes hold ``text``, best first."""
        from exograph.reason import search as text_search

        entities, assertions = text_search.search(self.store, text, limit)
        return SearchResult(text, tuple(entities), tuple(assertions))

    def to_networkx(self) -> Any:
        """The whole curation as a networkx MultiDiGraph (imports networkx)."""
        from exograph.export.graph import build_graph

        return build_graph(self.store)

    def to_rdflib(self, base: str | None = None) -> Any:
        """The Turtle export's triples as an ``rdflib.Graph`` (imports rdflib; built on the first call, then kept).

        Nothing RDF is built by :func:`load` or the other questions, so they stay fast; ``base`` is the
        namespace of exograph's own IRIs, as ``export --base-iri``.
        """
        key = base or ""
        if key not in self._rdflib:
            from exograph.export.rdf import to_rdflib

            self._rdflib[key] = to_rdflib(self.store, base)
        return self._rdflib[key]

    def to_oxigraph(self, base: str | None = None) -> Any:
        """The export in an in-memory ``pyoxigraph.Store`` for fast SPARQL (built on the first call, then kept).

        In memory, not the on-disk store ``exograph sparql`` caches: RocksDB's threads would stay in
        this process, and a process holding them cannot safely fork.
        """
        key = base or ""
        if key not in self._oxigraph:
            from exograph.sparql.embedded import memory_store

            self._oxigraph[key] = memory_store(self.store, base)
        return self._oxigraph[key]

    def sparql(self, query: str, base: str | None = None) -> Any:
        """A SPARQL 1.1 query over the export (pyoxigraph's results: solutions, a boolean or triples)."""
        return self.to_oxigraph(base).query(query)


def load(root: str | Path | None = None) -> KnowledgeGraph:
    """Open a curation root (compiling its cache if any file changed).

    ``root`` defaults to the checkout you stand in, else the curation shipped with exograph.
    Raises :class:`exograph.curation.problems.CurationError` when the curation has problems.
    """
    from exograph.layout import find_root, is_root

    path = find_root() if root is None else Path(root)
    if not is_root(path):
        raise FileNotFoundError(f"{path} holds no curation/ and sources/ folders")
    return KnowledgeGraph(open_store(path))
