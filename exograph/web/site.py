"""A static website of the whole curation: a page per entity, assertion and source, search and downloads.

Every URL is stable (``entity/<key>.html``, ``assertion/<id>.html``,
``source/<id>.html``) because keys and ids are curator-assigned and never
reused, and each entity and assertion page has its record beside it as JSON
(``entity/<key>.json``: the fields of ``exograph show --format json``), so a
script can read the site without a server. Pages need nothing from the
internet: the network views use the vendored cytoscape.js, and the search index
is a script, not a fetched file, so the site also works opened straight from disk.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

from exograph.compiled.records import AssertionRecord, SourceRecord, filter_context
from exograph.compiled.store import Store
from exograph.curation.vocab import CONTEXT_LIST_FIELDS
from exograph.export.prefixes import iri
from exograph.query.filters import FILTER_KINDS, PERTURBATION_CLASSES
from exograph.query.neighbours import Filters
from exograph.query.text import context_text
from exograph.reason.explain import citation
from exograph.web import showcase
from exograph.web.diagram import neighbourhood
from exograph.web.pages import environment, network
from exograph.web.words import caption, claim, displays, plain

#: The name a site's manifest records, as an export's records its format.
SITE = "site"
#: The filters of an entity or source page: facet, title, and where its values come from.
FACETS = (
    ("diseases", "Disease"),
    ("cell_lines", "Cell line"),
    ("cell_types", "Cell type"),
    ("conditions", "Condition"),
    ("donors", "Donor"),
    ("recipients", "Recipient"),
    ("system", "System"),
    ("perturbation", "Perturbation"),
    ("sign", "Sign"),
    ("cargo", "Exosomal cargo"),
    ("hypothesis", "Hypothesis"),
    ("negated", "Negated"),
    ("source", "Source"),
)
#: The context facets and the query filter each one is (``--cell-type`` …): a value is offered for a row
#: exactly when that filter, given the value, keeps the row (its fields, narrower terms, kinds).
_FILTER_OF = {
    "diseases": "disease",
    "cell_lines": "cell_line",
    "cell_types": "cell_type",
    "conditions": "condition",
    "donors": "donor",
    "recipients": "recipient",
}
#: Facets shown as a tree of broader and narrower values.
_TREES = frozenset(_FILTER_OF)
#: File name of each export format on the downloads page (a folder format is zipped).
_SUFFIX = {"turtle": "ttl", "indra": "indra.json", "json": "json", "signor": "signor.tsv", "omnipath": "omnipath.tsv"}


def source_links(s: SourceRecord) -> list[tuple[str, str]]:
    """A source's resolvable identifiers: DOI, PubMed, PubMed Central."""
    links = []
    if s["doi"]:
        links.append((f"doi:{s['doi']}", f"https://doi.org/{s['doi']}"))
    if s.get("pmid"):
        links.append((f"PMID:{s['pmid']}", f"https://pubmed.ncbi.nlm.nih.gov/{s['pmid']}/"))
    if s.get("pmcid"):
        links.append((str(s["pmcid"]), f"https://www.ncbi.nlm.nih.gov/pmc/articles/{s['pmcid']}/"))
    return links


