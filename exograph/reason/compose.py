"""When two assertions make a chain: the one composition model every chain query uses.

Read "A → B (aspect)" as "A changes B's aspect"; the next step starts from B. What a step
changes decides what may follow it (docs/reasoning.md, "How steps compose", is this table):

=================  ===========================================================  ==============
step changes B's   may be followed by                                           sign carried
=================  ===========================================================  ==============
amount, activity   B acting (not as vesicle cargo)                              the step's
degradation        B acting: more degradation is less B                         flipped
modification       B acting; phosphorylation, ubiquitination and localization   none (unsigned,
                   state no consequence for B's amount or activity                 said why)
cargo loading      B acting as vesicle cargo in recipient cells, from donors     the step's
                   that agree (secretion of a molecule is read the same way)
vesicle output     the vesicles (and their cargo) acting in recipient cells,    the step's
                   through a transfer link, when both name the donor cells and
                   the vesicles are the same (cells within the donors, disease
                   within the vesicles' disease where both state one); or a
                   claim about the vesicle process itself; a named
                   subpopulation's secretion only into that subpopulation's effects
vesicle uptake     the vesicles acting in the cells that take them up           the step's
anything else      nothing (subtype shifts, a subpopulation's secretion,        —
                   loading of unnamed cargo)
=================  ===========================================================  ==============

Whatever the step: a chain never passes *through* an exposure (a condition, a treatment, a drug
given as a condition), a phenotype or cell behaviour (proliferation, migration, invasion), or a
class node (``generic``) other than vesicles made specific by a transfer link, nor from a gene into
what its variant does; steps about a method (``scope: method``) and bindings are never steps;
engineered vesicles (``scope: engineered``) only when asked. Each step keeps the assertions whose
cells agree with its neighbour's; where none do, the chain is kept and the step marked
(exograph.reason.context; ``--coherent`` drops it): only a transfer of vesicles must name donor (or
recipient) cells that agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from exograph.reason.index import Index, Row, effect_sign, parse_context

if TYPE_CHECKING:
    from exograph.reason.steps import Step

#: Aspects that change a molecule without the curation saying what that does to its amount or activity.
MODIFICATIONS = frozenset({"phosphorylation", "ubiquitination", "localization"})
#: Aspects that never make a chain step: an interaction is not a regulation.
NEVER_STEPS = frozenset({"binding"})
#: Kinds a chain ends at and never passes through: exposures start chains, phenotypes end them.
END_KINDS = frozenset({"condition", "treatment", "phenotype"})
#: Cell behaviours curated as processes that are outcomes all the same (SIGNOR's phenotypes): a chain ends at
#: them and at their narrower kinds (amoeboid migration); what a behaviour does to vesicle release starts one.
#: Passed through, they were hubs: every effect on recipients' migration fed "migration regulates EV secretion".
OUTCOMES = frozenset({"cell_proliferation", "cell_migration", "cell_motility", "cell_invasion"})

#: The vesicles each vesicle process makes or takes up; narrower processes inherit from the nearest
#: listed broader one (MVB docking is part of exosome secretion, so it makes exosomes). The secretion of
#: a named subpopulation (half of a switch between kinds of exosomes) makes that subpopulation, whose
#: effects are its own, not those of exosomes at large; None where the curation names no such vesicles.
PRODUCES: Mapping[str, str | None] = {
    "ev_secretion": "extracellular_vesicle",
    "small_ev_secretion": "extracellular_vesicle",
    "ev_biogenesis": "extracellular_vesicle",
    "exosome_secretion": "exosome",
    "exosome_biogenesis": "exosome",
    "microvesicle_release": "microvesicle",
    "microvesicle_biogenesis": "microvesicle",
    "late_endosomal_exosome_secretion": None,
    "recycling_endosomal_exosome_secretion": "recycling_endosomal_exosome",
}
TAKES_UP: Mapping[str, str | None] = {"ev_uptake": "extracellular_vesicle", "exosome_uptake": "exosome"}
#: The class every vesicle lies within.
VESICLE_ROOT = "extracellular_vesicle"

#: What a step changes, by name (the rows of the table above).
LEVEL, DEGRADATION, MODIFICATION, LOADING, VESICLES, UPTAKE, NOTHING = (
    "level",
    "degradation",
    "modification",
    "loading",
    "vesicles",
    "uptake",
    "nothing",
)
#: The link printed between a vesicle step and the vesicles' effects in recipient cells.
TRANSFER = "transfer"


#: The sign a step carries to what follows it (kept in the index module, which builds every row).
carried_sign = effect_sign


def _listed(index: Index, key: str, table: Mapping[str, str | None]) -> str | None:
    """The vesicle ``table`` gives ``key`` or its nearest broader process (None where it lists none)."""
    todo, seen = [key], {key}
    while todo:
        current = todo.pop(0)
        if current in table:
            return table[current]
        for parent in sorted(index.broader.get(current, ())):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return None


def is_vesicle(index: Index, key: str) -> bool:
    return index.kinds.get(key) == "component" and VESICLE_ROOT in index.ancestors(key)


def transfer_targets(index: Index, entity: str) -> list[str]:
    """The vesicles whose effects a step on ``entity`` (a vesicle process) may continue into."""
    key = ("targets", entity)
    if key not in index.memo:
        made = _listed(index, entity, PRODUCES) or _listed(index, entity, TAKES_UP)
        index.memo[key] = _claimed(index, made) if made and index.kinds.get(entity) == "process" else []
    return index.memo[key]  # type: ignore[no-any-return]


def _claimed(index: Index, made: str) -> list[str]:
    """The vesicles whose claims speak for ``made``: a class and every broader class (a claim about EVs holds
    for exosomes); a named subpopulation (not ``generic``) only itself, half of a switch being no more vesicles."""
    return sorted(index.ancestors(made)) if made in index.generic else [made]


def transfer_sources(index: Index, vesicle: str) -> list[str]:
    """The vesicle processes whose steps may continue into the effects of ``vesicle`` (the inverse)."""
    inverse: dict[str, list[str]] | None = index.memo.get(("sources",))
    if inverse is None:  # worked out once for every vesicle: a search asks of every entity it meets
        inverse = {}
        for process in sorted(k for k, kind in index.kinds.items() if kind == "process"):
            for made in transfer_targets(index, process):
                inverse.setdefault(made, []).append(process)
        index.memo[("sources",)] = inverse
    return inverse.get(vesicle, [])


def vesicle_made(index: Index, target: str, aspect: str) -> str | None:
    """The vesicles a step on ``target`` makes more or fewer of, or None when it is not such a step."""
    if aspect in ("secretion", "biogenesis", "amount") and is_vesicle(index, target):
        return target
    if aspect in ("secretion", "biogenesis", "activity", "amount"):
        return _listed(index, target, PRODUCES)
    return None


def vesicle_taken(index: Index, target: str, aspect: str) -> str | None:
    """The vesicles a step on ``target`` changes the uptake of, or None."""
    if aspect == "uptake" and is_vesicle(index, target):
        return target
    if aspect in ("uptake", "activity", "amount"):
        return _listed(index, target, TAKES_UP)
    return None


def effect(index: Index, row: Row) -> str:
    """What ``row`` changes about its target: which row of the table it is."""
    return effect_of(index, row.target, row.aspect)


def effect_of(index: Index, target: str, aspect: str) -> str:
    """What a step on ``target``'s ``aspect`` changes (kept per target and aspect)."""
    key = ("effect", target, aspect)
    found = index.memo.get(key)
    if found is None:
        found = index.memo[key] = _effect(index, target, aspect)
    return found


