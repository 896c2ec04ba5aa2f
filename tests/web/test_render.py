"""The drawn output itself: nodes, labels, arrowheads and dash styles in the SVG Graphviz lays out."""

from __future__ import annotations

import html
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from exograph.compiled.store import open_store
from exograph.web import diagram
from exograph.web.picture import write_picture
from tests.conftest import FIXTURES, PROJECT_ROOT, replace_in

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed")
SVG = "{http://www.w3.org/2000/svg}"


def drawn(path: Path) -> tuple[dict[str, ET.Element], dict[str, ET.Element]]:
    """Nodes and edges of a Graphviz SVG, by the ids exograph gives them."""
    groups = [
        g for g in ET.parse(path).getroot().iter(f"{SVG}g") if g.get("id") and not g.get("id", "").startswith("legend")
    ]
    nodes = {g.get("id", "")[2:]: g for g in groups if "node" in g.get("class", "").split()}
    edges = {g.get("id", "")[2:]: g for g in groups if "edge" in g.get("class", "").split()}
    return nodes, edges


def texts(element: ET.Element) -> list[str]:
    return [t.text or "" for t in element.iter(f"{SVG}text")]


def head(edge: ET.Element) -> ET.Element | None:
    return next(edge.iter(f"{SVG}polygon"), None)


def corners(polygon: ET.Element) -> int:
    return len(polygon.get("points", "").split()) - 1  # Graphviz repeats the first point


def test_neighbourhood_draws_each_sign_its_own_way(mini: Path, cli: Callable[..., Result], tmp_path: Path) -> None:
    out = tmp_path / "rab27a.svg"
    result = cli("render", "RAB27A", "--root", str(mini), "-o", str(out))
    assert result.exit_code == 0, result.output
    nodes, edges = drawn(out)
    assert set(nodes) == {"RAB27A", "HIF1A", "sorafenib", "exosome_secretion"}
    assert "focus" in nodes["RAB27A"].get("class", "") and texts(nodes["RAB27A"]) == ["RAB27A"]
    assert texts(nodes["exosome_secretion"]) == ["exosomal secretion"]

    increases = edges["mini2024-rab27a-exosome-secretion"]
    assert "increases" in increases.get("class", "")
    assert "secretion" in texts(increases)
    arrow = head(increases)
    assert arrow is not None and corners(arrow) == 3 and arrow.get("fill") != "none"  # a filled arrowhead
    assert next(increases.iter(f"{SVG}path")).get("stroke-dasharray") is None

    hypothesis = edges["mini2024-hif1a-rab27a"]
    assert next(hypothesis.iter(f"{SVG}path")).get("stroke-dasharray")  # dashed
    hypothesis_head = head(hypothesis)
    assert hypothesis_head is not None and hypothesis_head.get("fill") != "none"  # a hypothesis keeps its sign
    negated = edges["mini2024-sorafenib-rab27a"]
    assert "negated" in negated.get("class", "") and "✕" in texts(negated) and head(negated) is None


def test_decreases_draw_a_flat_head_and_cargo_a_vesicle_transfer(
    mini: Path, cli: Callable[..., Result], tmp_path: Path
) -> None:
    out = tmp_path / "mir21.svg"
    assert cli("render", "miR-21", "--root", str(mini), "-o", str(out)).exit_code == 0
    _, edges = drawn(out)
    tee = edges["mini2024-mir21-pdcd4"]
    polygon = head(tee)
    assert polygon is not None and corners(polygon) == 4  # a flat bar, not a triangle
    assert next(tee.iter(f"{SVG}polyline"), None) is not None
    groups = {g.get("id"): g for g in ET.parse(out).getroot().iter(f"{SVG}g")}
    transfer = groups["t-fibroblast-miR-21"]  # from the donor cells to the cargo, not a cell to itself
    assert "in EVs to malignant cell" in " ".join(texts(transfer))
    assert next(transfer.iter(f"{SVG}path")).get("stroke-dasharray") == "1,5"  # dotted vesicle edge
    tooltip = next(transfer.iter(f"{SVG}a")).get("{http://www.w3.org/1999/xlink}title", "")
    assert "Exosomal miR-21 from fibroblasts suppresses PDCD4" in tooltip  # the cargo assertion is its evidence
    assert "cargo" in tee.get("class", "") and "#0072b2:white" not in str(ET.tostring(tee))


