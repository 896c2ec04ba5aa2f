"""Cross-file rules, each shown failing with a file:line:col message on a broken copy of the fixture."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from exograph.compiled.build import validate
from exograph.curation.checks import TextIndex, check
from exograph.curation.loader import load
from exograph.layout import Layout, digest_of
from tests.conftest import replace_in

ASSERTIONS = "curation/assertions/mini2024.yaml"
ENTITIES = "curation/entities/entities.yaml"
SOURCE = "sources/mini2024.yaml"


def problems(root: Path) -> list[str]:
    return [str(p) for p in validate(Layout(root))[1]]


def test_fixture_is_clean(mini: Path) -> None:
    checked, found = validate(Layout(mini))
    assert found == []
    assert len(checked.assertions) == 5 and len(checked.entities) == 12


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            ASSERTIONS,
            "target: PDCD4",
            "target: PDCD",
            "curation/assertions/mini2024.yaml:26:13: assertion "
            "'mini2024-mir21-pdcd4': target 'PDCD' is not a known entity (did you mean 'PDCD4'?)",
        ),
        (
            ASSERTIONS,
            "suppresses PDCD4",
            "suppresses PDCD5",
            "mini2024.yaml:35:16: assertion 'mini2024-mir21-pdcd4': quote not found verbatim in sources/mini2024.txt",
        ),
        (
            ASSERTIONS,
            "references: [2]",
            "references: [2, 7]",
            "mini2024.yaml:37:25: assertion 'mini2024-mir21-pdcd4': reference 7 is not in the reference list of "
            "'mini2024' (1-2)",
        ),
        (
            ASSERTIONS,
            "donors: [fibroblast]",
            "donors: [fibroblast, breast_cancer]",  # the second item is checked too, and pointed at
            "mini2024.yaml:32:28: assertion 'mini2024-mir21-pdcd4': context.donors 'breast_cancer' is a disease; "
            "expected one of: anatomy, cell_line, cell_type, organism",
        ),
        (
            ASSERTIONS,
            "donors: [fibroblast]",
            "donors: [fibroblst]",
            "mini2024.yaml:32:16: assertion 'mini2024-mir21-pdcd4': context.donors 'fibroblst' is not a known entity "
            "(did you mean 'fibroblast'?)",
        ),
        (
            ASSERTIONS,
            "id: mini2024-rab27a-exosome-secretion",
            "id: mini2024-hypoxia-exosome-secretion",
            "curation/assertions/mini2024.yaml:15:9: assertion id 'mini2024-hypoxia-exosome-secretion' is already "
            "used at curation/assertions/mini2024.yaml:3",
        ),
        (
            ASSERTIONS,
            "id: mini2024-hif1a-rab27a",
            "id: other-hif1a-rab27a",
            "mini2024.yaml:47:9: assertion 'other-hif1a-rab27a': id must start with 'mini2024-'",
        ),
        (
            ASSERTIONS,
            "direction: decreases",
            "direction: down",
            "mini2024.yaml:27:16: assertion "
            "'mini2024-mir21-pdcd4': direction: Input should be 'increases', 'decreases' or 'regulates'",
        ),
        (
            ASSERTIONS,
            "aspect: amount\n    mechanism: post_transcriptional",
            "aspect: binding\n    mechanism: post_transcriptional",
            "mini2024.yaml:24:5: assertion 'mini2024-mir21-pdcd4': Value error, aspect 'binding' needs direction "
            "'regulates' and mechanism 'binding' (or none)",
        ),
        (
            ENTITIES,
            "kind: gene\n    synonyms: [HIF-1]",
            "kind: isoform\n    synonyms: [HIF-1]",
            "entity 'HIF1A': an isoform needs a parent",
        ),
        (
            ENTITIES,
            "kind: gene\n    synonyms: [HIF-1]",
            "kind: variant\n    synonyms: [HIF-1]",
            "entities.yaml:15:11: entity 'HIF1A': a variant needs a parent",
        ),
        (
            ENTITIES,
            "kind: gene\n    synonyms: [HIF-1]",
            "kind: isoform\n    parent: RAB27\n    synonyms: [HIF-1]",
            "entities.yaml:16:13: entity 'HIF1A': parent 'RAB27' is not a known entity (did you mean 'RAB27A'?)",
        ),
        (ASSERTIONS, "exosomal_cargo: true", "exosomal_cargo: yes", "mini2024.yaml:30:21: 'yes' is a YAML 1.1 boolean"),
        (
            ASSERTIONS,
            "    aspect: amount\n    mechanism: post",
            "    aspect: amount\n    mechnism: post",
            "assertion 'mini2024-mir21-pdcd4': unknown field 'mechnism'",
        ),
        (
            ASSERTIONS,
            "    aspect: secretion\n    context:",
            "    context:",
            "assertion 'mini2024-hypoxia-exosome-secretion': missing required field 'aspect'",
        ),
        (
            ASSERTIONS,
            "source: mini2024",
            "source: mini2025",
            "mini2024.yaml:1:9: source 'mini2025' is not defined in sources/ (did you mean 'mini2024'?)",
        ),
        (
            ASSERTIONS,
            "source: mini2024",
            "source: mini2025",
            "mini2024.yaml:1:9: assertions of source 'mini2025' must live in curation/assertions/mini2025.yaml",
        ),
        (
            ENTITIES,
            "curie: HGNC:4910",
            "curie: HGNC:HIF1A",
            "entities.yaml:13:12: entity 'HIF1A': curie: Value error, 'HIF1A' is not a valid HGNC identifier",
        ),
        (ENTITIES, "curie: HGNC:4910", "curie: hgnc:4910", "unknown CURIE prefix 'hgnc' (did you mean 'HGNC'?)"),
        (
            ENTITIES,
            "curie: HGNC:4910",
            "curie: HGNC:9766",
            "entities.yaml:13:12: entity 'HIF1A': HGNC:9766 is already the identifier of 'RAB27A'",
        ),
        (
            ENTITIES,
            "synonyms: [HIF-1]",
            "synonyms: [Rab27a]",
            "entities.yaml:12:5: entity 'HIF1A': name 'rab27a' also names 'RAB27A'",
        ),
        (
            ENTITIES,
            "broader: [ev_secretion]",
            "broader: [ev_secretion, ev_secretin]",
            "entities.yaml:41:29: entity 'exosome_secretion': broader 'ev_secretin' is not a known entity "
            "(did you mean 'ev_secretion'?)",
        ),
        (
            ENTITIES,
            "    label: RAB27A\n    kind: gene\n",
            "    label: RAB27A\n    kind: gene\n    members: [HIF1A]\n",
            "entities.yaml:11:14: entity 'RAB27A': only a family has members",
        ),
        (
            ENTITIES,
            "    label: RAB27A\n    kind: gene\n",
            "    label: RAB27A\n    kind: family\n    members: [HIF1A, HIF1]\n",
            "entities.yaml:11:22: entity 'RAB27A': member 'HIF1' is not a known entity (did you mean 'HIF1A'?)",
        ),
        (
            ENTITIES,
            "  - key: PDCD4",
            "  - key: RAB27A",
            "entities.yaml:17:10: entity 'RAB27A' is already defined at curation/entities/entities.yaml:7",
        ),
        (SOURCE, "  - number: 1\n", "  - number: 2\n", "sources/mini2024.yaml:14:13: reference number 2 appears twice"),
        (SOURCE, "year: 2024", "year: '2024'", "sources/mini2024.yaml:6:7: year: Input should be a valid integer"),
        (SOURCE, "sha256: ", "sha256: 0", "sha256: String should match pattern"),
    ],
)
def test_broken_copy_is_reported(mini: Path, file: str, old: str, new: str, expected: str) -> None:
    replace_in(mini / file, old, new)
    found = problems(mini)
    assert any(expected in p for p in found), found


def test_changed_text_snapshot_is_reported(mini: Path) -> None:
    with (mini / "sources/mini2024.txt").open("a", encoding="utf-8") as handle:
        handle.write("An extra line.\n")
    assert any("sources/mini2024.yaml:9:9: sources/mini2024.txt has SHA-256" in p for p in problems(mini))


def test_identical_assertions_are_reported(mini: Path) -> None:
    path = mini / ASSERTIONS
    text = path.read_text(encoding="utf-8")
    block = text[text.index("  - id: mini2024-rab27a-exosome-secretion") : text.index("  - id: mini2024-mir21-pdcd4")]
    path.write_text(
        text + block.replace("mini2024-rab27a-exosome-secretion", "mini2024-rab27a-again"), encoding="utf-8"
    )
    assert any("'mini2024-rab27a-again' repeats 'mini2024-rab27a-exosome-secretion'" in p for p in problems(mini))
    # at the repeated assertion (the record's dash), which is left out of what is usable
    assert any(p.startswith(f"{ASSERTIONS}:57:5: assertion 'mini2024-rab27a-again' repeats") for p in problems(mini))
    assert "mini2024-rab27a-again" not in {a.id for _, a in validate(Layout(mini))[0].assertions}


def test_an_id_used_in_two_files_is_reported(mini: Path) -> None:
    """Ids are unique across the whole curation, not only within one file."""
    source = (mini / SOURCE).read_text(encoding="utf-8").replace("id: mini2024", "id: mini2025")
    (mini / "sources/mini2025.yaml").write_text(source, encoding="utf-8")  # the same text, another source
    first = (mini / ASSERTIONS).read_text(encoding="utf-8")
    block = first[
        first.index("  - id: mini2024-rab27a-exosome-secretion") : first.index("  - id: mini2024-mir21-pdcd4")
    ]
    block = block.replace("exosome_secretion\n", "exosome_secretion\n    negated: true\n", 1)
    (mini / "curation/assertions/mini2025.yaml").write_text(f"source: mini2025\nassertions:\n{block}", encoding="utf-8")
    found = problems(mini)
    assert any(
        p.startswith("curation/assertions/mini2025.yaml:3:")
        and "assertion id 'mini2024-rab27a-exosome-secretion' is already used at curation/assertions/mini2024.yaml:"
        in p
        for p in found
    ), found


def test_every_problem_reported_in_one_run(mini: Path) -> None:
    replace_in(mini / ASSERTIONS, "target: PDCD4", "target: PDCD")
    replace_in(mini / ASSERTIONS, "regulator: hypoxia", "regulator: hypoxi")
    replace_in(mini / ENTITIES, "kind: gene\n    synonyms: [HIF-1]", "kind: protien\n    synonyms: [HIF-1]")
    found = problems(mini)
    assert len(found) >= 3
    assert found == sorted(found, key=lambda p: (p.split(":")[0], int(p.split(":")[1])))


def test_broader_cycle_is_reported(mini: Path) -> None:
    replace_in(
        mini / ENTITIES,
        "kind: process\n    synonyms: [EV secretion]",
        "kind: process\n    synonyms: [EV secretion]\n    broader: [exosome_secretion]",
    )
    assert any("broader terms form a cycle" in p for p in problems(mini))


def test_text_index_agrees_with_substring_search() -> None:
    text = " ".join(f"Sentence {i} says gene G{i % 13} raises G{i % 7}." for i in range(400))
    index = TextIndex(text)
    probes = [text[i : i + n] for i in range(0, len(text) - 40, 97) for n in (5, 12, 13, 40)]
    probes += ["Sentence 3 says gene G3 raises G4.", "not in the text at all", text[-12:], text]
    for probe in probes * 2:  # the second round runs on the built index
        assert (probe in index) == (probe in text), probe
    assert index.index is not None


def test_only_clean_assertions_are_usable(mini: Path) -> None:
    """One broken reference leaves that assertion out of what is usable, and nothing else."""
    replace_in(mini / ASSERTIONS, "target: PDCD4", "target: PDCD")
    checked, found = validate(Layout(mini))
    assert len(found) == 1
    assert {a.id for _, a in checked.assertions} == {
        "mini2024-hypoxia-exosome-secretion",
        "mini2024-rab27a-exosome-secretion",
        "mini2024-sorafenib-rab27a",
        "mini2024-hif1a-rab27a",
    }


def test_an_invalid_entity_is_reported_once_with_its_references_counted(mini: Path) -> None:
    """Its users are counted, not each reported as unknown, and left out of what is usable."""
    replace_in(mini / ENTITIES, "curie: HGNC:4910", "curie: HGNC:HIF1A")
    checked, found = validate(Layout(mini))
    assert [str(p) for p in found] == [
        "curation/entities/entities.yaml:12:1: entity 'HIF1A' is defined at curation/entities/entities.yaml:12 "
        "but invalid, so 1 reference to it could not be checked: fix the problems reported in this file",
        "curation/entities/entities.yaml:13:12: entity 'HIF1A': curie: Value error, 'HIF1A' is not a valid HGNC "
        "identifier (pattern ^\\d{1,5}$)",
    ]
    assert "mini2024-hif1a-rab27a" not in {a.id for _, a in checked.assertions}
    assert len(checked.assertions) == 4


def test_an_invalid_source_is_reported_once_with_its_references_counted(mini: Path) -> None:
    replace_in(mini / SOURCE, "year: 2024", "year: '2024'")
    checked, found = validate(Layout(mini))
    assert [str(p) for p in found if "mini2024.yaml:" in str(p)] == [
        "sources/mini2024.yaml:1:1: source 'mini2024' is defined at sources/mini2024.yaml:1 but invalid, so "
        "1 reference to it could not be checked: fix the problems reported in this file",
        "sources/mini2024.yaml:6:7: year: Input should be a valid integer",
    ]
    assert checked.assertions == []


def test_an_invalid_entity_named_in_a_context_is_counted_not_reported_as_unknown(mini: Path) -> None:
    replace_in(mini / ENTITIES, "curie: CL:0000057", "curie: CL:fibroblast")
    checked, found = validate(Layout(mini))
    assert [str(p).split(": ", 1)[1] for p in found if "fibroblast" in str(p)] == [
        "entity 'fibroblast' is defined at curation/entities/entities.yaml:46 but invalid, so 1 reference to it "
        "could not be checked: fix the problems reported in this file",
        "entity 'fibroblast': curie: Value error, 'fibroblast' is not a valid CL identifier (pattern ^\\d{7}$)",
    ]
    assert "mini2024-mir21-pdcd4" not in {a.id for _, a in checked.assertions}
    assert len(checked.assertions) == 4


@pytest.mark.parametrize(
    ("folder", "what", "count"),
    [("curation/entities", "entity", "references"), ("sources", "source", "1 reference")],
)
def test_a_missing_folder_is_one_problem_not_one_per_reference(mini: Path, folder: str, what: str, count: str) -> None:
    shutil.rmtree(mini / folder)
    found = problems(mini)
    assert [p for p in found if "not a known entity" in p or "is not defined" in p] == []
    assert any(
        p.startswith(f"{folder}/:1:1: ")
        and p.endswith(f"{count} to {what} definitions could not be checked: the folder is missing")
        for p in found
    ), found


def _link_text(mini: Path, target: Path) -> None:
    text = mini / "sources/mini2024.txt"
    target.write_bytes(text.read_bytes())
    text.unlink()
    text.symlink_to(target)


def test_a_text_snapshot_linked_from_outside_sources_is_refused(mini: Path, tmp_path: Path) -> None:
    _link_text(mini, tmp_path / "elsewhere.txt")
    assert problems(mini) == [
        "sources/mini2024.yaml:8:7: text snapshot sources/mini2024.txt is a link to a file outside sources/"
    ]


def test_a_text_snapshot_linked_within_sources_is_read(mini: Path) -> None:
    _link_text(mini, mini / "sources/mini2024-original.txt")
    assert problems(mini) == []


def test_a_text_snapshot_with_bytes_that_are_not_utf8_is_still_checked(mini: Path) -> None:
    """A stray byte is replaced, not a crash; the quotes around it are still found."""
    text = mini / "sources/mini2024.txt"
    old = hashlib.sha256(text.read_bytes()).hexdigest()
    text.write_bytes(text.read_bytes() + b"Scanned page \xff\xfe 3.\n")
    replace_in(mini / SOURCE, old, hashlib.sha256(text.read_bytes()).hexdigest())
    assert problems(mini) == []
    replace_in(mini / ASSERTIONS, "suppresses PDCD4", "suppresses PDCD5")
    assert len(problems(mini)) == 1


def test_a_name_like_no_other_gets_no_suggestion(mini: Path) -> None:
    replace_in(mini / ASSERTIONS, "target: PDCD4", "target: zzz")
    assert problems(mini) == [
        f"{ASSERTIONS}:26:13: assertion 'mini2024-mir21-pdcd4': target 'zzz' is not a known entity"
    ]


def test_only_the_entities_on_a_broader_cycle_are_reported(mini: Path) -> None:
    """ev_secretion <-> exosome_secretion is a cycle; small_ev_secretion only leads into it."""
    replace_in(
        mini / ENTITIES,
        "kind: process\n    synonyms: [EV secretion]",
        "kind: process\n    synonyms: [EV secretion]\n    broader: [exosome_secretion]",
    )
    (mini / ENTITIES).write_text(
        (mini / ENTITIES).read_text(encoding="utf-8")
        + "  - key: small_ev_secretion\n    curie: exograph:small_ev_secretion\n    label: small EV secretion\n"
        "    kind: process\n    broader: [exosome_secretion, ev_secretion]\n",
        encoding="utf-8",
    )
    assert [p for p in problems(mini) if "cycle" in p] == [  # at each one's broader terms
        f"{ENTITIES}:36:14: entity 'ev_secretion': broader terms form a cycle",
        f"{ENTITIES}:42:14: entity 'exosome_secretion': broader terms form a cycle",
    ]


def test_a_shared_broader_term_is_not_a_cycle(mini: Path) -> None:
    (mini / ENTITIES).write_text(
        (mini / ENTITIES).read_text(encoding="utf-8")
        + "  - key: small_ev_secretion\n    curie: exograph:small_ev_secretion\n    label: small EV secretion\n"
        "    kind: process\n    broader: [exosome_secretion, ev_secretion]\n",
        encoding="utf-8",
    )
    assert problems(mini) == []


def test_every_repeat_of_an_id_or_a_claim_names_the_first(mini: Path) -> None:
    path = mini / ASSERTIONS
    text = path.read_text(encoding="utf-8")
    block = text[text.index("  - id: mini2024-rab27a-exosome-secretion") : text.index("  - id: mini2024-mir21-pdcd4")]
    path.write_text(text + block + block, encoding="utf-8")  # lines 57 and 66
    found = problems(mini)
    first = f"{ASSERTIONS}:15"
    assert found == [
        f"{ASSERTIONS}:57:5: assertion 'mini2024-rab27a-exosome-secretion' repeats "
        "'mini2024-rab27a-exosome-secretion' (same regulator, target, effect, context and source): merge the "
        "evidence into one assertion",
        f"{ASSERTIONS}:57:9: assertion id 'mini2024-rab27a-exosome-secretion' is already used at {first}",
        f"{ASSERTIONS}:66:5: assertion 'mini2024-rab27a-exosome-secretion' repeats "
        "'mini2024-rab27a-exosome-secretion' (same regulator, target, effect, context and source): merge the "
        "evidence into one assertion",
        f"{ASSERTIONS}:66:9: assertion id 'mini2024-rab27a-exosome-secretion' is already used at {first}",
    ]
    assert [a.id for _, a in validate(Layout(mini))[0].assertions].count("mini2024-rab27a-exosome-secretion") == 1


def test_a_duplicate_key_leaves_the_later_entities_checked(mini: Path) -> None:
    """Only the repeated record is dropped (so PDCD4 is unknown): the entities after it are still read."""
    replace_in(mini / ENTITIES, "  - key: PDCD4", "  - key: RAB27A")
    assert problems(mini) == [
        f"{ASSERTIONS}:26:13: assertion 'mini2024-mir21-pdcd4': target 'PDCD4' is not a known entity",
        f"{ENTITIES}:17:10: entity 'RAB27A' is already defined at {ENTITIES}:7",
    ]


def test_a_family_may_have_members(mini: Path) -> None:
    replace_in(
        mini / ENTITIES,
        "    label: RAB27A\n    kind: gene\n",
        "    label: RAB27A\n    kind: family\n    members: [HIF1A]\n",
    )
    assert problems(mini) == []


def test_an_invalid_entity_named_as_parent_or_member_is_counted_not_reported_as_unknown(mini: Path) -> None:
    replace_in(mini / ENTITIES, "curie: HGNC:4910", "curie: HGNC:HIF1A")
    with (mini / ENTITIES).open("a", encoding="utf-8") as handle:
        handle.write(
            "  - key: HIF1A_short\n    curie: exograph:HIF1A_short\n    label: HIF1A short isoform\n"
            "    kind: isoform\n    parent: HIF1A\n"
            "  - key: HIF_family\n    curie: exograph:HIF_family\n    label: HIF family\n    kind: family\n"
            "    members: [HIF1A]\n"
        )
    assert [p.split(": ", 1)[1] for p in problems(mini)] == [
        f"entity 'HIF1A' is defined at {ENTITIES}:12 but invalid, so 3 references to it could not be checked: "
        "fix the problems reported in this file",  # the assertion's regulator, the isoform's parent, the member
        "entity 'HIF1A': curie: Value error, 'HIF1A' is not a valid HGNC identifier (pattern ^\\d{1,5}$)",
    ]


def test_a_cycle_is_found_past_an_unknown_broader_term(mini: Path) -> None:
    replace_in(
        mini / ENTITIES,
        "kind: process\n    synonyms: [EV secretion]",
        "kind: process\n    synonyms: [EV secretion]\n    broader: [exosome_secretion, ev_secretin]",
    )
    assert [p.split(": ", 1)[1] for p in problems(mini) if p.startswith(ENTITIES)] == [
        "entity 'ev_secretion': broader terms form a cycle",
        "entity 'ev_secretion': broader 'ev_secretin' is not a known entity (did you mean 'ev_secretion'?)",
        "entity 'exosome_secretion': broader terms form a cycle",
    ]


def test_the_text_snapshot_is_recorded_under_the_digest_of_the_bytes_read(mini: Path) -> None:
    """The per-file cache keeps results under the content they were made from, read once by the checks."""
    curation = load(Layout(mini))
    check(curation)
    assert curation.read["sources/mini2024.txt"] == digest_of((mini / "sources/mini2024.txt").read_bytes())


def test_an_invalid_entity_in_a_context_leaves_the_next_items_checked(mini: Path) -> None:
    replace_in(mini / ENTITIES, "curie: CL:0000057", "curie: CL:fibroblast")
    replace_in(mini / ASSERTIONS, "donors: [fibroblast]", "donors: [fibroblast, breast_cancer]")
    assert any(
        p.endswith(
            "context.donors 'breast_cancer' is a disease; expected one of: anatomy, cell_line, cell_type, organism"
        )
        for p in problems(mini)
    )


def test_the_same_claim_from_two_sources_is_two_assertions(mini: Path) -> None:
    """Repeats are within one source; every file's clean assertions are kept, each with its own source."""
    source = (mini / SOURCE).read_text(encoding="utf-8").replace("id: mini2024", "id: mini2025")
    (mini / "sources/mini2025.yaml").write_text(source, encoding="utf-8")  # the same text, another source
    first = (mini / ASSERTIONS).read_text(encoding="utf-8")
    block = first[
        first.index("  - id: mini2024-rab27a-exosome-secretion") : first.index("  - id: mini2024-mir21-pdcd4")
    ]
    block = block.replace("id: mini2024-", "id: mini2025-")
    (mini / "curation/assertions/mini2025.yaml").write_text(f"source: mini2025\nassertions:\n{block}", encoding="utf-8")
    checked, found = validate(Layout(mini))
    assert found == []
    assert sorted((s, a.id) for s, a in checked.assertions if "rab27a-exosome" in a.id) == [
        ("mini2024", "mini2024-rab27a-exosome-secretion"),
        ("mini2025", "mini2025-rab27a-exosome-secretion"),
    ]
    assert len(checked.assertions) == 6