def _effect(index: Index, target: str, aspect: str) -> str:
    if vesicle_made(index, target, aspect):
        return VESICLES
    if vesicle_taken(index, target, aspect):
        return UPTAKE
    if aspect in ("amount", "activity", "biogenesis"):  # biogenesis of vesicles was answered above
        return LEVEL
    if aspect == "degradation":
        return DEGRADATION
    if aspect in MODIFICATIONS:
        return MODIFICATION
    if aspect in ("cargo_loading", "secretion"):
        # loading into vesicles of unnamed cargo (a process, a class) says nothing about a named molecule
        return NOTHING if target in index.generic or index.kinds.get(target) == "process" else LOADING
    return NOTHING


def usable(row: Row, engineered: bool) -> bool:
    """Whether ``row`` may be a chain step at all: never a method or a binding; engineered only when asked."""
    return usable_shape(row.aspect, row.scope, engineered)


def usable_shape(aspect: str, scope: str, engineered: bool) -> bool:
    """:func:`usable` of any row of this aspect and scope."""
    if aspect in NEVER_STEPS or scope == "method":
        return False
    return engineered or scope != "engineered"


def spoken_for(index: Index, row: Row) -> bool:
    """Whether a modification's own quote also states the degradation that follows, curated from the same
    quote as the same regulator's degradation of the same target. A ubiquitination the curation states as
    degradation is degradation (the table): that assertion speaks for it in chains, so a chain through the
    modification, unsigned ("the curation does not say what ubiquitination does"), is not printed beside
    the signed one. Asked only of modification rows (rare): kept per index."""
    if row.aspect not in MODIFICATIONS:
        return False
    key = ("spoken for", row.id)
    found: bool | None = index.memo.get(key)
    if found is None:
        quotes = _quotes(index.store.assertion(row.id))
        found = index.memo[key] = any(
            quotes & _quotes(index.store.assertion(other.id))
            for other in index.between([(row.regulator, row.target)])
            if other.aspect == "degradation"
            and (other.direction, other.hypothesis, other.negated) == (row.direction, row.hypothesis, row.negated)
        )
    return found


