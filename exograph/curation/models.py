"""The typed shape of every curation file.

Models are strict (no coercion: ``"yes"`` is not a boolean, ``"3"`` is not a
number) and forbid unknown fields, so a typo in a field name is an error rather
than silently dropped data. Cross-file rules live in :mod:`exograph.curation.checks`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from exograph.curation.vocab import (
    Aspect,
    Direction,
    Directness,
    Kind,
    Mechanism,
    Perturbation,
    Scope,
    SourceKind,
    System,
    curie_problem,
)
from exograph.safetext import text_problem

KEY_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.+\-]*$"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

EntityKey = Annotated[str, Field(pattern=KEY_PATTERN, description="An entity key defined in curation/entities/.")]
#: A quote shorter than this many words cannot show a claim on its own.
MIN_QUOTE_WORDS = 4
#: The longest label or synonym, note and quote, in characters: ten to forty times the longest the curation
#: holds, and short enough that name matching, lint and search stay quick (docs/data-model.md).
NAME_LIMIT = 500
NOTE_LIMIT = 20_000
QUOTE_LIMIT = 5_000


def _checked(multiline: bool) -> AfterValidator:
    def check(value: str) -> str:
        problem = text_problem(value, multiline)
        if problem:
            raise ValueError(problem)
        return value

    return AfterValidator(check)


def _at_most(limit: int, what: str) -> AfterValidator:
    def check(value: str) -> str:
        if len(value) > limit:
            raise ValueError(
                f"{what} is {len(value):,} characters long; at most {limit:,} are allowed: shorten it "
                "(a long text belongs in the source, quoted in parts)"
            )
        return value

    return AfterValidator(check)


def _file_name(value: str) -> str:
    if "/" in value or "\\" in value or value in (".", "..") or value.startswith("."):
        raise ValueError(f"'{value}' must be a plain file name inside sources/ (no folders, no leading dot)")
    return value


def _quote(value: str) -> str:
    if len(value.split()) < MIN_QUOTE_WORDS:
        raise ValueError(f"a quote must be at least {MIN_QUOTE_WORDS} words of the source's text, to show the claim")
    return value


#: One line of text: no control characters, tabs or line breaks, not blank.
Line = Annotated[str, _checked(multiline=False)]
NonEmpty = Annotated[Line, Field(min_length=1)]
#: Free text (notes, quotes): tabs and line breaks allowed, other control characters not; not blank.
Text = Annotated[str, _checked(multiline=True)]
#: A label or synonym.
Name = Annotated[NonEmpty, _at_most(NAME_LIMIT, "a label or synonym")]
#: A curator's note.
Note = Annotated[Text, _at_most(NOTE_LIMIT, "a note")]
LintCode = Annotated[str, Field(pattern=r"^EXO\d{3}$", description="An exograph lint rule code, e.g. EXO101.")]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


def _check_curie(value: str) -> str:
    problem = curie_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _check_lint_ignore(codes: list[str], info: ValidationInfo) -> list[str]:
    """A silenced lint rule is an exception a reviewer must be able to judge: it needs a note saying why."""
    if codes and not info.data.get("note"):
        raise ValueError("lint_ignore needs a note saying why each silenced rule does not apply here")
    return codes


class Reference(_Strict):
    """One entry of a paper's numbered reference list."""

    number: int = Field(ge=1, description="The number the paper cites it by.")
    citation: NonEmpty = Field(description="The entry as the paper prints it, without its number.")
    doi: str | None = Field(None, pattern=r"^10\.\d{4,9}/\S+$", description="DOI where the paper gives one.")
    pmid: str | None = Field(None, pattern=r"^\d+$", description="PubMed id, from a bibliographic record.")


class Source(_Strict):
    """A source document: its bibliographic record and the text snapshot curated against."""

    id: str = Field(pattern=SLUG_PATTERN, description="Short id used by assertion files, e.g. liang2021.")
    kind: SourceKind = Field(description="review, primary_research or figure_record.")
    title: NonEmpty
    authors: list[NonEmpty] = Field(default_factory=list, description="Authors as 'Surname Initials'.")
    journal: Line | None = None
    year: int | None = Field(None, ge=1900, le=2100)
    volume: Line | None = None
    pages: Line | None = None
    doi: str | None = Field(None, pattern=r"^10\.\d{4,9}/\S+$")
    pmid: str | None = Field(None, pattern=r"^\d+$")
    pmcid: str | None = Field(None, pattern=r"^PMC\d+$")
    licence: NonEmpty = Field(description="Licence as the document states it.")
    text: Annotated[NonEmpty, AfterValidator(_file_name)] = Field(
        description="File name of the text snapshot, relative to sources/."
    )
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the text snapshot.")
    references: list[Reference] = Field(default_factory=list, description="The paper's numbered reference list.")


