"""Rules that span files: identity, references, quotes, citations and duplicates.

Each check appends located problems and never stops early, so a curator sees
everything that needs fixing in one run.
"""

from __future__ import annotations

import difflib
import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from exograph.curation.cascade import Cascade
from exograph.curation.loader import Curation, Loaded
from exograph.curation.models import Assertion, AssertionFile, Entity, EntityFile, Source
from exograph.curation.problems import Problem
from exograph.curation.vocab import CONTEXT_KINDS, CONTEXT_LIST_FIELDS, PARENT_KINDS
from exograph.layout import digest_of

_A = {"variant": "a variant", "isoform": "an isoform"}


def normalise(text: str) -> str:
    """Collapse every run of whitespace, so quotes may wrap differently from the text."""
    return " ".join(text.split())


def suggest(word: str, choices: Iterable[str]) -> str:
    """A ``(did you mean ...?)`` hint, or nothing."""
    pool = {c.lower(): c for c in choices}
    close = difflib.get_close_matches(word.lower(), pool, n=1, cutoff=0.6)
    return f" (did you mean '{pool[close[0]]}'?)" if close else ""


class TextIndex:
    """Verbatim search in one source text that stays fast for thousands of quotes.

    A plain substring search scans the whole text per quote; past a few dozen quotes an index
    of the word starts of the text by their first characters turns each lookup into a few
    comparisons. A quote that starts inside a word (or is not in the text) falls back to the
    plain search, so the answer is always exactly ``quote in text``. The text is normalised
    on first use, so sources whose quotes need no check cost nothing.
    """

    PREFIX = 32
    SCANS_BEFORE_INDEX = 64

    def __init__(self, text: str) -> None:
        self.raw: str | None = text
        self._text = ""
        self.scans = 0
        self.index: dict[str, list[int]] | None = None

    @property
    def text(self) -> str:
        if self.raw is not None:
            self._text, self.raw = normalise(self.raw), None
        return self._text

    def __contains__(self, quote: str) -> bool:
        text = self.text
        if len(quote) < self.PREFIX or self.scans < self.SCANS_BEFORE_INDEX:
            self.scans += 1
            return quote in text
        if self.index is None:
            self.index = {}
            pos, width = 0, self.PREFIX
            while pos >= 0:
                self.index.setdefault(text[pos : pos + width], []).append(pos)
                pos = text.find(" ", pos) + 1 or -1
        if any(text.startswith(quote, pos) for pos in self.index.get(quote[: self.PREFIX], ())):
            return True
        return quote in text


@dataclass(slots=True)
class Checked:
    """The validated curation: entities by key, sources by id, and each assertion with its source."""

    entities: dict[str, Entity] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    assertions: list[tuple[str, Assertion]] = field(default_factory=list)
    texts: dict[str, TextIndex] = field(default_factory=dict)


def check(curation: Curation) -> tuple[Checked, list[Problem]]:
    """Run every cross-file rule; return what is usable and all problems."""
    checked, problems, bad_entities, bad_sources = check_definitions(curation)
    _check_assertions(curation.assertion_files, checked, problems, bad_entities, bad_sources)
    return checked, problems + bad_entities.problems() + bad_sources.problems()


def check_definitions(curation: Curation) -> tuple[Checked, list[Problem], Cascade, Cascade]:
    """The rules for sources and entities, which every assertion file is then checked against."""
    problems = list(curation.problems)
    checked = Checked()
    root = curation.layout.root
    bad_entities = Cascade(
        "entity", curation.invalid_entities, None if (root / "curation/entities").is_dir() else "curation/entities/"
    )
    bad_sources = Cascade("source", curation.invalid_sources, None if (root / "sources").is_dir() else "sources/")
    _check_sources(curation, checked, problems)
    _check_entities(curation.entity_files, checked, problems, bad_entities)
    return checked, problems, bad_entities, bad_sources