def _quotes(record: Mapping[str, Any] | None) -> frozenset[str]:
    return frozenset(e["quote"] for e in record["evidence"]) if record else frozenset()


def ends(index: Index, key: str) -> bool:
    """Whether chains start or end at ``key`` and never pass through it: an exposure, a phenotype, an outcome."""
    return key in index.exposures or index.kinds.get(key) in END_KINDS or not OUTCOMES.isdisjoint(index.ancestors(key))


def passable(index: Index, key: str) -> bool:
    """Whether a chain may pass through ``key`` other than by a transfer link."""
    return not (key in index.generic or ends(index, key))


def reason_unsigned(step: Step) -> str | None:
    """Why a step carries no sign, in words, or None when it carries one."""
    if step.negated:
        return "a negated finding says there is no change"
    modified = [a for a in step.aspects if a in MODIFICATIONS]
    if modified:
        return f"the curation does not say what {modified[0]} does to the amount or activity of {step.target}"
    if step.sign == 0:
        return "the finding states no direction (regulates)"
    return None


# -- cells ------------------------------------------------------------------------------------------
def _cells(context: Mapping[str, Any], role: str) -> frozenset[str]:
    """The cells a claim names in ``role``: ``donors``/``recipients``, or ``actor`` (cell lines and types)."""
    if role == "actor":
        return frozenset((*context.get("cell_lines", ()), *context.get("cell_types", ())))
    return frozenset(context.get(role, ()))


@lru_cache(maxsize=65536)
def _named(context_json: str, role: str) -> frozenset[str]:
    """``_cells`` of a compiled context, parsed once: chain search asks again for every pair of steps."""
    return _cells(parse_context(context_json), role)


