"""The comparison of two curation states, as typed data: what every renderer and bot reads.

The JSON form (``exograph diff --format json``) is this model dumped as is; its
JSON Schema is committed as ``schema/diff.schema.json`` and checked current by
the tests. ``schema_version`` changes whenever a field is renamed or removed
or its meaning changes (adding a field or a checklist kind does not), so a bot
can refuse a report it does not understand rather than misread it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue

SCHEMA_VERSION: Literal[1] = 1
#: A compiled record as exograph prints it in JSON: an assertion (id, source, regulator, target,
#: direction, aspect, mechanism, directness, exosomal_cargo, hypothesis, negated, context, evidence,
#: note), an entity (key, curie, label, kind, synonyms, xrefs, broader, parent, members, local, note)
#: or a source (its record in sources/<id>.yaml, references included).
Record = dict[str, JsonValue]
CheckKind = Literal["validation", "sign_flip", "removed_evidence", "lint", "regrounded", "name_resolution"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SideInfo(_Model):
    """What one side of the comparison was."""

    spec: str = Field(description="What was compared: the revision or folder as given, or 'working tree'.")
    kind: Literal["folder", "revision", "working tree"]
    commit: str | None = Field(None, description="The full commit id a revision resolved to.")


class FieldChange(_Model):
    """One field whose value differs between the sides."""

    field: str
    old: JsonValue = None
    new: JsonValue = None


class AssertionChange(_Model):
    """An assertion present on both sides (same id) whose content changed."""

    id: str
    old: Record
    new: Record
    fields: list[FieldChange]


class Rename(_Model):
    """An assertion whose id changed while everything else stayed the same."""

    old: str
    new: str


class KeyedChange(_Model):
    """An entity (by key) or a source (by id) on both sides whose fields changed."""

    id: str
    fields: list[FieldChange]


class Changes(_Model):
    """Records added, removed and changed, for one kind of record."""

    added: list[Record] = Field(default_factory=list)
    removed: list[Record] = Field(default_factory=list)


class AssertionChanges(Changes):
    """Assertion records (see ``exograph show ID --format json``) added, removed, changed and renamed."""

    changed: list[AssertionChange] = Field(default_factory=list)
    renamed: list[Rename] = Field(default_factory=list)


class RecordChanges(Changes):
    """Entity records (matched by key) or source records (by id) added, removed and changed."""

    changed: list[KeyedChange] = Field(default_factory=list)


class AnswerLine(_Model):
    """One line of an answer a user gets, without assertion ids (so renames do not show as changes)."""

    other: str = Field(description="Key of the entity at the other end (the regulator, or the target).")
    effect: str = Field(description="e.g. 'increases activity', 'does not increase amount', 'may decrease amount'.")
    via: str | None = Field(None, description="Key of the narrower concept the assertion is about, if not the subject.")
    context: list[str] = Field(default_factory=list, description="Keys of the context entities.")
    system: str | None = None


class AnswerChange(_Model):
    """How the answer to one question about one entity changes."""

    question: str = Field(description="The query asked: drivers, regulators or targets (more may come).")
    subject: str = Field(description="Key of the entity asked about.")
    gained: list[AnswerLine] = Field(default_factory=list)
    lost: list[AnswerLine] = Field(default_factory=list)


class CheckItem(_Model):
    """Something a reviewer should look at first."""

    kind: CheckKind
    subject: str = Field(description="The assertion id, entity key, name or file the item is about.")
    text: str = Field(description="One plain-text sentence saying what changed.")
    quotes: list[str] = Field(default_factory=list, description="Evidence quotes the reviewer should read.")


class ProblemInfo(_Model):
    """A validation problem, located in its side's files."""

    file: str
    line: int
    column: int
    message: str


class Report(_Model):
    """Everything that differs between OLD and NEW, and what it means for reviewers and users."""

    schema_version: Literal[1] = SCHEMA_VERSION
    old: SideInfo
    new: SideInfo
    checklist: list[CheckItem] = Field(default_factory=list)
    impact: list[AnswerChange] = Field(default_factory=list)
    assertions: AssertionChanges = Field(default_factory=AssertionChanges)
    entities: RecordChanges = Field(default_factory=RecordChanges)
    sources: RecordChanges = Field(default_factory=RecordChanges)
    old_problems: list[ProblemInfo] = Field(default_factory=list, description="OLD failed validation: compared as is.")
    new_problems: list[ProblemInfo] = Field(
        default_factory=list, description="NEW failed validation: records with problems are left out of NEW."
    )
    labels: dict[str, str] = Field(default_factory=dict, description="Entity labels by key (NEW's, else OLD's).")

    def empty(self) -> bool:
        """No difference at all, and nothing wrong on either side."""
        return not (
            self.checklist
            or self.impact
            or any(
                getattr(group, name)
                for group in (self.assertions, self.entities, self.sources)
                for name in type(group).model_fields
            )
            or self.old_problems
            or self.new_problems
        )

    def label(self, key: str) -> str:
        return self.labels.get(key, key)
