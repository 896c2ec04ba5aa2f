"""Every identifier in the curation checked against offline tables from maintained packages.

An identifier must exist (and, for HGNC, be an approved symbol) and the entity's label must be
the identifier's official label. Identifiers no table covers are syntax-checked by the models
and listed in a warning, so a reviewer sees exactly what was not verified.
"""

from __future__ import annotations

import warnings

import bioregistry
import pytest

from exograph.compiled.build import validate
from exograph.curation.vocab import LOCAL_PREFIX, PREFIXES
from exograph.layout import Layout
from tests.conftest import PROJECT_ROOT
from tests.curation.grounding_tables import table

CHECKED = validate(Layout(PROJECT_ROOT))[0]
ENTITIES = sorted(CHECKED.entities.values(), key=lambda e: e.key)


def test_project_curation_has_entities() -> None:
    assert len(ENTITIES) > 100


def test_every_label_matches_its_identifier() -> None:
    wrong, unverified = [], []
    for entity in ENTITIES:
        for curie in (entity.curie, *entity.xrefs):
            prefix, _, local = curie.partition(":")
            known = table(prefix)
            if known is None:
                if prefix != LOCAL_PREFIX:
                    unverified.append(curie)
                continue
            label = known.get(local)
            if label is None:
                wrong.append(f"{entity.key}: {curie} is not in the offline {prefix} table (or is obsolete)")
            elif curie == entity.curie and label.casefold() != entity.label.casefold():
                wrong.append(f"{entity.key}: label {entity.label!r} but {curie} is {label!r}")
    if unverified:
        warnings.warn(f"no offline table for: {', '.join(sorted(unverified))}", stacklevel=1)
    assert wrong == [], "\n".join(wrong)


def test_local_identifiers_are_listed_and_rare() -> None:
    local = [e.key for e in ENTITIES if e.curie.startswith(f"{LOCAL_PREFIX}:")]
    warnings.warn(f"{len(local)} local identifiers: {', '.join(local)}", stacklevel=1)
    assert len(local) < len(ENTITIES) / 4


@pytest.mark.parametrize("prefix", sorted(p for p in PREFIXES if p != LOCAL_PREFIX))
def test_prefix_patterns_agree_with_bioregistry(prefix: str) -> None:
    """Our patterns are bioregistry's, except NCBITaxon's, which we keep to numeric ids only."""
    normalised = bioregistry.normalize_prefix(prefix)
    assert normalised is not None, f"bioregistry does not know {prefix}"
    assert PREFIXES[prefix].pattern.match(bioregistry.get_example(normalised) or "")
    if prefix != "NCBITaxon":
        assert PREFIXES[prefix].pattern.pattern == bioregistry.get_pattern(normalised)


def test_every_curie_is_valid_for_bioregistry() -> None:
    bad = [
        e.curie
        for e in ENTITIES
        if not e.curie.startswith(f"{LOCAL_PREFIX}:")
        and not bioregistry.is_valid_curie(bioregistry.normalize_curie(e.curie) or "")
    ]
    assert bad == []


def test_cell_lines_grounded_to_efo_carry_their_cellosaurus_accession() -> None:
    """An EFO cell-line term is the same cell line only where EFO itself lists the Cellosaurus accession."""
    from tests.curation.grounding_tables import efo_xrefs

    wrong = []
    for entity in ENTITIES:
        if entity.kind != "cell_line" or not entity.curie.startswith("EFO:"):
            continue
        listed = set(efo_xrefs()[entity.curie.split(":")[1]])
        cellosaurus = {x.replace("CVCL:", "RRID:CVCL_") for x in entity.xrefs if x.startswith("CVCL:")}
        clo = {x for x in entity.xrefs if x.startswith("CLO:")}
        if not cellosaurus or not cellosaurus | clo <= listed:
            wrong.append(f"{entity.key}: {entity.curie} lists {sorted(listed)}, not {sorted(cellosaurus | clo)}")
    assert wrong == []


def test_a_cell_line_s_disease_is_the_one_efo_gives_it() -> None:
    """Every cell line EFO gives a disease records it: EFO's disease (in MONDO) or a narrower one, or the nearest
    broader disease the curation has (K-562: chronic myelogenous leukemia). Lines EFO gives none are listed in a
    warning (their note names the text that gives the disease)."""
    from tests.curation.grounding_tables import efo_line_diseases, mondo_ancestors

    mondo = {e.key: e.curie.split(":", 1)[1] for e in ENTITIES if e.kind == "disease" and e.curie.startswith("MONDO:")}
    wrong, unverified = [], []
    for entity in ENTITIES:
        if entity.kind != "cell_line":
            continue
        curies, names = [entity.curie, *entity.xrefs], [entity.label, entity.name or "", *entity.synonyms]
        efo = efo_line_diseases(curies, names)
        if not efo:
            unverified += [entity.key] if entity.diseases else []
            continue
        above = {k for k, m in mondo.items() if any(m in mondo_ancestors(e) for e in efo)}
        nearest = {k for k in above if not any(mondo[k] in mondo_ancestors(mondo[o]) for o in above - {k})}
        narrower = {k for k, m in mondo.items() if any(e in mondo_ancestors(m) for e in efo)}
        if not entity.diseases or not set(entity.diseases) <= nearest | narrower:
            wrong.append(f"{entity.key}: diseases {entity.diseases}; EFO gives MONDO {sorted(efo)}: {sorted(nearest)}")
    if unverified:
        warnings.warn(f"cell-line diseases EFO does not state: {', '.join(sorted(unverified))}", stacklevel=1)
    assert wrong == []