LINES = (
    "  - key: Huh-7\n    curie: CVCL:0336\n    label: Huh-7\n    kind: cell_line\n"
    "    diseases: [hepatocellular_carcinoma]\n"
    "  - key: hepatocellular_carcinoma\n    curie: MONDO:0007256\n    label: hepatocellular carcinoma\n"
    "    kind: disease\n    broader: [cancer]\n"
    "  - key: cancer\n    curie: MONDO:0004992\n    label: cancer\n    kind: disease\n"
)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    diseases: [hepatocellular_carcinoma]\n  - key: hep",
            "    diseases: [hepatocellular_carcinoma, hepatoma]\n  - key: hep",
            "entities.yaml:63:42: entity 'Huh-7': disease 'hepatoma' is not a known entity",
        ),
        (
            "    diseases: [hepatocellular_carcinoma]\n  - key: hep",
            "    diseases: [fibroblast]\n  - key: hep",
            "entities.yaml:63:16: entity 'Huh-7': disease 'fibroblast' is a cell_type, not a disease",
        ),
        (
            "    label: cancer\n    kind: disease\n",
            "    label: cancer\n    kind: disease\n    diseases: [cancer]\n",
            "entities.yaml:73:15: entity 'cancer': only a cell line has diseases",
        ),
    ],
)
def test_a_cell_line_s_disease_is_checked(mini: Path, old: str, new: str, expected: str) -> None:
    with (mini / ENTITIES).open("a", encoding="utf-8") as handle:
        handle.write(LINES)
    assert problems(mini) == []
    replace_in(mini / ENTITIES, old, new)
    assert expected in "\n".join(problems(mini))