def test_unsigned_edges_have_an_open_head(mini: Path, cli: Callable[..., Result], tmp_path: Path) -> None:
    replace_in(
        mini / "curation/assertions/mini2024.yaml",
        "direction: increases\n    aspect: secretion\n    evidence",
        "direction: regulates\n    aspect: secretion\n    evidence",
    )
    out = tmp_path / "unsigned.svg"
    assert cli("render", "RAB27A", "--root", str(mini), "-o", str(out)).exit_code == 0
    _, edges = drawn(out)
    arrow = head(edges["mini2024-rab27a-exosome-secretion"])
    assert arrow is not None and arrow.get("fill") == "none" and corners(arrow) == 3


def test_chains_between_two_entities(mini: Path, cli: Callable[..., Result], tmp_path: Path) -> None:
    out = tmp_path / "chain.svg"
    result = cli("render", "HIF1A", "--to", "EV secretion", "--root", str(mini), "-o", str(out))
    assert result.exit_code == 0, result.output
    nodes, edges = drawn(out)
    # HIF1A -> RAB27A is a hypothesis, so no stated chain reaches EV secretion from HIF1A
    assert set(edges) == set()
    assert set(nodes) == {"HIF1A", "ev_secretion"}
    assert "no chain of at most 3 steps" in " ".join(
        t for g in ET.parse(out).getroot().iter(f"{SVG}text") for t in [g.text or ""]
    )
    out2 = tmp_path / "chain2.svg"
    assert cli("render", "RAB27A", "--to", "EV secretion", "--root", str(mini), "-o", str(out2)).exit_code == 0
    nodes, edges = drawn(out2)
    assert set(edges) == {"mini2024-rab27a-exosome-secretion"}
    assert {"RAB27A", "exosome_secretion", "ev_secretion"} <= set(nodes)


def test_crowded_neighbourhoods_are_cut_with_a_note() -> None:
    store = open_store(PROJECT_ROOT)
    key = store.resolve("exosome secretion")
    assert key is not None
    picture = diagram.neighbourhood(store, key, limit=10)
    shown = {k for k, n in picture.nodes.items() if not n.collapsed} - set(store.narrower_closure(key))
    assert len(shown) <= 10
    assert picture.omitted and "more neighbours not drawn" in picture.omitted[0]
    named = [name for _, names in picture.remainder() for name in names]
    collapsed = [n.label for n in picture.nodes.values() if n.collapsed]
    assert sorted(named) == sorted(collapsed) and len(named) > 40
    assert "EGFR_mutant" not in named  # display names, not keys
    groups = {n.group.split(" · ")[1] for k, n in picture.nodes.items() if k in shown}
    assert {"increases", "decreases"} <= groups  # every sign of the hub is drawn, not the alphabetically first


def test_depth_keeps_every_direct_neighbour_and_no_stray_cells() -> None:
    store = open_store(PROJECT_ROOT)
    near = diagram.neighbourhood(store, "RAB27A", depth=1)
    far = diagram.neighbourhood(store, "RAB27A", depth=2)
    direct = {k for k, n in near.nodes.items() if not n.focus}
    assert len(direct) >= 18 and direct <= {k for k, n in far.nodes.items() if not n.collapsed}
    for picture in (near, far):
        linked = {
            k
            for e in picture.edges
            for k in (e.regulator, e.target)
            if picture.shown(e.regulator) and picture.shown(e.target)
        }
        linked |= {k for t in picture.transfers for k in (t.donor, t.cargo)}
        assert {k for k in picture.nodes if picture.shown(k)} <= linked | {"RAB27A"}


