"""Signed causal tables: SIGNOR's columns and vocabularies (as INDRA's SIGNOR reader knows them), OmniPath's columns."""

from __future__ import annotations

import ast
import csv
import importlib.util
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from exograph.compiled.store import Store, open_store
from exograph.export import EXPORTERS
from exograph.export.causal import NEGATED_EFFECT
from tests.conftest import PROJECT_ROOT


def indra_signor_constant(module: str, name: str) -> Any:
    """A literal from INDRA's SIGNOR reader, read from its source: importing it fetches resources over the network."""
    spec = importlib.util.find_spec("indra")  # finds the package without importing it
    assert spec is not None and spec.origin is not None
    source = Path(spec.origin).parent / "sources" / "signor" / f"{module}.py"
    tree = ast.parse(source.read_text(encoding="utf-8"))
    node = next(n.value for n in tree.body if isinstance(n, ast.Assign) and ast.unparse(n.targets[0]) == name)
    if isinstance(node, ast.Dict):  # values are INDRA classes: the keys are the vocabulary
        return {ast.literal_eval(k) for k in node.keys if k is not None}
    return ast.literal_eval(node)


SIGNOR_FIELDS = indra_signor_constant("api", "_signor_fields")
SIGNOR_EFFECTS = indra_signor_constant("processor", "_effect_map")
SIGNOR_MECHANISMS = indra_signor_constant("processor", "_mechanism_map")


def export(store: Store, name: str, tmp_path: Path) -> list[dict[str, str]]:
    path = tmp_path / f"{name}.tsv"
    EXPORTERS[name].write(store, path)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    frame = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    assert frame.shape == (len(rows), len(rows[0])) and list(frame.columns) == list(rows[0])
    return rows


@pytest.fixture(params=["mini", "project"])
def store(request: pytest.FixtureRequest, mini: Path) -> Store:
    return open_store(mini if request.param == "mini" else PROJECT_ROOT)


def test_signor_table_has_every_assertion_in_signor_terms(store: Store, tmp_path: Path) -> None:
    rows = export(store, "signor", tmp_path)
    assert list(rows[0])[: len(SIGNOR_FIELDS)] == SIGNOR_FIELDS  # SIGNOR's own columns, in SIGNOR's order
    entities, sources = {e["key"]: e for e in store.entities()}, store.sources()
    by_id = {r["SIGNOR_ID"]: r for r in rows}
    assertions = list(store.assertions())
    assert len(rows) == len(by_id) == len(assertions)
    for a in assertions:
        row = by_id[a["id"]]
        regulator, target = entities[a["regulator"]], entities[a["target"]]
        assert (row["ENTITYA"], row["IDA"], row["ENTITYB"], row["IDB"]) == (
            regulator["label"],
            regulator["curie"],
            target["label"],
            target["curie"],
        )
        assert row["TYPEA"] and row["DATABASEA"] and row["TYPEB"] and row["DATABASEB"]
        effect = row["EFFECT"]
        if a["negated"]:
            assert effect == NEGATED_EFFECT and row["NEGATED"] == "YES"
            assert row["MECHANISM"] not in ("chemical activation", "chemical inhibition")
        else:
            assert effect in SIGNOR_EFFECTS and row["NEGATED"] == "NO"  # SIGNOR's vocabulary, known to INDRA's reader
            if a["aspect"] == "binding":  # an interaction, not a regulation: SIGNOR's 'form complex'
                assert effect == "form complex"
                continue
            sign = {"increases": "up", "decreases": "down", "regulates": "unknown"}[a["direction"]]
            if a["aspect"] == "degradation":
                sign = {"up": "down", "down": "up"}.get(sign, sign)
            assert effect.startswith(sign)
        assert row["MECHANISM"] == "" or row["MECHANISM"] in SIGNOR_MECHANISMS or row["MECHANISM"] == "destabilization"
        assert (
            row["DIRECT"] == ("YES" if a["directness"] == "direct" else "NO") and row["DIRECTNESS"] == a["directness"]
        )
        assert row["HYPOTHESIS"] == ("YES" if a["hypothesis"] else "NO")
        assert row["SENTENCE"].split(" | ") == [ev["quote"] for ev in a["evidence"]]
        source = sources[a["source"]]
        assert (row["PMID"], row["DOI"], row["SOURCE"]) == (source["pmid"] or "", source["doi"] or "", a["source"])
        ctx = a["context"]
        assert row["TAX_ID"] == ";".join(entities[k]["curie"].split(":")[1] for k in ctx.get("organisms", []))
        cells = [entities[k]["curie"] for k in ctx.get("cell_lines", []) + ctx.get("cell_types", [])]
        assert row["CELL_DATA"] == ";".join(cells)
        assert row["DONOR_DATA"] == ";".join(entities[k]["curie"] for k in ctx.get("donors", []))