def test_a_stated_disease_agrees_with_the_line_s_through_any_number_of_broader_terms(mini: Path) -> None:
    """Huh-7 is a line of HCC, within liver cancer, within cancer: a claim in Huh-7 cells stating cancer agrees,
    two broader terms up. A line's disease no entity defines is reported, and the claim is still checked."""
    with (mini / ENTITIES).open("a", encoding="utf-8") as handle:
        handle.write(LINES)
        handle.write("  - key: liver_cancer\n    curie: MONDO:0002691\n    label: liver cancer\n    kind: disease\n")
        handle.write("    broader: [cancer]\n")
    replace_in(
        mini / ENTITIES,
        "    kind: disease\n    broader: [cancer]\n  - key: cancer",
        "    kind: disease\n    broader: [liver_cancer]\n  - key: cancer",
    )
    stated = "      organisms: [human]\n      diseases: [breast_cancer]\n"
    replace_in(mini / ASSERTIONS, stated, stated.replace("breast_cancer", "cancer") + "      cell_lines: [Huh-7]\n")
    assert problems(mini) == []
    replace_in(
        mini / ENTITIES,
        "    diseases: [hepatocellular_carcinoma]\n  - key: hep",
        "    diseases: [hepatoma]\n  - key: hep",
    )
    found = "\n".join(problems(mini))
    assert "entity 'Huh-7': disease 'hepatoma' is not a known entity" in found
    assert "context.cell_lines 'Huh-7' is a line of hepatoma" in found


