"""What the compiled store holds and answers: every read of :class:`exograph.compiled.store.Store`, and the
tables chain search, families and full-text search read (written once, read by every reasoning query)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from exograph.compiled.store import FilesChanged, Store, cache_dir, open_store
from tests.conftest import FIXTURES


@pytest.fixture
def chain_root(mini: Path) -> Path:
    """The mini fixture with the reason overlay: a family, a second source, a chemical and more claims."""
    shutil.copytree(FIXTURES / "reason", mini, dirs_exist_ok=True)
    return mini


def test_files_changed_names_three_files_and_counts_the_rest() -> None:
    assert str(FilesChanged(["a.yaml"])) == (
        "a.yaml changed while exograph read them: run the command again once the files are saved"
    )
    assert str(FilesChanged(["a", "b", "c"])).startswith("a, b, c changed while")
    assert str(FilesChanged(["a", "b", "c", "d"])).startswith("a, b, c and 1 more changed while")
    assert str(FilesChanged(["a", "b", "c", "d", "e"])).startswith("a, b, c and 2 more changed while")


def test_the_cache_folder_follows_xdg_then_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EXOGRAPH_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "exograph"
    monkeypatch.setenv("XDG_CACHE_HOME", "")  # set but empty: as if unset
    monkeypatch.setattr(Path, "home", staticmethod(lambda: tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "exograph"
    monkeypatch.setenv("EXOGRAPH_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"


def test_names_that_are_not_utf8_name_nothing(mini: Path) -> None:
    store = open_store(mini)
    assert store.resolve("RAB27A\udcff") is None
    assert store.suggest("RAB27A\udcff") == []


def test_suggestions_are_close_names_or_names_containing_the_words(mini: Path) -> None:
    store = open_store(mini)
    assert store.suggest("RAB72A") == ["RAB27A"]  # close by spelling
    assert store.suggest("  exosome ")[:1] == ["exosome_secretion"]  # contained in 'exosome secretion'
    assert "ev_secretion" in store.suggest("secretion", n=10)
    assert len(store.suggest("secretion", n=1)) == 1
    assert store.suggest("vesicle") == ["ev_secretion"]  # only contained, in 'extracellular vesicle secretion'
    assert store.suggest("zzzzzz") == []
    assert store.suggest("   ") == []  # nothing asked: no name contains it by accident


def test_keys_of_kind_are_every_entity_of_those_kinds_in_order(chain_root: Path) -> None:
    store = open_store(chain_root)
    assert store.keys_of_kind(["gene"]) == ["HIF1A", "KRAS", "PDCD4", "RAB27A", "RAB27B", "TP53"]
    assert store.keys_of_kind(["process", "family"]) == ["RAB27", "ev_secretion", "exosome_secretion"]
    assert store.keys_of_kind(["no such kind"]) == []


def test_labels_are_display_names_for_any_number_of_keys(chain_root: Path) -> None:
    store = open_store(chain_root)
    expected = {e["key"]: e["display"] for e in store.entities()}
    assert expected["miR-21"] == "hsa-mir-21" and expected["ev_secretion"] == "extracellular vesicle secretion"
    # unknown keys sorted before the real ones (fetched in chunks of 500): real keys fall on every chunk edge
    for unknown in (*range(480, 502), 1200):
        assert store.labels([*(f"!{i:04d}" for i in range(unknown)), *expected, *expected]) == expected
    assert store.labels([]) == {}


def test_entity_reads(chain_root: Path) -> None:
    store = open_store(chain_root)
    assert store.entity("TP53")["note"] == "the guardian of the genome, a tumour suppressor"
    with pytest.raises(KeyError, match="nothing"):
        store.entity("nothing")
    keys = [e["key"] for e in store.entities()]
    assert keys == sorted(keys) and "RAB27" in keys


def test_assertions_by_end_in_id_order(chain_root: Path) -> None:
    store = open_store(chain_root)
    ids = [a["id"] for a in store.by_target(["exosome_secretion", "ev_secretion"])]
    assert ids == sorted(ids) and len(ids) == 7
    assert {a["target"] for a in store.by_target(["exosome_secretion", "ev_secretion"])} == {
        "exosome_secretion",
        "ev_secretion",
    }
    assert [a["id"] for a in store.by_regulator(["KRAS"])] == [
        "chain2025-kras-hif1a",
        "chain2025-kras-tp53-degradation",
    ]
    assert store.by_regulator(["nothing"]) == []
    record = store.assertion("chain2025-kras-tp53-degradation")
    assert record is not None and record["aspect"] == "degradation"
    assert store.assertion("nothing") is None
    every = list(store.assertions())
    assert [a["id"] for a in every] == sorted(store.assertion_ids()) and store.assertion_count() == len(every) == 17
    assert set(store.sources()) == {"mini2024", "chain2025"}
    assert store.sources()["chain2025"]["kind"] == "primary_research"


def test_reading_every_assertion_advances_the_progress(mini: Path) -> None:
    store = open_store(mini)
    advanced: list[int] = []

    class Counting:
        def advance(self) -> None:
            advanced.append(1)

    store.progress = Counting()  # type: ignore[assignment]
    assert len(list(store.assertions())) == 5 and len(advanced) == 5


def test_a_long_running_process_remembers_only_the_last_stores_it_opened(mini: Path, tmp_path: Path) -> None:
    from exograph.compiled import store as module

    module.OPENED.clear()
    db = open_store(mini).db
    for i in range(20):
        Store(db, mini, tmp_path / f"{i:020x}.sqlite")
    assert [tmp_path / f"{i:020x}.sqlite" for i in range(4, 20)] == module.OPENED
    module.OPENED.clear()


def _steps(store: Store) -> dict[str, tuple[object, ...]]:
    return {row[0]: row[1:] for row in store.db.execute("SELECT * FROM steps")}


def test_chain_steps_hold_what_composition_reads(chain_root: Path) -> None:
    store = open_store(chain_root)
    steps = _steps(store)
    assert len(steps) == store.assertion_count()
    assert steps["mini2024-mir21-pdcd4"] == (
        "mini2024",
        "miR-21",
        "PDCD4",
        "decreases",
        "amount",
        0,
        0,
        json.dumps({"donors": ["fibroblast"], "recipients": ["malignant_cell"]}),
        "post_transcriptional",
        "biology",
        1,
        json.dumps([[], []]),  # no disease stated, none of a cell line
    )
    hypothesis, negated = steps["mini2024-hif1a-rab27a"], steps["mini2024-sorafenib-rab27a"]
    assert hypothesis[5:7] == (1, 0) and hypothesis[8] == "transcription" and hypothesis[10] == 0
    assert negated[5:7] == (0, 1) and negated[8] is None
    # kept by target, then id: the rows of one target side by side
    order = [(row[0], row[1]) for row in store.db.execute("SELECT target, id FROM steps")]
    assert order == sorted(order)


def test_nodes_mark_exposures_and_class_nodes(chain_root: Path) -> None:
    from tests.curation.lint.conftest import Tree

    Tree(chain_root).add_entity("irradiation", "exograph:irradiation", "treatment")
    store = open_store(chain_root)
    nodes = {key: rest for key, *rest in store.db.execute("SELECT key, kind, generic, exposure FROM nodes")}
    assert nodes["hypoxia"] == ["condition", 0, 1]
    assert nodes["irradiation"] == ["treatment", 0, 1]
    assert nodes["RAB27A"] == ["gene", 0, 0]
    assert nodes["sorafenib"] == ["chemical", 0, 0]  # a regulator, never given as a condition here
    assert len(nodes) == len(list(store.entities()))


def test_a_chemical_given_as_a_condition_is_an_exposure(chain_root: Path) -> None:
    path = chain_root / "curation/assertions/chain2025.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("      cell_lines: [Huh-7]\n", "      cell_lines: [Huh-7]\n      conditions: [sorafenib]\n")
    )
    exposure = open_store(chain_root).db.execute("SELECT exposure FROM nodes WHERE key = 'sorafenib'").fetchone()
    assert exposure == (1,)


def test_generic_entities_are_class_nodes(chain_root: Path) -> None:
    path = chain_root / "curation/entities/reason.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    kind: family\n", "    kind: family\n    generic: true\n", 1), encoding="utf-8")
    generic = open_store(chain_root).db.execute("SELECT key FROM nodes WHERE generic").fetchall()
    assert generic == [("RAB27",)]


def test_families_and_variants_are_kept_as_members(chain_root: Path) -> None:
    from tests.curation.lint.conftest import Tree

    Tree(chain_root).add_entity("KRAS_G12D", "exograph:KRAS_G12D", "variant", label="KRAS G12D", parent="KRAS")
    store = open_store(chain_root)
    assert sorted(store.db.execute("SELECT grouping, part, relation FROM members")) == [
        ("KRAS", "KRAS_G12D", "variant"),
        ("RAB27", "RAB27A", "member"),
        ("RAB27", "RAB27B", "member"),
    ]


def _search(store: Store, kind: str, key: str) -> tuple[str, ...]:
    row = store.db.execute(
        "SELECT label, names, body, note FROM search WHERE kind = ? AND key = ?", (kind, key)
    ).fetchone()
    return tuple(row)


def test_full_text_entries_of_entities_and_assertions(chain_root: Path) -> None:
    store = open_store(chain_root)
    assert _search(store, "entity", "miR-21") == (
        "hsa-mir-21",
        "miR-21 hsa-mir-21 MIRBASE:MI0000077 miR-21-5p HGNC:31586",
        "",
        "",
    )
    assert _search(store, "entity", "TP53")[3] == "the guardian of the genome, a tumour suppressor"
    assert _search(store, "assertion", "chain2025-hif1a-mir21") == (
        "chain2025 hif1a mir21",
        "HIF1A hsa-mir-21",
        "In hepatoma cells, HIF-1 bound the miR-21 promoter and raised miR-21 levels. ChIP",
        "",
    )
    assert _search(store, "assertion", "chain2025-tp53-mir21")[2] == "TP53 repressed miR-21 in hepatoma cells. "
    count = store.db.execute("SELECT COUNT(*) FROM search").fetchone()[0]
    assert count == store.assertion_count() + len(list(store.entities()))


def test_files_changed_crosses_from_a_worker_process_intact() -> None:
    """Raised where a worker lints a file (its source text changed), it is pickled back to the command."""
    import pickle

    error = pickle.loads(pickle.dumps(FilesChanged(["sources/a.txt", "b.yaml"])))
    assert error.files == ["sources/a.txt", "b.yaml"]
    assert str(error).startswith("sources/a.txt, b.yaml changed while exograph read them")


def test_only_cache_files_are_deleted_as_damaged(tmp_path: Path) -> None:
    from exograph.compiled import store as module

    cache, mine = tmp_path / "0123456789abcdef0123.sqlite", tmp_path / "notes.sqlite"
    for path in (cache, mine):
        path.write_bytes(b"")
    module.OPENED[:] = [cache, mine, cache, tmp_path / "fedcba9876543210fedc.sqlite"]
    assert module.discard_opened() == [cache]
    assert not cache.exists() and mine.exists() and module.OPENED == []


def test_suggestions_look_past_the_names_of_the_closest_entities(mini: Path) -> None:
    """Up to ``n`` entities, from the 3n closest names: an entity known by many close names fills only one
    place, so entities a little further away are still offered (and a wrong key is never repeated)."""
    from tests.curation.lint.conftest import Tree

    tree = Tree(mini)
    for i in range(1, 5):  # four entities, each with four names very close to the query
        names = [f"abcdefgh-{i}", f"abcdefgh_{i}", f"abcdefgh {i}"]
        tree.add_entity(f"abcdefgh{i}", f"GO:999999{i}", "process", synonyms=names)
    tree.add_entity("abcdefgxy", "GO:9999995", "process")  # a little further
    tree.add_entity("abcdefxyz", "GO:9999996", "process")  # further still
    tree.add_entity("abcdexyzw", "GO:9999997", "process")  # too far
    store = open_store(mini)
    close = ["abcdefgh4", "abcdefgh3", "abcdefgh2", "abcdefgh1"]  # equally close: difflib's order
    assert store.suggest("abcdefgh", n=1) == close[:1]
    assert store.suggest("abcdefgh") == close  # 15 names: only these four entities' (five asked for)
    assert store.suggest("abcdefgh", n=6) == [*close, "abcdefgxy", "abcdefxyz"]
    assert store.suggest("abcdefgh", n=7) == store.suggest("abcdefgh", n=6)


def test_a_store_knows_its_root_and_its_file(mini: Path) -> None:
    from exograph.compiled.store import cache_path

    store = open_store(mini)
    assert (store.root, store.path) == (mini, cache_path(mini))
    again = open_store(mini)  # opened from the cache, as compiled
    assert (again.root, again.path) == (mini, cache_path(mini))


def test_step_shapes_count_the_regulators_of_each_target_by_the_shapes_of_their_steps(chain_root: Path) -> None:
    """Each regulator's set of step shapes into a target (direction, aspect, hypothesis, negated, scope, cargo),
    and how many regulators have that very set: what a count of chains reads instead of the steps."""
    store = open_store(chain_root)
    stored = {
        (target, tuple(map(tuple, json.loads(shapes)))): n
        for target, shapes, n in store.db.execute("SELECT target, shapes, regulators FROM step_shapes")
    }
    up, down = ("increases", "secretion", 0, 0, "biology", 0), ("decreases", "secretion", 0, 0, "biology", 0)
    # RAB27, RAB27A (in two papers) and TP53 increase exosome secretion; hypoxia increases and decreases it
    assert stored[("exosome_secretion", (up,))] == 3
    assert stored[("exosome_secretion", (down, up))] == 1
    # miR-21 decreases PDCD4 as vesicle cargo in one paper, not in the other: one regulator, two shapes
    amount = ("decreases", "amount", 0, 0, "biology")
    assert stored[("PDCD4", ((*amount, 0), (*amount, 1)))] == 1
    # the hypothesis (HIF1A) and the negated claim (sorafenib) into RAB27A are two sets
    assert stored[("RAB27A", (("increases", "amount", 1, 0, "biology", 0),))] == 1
    assert stored[("RAB27A", (("increases", "amount", 0, 1, "biology", 0),))] == 1
    # and every set is that of the stored steps, grouped by target and regulator
    by_pair: dict[tuple[str, str], set[tuple[object, ...]]] = {}
    columns = "target, regulator, direction, aspect, hypothesis, negated, scope, cargo"
    for target, regulator, *shape in store.db.execute(f"SELECT {columns} FROM steps"):
        by_pair.setdefault((target, regulator), set()).add(tuple(shape))
    expected: dict[tuple[str, tuple[tuple[object, ...], ...]], int] = {}
    for (target, _), shapes in by_pair.items():
        key = (target, tuple(sorted(shapes)))
        expected[key] = expected.get(key, 0) + 1
    assert stored == expected and len(stored) == 12


def test_full_text_of_a_claim_holds_every_quote_and_assay(mini: Path) -> None:
    from tests.curation.lint.conftest import Tree

    tree = Tree(mini)
    tree.add_text("Rab27a-null cells released fewer exosomes.")
    tree.edit(
        "curation/assertions/mini2024.yaml",
        "        perturbation: knockdown\n",
        "        perturbation: knockdown\n      - quote: Rab27a-null cells released fewer exosomes.\n"
        "        section: Text\n        assay: NTA\n",
    )
    body = _search(open_store(mini), "assertion", "mini2024-rab27a-exosome-secretion")[2]
    assert body == "Knockdown of RAB27A reduced exosome release.  Rab27a-null cells released fewer exosomes. NTA"


def test_each_chain_step_keeps_the_diseases_its_context_states(context_tree: Path) -> None:
    """Chain search reads a step's diseases from the short text beside its context (parsing every step's
    whole context for them was a sixth of a path query at 100,000 assertions): the two must say the same,
    cell lines' diseases included."""
    from tests.conftest import replace_in

    entities = next((context_tree / "curation/entities").glob("*.yaml"))
    replace_in(entities, "    kind: cell_line\n", "    kind: cell_line\n    diseases: [hepatocellular_carcinoma]\n")
    rows = open_store(context_tree).db.execute("SELECT context, diseases FROM steps").fetchall()
    for context, written in rows:
        stated = json.loads(context)
        assert json.loads(written) == [sorted(stated.get("diseases", ())), sorted(stated.get("cell_line_diseases", ()))]
    assert any(json.loads(w)[0] for _, w in rows) and any(json.loads(w)[1] for _, w in rows)


def test_line_diseases_are_those_of_the_cell_lines_that_record_some(chain_root: Path) -> None:
    """Huh-7 is a line of HCC; HEK293 records none: only Huh-7 is listed, read once per store."""
    from tests.conftest import replace_in

    entities = chain_root / "curation/entities/reason.yaml"
    replace_in(entities, "    synonyms: [Huh7]\n", "    synonyms: [Huh7]\n    diseases: [hepatocellular_carcinoma]\n")
    with entities.open("a", encoding="utf-8") as handle:
        handle.write("  - key: HEK-293\n    curie: CVCL:0045\n    label: HEK293\n    kind: cell_line\n")
        handle.write("    diseases: []\n")
    store = open_store(chain_root)
    assert store.line_diseases() == {"Huh-7": ["hepatocellular_carcinoma"]}
    assert store.line_diseases() is store.line_diseases()
