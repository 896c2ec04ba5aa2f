"""Answer impact: how the answers users get from ``exograph drivers/regulators/targets`` change.

Each question is one function from a store and an entity key to answer lines,
registered in :data:`QUESTIONS`; a new kind of question (e.g. chains) is one
more entry. Answers are asked on both sides with the real query code, only for
the entities a change can reach: the ends of every changed assertion and every
changed entity, and everything broader than them (a query on a broad concept
gathers its narrower ones).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from exograph.compiled.records import AssertionRecord, EntityRecord
from exograph.compiled.store import Store
from exograph.query import neighbours
from exograph.review.compare import Comparison
from exograph.review.memstore import Records, RecordStore
from exograph.review.model import AnswerChange, AnswerLine

VERBS = {"increases": "increase", "decreases": "decrease", "regulates": "regulate"}


def effect(a: AssertionRecord) -> str:
    """The effect as a reader says it: 'increases amount', 'does not increase amount', 'may decrease activity'."""
    aspect = a["aspect"].replace("_", " ")
    if a["negated"]:
        return f"does not {VERBS[a['direction']]} {aspect}"
    if a["hypothesis"]:
        return f"may {VERBS[a['direction']]} {aspect}"
    return f"{a['direction']} {aspect}"


#: One answer line as a hashable tuple: AnswerLine's fields, in its order (context as a tuple).
LineKey = tuple[str, str, str | None, tuple[str, ...], str | None]


def line_key(a: AssertionRecord, subject: str, other_end: str) -> LineKey:
    """One answer line: the other end, the effect, the narrower concept asked through, and the context.

    A plain tuple, not an :class:`AnswerLine`: a large diff compares about a million lines, and
    only those that differ become models.
    """
    near_end = "target" if other_end == "regulator" else "regulator"
    context = tuple(k for v in a["context"].values() if isinstance(v, list) for k in v)
    via = a[near_end] if a[near_end] != subject else None  # type: ignore[literal-required]
    return a[other_end], effect(a), via, context, a["context"].get("system")  # type: ignore[literal-required]


def answer_line(key: LineKey) -> AnswerLine:
    other, said, via, context, system = key
    return AnswerLine(other=other, effect=said, via=via, context=list(context), system=system)


def _asking(query: Callable[[Store, str], neighbours.Result], other_end: str) -> Question:
    def ask(store: Store, key: str) -> list[LineKey]:
        return [line_key(a, key, other_end) for a in query(store, key).assertions]

    return ask


Question = Callable[[Store, str], list[LineKey]]
QUESTIONS: dict[str, Question] = {
    "drivers": _asking(neighbours.drivers, "regulator"),
    "regulators": _asking(neighbours.regulators, "regulator"),
    "targets": _asking(neighbours.targets, "target"),
}


def _broader_closure(keys: Iterable[str], entities: dict[str, EntityRecord]) -> set[str]:
    seen: set[str] = set()
    stack = list(keys)
    while stack:
        key = stack.pop()
        if key in seen:
            continue
        seen.add(key)
        stack.extend(entities[key]["broader"] if key in entities else ())
    return seen


def subjects(comparison: Comparison) -> set[str]:
    """Every entity whose answers a change could reach (a superset; unchanged answers are dropped later)."""
    changes = comparison.assertions
    records = [*changes.added, *changes.removed, *(r for c in changes.changed for r in (c.old, c.new))]
    keys = {str(r[end]) for r in records for end in ("regulator", "target")}
    entities = comparison.entities
    keys |= {str(e["key"]) for e in (*entities.added, *entities.removed)} | {c.id for c in entities.changed}
    return _broader_closure(keys, comparison.old.entities) | _broader_closure(keys, comparison.new.entities)


def _answer(store: Store, known: dict[str, EntityRecord], question: Question, key: str) -> Counter[LineKey]:
    return Counter(question(store, key)) if key in known else Counter()


def _lines(keys: Counter[LineKey]) -> list[AnswerLine]:
    """Answer lines in the order of their JSON text, as the report has always listed them."""
    return sorted(map(answer_line, keys.elements()), key=lambda line: line.model_dump_json())


def _stores(comparison: Comparison) -> tuple[Store, Store]:
    """Where to ask: each side's store, or, when no entity changed, stores of only the changed assertions.

    With the same entities (so the same names, hierarchy, families and labels) an unchanged
    assertion gives the same answer lines on both sides, so each answer is the lines of the
    unchanged assertions, C, plus those of the changed ones: C + A against C + B differ exactly
    when A and B do, by A - B and B - A. Renamed assertions keep their content and their lines.
    Asking only the changed assertions gives the same answer changes without reading the rest.
    """
    old, new = comparison.old, comparison.new
    entities = comparison.entities
    if entities.added or entities.removed or entities.changed:
        return old.store, new.store
    changes = comparison.assertions
    before = [*changes.removed, *(c.old for c in changes.changed)]
    after = [*changes.added, *(c.new for c in changes.changed)]
    return (
        RecordStore(old.store.db, old.store.root, old.entities, Records.of(before)),
        RecordStore(new.store.db, new.store.root, new.entities, Records.of(after)),
    )


def impact(comparison: Comparison) -> list[AnswerChange]:
    """Every question whose answer differs between the sides, with the lines gained and lost."""
    old, new = comparison.old, comparison.new
    old_store, new_store = _stores(comparison)
    labels = {k: e["display"] for k, e in {**old.entities, **new.entities}.items()}
    changes = []
    for key in sorted(subjects(comparison), key=lambda k: (labels.get(k) or k).casefold() + "\0" + k):
        for name, question in QUESTIONS.items():
            before = _answer(old_store, old.entities, question, key)
            after = _answer(new_store, new.entities, question, key)
            if before != after:
                changes.append(
                    AnswerChange(
                        question=name,
                        subject=key,
                        gained=_lines(after - before),
                        lost=_lines(before - after),
                    )
                )
    return changes
