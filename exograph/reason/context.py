"""Whether claims made in different settings may be read together.

Two contexts are *compatible* in a field when either leaves it unstated, or some value of one
is the same as, or broader than, some value of the other, following the curated ``broader``
hierarchy (a claim about cancer holds for hepatocellular carcinoma; a claim in breast cancer
does not carry over to hepatocellular carcinoma). Like is compared with like:

- diseases with diseases, a claim's disease being the one its row states or, narrower, the disease
  of the cell lines it names (a claim in K-562 cells is a claim in chronic myelogenous leukemia,
  :meth:`exograph.reason.index.Index.diseases`);
- cells with cells, a cell line and a cell type pooled, so that Huh-7 lies within hepatocyte when
  the curation says Huh-7's ``broader`` is hepatocyte;
- donors with donors and recipients with recipients (exosomes from CAFs are exosomes from
  fibroblasts; from macrophages they are not);
- along a chain, where one step's effect happens (its recipients, else its cells) with where the
  next step's regulator acts (its donors, else its cells): the recipient of one step is the actor
  of the next (:func:`handoff`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from exograph.reason.index import Index, parse_context, written_diseases

if TYPE_CHECKING:
    from exograph.reason.chains import Chain
    from exograph.reason.steps import Step

#: The fields whose difference may explain why two claims disagree (cells: cell lines and types pooled).
CONFLICT_FIELDS = ("organisms", "diseases", "cells", "conditions", "donors", "recipients", "system")
#: The context fields pooled as ``cells``: a cell line lies within its cell type.
CELL_FIELDS = ("cell_lines", "cell_types")
#: The compiled context fields pooled as ``diseases``: those stated, and those of the cell lines named.
DISEASE_FIELDS = ("diseases", "cell_line_diseases")


def values(contexts: Iterable[Mapping[str, Any]], fields: Iterable[str]) -> dict[str, set[str]]:
    """The stated values of each field, pooled over several contexts (``cells``: lines and types together;
    ``diseases``: with the diseases of the cell lines, not narrowed: :meth:`Index.diseases` narrows them)."""
    pooled: dict[str, set[str]] = {}
    for context in contexts:
        for name in fields:
            for source in CELL_FIELDS if name == "cells" else DISEASE_FIELDS if name == "diseases" else (name,):
                stated = context.get(source)
                if stated:
                    pooled.setdefault(name, set()).update([stated] if isinstance(stated, str) else stated)
    return pooled


def compatible(index: Index, first: Iterable[str], second: Iterable[str]) -> bool:
    """Whether some value of one lies within (or is) some value of the other (kept per pair: a chain search
    compares the same contexts in every partial chain)."""
    key = ("compatible", frozenset(first), frozenset(second))
    found = index.memo.get(key)
    if found is None:
        found = index.memo[key] = any(
            a in index.ancestors(b) or b in index.ancestors(a) for a in key[1] for b in key[2]
        )
    return bool(found)


def differing(index: Index, first: Mapping[str, AbstractSet[str]], second: Mapping[str, AbstractSet[str]]) -> list[str]:
    """The fields both state and on which they are not compatible."""
    return [f for f in first if f in second and not compatible(index, first[f], second[f])]


def agree(index: Index, first: Mapping[str, AbstractSet[str]], second: Mapping[str, AbstractSet[str]]) -> bool:
    """Whether no field both state is incompatible (``not differing(...)``, without listing the fields: the quick
    checks ask it of every chain a search meets: a loop, cheaper than a generator for the one field they hold)."""
    for name, values in second.items():  # noqa: SIM110 - see above
        if name in first and not compatible(index, first[name], values):
            return False
    return True


def narrower(
    index: Index, chain: Mapping[str, frozenset[str]], step: Mapping[str, frozenset[str]]
) -> Mapping[str, frozenset[str]]:
    """The chain's diseases once a step that agrees with them (:func:`differing`) states these: of each pair
    that agree, the narrower. A chain in cancer whose next step holds in breast cancer holds in breast cancer,
    so a step in gastric cancer no longer agrees with it; a step in cancer still does."""
    if not step:
        return chain
    found = dict(chain)
    for name, values in step.items():
        have = found.get(name)
        found[name] = values if have is None else _narrowest(index, have, values)
    return found


def _narrowest(index: Index, first: frozenset[str], second: frozenset[str]) -> frozenset[str]:
    key = ("narrowest", first, second)
    found: frozenset[str] | None = index.memo.get(key)
    if found is None:
        pairs = {
            b if a in index.ancestors(b) else a
            for a in first
            for b in second
            if a in index.ancestors(b) or b in index.ancestors(a)
        }
        found = index.memo[key] = frozenset(pairs) or first
    return found


def _grown_anchors(
    index: Index,
    chain: Mapping[str, frozenset[str]],
    stated: Mapping[str, frozenset[str]],
    binding: Mapping[str, frozenset[str]],
) -> Mapping[str, frozenset[str]]:
    """:func:`narrower`, as the quick checks read a step (:func:`_diseases`): a step that sets the chain's
    diseases sets all it states; one that narrows them narrows by what binds it (the assertions marking keeps
    may be those that state none)."""
    if stated.keys() - chain.keys():
        chain = {**stated, **chain}
    return narrower(index, chain, {k: v for k, v in binding.items() if k in chain}) if binding else chain


def field_clash(
    index: Index, name: str, first: Mapping[str, Any], second: Mapping[str, Any]
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The values of context field ``name`` (or ``cells``) of two contexts, when both state it and they differ."""
    a, b = values([first], [name]).get(name), values([second], [name]).get(name)
    if not a or not b or compatible(index, a, b):
        return None
    return tuple(sorted(a)), tuple(sorted(b))


