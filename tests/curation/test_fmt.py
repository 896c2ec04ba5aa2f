from __future__ import annotations

from pathlib import Path

from exograph.curation import comments
from exograph.curation.fmt import canonical, dump, format_root
from exograph.curation.models import Assertion
from tests.conftest import PROJECT_ROOT, replace_in


def test_canonical_orders_keys_and_drops_defaults() -> None:
    data = {
        "evidence": [{"section": "S", "quote": "Q", "references": []}],
        "negated": False,
        "aspect": "amount",
        "direction": "increases",
        "target": "B",
        "regulator": "A",
        "id": "x-a-b",
        "context": {},
    }
    assert dump(canonical(data, Assertion)) == (
        "id: x-a-b\nregulator: A\ntarget: B\ndirection: increases\naspect: amount\n"
        "evidence:\n  - quote: Q\n    section: S\n"
    )


def test_long_quotes_are_never_wrapped() -> None:
    quote = "word " * 100
    assert dump({"quote": quote.strip()}).count("\n") == 1


def test_fmt_is_idempotent_and_keeps_meaning(mini: Path) -> None:
    path = mini / "curation/assertions/mini2024.yaml"
    replace_in(path, "    direction: decreases\n    aspect: amount\n", "    aspect: amount\n    direction: decreases\n")
    changed, problems = format_root(mini, write=True)
    assert problems == [] and changed == ["curation/assertions/mini2024.yaml"]
    assert format_root(mini, write=False) == ([], [])
    original = Path(__file__).parent.parent / "fixtures/mini/curation/assertions/mini2024.yaml"
    assert original.read_text() == path.read_text()


def test_project_curation_is_canonical() -> None:
    changed, problems = format_root(PROJECT_ROOT, write=False)
    assert problems == []
    assert changed == [], f"not in canonical form: {changed}; run 'exograph fmt' to fix"


COMMENTED = Path(__file__).parent.parent / "fixtures/commented"


def _comments(text: str) -> list[str]:
    return sorted(c.text for c in comments.find(text))


def test_fmt_keeps_every_comment_beside_its_entry(mini: Path) -> None:
    path = mini / "curation/assertions/mini2024.yaml"
    messy = (COMMENTED / "messy.yaml").read_text(encoding="utf-8")
    path.write_text(messy, encoding="utf-8")
    assert format_root(mini, write=True) == (["curation/assertions/mini2024.yaml"], [])
    text = path.read_text(encoding="utf-8")
    assert text == (COMMENTED / "canonical.yaml").read_text(encoding="utf-8")
    assert _comments(text) == _comments(messy)  # not one lost
    assert len(_comments(messy)) == 8
    lines = text.splitlines()
    assert lines[0] == "# Curated by J. Doe, 2024; checked against the PDF."  # at the top
    assert lines[3:5] == [
        "  # the headline finding",
        "  - id: mini2024-hypoxia-exosome-secretion  # default, fmt drops it",
    ]
    assert "    aspect: secretion  # Fig. 2" in lines  # inline, with its value wherever the key moved
    assert "      organisms: [human]  # human cells only" in lines
    assert "    evidence:  # one quote is enough" in lines
    assert lines[-1] == "# end of file: more to curate from section 3"
    assert format_root(mini, write=False) == ([], [])  # idempotent: the canonical file round-trips byte for byte


def test_a_hash_inside_text_is_not_a_comment(mini: Path) -> None:
    path = mini / "curation/assertions/mini2024.yaml"
    replace_in(
        path,
        "        section: Text\n        perturbation: knockdown",
        "        section: Text\n        perturbation: knockdown\n    note: 'antibody CST #9202 was used'",
    )
    replace_in(
        path,
        "        references: [2]\n",
        "        references: [2]\n    note: clone#12 used\n",
    )
    before = path.read_text(encoding="utf-8")
    assert format_root(mini, write=True) == ([], [])
    assert path.read_text(encoding="utf-8") == before
