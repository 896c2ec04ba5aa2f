"""A static website of the whole curation: a page per entity, per assertion and per source, and search.

Every URL is stable (``entity/<key>.html``, ``assertion/<id>.html``,
``source/<id>.html``) because keys and ids are curator-assigned and never
reused. Pages need nothing from the internet: the network views use the
vendored cytoscape.js, and the search index is a script, not a fetched file,
so the site also works opened straight from disk.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

from exograph.compiled.records import AssertionRecord, SourceRecord
from exograph.compiled.store import Store
from exograph.curation.vocab import CONTEXT_LIST_FIELDS
from exograph.export.prefixes import iri
from exograph.query.text import context_text
from exograph.web.diagram import neighbourhood
from exograph.web.pages import environment, network

#: The name a site's manifest records, as an export's records its format.
SITE = "site"


def _citation(source: SourceRecord) -> str:
    authors = source["authors"]
    first = authors[0].split()[0] if authors else (source["journal"] or source["id"])
    return f"{first}{' et al.' if len(authors) > 1 else ''} {source['year'] or ''}".strip()


def _search_index(store: Store, assertions: list[AssertionRecord], labels: dict[str, str]) -> list[dict[str, Any]]:
    index: list[dict[str, Any]] = [
        {
            "l": e["label"],
            "k": e["kind"].replace("_", " "),
            "u": f"entity/{e['key']}.html",
            "n": list(dict.fromkeys([e["label"], e["key"], e["curie"], *e["synonyms"]])),
        }
        for e in store.entities()
    ]
    index += [
        {
            "l": f"{labels[a['regulator']]} {a['direction']} {labels[a['target']]}",
            "k": "assertion",
            "u": f"assertion/{a['id']}.html",
            "n": [a["id"]],
        }
        for a in assertions
    ]
    return index


class _Site:
    def __init__(self, store: Store, folder: Path) -> None:
        self.store = store
        self.folder = folder
        self.env = environment()
        self.assertions = list(store.assertions())
        self.sources = store.sources()
        self.labels = {e["key"]: e["label"] for e in store.entities()}
        self.contexts = {a["id"]: context_text(a, self.labels) for a in self.assertions}
        self.upstream: dict[str, list[AssertionRecord]] = defaultdict(list)
        self.downstream: dict[str, list[AssertionRecord]] = defaultdict(list)
        self.context_of: dict[str, list[AssertionRecord]] = defaultdict(list)
        for a in self.assertions:
            self.upstream[a["target"]].append(a)
            self.downstream[a["regulator"]].append(a)
            for name in CONTEXT_LIST_FIELDS:
                for key in a["context"].get(name, []):
                    self.context_of[key].append(a)

    def page(self, relative: str, template: str, **values: Any) -> None:
        path = self.folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        base = "../" * relative.count("/")
        html = self.env.get_template(template).render(base=base, inline_assets=None, **values)
        path.write_text(html, encoding="utf-8")

    def build(self) -> int:
        assets = self.folder / "assets"
        assets.mkdir(parents=True)
        source_assets = resources.files("exograph.web") / "assets"
        for name in ("site.css", "site.js"):
            (assets / name).write_text((source_assets / name).read_text(encoding="utf-8"), encoding="utf-8")
        vendor = assets / "vendor" / "cytoscape"
        vendor.mkdir(parents=True)
        for name in ("cytoscape.min.js", "LICENSE", "SOURCE"):
            (vendor / name).write_bytes((source_assets / "vendor" / "cytoscape" / name).read_bytes())
        index = _search_index(self.store, self.assertions, self.labels)
        (assets / "search-index.js").write_text(
            "window.EXOGRAPH_INDEX = " + json.dumps(index, ensure_ascii=False).replace("</", "<\\/") + ";\n",
            encoding="utf-8",
        )
        return self._index() + self._entities() + self._assertions() + self._sources()

    def _index(self) -> int:
        per_source = Counter(a["source"] for a in self.assertions)
        degree = Counter(k for a in self.assertions for k in (a["regulator"], a["target"]))
        by_kind: dict[str, list[str]] = defaultdict(list)
        for e in self.store.entities():
            by_kind[e["kind"]].append(e["key"])
        self.page(
            "index.html",
            "index.html",
            title="exograph",
            counts={"assertions": len(self.assertions), "entities": len(self.labels)},
            sources=sorted(self.sources.values(), key=lambda s: s["id"]),
            per_source=per_source,
            hubs=degree.most_common(15),
            labels=self.labels,
            by_kind=sorted(
                (kind, sorted(keys, key=lambda k: self.labels[k].casefold())) for kind, keys in by_kind.items()
            ),
        )
        return 1

    def _entities(self) -> int:
        count = 0
        for e in self.store.entities():
            key = e["key"]
            drawn = self.upstream[key] or self.downstream[key]
            diagram = neighbourhood(self.store, key) if drawn else None
            related = [
                (name, values)
                for name, values in (
                    ("broader", e["broader"]),
                    ("members", e.get("members", [])),
                    ("variant of", [e["parent"]] if e["parent"] else []),
                )
                if values
            ]
            self.page(
                f"entity/{key}.html",
                "entity.html",
                title=e["label"],
                entity=e,
                curie_url=iri(e["curie"]),
                related=related,
                labels=self.labels,
                contexts=self.contexts,
                upstream=self.upstream[key],
                downstream=self.downstream[key],
                context_of=self.context_of[key],
                network=network(diagram) if diagram else None,
                omitted=diagram.omitted if diagram else [],
            )
            count += 1
        return count

    def _assertions(self) -> int:
        for a in self.assertions:
            self.page(
                f"assertion/{a['id']}.html",
                "assertion.html",
                title=a["id"],
                a=a,
                labels=self.labels,
                context=self.contexts[a["id"]],
                citation=_citation(self.sources[a["source"]]),
            )
        return len(self.assertions)

    def _sources(self) -> int:
        for sid, s in self.sources.items():
            rows = [a for a in self.assertions if a["source"] == sid]
            sections = Counter(ev["section"] for a in rows for ev in a["evidence"])
            self.page(
                f"source/{sid}.html",
                "source.html",
                title=s["title"],
                s=s,
                rows=rows,
                labels=self.labels,
                contexts=self.contexts,
                sections=sorted(sections.items(), key=lambda item: (-item[1], item[0])),
                cargo=sum(a["exosomal_cargo"] for a in rows),
                hypotheses=sum(a["hypothesis"] for a in rows),
                negated=sum(a["negated"] for a in rows),
            )
        return len(self.sources)


def build_site(store: Store, folder: Path) -> int:
    """Write the site into ``folder`` in one step; returns the number of pages.

    Like a folder export, the site is built beside the target and moved into place only
    when complete, with a manifest of what it wrote: it replaces only a site exograph
    built before and nobody changed since (:mod:`exograph.export.target` says why not).
    """
    from exograph.atomic import atomic_path
    from exograph.export.target import ExportTargetError, check_target, foreign_files, write_manifest

    check_target(folder, SITE, directory=True, root=store.root)
    try:
        with atomic_path(
            folder, directory=True, make_parents=False, replace_folder=lambda old: not foreign_files(old, SITE)
        ) as tmp:
            pages = _Site(store, tmp).build()
            write_manifest(tmp, SITE)
    except OSError as exc:
        raise ExportTargetError(f"cannot write '{folder}': {exc.strerror or exc}") from exc
    return pages