def _check_sources(curation: Curation, checked: Checked, problems: list[Problem]) -> None:
    sources_dir = curation.layout.root / "sources"
    for loaded in curation.sources:
        source = loaded.model
        expected = f"sources/{source.id}.yaml"
        if loaded.file != expected:
            problems.append(loaded.at("id", message=f"source '{source.id}' must live in {expected}"))
        if source.id in checked.sources:
            problems.append(loaded.at("id", message=f"source id '{source.id}' is defined twice"))
            continue
        text_path = sources_dir / source.text
        if text_path.is_symlink() and sources_dir.resolve() not in text_path.resolve().parents:
            problems.append(
                loaded.at("text", message=f"text snapshot sources/{source.text} is a link to a file outside sources/")
            )
        elif not text_path.is_file():
            problems.append(loaded.at("text", message=f"text snapshot sources/{source.text} does not exist"))
        elif (raw := _read(text_path)) is None:
            problems.append(loaded.at("text", message=f"text snapshot sources/{source.text} cannot be read"))
        else:
            curation.read[curation.layout.relative(text_path)] = digest_of(raw)
            digest = hashlib.sha256(raw).hexdigest()
            if digest != source.sha256:
                problems.append(
                    loaded.at(
                        "sha256",
                        message=(
                            f"sources/{source.text} has SHA-256 {digest}, not the recorded one: the snapshot changed; "
                            "restore it or re-check every quote and update sha256"
                        ),
                    )
                )
            checked.texts[source.id] = TextIndex(raw.decode("utf-8", errors="replace"))
        seen: set[int] = set()
        for i, ref in enumerate(source.references):
            if ref.number in seen:
                problems.append(
                    loaded.at("references", i, "number", message=f"reference number {ref.number} appears twice")
                )
            seen.add(ref.number)
        checked.sources[source.id] = source


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _names(entity: Entity) -> list[str]:
    return [entity.key, entity.label, *entity.synonyms]


def _check_entities(
    files: list[Loaded[EntityFile]], checked: Checked, problems: list[Problem], cascade: Cascade
) -> None:
    first_key: dict[str, str] = {}
    by_curie: dict[str, str] = {}
    by_name: dict[str, str] = {}
    located: dict[str, tuple[Loaded[EntityFile], int]] = {}
    for loaded in files:
        for i, entity in enumerate(loaded.model.entities):
            where = f"{loaded.file}:{loaded.mark_of('entities', i).line}"
            if entity.key in first_key:
                problems.append(
                    loaded.at(
                        "entities",
                        i,
                        "key",
                        message=(f"entity '{entity.key}' is already defined at {first_key[entity.key]}"),
                    )
                )
                continue
            first_key[entity.key] = where
            if entity.curie in by_curie:
                problems.append(
                    loaded.at(
                        "entities",
                        i,
                        "curie",
                        message=(
                            f"entity '{entity.key}': {entity.curie} is already the identifier of "
                            f"'{by_curie[entity.curie]}'"
                            " (one entity per concept: add the spellings as synonyms there)"
                        ),
                    )
                )
            by_curie.setdefault(entity.curie, entity.key)
            for name in dict.fromkeys(n.casefold() for n in _names(entity)):
                other = by_name.setdefault(name, entity.key)
                if other != entity.key:
                    problems.append(
                        loaded.at(
                            "entities",
                            i,
                            message=(
                                f"entity '{entity.key}': name '{name}' also names '{other}'; names must be unambiguous"
                            ),
                        )
                    )
            checked.entities[entity.key] = entity
            located[entity.key] = (loaded, i)
    for key, (loaded, i) in located.items():
        entity = checked.entities[key]
        if entity.members and entity.kind != "family":
            problems.append(loaded.at("entities", i, "members", message=f"entity '{key}': only a family has members"))
        if entity.diseases and entity.kind != "cell_line":
            problems.append(
                loaded.at("entities", i, "diseases", message=f"entity '{key}': only a cell line has diseases")
            )
        for name, word in (("broader", "broader"), ("members", "member"), ("diseases", "disease")):
            for j, other in enumerate(getattr(entity, name)):
                if other not in checked.entities and not cascade.absorbs(other):
                    message = (
                        f"entity '{key}': {word} '{other}' is not a known entity{suggest(other, checked.entities)}"
                    )
                    problems.append(loaded.at("entities", i, name, j, message=message))
                elif name == "diseases" and other in checked.entities and checked.entities[other].kind != "disease":
                    message = f"entity '{key}': disease '{other}' is a {checked.entities[other].kind}, not a disease"
                    problems.append(loaded.at("entities", i, name, j, message=message))
        if entity.kind in PARENT_KINDS and entity.parent is None:
            problems.append(
                loaded.at("entities", i, "kind", message=f"entity '{key}': {_A[entity.kind]} needs a parent")
            )
        if entity.parent is not None and entity.parent not in checked.entities and not cascade.absorbs(entity.parent):
            problems.append(
                loaded.at(
                    "entities",
                    i,
                    "parent",
                    message=(
                        f"entity '{key}': parent '{entity.parent}' is not a known entity"
                        f"{suggest(entity.parent, checked.entities)}"
                    ),
                )
            )
        if _in_cycle(key, checked.entities):
            problems.append(loaded.at("entities", i, "broader", message=f"entity '{key}': broader terms form a cycle"))