class _Site:
    def __init__(self, store: Store, folder: Path) -> None:
        self.store = store
        self.folder = folder
        self.env = environment()
        self.assertions = list(store.assertions())
        self.sources = store.sources()
        self.entities = {e["key"]: e for e in store.entities()}
        self.lines = store.line_diseases()
        self.names = displays(self.entities.values())
        self.kinds = {k: e["kind"] for k, e in self.entities.items()}
        self.citations = {sid: citation(s, sid) for sid, s in self.sources.items()}
        self.contexts = {a["id"]: context_text(a, self.names) for a in self.assertions}
        self.ancestors = self._ancestors()
        self.facets = {a["id"]: self._facets(a) for a in self.assertions}
        self.upstream: dict[str, list[AssertionRecord]] = defaultdict(list)
        self.downstream: dict[str, list[AssertionRecord]] = defaultdict(list)
        self.context_of: dict[str, list[AssertionRecord]] = defaultdict(list)
        #: The showcase path pages written: URL, title, what they show.
        self.paths: list[tuple[str, str, str]] = []
        for a in self.assertions:
            self.upstream[a["target"]].append(a)
            self.downstream[a["regulator"]].append(a)
            for name in CONTEXT_LIST_FIELDS:
                for key in a["context"].get(name, []):
                    self.context_of[key].append(a)

    def _ancestors(self) -> dict[str, list[str]]:
        """Each entity and everything broader than it, so a filter on "cancer" keeps its subtypes."""
        found: dict[str, list[str]] = {}

        def up(key: str, seen: tuple[str, ...] = ()) -> list[str]:
            if key not in found:
                out = [key]
                for parent in self.entities.get(key, {}).get("broader", []):  # type: ignore[call-overload]
                    if parent not in seen:
                        out += [p for p in up(parent, (*seen, key)) if p not in out]
                found[key] = out
            return found[key]

        for key in self.entities:
            up(key)
        return found

    def _facets(self, a: AssertionRecord) -> dict[str, list[str]]:
        """The values each filter of a page matches for ``a``, as the query filters match them: a cell type
        also in the cell lines, donors and recipients, each value with everything broader of the filter's kinds
        (choosing "fibroblast" keeps CAF donors), a perturbation with its class (loss or gain of function)."""
        context = filter_context(a, self.lines)
        fields = dict(Filters.FIELDS)
        facets = {}
        for facet, option in _FILTER_OF.items():
            stated = (k for f in fields[option] for k in context.get(f, []))
            broader = (k for key in stated for k in self.ancestors.get(key, [key]))
            facets[facet] = list(dict.fromkeys(k for k in broader if self.kinds.get(k) in FILTER_KINDS[option]))
        facets["system"] = [context["system"]] if context.get("system") else []
        done = context.get("perturbations", [])
        classes = [name for name, members in PERTURBATION_CLASSES.items() if members & set(done)]
        facets["perturbation"] = [*done, *classes]
        facets["sign"] = ["negated" if a["negated"] else a["direction"]]
        facets["cargo"] = ["yes" if a["exosomal_cargo"] else "no"]
        facets["hypothesis"] = ["yes" if a["hypothesis"] else "no"]
        facets["negated"] = ["yes" if a["negated"] else "no"]
        facets["source"] = [a["source"]]
        return facets

    def _filter_options(self, rows: list[AssertionRecord]) -> list[tuple[str, str, list[tuple[str, str, int]]]]:
        """The choices each filter offers for these rows: only values present, diseases as a tree."""
        options = []
        for name, title in FACETS:
            values = list(dict.fromkeys(v for a in rows for v in self.facets[a["id"]][name]))
            if (len(values) < 2 and name not in ("diseases",)) or not values:
                continue
            if name in _TREES:
                depth = {v: len(self.ancestors.get(v, [v])) - 1 for v in values}
                choices = [(v, self.names.get(v, v), depth[v]) for v in _tree(values, self.ancestors, self.names)]
            elif name == "source":
                choices = [(v, self.citations.get(v, v), 0) for v in sorted(values)]
            elif name == "sign":
                words = {"increases": "increases", "decreases": "decreases", "regulates": "unsigned",
                         "negated": "no change (negated)"}  # fmt: skip
                choices = [(v, words[v], 0) for v in sorted(values)]
            elif name in ("system", "perturbation"):
                choices = [(v, v.replace("_", " "), 0) for v in sorted(values)]
            elif name in ("cargo", "hypothesis", "negated"):
                choices = [(v, v, 0) for v in sorted(values, reverse=True)]
            else:
                choices = [(v, self.names.get(v, v), 0) for v in sorted(values, key=lambda k: self.names.get(k, k))]
            options.append((name, title, choices))
        return options

    def page(self, relative: str, template: str, **values: Any) -> None:
        path = self.folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        base = "../" * relative.count("/")
        html = self.env.get_template(template).render(base=base, inline_assets=None, **values)
        path.write_text(html, encoding="utf-8")

    def json(self, relative: str, record: Any) -> None:
        (self.folder / relative).write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    def build(self, downloads: bool) -> int:
        assets = self.folder / "assets"
        assets.mkdir(parents=True)
        source_assets = resources.files("exograph.web") / "assets"
        for name in ("site.css", "site.js"):
            (assets / name).write_text((source_assets / name).read_text(encoding="utf-8"), encoding="utf-8")
        vendor = assets / "vendor" / "cytoscape"
        vendor.mkdir(parents=True)
        for name in ("cytoscape.min.js", "LICENSE", "SOURCE"):
            (vendor / name).write_bytes((source_assets / "vendor" / "cytoscape" / name).read_bytes())
        (assets / "search-index.js").write_text(
            "window.EXOGRAPH_INDEX = "
            + json.dumps(self._search_index(), ensure_ascii=False).replace("</", "<\\/")
            + ";\n",
            encoding="utf-8",
        )
        pages = self._paths() + self._index() + self._entities() + self._assertions() + self._sources()
        (self.folder / "api").mkdir()
        self.json(
            "api/index.json",
            {
                "entities": {k: f"entity/{k}.json" for k in self.entities},
                "assertions": {a["id"]: f"assertion/{a['id']}.json" for a in self.assertions},
            },
        )
        return pages + self._downloads(downloads)

    def _search_index(self) -> list[dict[str, Any]]:
        """Entities by every name; assertions by their claim, id and quotes, saying their sign and source."""
        index: list[dict[str, Any]] = [
            {
                "l": self.names[k],
                "k": e["kind"].replace("_", " "),
                "u": f"entity/{k}.html",
                "n": list(dict.fromkeys([self.names[k], e["label"], k, e["curie"], *e["synonyms"]])),
            }
            for k, e in self.entities.items()
        ]
        words = {"increases": "increases", "decreases": "decreases", "regulates": "unsigned"}
        index += [
            {
                "l": claim(a, self.names, self.kinds, self.sources),
                "k": "assertion · "
                + ("no change" if a["negated"] else words[a["direction"]])
                + (" · hypothesis" if a["hypothesis"] else "")
                + f" · {self.citations[a['source']]}",
                "u": f"assertion/{a['id']}.html",
                "n": [a["id"], self.names[a["regulator"]], self.names[a["target"]], a["aspect"].replace("_", " ")],
                "q": " ".join(plain(ev["quote"]) for ev in a["evidence"]),
            }
            for a in self.assertions
        ]
        return index

    def _index(self) -> int:
        per_source = Counter(a["source"] for a in self.assertions)
        degree = Counter(k for a in self.assertions for k in (a["regulator"], a["target"]))
        by_kind: dict[str, list[str]] = defaultdict(list)
        for key, e in self.entities.items():
            by_kind[e["kind"]].append(key)
        self.page(
            "index.html",
            "index.html",
            title="",
            counts={"assertions": len(self.assertions), "entities": len(self.entities)},
            sources=sorted(self.sources.values(), key=lambda s: s["id"]),
            per_source=per_source,
            hubs=degree.most_common(15),
            paths=self.paths,
            labels=self.names,
            by_kind=sorted(
                (kind, sorted(keys, key=lambda k: self.names[k].casefold())) for kind, keys in by_kind.items()
            ),
        )
        return 1

    def _paths(self) -> int:
        """A page per showcase question (:mod:`exograph.web.showcase`) the curation can answer."""
        from exograph.api import KnowledgeGraph
        from exograph.web.dot import GraphvizMissing, render_bytes
        from exograph.web.pages import edge_data, passage_data, transfer_data

        graph = KnowledgeGraph(self.store)
        records = {a["id"]: a for a in self.assertions}
        links = {sid: source_links(s) for sid, s in self.sources.items()}
        for show in showcase.SHOWCASES:
            found = showcase.ask(graph, show)
            if found is None:
                continue
            title = showcase.title(show, found)
            diagram = showcase.picture(self.store, show, found)
            try:
                svg = render_bytes(diagram, "svg").decode("utf-8")
            except GraphvizMissing:
                svg = ""
            cut = found.query.cut
            found_text = f"{len(found.chains)} chain{'s' if len(found.chains) != 1 else ''}, best-ranked first"
            if cut:
                found_text += f"; {'at least ' if not found.query.complete else ''}{cut} more not shown"
            self.page(
                f"path/{show.slug}.html",
                "path.html",
                title=title,
                show=show,
                start=found.query.subject,
                found_text=found_text + ".",
                svg=svg[svg.find("<svg") :] if svg else "",
                edges={f"e-{e.id}": edge_data(e) for e in diagram.edges}
                | {t.id: transfer_data(t, diagram) for t in diagram.transfers}
                | {p.id: passage_data(p) for p in diagram.passages},
                chains=showcase.chains(found, records, self.sources, self.names, self.kinds),
                citations=self.citations,
                source_links=links,
                facets=self.facets,
                filter_options=self._filter_options(
                    [records[i] for i in dict.fromkeys(i for c in found.chains for i in c.assertion_ids)]
                ),
            )
            self.paths.append((f"path/{show.slug}.html", title, show.why))
        return len(self.paths)

    def _entities(self) -> int:
        from exograph.api import KnowledgeGraph

        graph = KnowledgeGraph(self.store)
        for key, e in self.entities.items():
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
            rows = self.upstream[key] + self.downstream[key] + self.context_of[key]
            self.page(
                f"entity/{key}.html",
                "entity.html",
                title=self.names[key],
                json_url=f"{key}.json",
                entity=e,
                curie_url=iri(e["curie"]),
                related=related,
                labels=self.names,
                contexts=self.contexts,
                facets=self.facets,
                citations=self.citations,
                upstream=self.upstream[key],
                downstream=self.downstream[key],
                context_of=self.context_of[key],
                total=len({a["id"] for a in rows}),
                filter_options=self._filter_options(rows),
                claims=graph.summary(key).claims if drawn else (),
                network=network(diagram) if diagram else None,
                omitted=diagram.omitted if diagram else [],
            )
            self.json(f"entity/{key}.json", e)
        return len(self.entities)

    def _assertions(self) -> int:
        for a in self.assertions:
            source = self.sources[a["source"]]
            links = source_links(source)
            full = f"{', '.join(source['authors'][:3])}{' et al.' if len(source['authors']) > 3 else ''}"
            full += f" ({source['year']}). {source['title']}." if source["year"] else f". {source['title']}."
            full += f" {source['journal']}." if source["journal"] else ""
            full += "".join(f" {label}." for label, _ in links)
            self.page(
                f"assertion/{a['id']}.html",
                "assertion.html",
                title=claim(a, self.names, self.kinds, self.sources),
                json_url=f"{a['id']}.json",
                heading=claim(a, self.names, self.kinds, self.sources),
                caption=caption(a, self.names, self.kinds, self.sources),
                a=a,
                labels=self.names,
                context=self.contexts[a["id"]],
                citation=self.citations[a["source"]],
                citation_full=full,
                source_links=links,
            )
            self.json(f"assertion/{a['id']}.json", a)
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
                labels=self.names,
                contexts=self.contexts,
                facets=self.facets,
                citations=self.citations,
                citation=self.citations[sid],
                source_links=source_links(s),
                filter_options=self._filter_options(rows),
                sections=sorted(sections.items(), key=lambda item: (-item[1], item[0])),
                cargo=sum(a["exosomal_cargo"] for a in rows),
                hypotheses=sum(a["hypothesis"] for a in rows),
                negated=sum(a["negated"] for a in rows),
            )
        return len(self.sources)

    def _downloads(self, build: bool) -> int:
        """Every export format of the release, each with its SHA-256 (and a SHA256SUMS file)."""
        from exograph.export import EXPORTERS

        folder = self.folder / "downloads"
        folder.mkdir()
        rows = []
        if build:
            for name, exporter in EXPORTERS.items():
                file = f"exograph.{_SUFFIX.get(name, name)}"
                if exporter.directory:
                    exporter.write(self.store, folder / name)
                    shutil.make_archive(str(folder / f"exograph-{name}"), "zip", folder, name)
                    shutil.rmtree(folder / name)
                    file = f"exograph-{name}.zip"
                else:
                    exporter.write(self.store, folder / file)
                data = (folder / file).read_bytes()
                rows.append(
                    {
                        "name": name,
                        "file": file,
                        "description": exporter.description,
                        "size": f"{len(data) / 1024:,.0f} KiB",
                        "sha256": hashlib.sha256(data).hexdigest(),
                    }
                )
        (folder / "SHA256SUMS").write_text("".join(f"{r['sha256']}  {r['file']}\n" for r in rows), encoding="utf-8")
        self.page(
            "downloads.html",
            "downloads.html",
            title="Downloads",
            downloads=rows,
            counts={"assertions": len(self.assertions), "entities": len(self.entities)},
        )
        return 1


def _tree(values: list[str], ancestors: dict[str, list[str]], names: dict[str, str]) -> list[str]:
    """Values ordered as a tree: each under its nearest broader value, siblings by name."""
    present = set(values)
    parent = {v: next((p for p in ancestors.get(v, [v])[1:] if p in present), None) for v in values}
    children: dict[str | None, list[str]] = defaultdict(list)
    for v in values:
        children[parent[v]].append(v)
    order: list[str] = []

    def walk(node: str | None) -> None:
        for child in sorted(children.get(node, []), key=lambda k: names.get(k, k).casefold()):  # type: ignore[union-attr]
            order.append(child)
            walk(child)

    walk(None)
    return order


def build_site(store: Store, folder: Path, *, downloads: bool = True) -> int:
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
            pages = _Site(store, tmp).build(downloads)
            write_manifest(tmp, SITE)
    except OSError as exc:
        raise ExportTargetError(f"cannot write '{folder}': {exc.strerror or exc}") from exc
    return pages