def cell_clash(
    index: Index, first: Mapping[str, Any], second: Mapping[str, Any]
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The cells (lines and types) of two contexts, when both state cells and none lies within another."""
    return field_clash(index, "cells", first, second)


def perturbation_clash(
    first: Mapping[str, Any], second: Mapping[str, Any]
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The perturbations of two contexts when one gained the regulator's function and the other lost it.

    Reads the ``perturbations`` the compiled steps carry (:func:`exograph.compiled.records.filter_context`).
    """
    from exograph.query.filters import function_change

    a, b = tuple(first.get("perturbations", ())), tuple(second.get("perturbations", ()))
    changes_a = {function_change(p) for p in a} - {None}
    changes_b = {function_change(p) for p in b} - {None}
    if changes_a and changes_b and changes_a.isdisjoint(changes_b):
        return a, b
    return None


def one_sided(first: Mapping[str, Any], second: Mapping[str, Any]) -> list[str]:
    """The conflict fields exactly one of two contexts states (a place to look, not an explanation)."""
    a, b = values([first], CONFLICT_FIELDS), values([second], CONFLICT_FIELDS)
    return [f for f in CONFLICT_FIELDS if (f in a) != (f in b)]


def acting_cells(context: Mapping[str, Any]) -> set[str]:
    """Where a step's regulator acts: the donor cells that sent it, else the cells the context names."""
    return set(context.get("donors") or ()) or values([context], ["cells"]).get("cells", set())


def affected_cells(context: Mapping[str, Any]) -> set[str]:
    """Where a step's effect happens: the recipient cells, else the cells the context names."""
    return set(context.get("recipients") or ()) or values([context], ["cells"]).get("cells", set())


def handoff(index: Index, affected: set[str], later: Iterable[Mapping[str, Any]]) -> bool:
    """Whether a step (``later``: its assertions' contexts) may act in the cells where the chain's effect so far
    happened (``affected``).

    True when either names no cells, or some cell of one is, lies within, or contains some cell of the other.
    """
    acting = set().union(*(acting_cells(c) for c in later))
    return not affected or not acting or compatible(index, affected, acting)


def mark_context(index: Index, chain: Chain, anchor_last: bool, composed: bool = True, narrow: bool = True) -> Chain:
    """Keep each step to its assertions from the chain's context, and mark the steps that have none.

    The chain's disease is that of the step nearest the query's subject that states one (the last
    step of a chain ending at the subject, the first of one starting there), narrowed by each later step
    that names a narrower one (:func:`narrower`). A step pooling
    assertions from several diseases keeps those that agree with it (as a filter keeps the
    assertions that pass), the steps beside it are composed again on what is left (``composed``:
    the chain was built by the composition rules) so that a transfer link names only the cells of
    the assertions kept; a step none of whose assertions agree is marked ``diseases``. Cells are
    followed in the chain's own order: each step must act where the effect before it happened, the
    last cells named (a transfer's recipients, else a step's cells); a step that does not is marked
    ``cells``, or the step before it when that one is farther from the subject.

    ``narrow=False`` keeps every step whole (a step is then marked only when none of its assertions agree):
    cheaper, and never marks a chain that narrowing would leave coherent.
    """
    steps, unkept = _kept_in_disease(index, chain, anchor_last, composed) if narrow else (list(chain.steps), ())
    anchors: Mapping[str, frozenset[str]] = {}
    marks: dict[int, list[str]] = {id(steps[i]): ["diseases"] for i in unkept}
    for step in reversed(steps) if anchor_last else steps:
        stated = _stated(index, step.diseases)
        off = differing(index, anchors, stated)
        if off:
            mine = marks.setdefault(id(step), [])
            mine.extend(f for f in off if f not in mine)
        else:
            anchors = narrower(index, anchors, stated)
    where: frozenset[str] = frozenset()
    for before, step in zip((None, *steps), steps, strict=False):
        acting, affected = _cells(step.contexts)
        if before is not None and where and acting and not compatible(index, where, acting):  # see handoff
            marks.setdefault(id(before if anchor_last else step), []).append("cells")
        where = affected or where
    if not marks and steps == list(chain.steps):
        return chain
    from exograph.reason.steps import relinked

    marked = tuple(
        s
        if tuple(marks.get(id(s), ())) == s.other_context
        else relinked(s, s.target_link, s.via, tuple(marks.get(id(s), ())))
        for s in steps
    )
    return replace(chain, steps=marked)


def diseases_agree(index: Index, diseases: tuple[tuple[str, ...], ...], anchor_last: bool) -> bool:
    """Whether no step of a chain (its written diseases, :attr:`Step.diseases`) states a disease apart
    from the chain's. When this is False, :func:`mark_context` marks the chain whether or not it narrows its
    steps: the chain's disease is set by the nearest step that states one, kept whole, and a step none of
    whose assertions agree with it is kept whole and marked."""
    anchors: Mapping[str, frozenset[str]] = {}
    for step in reversed(diseases) if anchor_last else diseases:
        stated, binding = _diseases(index, step)
        if not agree(index, anchors, binding):
            return False
        anchors = _grown_anchors(index, anchors, stated, binding)
    return True


#: What the quick checks read of a step: its compiled contexts (for cells) and its written diseases.
Placed = tuple[tuple[str, ...], tuple[str, ...]]


def placed(step: Step) -> Placed:
    return step.contexts, step.diseases


#: What a partial chain's coherence passes on to the step that grows it: the diseases set so far, and the
#: cells that step is checked against (see :func:`grown`). None: the chain is not coherent.
Passed = tuple[Mapping[str, frozenset[str]], tuple[frozenset[str], ...]]
Coherence = Passed | None
#: The coherence of a chain of no steps, which every step may grow.
EMPTY: Coherence = ({}, ())


def grown_coherent(index: Index, steps: tuple[Placed, ...], anchor_last: bool) -> bool:
    """Whether a chain whose steps are placed so (:func:`placed`) may be coherent: as ``mark_context(...,
    narrow=False).coherent`` says where each step's assertions state the same fields; where only some of
    them state one, it binds nothing (:func:`_diseases`, :func:`_where`), so that no chain marking keeps is left out."""
    return coherence(index, steps, anchor_last) is not None


def coherence(index: Index, steps: tuple[Placed, ...], anchor_last: bool) -> Coherence:
    """The coherence of a chain whose steps are placed so (:func:`placed`): :func:`grown` one step at a time,
    from the subject's end."""
    found = EMPTY
    for new in reversed(steps) if anchor_last else steps:
        found = grown(index, found, new, anchor_last)
    return found


def grown(index: Index, shorter: Coherence, new: Placed, anchor_last: bool) -> Coherence:
    """The coherence of a chain one step longer than one whose coherence is ``shorter``, the new step placed so
    (:func:`placed`; the search keeps each partial chain's answer, and asks this as it grows it).

    The shorter chain passes on the diseases set nearer the subject, and the cells where the new step must
    act (growing at the far end) or whose actors its effect meets (growing in front, where its effect reaches
    each step up to the first that names where its own effect happens).
    """
    if shorter is None:
        return None
    anchors, cells = shorter
    stated, binding = _diseases(index, new[1])
    if not agree(index, anchors, binding):
        return None
    acting, affected = _where(new[0])
    anchors = _grown_anchors(index, anchors, stated, binding)
    if anchor_last:  # the new first step's effect meets the actors up to the first step naming its own
        if affected and not all(compatible(index, affected, a) for a in cells):
            return None
        front = (acting,) if acting else ()
        return anchors, front + cells if affected == frozenset() else front
    if cells and acting and not compatible(index, cells[0], acting):
        return None
    return anchors, (affected,) if affected else (() if affected is None else cells)


def diseases_follow(index: Index, shorter: Passed, new: tuple[str, ...]) -> bool:
    """Whether the diseases of a chain one step longer than a coherent one (which passes on ``shorter``) agree,
    as :func:`diseases_agree` says, the new step's written diseases being ``new`` (:attr:`Step.diseases`)."""
    return agree(index, shorter[0], _diseases(index, new)[1])


def _diseases(
    index: Index, written: tuple[str, ...]
) -> tuple[Mapping[str, frozenset[str]], Mapping[str, frozenset[str]]]:
    """The diseases a step (or one assertion) states, pooled over its assertions' written diseases (each one's
    own and those of its cell lines, :meth:`Index.diseases`), and those it is bound by in the quick checks.

    Marking may keep a step to some of its assertions (those in the chain's disease, those that compose), and
    the quick checks must never leave out a chain marking keeps: where only some assertions state a disease,
    the others may be the ones kept, so the step binds nothing. Where every assertion states one, any kept
    state some of the pooled diseases, and fewer are never more compatible: the pooled ones bind. Frozen:
    :func:`compatible` keys its answers by them. Kept for every index where no assertion names a cell line's
    disease (most steps: the diseases as written, whatever the hierarchy), else per index."""
    found = _diseases_as_written(written)
    if found is None:
        key = ("step diseases", written)
        found = index.memo.get(key)
        if found is None:
            found = index.memo[key] = _pooled([index.diseases(w) for w in written])
    return found


@lru_cache(maxsize=65536)
def _diseases_as_written(
    texts: tuple[str, ...],
) -> tuple[Mapping[str, frozenset[str]], Mapping[str, frozenset[str]]] | None:
    written = [written_diseases(w) for w in texts]
    if any(lines for _, lines in written):
        return None
    return _pooled([stated for stated, _ in written])


def _pooled(each: list[frozenset[str]]) -> tuple[Mapping[str, frozenset[str]], Mapping[str, frozenset[str]]]:
    pooled = frozenset().union(*each)
    stated = {"diseases": pooled} if pooled else {}
    return stated, stated if all(each) else {}


@lru_cache(maxsize=65536)
def _where(contexts: tuple[str, ...]) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """Where a step's regulator acts and where its effect happens, as the quick checks are bound by them
    (as :func:`_diseases`): pooled where every assertion states them, empty where none does, None where only
    some do."""
    parsed = _parsed(contexts)
    return _binding([acting_cells(c) for c in parsed]), _binding([affected_cells(c) for c in parsed])


def _binding(each: list[set[str]]) -> frozenset[str] | None:
    pooled = frozenset().union(*each)
    return pooled if all(each) or not pooled else None


@lru_cache(maxsize=65536)
def _parsed(contexts: tuple[str, ...]) -> tuple[dict[str, Any], ...]:
    """A step's compiled contexts, parsed once: a search marks the same steps in many partial chains."""
    return tuple(parse_context(c) for c in contexts)


@lru_cache(maxsize=65536)
def _cells(contexts: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """Where a step's regulator acts and where its effect happens, over its compiled contexts (see handoff)."""
    parsed = _parsed(contexts)
    return frozenset().union(*(acting_cells(c) for c in parsed)), frozenset().union(
        *(affected_cells(c) for c in parsed)
    )


def _stated(index: Index, written: tuple[str, ...]) -> Mapping[str, frozenset[str]]:
    """The fields every step of a chain must agree on with the chain's own, over a step's (or one assertion's)
    written diseases, pooled: the diseases (:func:`_diseases`). Cells are followed step by step instead (see
    :func:`handoff`: vesicles carry an effect from one cell to another)."""
    return _diseases(index, written)[0]


def _kept_in_disease(
    index: Index, chain: Chain, anchor_last: bool, composed: bool
) -> tuple[list[Step], tuple[int, ...]]:
    """The chain's steps, each kept to its assertions whose diseases agree with the chain's (all of them
    where none do: the step is then marked), composed again where a step lost assertions; and the
    positions of the steps to mark because the chain composes only through their other assertions."""
    from exograph.reason.compose import follow
    from exograph.reason.steps import narrowed, relinked

    order = list(reversed(chain.steps) if anchor_last else chain.steps)
    anchors: Mapping[str, frozenset[str]] = {}
    kept: dict[int, Step] = {}
    for step in order:
        rows = [r for r in step.rows if agree(index, anchors, _stated(index, (r.diseases,)))]
        if rows and len(rows) < len(step.rows):
            kept[id(step)] = narrowed(index, step, tuple(rows))
        if rows:
            anchors = narrower(index, anchors, _stated(index, kept.get(id(step), step).diseases))
    if not kept:
        return list(chain.steps), ()
    steps = [kept.get(id(s), s) for s in chain.steps]
    if not composed:
        return steps, ()
    changed = True
    while changed:  # narrowing only removes assertions, so this ends
        changed = False
        for i in range(len(steps) - 1):
            before, after = steps[i], steps[i + 1]
            verdict = follow(index, before, after, before.target_link)
            if verdict.cut is not None:  # only the assertions from other diseases compose: the chain as it was
                return list(chain.steps), tuple(i for i, s in enumerate(chain.steps) if id(s) in kept)
            if before.via != verdict.via:  # (marks are set afterwards, by mark_context)
                before = relinked(before, before.target_link, verdict.via)
            pair = [narrowed(index, before, verdict.before), narrowed(index, after, verdict.rows)]
            changed = changed or pair[0].rows != before.rows or pair[1].rows != after.rows
            steps[i : i + 2] = pair
    return steps, ()