def test_labels_are_escaped(mini: Path, cli: Callable[..., Result], tmp_path: Path) -> None:
    replace_in(mini / "curation/entities/entities.yaml", "label: RAB27A\n", 'label: RAB27A <b>&amp;\\n "x"\n')
    out = tmp_path / "escaped.svg"
    assert cli("render", "RAB27A", "--root", str(mini), "-o", str(out)).exit_code == 0
    nodes, _ = drawn(out)  # parses: the label did not break the XML
    assert texts(nodes["RAB27A"]) == ['RAB27A <b>&amp;\\n "x"']


def test_html_shows_evidence_data_and_png_is_a_png(mini: Path, cli: Callable[..., Result], tmp_path: Path) -> None:
    page = tmp_path / "rab27a.html"
    assert cli("render", "RAB27A", "--root", str(mini), "-o", str(page)).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "<svg" in html and 'id="edge-data"' in html and "Knockdown of RAB27A reduced exosome release." in html
    assert "https://" not in html.split("<svg")[0]  # nothing fetched from the internet
    assert 'href="index.html"' not in html  # a standalone picture links to no missing site
    png = tmp_path / "rab27a.png"
    assert cli("render", "RAB27A", "--root", str(mini), "-o", str(png)).exit_code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    wide = int.from_bytes(png.read_bytes()[16:20], "big")
    small = tmp_path / "rab27a-96.png"
    assert cli("render", "RAB27A", "--root", str(mini), "--dpi", "96", "-o", str(small)).exit_code == 0
    assert wide >= 1.9 * int.from_bytes(small.read_bytes()[16:20], "big")  # 2x by default


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["RAB27A", "-o", "out.pdf"], "-o must end in .svg, .png, .html"),
        (["RAB27", "-o", "out.svg"], "no entity is called 'RAB27'"),
        (["RAB27A", "--to", "nothing-like-it", "-o", "out.svg"], "no entity is called 'nothing-like-it'"),
    ],
)
def test_bad_requests_are_usage_errors(
    mini: Path,
    cli: Callable[..., Result],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("render", *args, "--root", str(mini))
    assert result.exit_code == 2 and message in result.output
    assert not list(tmp_path.glob("out.*"))


def test_missing_graphviz_is_an_environment_error(
    mini: Path, cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = cli("render", "RAB27A", "--root", str(mini), "-o", str(tmp_path / "x.svg"))
    assert result.exit_code == 2 and "Graphviz's 'dot' program is not installed" in result.output
    assert not (tmp_path / "x.svg").exists()


def test_a_chain_through_a_family_draws_the_step_to_its_member() -> None:
    """hypoxia -> HIF-1 (breast cancer) -> HIF-1α -> exosome secretion joins two diseases: drawn only when asked."""
    store = open_store(PROJECT_ROOT)
    assert "HIF1" not in diagram.between(store, "hypoxia", "exosome_secretion", max_chains=12).nodes
    picture = diagram.between(store, "hypoxia", "exosome_secretion", max_chains=12, across_contexts=True)
    assert diagram.Link("HIF1", "HIF1A", "family") in picture.links  # HIF-1 is no dead end
    assert {"HIF1", "HIF1A"} <= set(picture.nodes)


def test_a_vesicle_transfer_never_says_a_vesicle_carries_itself() -> None:
    names = {"hcc": "malignant cell", "exo": "extracellular exosome", "mir": "hsa-mir-21", "fib": "fibroblast"}
    vesicles = diagram.Transfer("hcc", "exo", ("fib",), ())
    assert vesicles.caption(names, "component") == "malignant cell release extracellular exosome to fibroblast"
    cargo = diagram.Transfer("fib", "mir", ("hcc",), ())
    assert cargo.caption(names, "mirna") == "fibroblast release vesicles carrying hsa-mir-21 to malignant cell"


def test_pictures_take_the_context_filters(context_tree: Path) -> None:
    """A picture draws what the same filtered query answers: every filter must hold, hierarchy included."""
    store = open_store(context_tree)
    every = diagram.neighbourhood(store, "hypoxia")
    in_vivo = diagram.neighbourhood(store, "hypoxia", filters={"system": "in_vivo", "disease": "cancer"})
    assert {e.target for e in every.edges} == {"exosome_secretion", "ev_secretion"}
    assert [sorted(ev.assertion for ev in e.evidence) for e in in_vivo.edges] == [
        ["ctx2025-hypoxia-exosome-secretion-breast", "ctx2025-hypoxia-exosome-secretion-hcc"]
    ]
    chains = diagram.between(store, "TP53", "exosome_secretion", filters={"perturbation": "loss_of_function"})
    assert [[ev.assertion for ev in e.evidence] for e in chains.edges] == [["ctx2025-tp53-exosome-secretion-loss"]]


def _compose_tree(mini: Path) -> Path:
    """The chain and composition fixtures over mini: sorafenib -> Rab27a -> exosome secretion -> [exosomes] -> AKT."""
    for overlay in ("reason", "compose"):
        shutil.copytree(FIXTURES / overlay, mini, dirs_exist_ok=True)
    return mini


def test_a_chain_draws_its_vesicle_transfer_as_a_marked_step(
    mini: Path, cli: Callable[..., Result], tmp_path: Path
) -> None:
    """Secretion -> [exosomes from Huh-7 cells to Huh-7 cells] -> exosomes: the chain is drawn unbroken, the
    transfer in the legend's transfer encoding, with the quotes of both sides on hover."""
    root = _compose_tree(mini)
    out = tmp_path / "t.svg"
    result = cli(
        "render", "sorafenib", "--to", "chemoresistance", "--max-length", "5", "--root", str(root), "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    _, edges = drawn(out)
    passage = edges["exosome_secretion-exosome"]  # ids lose their first two characters ("v-")
    assert "transfer" in passage.get("class", "").split()
    assert "[extracellular exosomes from Huh-7 cells to Huh-7" in " ".join(texts(passage))
    line = next(passage.iter(f"{SVG}path"))
    legend = next(g for g in ET.parse(out).getroot().iter(f"{SVG}g") if g.get("id") == "legend-edge-transfer")
    legend_line = next(legend.iter(f"{SVG}path"))
    for key in ("stroke", "stroke-dasharray", "stroke-width"):
        assert line.get(key) == legend_line.get(key)
    tip = next(passage.iter(f"{SVG}a"))
    title = tip.get("{http://www.w3.org/1999/xlink}title", "")
    store = open_store(root)
    for side in ("compose2025-rab27a-exosome-secretion", "compose2025-exosome-akt"):
        record = store.assertion(side)
        assert record is not None and record["evidence"][0]["quote"][:40] in html.unescape(title)


def test_render_sorafenib_to_akt_joins_secretion_and_the_exosomes_effect(tmp_path: Path) -> None:
    """The shipped curation: Liang 2021's chain, which crashed the render (KeyError 'transfer') before."""
    store = open_store(PROJECT_ROOT)
    picture = diagram.between(store, "sorafenib", "AKT")
    [passage] = picture.passages
    assert (passage.made, passage.vesicles) == ("exosome_secretion", "exosome")
    assert passage.says == ("exosomes from Huh-7 cells and cancer cells to Huh-7 cells",)  # as `path` says it
    assert {"liang2021-sorafenib-exosome-secretion", "liang2021-sorafenib-exosomes-akt-activity"} <= {
        e.assertion for e in passage.evidence
    }
    assert not any(link.relation == "transfer" for link in picture.links)
    out = tmp_path / "s.html"
    write_picture(picture, out, tmp_path)
    page = out.read_text(encoding="utf-8")
    assert 'id="v&#45;exosome_secretion&#45;exosome"' in page  # drawn, and its evidence shown on hover:
    assert '"v-exosome_secretion-exosome": {"aspect": "vesicle transfer"' in page
