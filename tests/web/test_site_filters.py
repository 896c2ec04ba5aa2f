"""The site's filters are the query filters: a value keeps a row exactly when `--disease`, `--cell-type`,
`--donor`, `--recipient`, `--system` or `--perturbation` with that value keeps the assertion."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from exograph.compiled.records import filter_context
from exograph.compiled.store import open_store
from exograph.query.filters import FILTER_KINDS, PERTURBATIONS, SYSTEMS
from exograph.query.neighbours import Filters, context_matcher
from exograph.web.site import _Site

#: Each filter of a page and the query option it stands for.
FACETS = {
    "diseases": "disease",
    "cell_lines": "cell_line",
    "cell_types": "cell_type",
    "conditions": "condition",
    "donors": "donor",
    "recipients": "recipient",
    "system": "system",
    "perturbation": "perturbation",
}


def test_every_facet_value_keeps_what_the_query_filter_keeps(context_tree: Path, tmp_path: Path) -> None:
    store = open_store(context_tree)
    site = _Site(store, tmp_path / "site")
    checked = 0
    for facet, option in FACETS.items():
        if option in FILTER_KINDS:
            values = store.keys_of_kind(FILTER_KINDS[option])
        else:
            values = list(SYSTEMS if option == "system" else PERTURBATIONS)
        for value in values:
            matches = context_matcher(store, Filters(**{option: value}))
            for a in site.assertions:
                kept = matches(a["source"], filter_context(a, store.line_diseases()))
                assert (value in site.facets[a["id"]][facet]) == kept, (facet, value, a["id"])
                checked += kept
    assert checked > 40


def test_pages_offer_broader_cells_and_perturbations(
    context_tree: Path, cli: Callable[..., Result], tmp_path: Path
) -> None:
    out = tmp_path / "site"
    assert cli("site", "--root", str(context_tree), "-o", str(out)).exit_code == 0
    page = (out / "source/ctx2025.html").read_text(encoding="utf-8")
    donors = page.split('data-facet="donors">')[1].split("</select>")[0]
    assert donors.index('value="fibroblast"') < donors.index('value="CAF"')  # CAF under fibroblast
    perturbations = page.split('data-facet="perturbation">')[1].split("</select>")[0]
    assert 'value="loss_of_function"' in perturbations and 'value="knockdown"' in perturbations
    cells = page.split('data-facet="cell_types">')[1].split("</select>")[0]
    assert 'value="hepatocyte"' in cells  # Huh-7 lies within hepatocyte
    row = page.split('data-id="ctx2025-tp53-exosome-secretion-loss" data-facets="')[1].split('"')[0]
    assert json.loads(html.unescape(row))["perturbation"] == ["knockdown", "loss_of_function"]
