"""Where the papers disagree: one claim (regulator, target, aspect) stated both ways.

Two assertions disagree when they share a regulator and an aspect (raising the degradation of a
protein is read as lowering its amount), act on the same target or on a target and its broader or
narrower concept (EV secretion and exosome secretion), and either have opposite signs or one states
an effect the other says is absent. Assertions joined by such disagreements form one *claim group*,
listed once with its increasing, decreasing and negated assertions: ten papers saying hypoxia raises
exosome release against one saying it lowers it are one conflict, not ten.

Not conflicts: two assertions of the same sign, different aspects (activity against amount), two
scopes (a finding about engineered vesicles or a laboratory method against one about natural
biology: each is compared only with its own kind), and
claims whose regulator or target is a ``generic`` class node ("extracellular exosome", "microRNAs"):
such a node stands for many specific things, and exosomes from fibroblasts doing one thing while
exosomes from macrophages do the opposite is no disagreement.

A group's explanation names what differs in the texts' own context between the sides (see
:mod:`exograph.reason.context`): cells, disease, organism, condition, donors, recipients, the
experimental system, a gain against a loss of the regulator's function (from the evidence's
perturbations), or a narrower vesicle population or process as the target. A field counts when both
state it and their values are incompatible, except conditions: a condition (heat stress, a drug)
stated by one and not the other is a difference, since an unstated treatment was not applied while
an unstated disease is only unknown. A group is
*explained* when every disagreeing pair differs in some such way, *partly explained* when some
do, *unexplained* when none does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Any, Literal

from exograph.reason.context import cell_clash, compatible, field_clash, one_sided, perturbation_clash
from exograph.reason.index import Index, Row, stated_sign

Status = Literal["explained", "partly explained", "unexplained"]


@dataclass(frozen=True, slots=True)
class Difference:
    """One way the two sides of a conflict differ: a field and the values each side states."""

    #: ``cells``, ``diseases``, ``organisms``, ``conditions``, ``donors``, ``recipients``, ``system``,
    #: ``perturbation`` or ``target``.
    field: str
    #: Entity keys (or system and perturbation names) the first side states, and the second.
    first: tuple[str, ...]
    second: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    """One claim stated both ways: each assertion listed once, on its side."""

    regulator: str
    #: Every target of the group (one, or a target with its broader or narrower concepts).
    targets: tuple[str, ...]
    aspect: str
    #: Assertion ids stating the effect on the target (degradation read as its amount) is raised, lowered, absent.
    increasing: tuple[str, ...]
    decreasing: tuple[str, ...]
    negated: tuple[str, ...]
    #: What differs between the disagreeing assertions, pooled over every disagreeing pair.
    differences: tuple[Difference, ...]
    #: Fields that only one assertion of an otherwise unexplained pair states: no explanation, but where to look.
    one_sided: tuple[str, ...]
    status: Status
    hypothesis: bool

    @property
    def kind(self) -> str:
        """``opposite signs``, ``stated and negated``, or both."""
        kinds = []
        if self.increasing and self.decreasing:
            kinds.append("opposite signs")
        if self.negated:
            kinds.append("stated and negated")
        return " and ".join(kinds)

    @property
    def explained(self) -> bool:
        return self.status == "explained"

    @property
    def assertion_ids(self) -> tuple[str, ...]:
        return (*self.increasing, *self.decreasing, *self.negated)


def effect(row: Row) -> tuple[str, int]:
    """The aspect and sign of the effect on the target itself (more degradation is less amount)."""
    aspect = "amount" if row.aspect == "degradation" else row.aspect
    return aspect, stated_sign(row.direction, row.aspect)


def disagree(a: Row, b: Row) -> bool:
    """Opposite signs of two stated effects, or one effect stated and the same effect said absent."""
    sign_a, sign_b = effect(a)[1], effect(b)[1]
    if a.negated != b.negated:
        return sign_a == sign_b != 0
    return not a.negated and sign_a * sign_b == -1


def scopes(index: Index) -> dict[str, str]:
    """The scope of every assertion that is not about natural biology (engineered vesicles, lab methods)."""
    query = "SELECT id, json_extract(data, '$.scope') FROM assertions WHERE json_extract(data, '$.scope') != 'biology'"
    return dict(index.store.db.execute(query).fetchall())


def generic_keys(index: Index) -> frozenset[str]:
    """Class nodes (``generic: true``): their claims are compared with nothing."""
    query = "SELECT key FROM entities WHERE json_extract(data, '$.generic')"
    return frozenset(k for (k,) in index.store.db.execute(query))


def conflicts(
    index: Index, about: str | None = None, matches: Callable[[str, Mapping[str, Any]], bool] | None = None
) -> list[Conflict]:
    """Every conflict, or those whose regulator or target is ``about`` (with its narrower concepts and family).

    ``matches`` (the query filters' :func:`exograph.query.neighbours.context_matcher`): only assertions
    that pass it are compared.
    """
    generic = generic_keys(index)
    if about is None:
        rows = index.all_rows()
        keys: set[str] = set()
        near: set[str] = set()
    else:
        keys = set(index.aliases(about))
        near = keys | {a for k in keys for a in index.ancestors(k)}
        rows = index.rows("regulator", keys | {r.regulator for r in index.rows("target", near)})
    scope = scopes(index)
    by_claim: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
    for row in rows:
        if matches is not None and not matches(row.source, row.context):
            continue
        if row.regulator not in generic and row.target not in generic:
            by_claim[(row.regulator, effect(row)[0], scope.get(row.id, "biology"))].append(row)
    found = []
    for (regulator, aspect, _), group in sorted(by_claim.items()):
        pairs = [(a, b) for a, b in combinations(group, 2) if disagree(a, b) and _related(index, a.target, b.target)]
        for component in _components(pairs):
            targets = {r.target for r in component}
            if about is not None and regulator not in keys and not targets & near:
                continue
            found.append(_conflict(index, regulator, aspect, component, pairs))
    order = {"unexplained": 0, "partly explained": 1, "explained": 2}
    found.sort(key=lambda c: (order[c.status], c.hypothesis, not c.decreasing, c.regulator, c.assertion_ids))
    return found


def _components(pairs: list[tuple[Row, Row]]) -> list[list[Row]]:
    """Assertions joined by disagreements, each set once (a small union-find over assertion ids)."""
    parent: dict[str, str] = {}

    def root(i: str) -> str:
        while parent.setdefault(i, i) != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    rows: dict[str, Row] = {}
    for a, b in pairs:
        rows[a.id], rows[b.id] = a, b
        parent[root(a.id)] = root(b.id)
    groups: dict[str, list[Row]] = defaultdict(list)
    for i in sorted(rows):
        groups[root(i)].append(rows[i])
    return list(groups.values())


def _conflict(index: Index, regulator: str, aspect: str, rows: list[Row], pairs: list[tuple[Row, Row]]) -> Conflict:
    members = {r.id for r in rows}
    mine = [(a, b) for a, b in pairs if a.id in members]
    differences: dict[str, tuple[set[str], set[str]]] = {}
    explained, hints = 0, set()
    for a, b in mine:
        first, second = (a, b) if _side(a) <= _side(b) else (b, a)
        found = list(pair_differences(index, first, second))
        explained += bool(found)
        if not found:
            hints.update(one_sided(first.context, second.context))
        for field_name, one, other in found:
            pooled = differences.setdefault(field_name, (set(), set()))
            pooled[0].update(one)
            pooled[1].update(other)
    status: Status = "explained" if explained == len(mine) else "partly explained" if explained else "unexplained"
    return Conflict(
        regulator=regulator,
        targets=tuple(sorted({r.target for r in rows})),
        aspect=aspect,
        increasing=tuple(r.id for r in rows if not r.negated and effect(r)[1] == 1),
        decreasing=tuple(r.id for r in rows if not r.negated and effect(r)[1] == -1),
        negated=tuple(r.id for r in rows if r.negated),
        differences=tuple(Difference(f, tuple(sorted(v[0])), tuple(sorted(v[1]))) for f, v in differences.items()),
        one_sided=tuple(sorted(hints)),
        status=status,
        hypothesis=any(r.hypothesis for r in rows),
    )


def _side(row: Row) -> int:
    """Increasing first, then decreasing, then negated: the order the sides are listed in."""
    return 2 if row.negated else 0 if effect(row)[1] == 1 else 1


def pair_differences(index: Index, first: Row, second: Row) -> Iterable[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """What differs between two disagreeing assertions: (field, first's values, second's values)."""
    a, b = first.context, second.context
    clash = cell_clash(index, a, b)
    if clash:
        yield ("cells", *clash)
    mine, theirs = index.diseases(first.diseases), index.diseases(second.diseases)
    if mine and theirs and not compatible(index, mine, theirs):  # a claim's disease is also its cell lines'
        yield ("diseases", tuple(sorted(mine)), tuple(sorted(theirs)))
    for name in ("organisms", "conditions", "donors", "recipients", "system"):
        clash = field_clash(index, name, a, b)
        if clash:
            yield (name, *clash)
    # a condition is a treatment or exposure: one text that applies it and one that does not differ in it
    # (an unstated disease or cell is unknown, an unstated heat stress is absent)
    if bool(a.get("conditions")) != bool(b.get("conditions")):
        yield ("conditions", tuple(a.get("conditions", ())), tuple(b.get("conditions", ())))
    clash = perturbation_clash(a, b)
    if clash:
        yield ("perturbation", *clash)
    if first.target != second.target:
        yield ("target", (first.target,), (second.target,))


def _related(index: Index, first: str, second: str) -> bool:
    return first == second or first in index.ancestors(second) or second in index.ancestors(first)


def as_json(conflict: Conflict) -> dict[str, Any]:
    """A conflict as plain data (for ``--format json`` and scripts)."""
    return {
        "regulator": conflict.regulator,
        "targets": list(conflict.targets),
        "aspect": conflict.aspect,
        "kind": conflict.kind,
        "status": conflict.status,
        "hypothesis": conflict.hypothesis,
        "increasing": list(conflict.increasing),
        "decreasing": list(conflict.decreasing),
        "negated": list(conflict.negated),
        "differences": [
            {"field": d.field, "first": list(d.first), "second": list(d.second)} for d in conflict.differences
        ],
        "stated_by_one_side_only": list(conflict.one_sided),
    }