@pytest.mark.parametrize(
    ("lines", "huh7_diseases", "stated", "expected"),
    [
        # a line no disease is known for says nothing of the claim's
        ("[Huh-7]", "", "[breast_cancer]", []),
        # a claim in a line of liver cancer may state HCC, which lies within it
        ("[Huh-7]", "    diseases: [liver_cancer]\n", "[hepatocellular_carcinoma]", []),
        # every line is checked, after one with no disease; the message lists every disease of each side
        (
            "[HEK-293, Huh-7]",
            "    diseases: [hepatocellular_carcinoma, liver_cancer]\n",
            "[breast_cancer, lung_cancer]",
            [
                "curation/assertions/mini2024.yaml:11:29: assertion 'mini2024-hypoxia-exosome-secretion': "
                "context.cell_lines 'Huh-7' is a line of hepatocellular_carcinoma, liver_cancer, which is neither "
                "within nor broader than context.diseases (breast_cancer, lung_cancer): state the line's disease or "
                "correct the cell line"
            ],
        ),
        # a line that agrees does not end the check of the next
        (
            "[Huh-7, MCF-7]",
            "    diseases: [hepatocellular_carcinoma]\n",
            "[hepatocellular_carcinoma]",
            [
                "curation/assertions/mini2024.yaml:11:27: assertion 'mini2024-hypoxia-exosome-secretion': "
                "context.cell_lines 'MCF-7' is a line of breast_cancer, which is neither within nor broader than "
                "context.diseases (hepatocellular_carcinoma): state the line's disease or correct the cell line"
            ],
        ),
        # a line no entity defines is reported as such, and the check goes on
        (
            "[HeLa]",
            "",
            "[breast_cancer]",
            [
                "curation/assertions/mini2024.yaml:11:20: assertion 'mini2024-hypoxia-exosome-secretion': "
                "context.cell_lines 'HeLa' is not a known entity"
            ],
        ),
    ],
)
def test_each_cell_line_s_disease_is_checked_against_the_claim_s(
    mini: Path, lines: str, huh7_diseases: str, stated: str, expected: list[str]
) -> None:
    entities = (
        "  - key: Huh-7\n    curie: CVCL:0336\n    label: Huh-7\n    kind: cell_line\n"
        + huh7_diseases
        + "  - key: HEK-293\n    curie: CVCL:0045\n    label: HEK293\n    kind: cell_line\n"
        "  - key: MCF-7\n    curie: CVCL:0031\n    label: MCF-7\n    kind: cell_line\n    diseases: [breast_cancer]\n"
        "  - key: hepatocellular_carcinoma\n    curie: MONDO:0007256\n    label: hepatocellular carcinoma\n"
        "    kind: disease\n    broader: [liver_cancer]\n"
        "  - key: liver_cancer\n    curie: MONDO:0002691\n    label: liver cancer\n    kind: disease\n"
        "  - key: lung_cancer\n    curie: MONDO:0008903\n    label: lung cancer\n    kind: disease\n"
    )
    with (mini / ENTITIES).open("a", encoding="utf-8") as handle:
        handle.write(entities)
    before = "      organisms: [human]\n      diseases: [breast_cancer]\n"
    replace_in(
        mini / ASSERTIONS, before, f"      organisms: [human]\n      diseases: {stated}\n      cell_lines: {lines}\n"
    )
    assert problems(mini) == expected


def test_a_stated_disease_must_agree_with_the_cell_line_s(mini: Path) -> None:
    """A claim in Huh-7 cells (a line of HCC) may state HCC or cancer, never breast cancer."""
    with (mini / ENTITIES).open("a", encoding="utf-8") as handle:
        handle.write(LINES)
    stated = "      organisms: [human]\n      diseases: [breast_cancer]\n"
    replace_in(mini / ASSERTIONS, stated, stated + "      cell_lines: [Huh-7]\n")
    assert problems(mini) == [
        "curation/assertions/mini2024.yaml:11:20: assertion 'mini2024-hypoxia-exosome-secretion': context.cell_lines "
        "'Huh-7' is a line of hepatocellular_carcinoma, which is neither within nor broader than context.diseases "
        "(breast_cancer): state the line's disease or correct the cell line"
    ]
    for before, agreeing in (("breast_cancer", "cancer"), ("cancer", "hepatocellular_carcinoma")):
        replace_in(mini / ASSERTIONS, f"diseases: [{before}]", f"diseases: [{agreeing}]")
        assert problems(mini) == [], agreeing
