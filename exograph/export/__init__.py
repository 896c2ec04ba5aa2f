"""Every export format behind one interface, picked by name from :data:`EXPORTERS`.

An exporter renders the whole store into a temporary path; :func:`Exporter.write`
moves it into place only when rendering succeeded, so a failure never leaves a
half-written file, and checks the target first (:mod:`exograph.export.target`), so an
export never deletes or replaces anything it did not create.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from exograph.atomic import atomic_path
from exograph.compiled.store import Store
from exograph.export.target import ExportTargetError, check_target, foreign_files, write_manifest
from exograph.progress import Progress


@dataclass(frozen=True, slots=True)
class Exporter:
    """A named format: what it is for and how to render it."""

    name: str
    description: str
    render: Callable[..., None]
    directory: bool = False
    #: False for formats with no place for an assertion's context (cell type, disease, condition ...):
    #: their edges read as unconditional, which ``export --list`` says.
    keeps_context: bool = True
    #: The options the renderer takes besides the store and the path (see :data:`OPTIONS`).
    options: frozenset[str] = frozenset()

    def write(self, store: Store, path: Path, **options: str | bool | None) -> None:
        """Render to ``path``; raises :class:`ExportTargetError` (nothing touched) when it cannot.

        ``options`` go to the renderer: the RDF formats take ``base`` and ``release_date``; the formats
        that leave findings out take ``include_negated`` / ``all_scopes`` (see each format's ``options``).
        """
        unknown = set(options) - self.options
        if unknown:
            raise TypeError(f"{self.name} takes no option {', '.join(sorted(unknown))}")
        check_target(path, self.name, self.directory, store.root)
        try:
            with atomic_path(
                path,
                directory=self.directory,
                make_parents=False,
                replace_folder=lambda folder: not foreign_files(folder, self.name),
            ) as tmp:
                with Progress(f"exporting {self.name}: assertions", store.assertion_count()) as progress:
                    store.progress = progress
                    try:
                        self.render(store, tmp, **options)
                    finally:
                        store.progress = None
                if self.directory:
                    write_manifest(tmp, self.name)
        except OSError as exc:
            raise ExportTargetError(f"cannot write '{path}': {exc.strerror or exc}") from exc


def _rdf(fmt: str) -> Callable[..., None]:
    def render(store: Store, path: Path, base: str | None = None, release_date: str | None = None) -> None:
        from exograph.export.rdf import export

        export(store, path, fmt, base, release_date)

    return render


def _lazy(module: str, function: str) -> Callable[..., None]:
    """Import the exporter module only when its format is asked for (start-up time matters)."""

    def render(store: Store, path: Path, **options: str | bool | None) -> None:
        import importlib

        getattr(importlib.import_module(f"exograph.export.{module}"), function)(store, path, **options)

    return render


#: Option name -> what it does, for the formats that take it.
OPTIONS: dict[str, str] = {
    "base": "RDF: the namespace of exograph's own IRIs",
    "release_date": "RDF: the dataset's release date",
    "include_negated": "also write negated findings (left out by default: the format cannot say 'does not')",
    "all_scopes": "also write findings on engineered vesicles and on lab methods (left out by default)",
}
_RDF_OPTIONS = frozenset({"base", "release_date"})
_LEFT_OUT = frozenset({"all_scopes"})

EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter(
            "turtle",
            "RDF Turtle: Biolink associations, RO triples, ECO/PROV-O evidence (triple stores, SPARQL, reasoners)",
            _rdf("turtle"),
            options=_RDF_OPTIONS,
        ),
        Exporter(
            "nt",
            "RDF N-Triples, one triple a line (bulk loading into triple stores, grep, diff)",
            _rdf("nt"),
            options=_RDF_OPTIONS,
        ),
        Exporter(
            "jsonld",
            "RDF JSON-LD, expanded form (JSON tooling, web applications)",
            _rdf("jsonld"),
            options=_RDF_OPTIONS,
        ),
        Exporter("graphml", "GraphML with flat attributes (Cytoscape, Gephi, networkx)", _lazy("tabular", "graphml")),
        Exporter("json", "networkx node-link JSON with every field (scripts)", _lazy("tabular", "node_link")),
        Exporter(
            "tsv", "one row per assertion with labels and context (spreadsheets, pandas)", _lazy("tabular", "tsv")
        ),
        Exporter(
            "sif",
            "Simple Interaction Format (Cytoscape); hypotheses as may_*, negated and engineered/method findings"
            " left out",
            _lazy("tabular", "sif"),
            keeps_context=False,
            options=_LEFT_OUT,
        ),
        Exporter("cx2", "CX2 with the pictures' visual style (Cytoscape, NDEx)", _lazy("cx2", "cx2")),
        Exporter("signor", "signed causal table in SIGNOR columns (spreadsheets, tools)", _lazy("causal", "signor")),
        Exporter(
            "omnipath",
            "OmniPath-style signed interactions (OmnipathR, CARNIVAL); findings stated as fact only",
            _lazy("causal", "omnipath"),
            keeps_context=False,
            options=_LEFT_OUT,
        ),
        Exporter(
            "indra",
            "INDRA Statements JSON with evidence and context (INDRA); negated findings left out unless asked",
            _lazy("indra", "indra"),
            options=_LEFT_OUT | {"include_negated"},
        ),
        Exporter(
            "kgx",
            "KGX nodes and edges, TSV and JSON Lines, on Biolink (knowledge-graph pipelines)",
            _lazy("kgx", "kgx"),
            directory=True,
        ),
    )
}