def _in_cycle(start: str, entities: dict[str, Entity]) -> bool:
    stack, seen = list(entities[start].broader), set()
    while stack:
        key = stack.pop()
        if key == start:
            return True
        if key in seen or key not in entities:
            continue
        seen.add(key)
        stack.extend(entities[key].broader)
    return False


def _identity(source: str, a: Assertion) -> tuple[object, ...]:
    """What makes two assertions the same claim from the same paper."""
    return (
        source,
        a.regulator,
        a.target,
        a.direction,
        a.aspect,
        a.mechanism,
        a.exosomal_cargo,
        a.hypothesis,
        a.negated,
        a.context.model_dump_json(),
    )


@dataclass(slots=True)
class FileChecks:
    """What the cross-file rules find in one assertion file, apart from duplicates across files.

    It depends only on the file, the entities and the sources, so it can be kept per file and
    reused while those stay the same; :func:`check_duplicates` then runs over every file.
    """

    file: str
    problems: list[Problem]
    entity_refs: Counter[str]
    source_refs: Counter[str]
    #: Per assertion: id, "file:line" of its id, position of its id, its claim's identity digest,
    #: the position of the assertion, and whether it passed every rule checked here.
    assertions: list[tuple[str, str, int, int, bytes, int, int, bool]]


def check_assertion_file(
    loaded: Loaded[AssertionFile], checked: Checked, bad_entities: Cascade, bad_sources: Cascade
) -> FileChecks:
    """The rules for one assertion file that need the entities and sources but no other assertion file."""
    entity_refs = replace(bad_entities, counts=Counter())  # this file's references, added up by the caller
    source_refs = replace(bad_sources, counts=Counter())
    problems: list[Problem] = []
    source_id = loaded.model.source
    source = checked.sources.get(source_id)
    expected = f"curation/assertions/{source_id}.yaml"
    if loaded.file != expected:
        problems.append(loaded.at("source", message=f"assertions of source '{source_id}' must live in {expected}"))
    if source is None and not source_refs.absorbs(source_id):
        problems.append(
            loaded.at(
                "source",
                message=(f"source '{source_id}' is not defined in sources/{suggest(source_id, checked.sources)}"),
            )
        )
    rows = []
    for i, assertion in enumerate(loaded.model.assertions):
        before = len(problems)
        if not assertion.id.startswith(f"{source_id}-"):
            problems.append(
                loaded.at(
                    "assertions",
                    i,
                    "id",
                    message=(f"assertion '{assertion.id}': id must start with '{source_id}-'"),
                )
            )
        complete = _check_references_to_entities(loaded, i, assertion, checked, problems, entity_refs)
        if source is not None:
            _check_evidence(loaded, i, assertion, source, checked.texts.get(source_id), problems)
        id_mark, mark = loaded.mark_of("assertions", i, "id"), loaded.mark_of("assertions", i)
        identity = hashlib.blake2b(repr(_identity(source_id, assertion)).encode(), digest_size=16).digest()
        ok = len(problems) == before and complete and source is not None
        where = f"{loaded.file}:{id_mark.line}"
        rows.append((assertion.id, where, id_mark.line, id_mark.column, identity, mark.line, mark.column, ok))
    return FileChecks(loaded.file, problems, entity_refs.counts, source_refs.counts, rows)


def check_duplicates(files: Iterable[FileChecks], problems: list[Problem]) -> list[list[bool]]:
    """Ids and claims repeated anywhere; per file, which assertions are clean after every rule."""
    first_id: dict[str, str] = {}
    claims: dict[bytes, str] = {}
    clean = []
    for found in files:
        kept = []
        for aid, where, id_line, id_column, identity, line, column, ok in found.assertions:
            before = len(problems)
            if aid in first_id:
                message = f"assertion id '{aid}' is already used at {first_id[aid]}"
                problems.append(Problem(found.file, id_line, id_column, message))
            first_id.setdefault(aid, where)
            if identity in claims:
                message = (
                    f"assertion '{aid}' repeats '{claims[identity]}' (same regulator, target, effect, "
                    "context and source): merge the evidence into one assertion"
                )
                problems.append(Problem(found.file, line, column, message))
            claims.setdefault(identity, aid)
            kept.append(ok and len(problems) == before)
        clean.append(kept)
    return clean


