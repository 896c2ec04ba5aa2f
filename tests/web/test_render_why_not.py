"""A picture that draws nothing says why, as the query would (issue 19's audit of render and its filters)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from exograph.compiled.store import open_store
from exograph.web import diagram
from tests.conftest import FIXTURES


def test_a_neighbourhood_no_assertion_of_which_passes_the_filters_says_so(context_tree: Path) -> None:
    store = open_store(context_tree)
    assert diagram.neighbourhood(store, "hypoxia", filters={"system": "in_vivo"}).omitted == []
    empty = diagram.neighbourhood(store, "hypoxia", filters={"perturbation": "knockout"})
    assert empty.omitted == ["no assertion about Hypoxia passes the filters"]


def test_chains_drawn_between_two_entities_say_what_cut_them(mini: Path, cli: Callable[..., Result]) -> None:
    for overlay in ("reason", "compose"):
        shutil.copytree(FIXTURES / overlay, mini, dirs_exist_ok=True)
    picture = diagram.between(open_store(mini), "sorafenib", "AKT", filters={"system": "in_vitro"})
    assert picture.omitted == [
        "no chain of at most 3 steps from sorafenib to AKT",
        "2 chains cut by the filter --system in_vitro",
    ]
    out = cli(
        "render", "sorafenib", "--to", "AKT", "--system", "in_vitro", "-o", str(mini / "p.svg"), "--root", str(mini)
    )
    assert out.exit_code == 0 and "note: 2 chains cut by the filter --system in_vitro" in out.output