def _agree(index: Index, first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether some cells of one lie within (or are) some of the other's (kept per pair of sets)."""
    key = ("agree", first, second)
    found = index.memo.get(key)
    if found is None:
        found = index.memo[key] = any(a in index.ancestors(b) or b in index.ancestors(a) for a in first for b in second)
    return found


def _where_acts(row: Row) -> frozenset[str]:
    """The cells a step's target changes in: the recipients of vesicle cargo, else the cells named."""
    if row.cargo:
        return _named(row.context_json, "recipients")
    return _named(row.context_json, "actor") or _named(row.context_json, "donors")


def _where_starts(row: Row) -> frozenset[str]:
    """The cells a step's regulator acts from: the donors of vesicle cargo, else the cells named."""
    return _named(row.context_json, "donors" if row.cargo else "actor")


class Verdict(NamedTuple):
    """Whether a step may follow another: the rows of the later step kept, the link, or why not.

    A named tuple: a path search composes thousands of pairs of steps, and makes one for each."""

    rows: tuple[Row, ...] = ()
    #: The rows of the earlier step kept (those some kept row of the later step agrees with).
    before: tuple[Row, ...] = ()
    link: str | None = None
    #: The transfer printed between the steps ("exosomes from Huh-7 to Huh-7").
    via: str | None = None
    cut: str | None = None


def follow(index: Index, before: Step, after: Step, link: str | None) -> Verdict:
    """Whether ``after`` may follow ``before`` (joined through ``link``: None, a family link or transfer)."""
    kind = before.effect
    if kind not in READS_CELLS:
        cut = cut_between(index, before.target, kind, before.aspects, after.regulator, after.cargo, link)
        return Verdict(cut=cut) if cut else _same_cells(index, before, after, link)
    joined = after.regulator
    cut = _ends(index, before.target, joined, link)
    if cut:
        return Verdict(cut=cut)
    if kind != LOADING and (after.cargo or link == TRANSFER or is_vesicle(index, joined)):
        return _transfer(index, before, after, link, "donors" if kind == VESICLES else "recipients")
    # otherwise a claim about the process itself follows (MVB fusion feeds exosome secretion): the same cells
    if link == TRANSFER:
        return Verdict(cut=_NO_TRANSFER)
    cut = _class(index, before.target, joined)
    if cut:
        return Verdict(cut=cut)
    if kind != LOADING:
        return _same_cells(index, before, after, link)
    if not after.cargo:
        return Verdict(cut=f"loading {before.target} into vesicles composes only into its effects as cargo")
    mine, kept = _agreeing(
        index, before.rows, after.rows, _where_starts, lambda r: _named(r.context_json, "donors"), lenient=True
    )
    if not kept:
        return Verdict(cut="the cells loading the cargo and the donors of the vesicles differ")
    return Verdict(kept, mine, link)


#: What a step changes when composition reads the cells of its rows, whatever follows it.
READS_CELLS = frozenset({VESICLES, UPTAKE, LOADING})
_NO_TRANSFER = "a transfer link follows only a step on vesicle output or uptake"


def cut_between(
    index: Index, target: str, kind: str, aspects: tuple[str, ...], joined: str, cargo: bool, link: str | None
) -> str | None:
    """Why a step on ``target`` that changes ``kind`` (one of the rows of the table that reads no cells) may
    not come before a step from ``joined`` (``cargo``: acting as vesicle cargo) through ``link``; None when it
    may, and then the two steps keep the rows whose cells agree (:func:`follow`).

    The answer is the same for every pair of steps of these shapes, whatever their assertions, so it is
    kept for the life of the index: chain search asks it of thousands of pairs, and counts chains by it.
    """
    key = ("cut", target, kind, aspects, joined, cargo, link)
    if key in index.memo:
        return index.memo[key]  # type: ignore[no-any-return]
    cut = _ends(index, target, joined, link)
    if not cut and link == TRANSFER:
        cut = _NO_TRANSFER
    cut = cut or _class(index, target, joined)
    if not cut and kind == NOTHING:
        cut = f"{'/'.join(aspects)} of {target} says nothing about what follows"
    if not cut and cargo:
        cut = f"a change of {target} in its cells does not say it is loaded into vesicles"
    index.memo[key] = cut
    return cut


def _ends(index: Index, target: str, joined: str, link: str | None) -> str | None:
    """Exposures start chains, phenotypes and cell behaviours end them: none joins two steps; nor does a gene
    join what its variant does."""
    for key in (target, joined):
        if ends(index, key):
            return f"{key} is an exposure, phenotype or cell behaviour: chains start or end there"
    if link == "parent":  # the gene's amount or activity is not its variant's (stress activates p53, not a GOF mutant)
        return f"a change in {target} says nothing about what its variant {joined} does"
    return None


def _class(index: Index, target: str, joined: str) -> str | None:
    """A class node joins two steps only through a transfer link."""
    for key in (target, joined):
        if key in index.generic:
            return f"{key} is a class, not a step"
    return None


def _same_cells(index: Index, before: Step, after: Step, link: str | None) -> Verdict:
    """The next step acts where the previous one changed its target: each step keeps the assertions whose
    cells agree with some of the other's (or name none). Where none agree the chain is kept whole and the
    step marked (exograph.reason.context; ``--coherent`` drops it), as the field's practice is: only a
    transfer of vesicles must name cells that agree."""
    if len(before.rows) == 1 and len(after.rows) == 1:  # the common case: nothing to choose between
        return Verdict(after.rows, before.rows, link)
    mine, kept = _agreeing(index, before.rows, after.rows, _where_acts, _where_starts, lenient=True)
    return Verdict(kept, mine, link) if kept else Verdict(after.rows, before.rows, link)


def _transfer(index: Index, before: Step, after: Step, link: str | None, role: str) -> Verdict:
    """Vesicles made (``donors``) or taken up (``recipients``) by one step, acting in the next."""
    made = {
        vesicle_made(index, r.target, r.aspect) if role == "donors" else vesicle_taken(index, r.target, r.aspect)
        for r in before.rows
    }
    vesicles = {v for v in made if v}
    if link not in (TRANSFER, None) or not after.cargo or not is_vesicle(index, after.regulator):
        return Verdict(cut="more or fewer vesicles compose only into the effects of those vesicles in recipient cells")
    if not any(after.regulator in _claimed(index, v) for v in vesicles):
        return Verdict(cut=f"{after.regulator} are not the vesicles {'/'.join(sorted(vesicles))} made")
    mine, kept = _agreeing(
        index,
        before.rows,
        after.rows,
        lambda r: _named(r.context_json, "actor") | _named(r.context_json, role),
        lambda r: _named(r.context_json, role),
        transfer=True,
    )
    if not kept:
        return Verdict(cut=_not_the_same(index, before, after, role))
    return Verdict(kept, mine, TRANSFER, _via(after.regulator, kept))


def _not_the_same(index: Index, before: Step, after: Step, role: str) -> str:
    """Why none of the vesicles ``after`` states are those ``before`` makes (or takes up), as the rows say it:
    where the cells agree, the disease or the donors' state (p53 loss) that the first step does not share, each
    naming the steps (entity keys, worded when printed); else that the cells are not named by both or differ."""
    for vesicles in after.rows:
        theirs = _named(vesicles.context_json, role)
        for row in before.rows:
            cells = _named(row.context_json, "actor") | _named(row.context_json, role)
            if not (cells and theirs and _within(index, cells, theirs)):
                continue
            mine, stated = index.diseases(row.diseases), index.diseases(vesicles.diseases)
            if mine and stated and not _within(index, mine, stated):
                return (
                    f"the vesicles differ in disease: {before.regulator} -> {before.target} is in"
                    f" {' and '.join(sorted(mine))} and {after.regulator} -> {after.target} is found for vesicles in"
                    f" {' and '.join(sorted(stated))}"
                )
            missing = " and ".join(_missing_states(index, row, vesicles))
            if missing:
                return (
                    f"a transfer needs the donors' state: {after.regulator} -> {after.target} is found for vesicles"
                    f" from donors under {missing} and {before.regulator} -> {before.target} does not state {missing}"
                )
    return f"the {role} of the vesicles are not named by both steps, or differ"


def _via(vesicle: str, rows: Iterable[Row]) -> str:
    """'exosome from Huh-7 to Huh-7': the vesicles and the cells the kept rows name (keys, labelled when printed)."""
    donors = sorted({d for r in rows for d in r.context.get("donors", ())})
    recipients = sorted({d for r in rows for d in r.context.get("recipients", ())})
    text = vesicle
    if donors:
        text += f" from {', '.join(donors)}"
    if recipients:
        text += f" to {', '.join(recipients)}"
    return text


def _within(index: Index, first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether some cells of ``first`` are, or lie within, some of ``second`` (kept per pair of sets)."""
    key = ("within", first, second)
    found = index.memo.get(key)
    if found is None:
        found = index.memo[key] = any(b in index.ancestors(a) for a in first for b in second)
    return found


def _same_vesicles(index: Index, row: Row, cells: frozenset[str], vesicles: Row, donors: frozenset[str]) -> bool:
    """Whether the vesicles ``row`` makes (in ``cells``) are those whose effects ``vesicles`` states (from
    ``donors``): the cells are the donors or lie within them (the effects of exosomes from cancer cells are
    those of Huh-7 exosomes, but the effects found for Huh-7 exosomes are not those of any cancer cell's),
    and, the same way round, the disease is the vesicles' or lies within it where both have one (a finding
    on cancer exosomes holds for HCC exosomes; one on breast-cancer exosomes not for those of any cancer; a
    claim's disease is also that of its cell lines, :meth:`Index.diseases`: K-562 cells make CML exosomes);
    and every state of their donor cells the vesicles' claim states as a condition (EVs from cells that
    lost p53) is stated, or a narrower one, where they are made: the effects of EVs from p53-deficient
    cells are not those of any cancer cell's EVs."""
    if not _within(index, cells, donors):
        return False
    mine, theirs = index.diseases(row.diseases), index.diseases(vesicles.diseases)
    if mine and theirs and not _within(index, mine, theirs):
        return False
    return not _missing_states(index, row, vesicles)


def _missing_states(index: Index, row: Row, vesicles: Row) -> list[str]:
    """The states of their donor cells the vesicles' claim states as conditions (a phenotype: p53 loss) that
    ``row``, where the vesicles are made, does not state (nor a narrower one). An exposure (sorafenib, hypoxia)
    is what a chain starts from, so its start supplies it: it is never missing."""
    held = _named(row.context_json, "conditions")
    states = (c for c in _named(vesicles.context_json, "conditions") if index.kinds.get(c) == "phenotype")
    return sorted(c for c in states if not any(c in index.ancestors(h) for h in held))


def _agreeing(
    index: Index,
    before: Iterable[Row],
    after: Iterable[Row],
    here: Any,
    there: Any,
    lenient: bool = False,
    transfer: bool = False,
) -> tuple[tuple[Row, ...], tuple[Row, ...]]:
    """The rows of each step whose cells agree with some row of the other: ``here`` of a row of
    ``before``, ``there`` of a row of ``after``.

    Strict: both must name cells. Lenient: a row that names none agrees with anything. Transfer:
    strict, and the vesicles must be the same (:func:`_same_vesicles`), not only the cells related.
    """
    earlier = [(row, here(row)) for row in before]
    if lenient:
        later = [there(row) for row in after]
        if not any(cells for cells in later) or not any(cells for _, cells in earlier):
            return tuple(before), tuple(after)  # one side names no cells: everything agrees
    mine: dict[str, Row] = {}
    kept = []
    for row in after:
        cells = there(row)
        agreeing = [
            r
            for r, theirs in earlier
            if (lenient and not (cells and theirs))
            or (
                cells
                and theirs
                and (_same_vesicles(index, r, theirs, row, cells) if transfer else _agree(index, theirs, cells))
            )
        ]
        if agreeing:
            kept.append(row)
            mine.update((r.id, r) for r in agreeing)
    return tuple(r for r, _ in earlier if r.id in mine), tuple(kept)