class Entity(_Strict):
    """A grounded concept that assertions and contexts refer to by key."""

    key: EntityKey = Field(description="Curator-friendly key, e.g. RAB27A, sorafenib, exosome_secretion.")
    curie: str = Field(description="Grounded identifier, e.g. HGNC:9766; exograph:<key> only where none exists.")
    label: Name = Field(description="The label of the identifier in its ontology (kept for checks and exports).")
    name: Name | None = Field(
        None,
        description="The name a biologist uses, shown to people (HIF-alpha for HIF_alpha); the label where absent.",
    )
    kind: Kind
    generic: bool = Field(
        False,
        description="A broad class (all exosomes, all microRNAs, cancer): chains never pass through it, and its "
        "claims are not compared as conflicts with those of specific members.",
    )
    synonyms: list[Name] = Field(default_factory=list, description="Other names used in the papers.")
    xrefs: list[str] = Field(default_factory=list, description="Further identifiers for the same concept.")
    broader: list[EntityKey] = Field(default_factory=list, description="Keys of broader concepts (is-a).")
    parent: EntityKey | None = Field(
        None, description="For kind variant or isoform: the gene it is a variant or isoform of."
    )
    members: list[EntityKey] = Field(
        default_factory=list,
        description="For kind family: keys of the member genes (or sub-families) the curation names.",
    )
    diseases: list[EntityKey] = Field(
        default_factory=list,
        description="For kind cell_line: the disease of the tumour the line was derived from (Cellosaurus' "
        "disease); it counts as the disease of every claim made in, from or into the line.",
    )
    note: Note | None = None
    lint_ignore: list[LintCode] = Field(
        default_factory=list, description="Lint rule codes silenced on this entity; the note must say why."
    )

    @field_validator("curie")
    @classmethod
    def _curie(cls, value: str) -> str:
        return _check_curie(value)

    @field_validator("xrefs")
    @classmethod
    def _xrefs(cls, values: list[str]) -> list[str]:
        return [_check_curie(v) for v in values]

    @field_validator("lint_ignore")
    @classmethod
    def _lint_ignore(cls, codes: list[str], info: ValidationInfo) -> list[str]:
        return _check_lint_ignore(codes, info)


class EntityFile(_Strict):
    """A file under curation/entities/."""

    entities: list[Entity]


class Context(_Strict):
    """Where an assertion holds; every list holds entity keys."""

    organisms: list[EntityKey] = Field(default_factory=list)
    cell_lines: list[EntityKey] = Field(default_factory=list)
    cell_types: list[EntityKey] = Field(default_factory=list)
    diseases: list[EntityKey] = Field(default_factory=list)
    conditions: list[EntityKey] = Field(default_factory=list, description="Treatments and conditions, e.g. hypoxia.")
    donors: list[EntityKey] = Field(default_factory=list, description="Cells that released the vesicles.")
    recipients: list[EntityKey] = Field(default_factory=list, description="Cells that took the vesicles up.")
    system: System | None = Field(None, description="Experimental system, where the text states it.")


class Evidence(_Strict):
    """A verbatim quote from the assertion file's source and what the paper cites for it."""

    quote: Annotated[Text, Field(min_length=1), AfterValidator(_quote), _at_most(QUOTE_LIMIT, "a quote")] = Field(
        description="Verbatim from the source text; only whitespace may differ."
    )
    section: NonEmpty = Field(description="Section, table or figure the quote is from.")
    references: list[Annotated[int, Field(ge=1)]] = Field(
        default_factory=list, description="Numbers of the primary references the paper cites here."
    )
    assay: Line | None = Field(None, description="Primary research: the assay that showed it.")
    perturbation: Perturbation | None = Field(None, description="How the regulator was manipulated.")


class Assertion(_Strict):
    """One regulator -> target claim with its effect, context and evidence."""

    id: str = Field(pattern=SLUG_PATTERN, description="Stable readable slug, prefixed by the source id.")
    regulator: EntityKey
    target: EntityKey
    direction: Direction
    aspect: Aspect = Field(description="Which property of the target changes.")
    mechanism: Mechanism | None = None
    directness: Directness = Field(
        "unstated",
        description="direct: the text says the regulator acts on the target itself (binding, phosphorylation, "
        "transcription); indirect: through intermediates, e.g. the end-to-end claim of a stated chain; "
        "unstated: the text does not say.",
    )
    exosomal_cargo: bool = Field(False, description="The regulator acts as cargo of exosomes/EVs.")
    scope: Scope = Field(
        "biology",
        description="biology: what cells and vesicles do; engineered: vesicles engineered or loaded to deliver a "
        "therapeutic or a tool (kept apart from natural vesicle biology); method: a finding about a laboratory "
        "method such as isolation or storage (never a step of a mechanism).",
    )
    hypothesis: bool = Field(False, description="The source states it speculatively.")
    negated: bool = Field(False, description="The source states the effect is absent.")
    context: Context = Field(default_factory=Context)
    evidence: list[Evidence] = Field(min_length=1)
    note: Note | None = None
    lint_ignore: list[LintCode] = Field(
        default_factory=list, description="Lint rule codes silenced on this assertion; the note must say why."
    )

    @field_validator("lint_ignore")
    @classmethod
    def _lint_ignore(cls, codes: list[str], info: ValidationInfo) -> list[str]:
        return _check_lint_ignore(codes, info)

    @model_validator(mode="after")
    def _binding_is_unsigned(self) -> Assertion:
        """A binding says two things touch, not which way one changes the other: it carries no sign."""
        if self.aspect == "binding" and (self.direction != "regulates" or self.mechanism not in (None, "binding")):
            raise ValueError("aspect 'binding' needs direction 'regulates' and mechanism 'binding' (or none)")
        return self


class AssertionFile(_Strict):
    """A file under curation/assertions/: all assertions from one source."""

    source: str = Field(pattern=SLUG_PATTERN, description="The id of the source every evidence quotes.")
    assertions: list[Assertion]
