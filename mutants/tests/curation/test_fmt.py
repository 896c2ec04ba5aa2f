from __future__ import annotations

from pathlib import Path

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