def test_signor_effects_of_the_mini_assertions(mini: Path, tmp_path: Path) -> None:
    rows = {r["SIGNOR_ID"]: r for r in export(open_store(mini), "signor", tmp_path)}
    mir21 = rows["mini2024-mir21-pdcd4"]
    assert (mir21["EFFECT"], mir21["MECHANISM"]) == ("down-regulates quantity", "post transcriptional regulation")
    assert (mir21["TYPEA"], mir21["DATABASEA"], mir21["EXOSOMAL_CARGO"]) == ("mirna", "miRBase", "YES")
    hif1a = rows["mini2024-hif1a-rab27a"]
    assert (hif1a["EFFECT"], hif1a["HYPOTHESIS"]) == ("up-regulates quantity by expression", "YES")
    hypoxia = rows["mini2024-hypoxia-exosome-secretion"]
    assert (hypoxia["TYPEA"], hypoxia["TYPEB"], hypoxia["EFFECT"]) == ("stimulus", "phenotype", "up-regulates")
    assert (hypoxia["TAX_ID"], hypoxia["DISEASE_DATA"]) == ("9606", "MONDO:0007254")
    assert rows["mini2024-sorafenib-rab27a"]["EFFECT"] == "no effect (negated)"


def test_omnipath_table_has_every_fact_and_no_negation_or_hypothesis(store: Store, tmp_path: Path) -> None:
    rows = export(store, "omnipath", tmp_path)
    assert {"source", "target", "is_directed", "is_stimulation", "is_inhibition", "consensus_direction"} <= set(rows[0])
    assert {"consensus_stimulation", "consensus_inhibition", "sources", "references", "curation_effort"} <= set(rows[0])
    entities = {e["key"]: e for e in store.entities()}
    assertions = {a["id"]: a for a in store.assertions()}
    placed = [i for r in rows for i in r["assertion_ids"].split(";")]
    # natural biology only: engineered-vesicle and method findings are kept apart unless asked
    facts = {i for i, a in assertions.items() if not a["negated"] and not a["hypothesis"] and a["scope"] == "biology"}
    assert len(placed) == len(set(placed)) and set(placed) == facts
    assert len({(r["source"], r["target"]) for r in rows}) == len(rows)
    for row in rows:
        claims = [assertions[i] for i in row["assertion_ids"].split(";")]
        assert {(entities[a["regulator"]]["curie"], entities[a["target"]]["curie"]) for a in claims} == {
            (row["source"], row["target"])
        }
        directions = {a["direction"] for a in claims}
        assert row["is_stimulation"] == str(int("increases" in directions))
        assert row["is_inhibition"] == str(int("decreases" in directions))
        assert int(row["curation_effort"]) == len(row["references"].split(";")) >= 1
        directed = any(a["aspect"] != "binding" for a in claims)  # a binding alone is undirected
        assert row["is_directed"] == str(int(directed)) and row["sources"] == "exograph"


def test_omnipath_signs_of_the_mini_pairs(mini: Path, tmp_path: Path) -> None:
    rows = {(r["source_genesymbol"], r["target_genesymbol"]): r for r in export(open_store(mini), "omnipath", tmp_path)}
    assert set(rows) == {("Hypoxia", "exosomal secretion"), ("RAB27A", "exosomal secretion"), ("hsa-mir-21", "PDCD4")}
    mir21 = rows["hsa-mir-21", "PDCD4"]
    assert (mir21["consensus_inhibition"], mir21["consensus_stimulation"], mir21["type"]) == (
        "1",
        "0",
        "post_transcriptional",
    )
    assert mir21["references"] == "exograph:source/mini2024;mini2024:2" and rows["Hypoxia", "exosomal secretion"][
        "references"
    ] == ("doi:10.1000/test.1;exograph:source/mini2024")