def _check_assertions(
    files: list[Loaded[AssertionFile]],
    checked: Checked,
    problems: list[Problem],
    bad_entities: Cascade,
    bad_sources: Cascade,
) -> None:
    found = [check_assertion_file(loaded, checked, bad_entities, bad_sources) for loaded in files]
    for result in found:
        problems += result.problems
        bad_entities.counts.update(result.entity_refs)
        bad_sources.counts.update(result.source_refs)
    for loaded, kept in zip(files, check_duplicates(found, problems), strict=True):
        source_id = loaded.model.source
        checked.assertions += [(source_id, a) for a, ok in zip(loaded.model.assertions, kept, strict=True) if ok]


def _check_references_to_entities(
    loaded: Loaded[AssertionFile], i: int, a: Assertion, checked: Checked, problems: list[Problem], cascade: Cascade
) -> bool:
    """Report references to unknown entities; False when one was skipped because its definition is invalid."""
    entities = checked.entities
    complete = True
    for role in ("regulator", "target"):
        key = getattr(a, role)
        if key not in entities and cascade.absorbs(key):
            complete = False
        elif key not in entities:
            problems.append(
                loaded.at(
                    "assertions",
                    i,
                    role,
                    message=(f"assertion '{a.id}': {role} '{key}' is not a known entity{suggest(key, entities)}"),
                )
            )
    for name in CONTEXT_LIST_FIELDS:
        for j, key in enumerate(getattr(a.context, name)):
            entity = entities.get(key)
            if entity is None and cascade.absorbs(key):
                complete = False
                continue
            if entity is None:
                problem = f"is not a known entity{suggest(key, entities)}"
            elif entity.kind not in CONTEXT_KINDS[name]:
                problem = f"is a {entity.kind}; expected one of: {', '.join(sorted(CONTEXT_KINDS[name]))}"
            else:
                continue
            message = f"assertion '{a.id}': context.{name} '{key}' {problem}"
            problems.append(loaded.at("assertions", i, "context", name, j, message=message))
    _check_line_diseases(loaded, i, a, entities, problems)
    return complete


def _check_line_diseases(
    loaded: Loaded[AssertionFile], i: int, a: Assertion, entities: dict[str, Entity], problems: list[Problem]
) -> None:
    """A cell line's disease is the disease of every claim made in it: a stated disease must be it, or lie
    within it, or contain it (a claim in K-562 cells is not a claim about hepatocellular carcinoma)."""
    stated = [k for k in a.context.diseases if k in entities]
    if not stated:
        return
    for name in ("cell_lines", "donors", "recipients"):
        for j, key in enumerate(getattr(a.context, name)):
            line = entities.get(key)
            if line is None or line.kind != "cell_line" or not line.diseases:
                continue
            if any(d in _ancestors(s, entities) or s in _ancestors(d, entities) for d in line.diseases for s in stated):
                continue
            message = (
                f"assertion '{a.id}': context.{name} '{key}' is a line of {', '.join(line.diseases)}, which is "
                f"neither within nor broader than context.diseases ({', '.join(stated)}): state the line's disease "
                "or correct the cell line"
            )
            problems.append(loaded.at("assertions", i, "context", name, j, message=message))


def _ancestors(key: str, entities: dict[str, Entity]) -> set[str]:
    """``key`` and every broader term above it (a cycle, reported elsewhere, ends the walk)."""
    found, stack = {key}, [key]
    while stack:
        entity = entities.get(stack.pop())
        for parent in entity.broader if entity is not None else ():
            if parent not in found:
                found.add(parent)
                stack.append(parent)
    return found


def _check_evidence(
    loaded: Loaded[AssertionFile], i: int, a: Assertion, source: Source, text: TextIndex | None, problems: list[Problem]
) -> None:
    numbers = {r.number for r in source.references}
    for j, evidence in enumerate(a.evidence):
        if text is not None and normalise(evidence.quote) not in text:
            problems.append(
                loaded.at(
                    "assertions",
                    i,
                    "evidence",
                    j,
                    "quote",
                    message=(
                        f"assertion '{a.id}': quote not found verbatim in sources/{source.text} "
                        "(only whitespace may differ; copy it again from the text)"
                    ),
                )
            )
        if numbers:
            for k, number in enumerate(evidence.references):
                if number not in numbers:
                    problems.append(
                        loaded.at(
                            "assertions",
                            i,
                            "evidence",
                            j,
                            "references",
                            k,
                            message=(
                                f"assertion '{a.id}': reference {number} is not in the reference list of '{source.id}' "
                                f"(1-{max(numbers)})"
                            ),
                        )
                    )
