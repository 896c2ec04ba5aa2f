"""Regenerate the small tables the RDF exporter ships in exograph/export/data/.

    python scripts/make_export_data.py prefixes             # from the installed bioregistry + biolink-model
    python scripts/make_export_data.py ro PATH/TO/ro.owl    # RO release (CC0), github.com/oborel/obo-relations
    python scripts/make_export_data.py eco PATH/TO/eco.obo  # ECO release (CC0), github.com/evidenceontology

Run once when a table must change; the tests check the prefix map against the installed
bioregistry and the exporter's RO and ECO ids and labels against the committed extracts.
"""

from __future__ import annotations

import json
import re
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "exograph" / "export" / "data"

#: (bioregistry prefix, the prefix exograph's curation writes, if it differs from the output one)
PREFIXES = (
    ("hgnc", "HGNC"),
    ("fplx", "FPLX"),
    ("go", "GO"),
    ("chebi", "CHEBI"),
    ("mondo", "MONDO"),
    ("doid", "DOID"),
    ("mesh", "MESH"),
    ("mirbase", "MIRBASE"),
    ("cl", "CL"),
    ("cellosaurus", "CVCL"),
    ("ncbitaxon", "NCBITaxon"),
    ("uberon", "UBERON"),
    ("efo", "EFO"),
    ("uniprot", "UniProt"),
    ("doi", None),
    ("pubmed", None),
    ("pmc", None),
    ("ro", None),
    ("eco", None),
    ("bfo", None),
    ("infores", None),
    ("biolink", None),
    ("rdf", None),
    ("rdfs", None),
    ("xsd", None),
    ("owl", None),
    ("skos", None),
    ("dcterms", None),
    ("dcat", None),
    ("prov", None),
    ("pav", None),
    ("sh", None),
)
#: Bioregistry resources whose exported CURIE prefix Biolink writes as it is (no entry in its map).
_SEPARATORS = ("/", "_", "#", ":", "=")


def _biolink_map() -> dict[str, str]:
    from importlib.resources import files

    path = files("biolink_model") / "prefixmaps" / "biolink-model-prefix-map.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def prefix_records() -> dict[str, Any]:
    """One curies record per prefix: Biolink's CURIE prefix and IRI where Bioregistry knows that IRI."""
    import bioregistry

    biolink = _biolink_map()
    by_folded = {k.casefold(): k for k in biolink}
    records = []
    for name, curated in PREFIXES:
        resource = bioregistry.get_resource(name)
        assert resource is not None, name
        known = set(resource.get_uri_prefixes() or ())
        synonyms = {name, resource.prefix, *(resource.synonyms or ()), *([curated] if curated else [])}
        if resource.get_preferred_prefix():
            synonyms.add(resource.get_preferred_prefix())
        biolink_prefix = next((by_folded[s.casefold()] for s in sorted(synonyms) if s.casefold() in by_folded), None)
        prefix = biolink_prefix or resource.get_preferred_prefix() or curated or resource.prefix
        candidates = []
        if biolink_prefix:
            uri = biolink[biolink_prefix]
            candidates += [uri, uri + "/"]
        candidates.append(resource.get_uri_prefix())
        uri_prefix = next(c for c in candidates if c and c in known and c.endswith(_SEPARATORS))
        records.append(
            {
                "prefix": prefix,
                "uri_prefix": uri_prefix,
                "prefix_synonyms": sorted(s for s in {curated, name} if s and s != prefix),
                "pattern": resource.get_pattern(),
            }
        )
    return {
        "generated_from": {
            "bioregistry": metadata.version("bioregistry"),
            "biolink-model": metadata.version("biolink-model"),
        },
        "records": records,
    }


def ro_extract(path: Path) -> dict[str, Any]:
    """Labels, super-properties and named domains/ranges of every RO relation the exporter uses."""
    import rdflib
    from rdflib.namespace import OWL, RDFS

    from exograph.export.relations import RO

    obo = "http://purl.obolibrary.org/obo/"
    graph = rdflib.Graph().parse(path)
    version = str(next(graph.objects(None, OWL.versionIRI)))

    def curie(node: Any) -> str:
        return str(node).removeprefix(obo).replace("_", ":", 1)

    def named(node: Any, predicate: Any) -> list[str]:
        return sorted(curie(o) for o in graph.objects(node, predicate) if isinstance(o, rdflib.URIRef))

    properties: dict[str, Any] = {}
    todo = [rdflib.URIRef(obo + c.replace(":", "_")) for c in RO.values()]
    while todo:
        node = todo.pop()
        if curie(node) in properties:
            continue
        parents = named(node, RDFS.subPropertyOf)
        properties[curie(node)] = {
            "label": str(graph.value(node, RDFS.label)),
            "parents": parents,
            "domain": named(node, RDFS.domain),
            "range": named(node, RDFS.range),
        }
        todo += [rdflib.URIRef(obo + p.replace(":", "_")) for p in parents]
    classes = {}
    for cls in ("BFO:0000001", "BFO:0000002", "BFO:0000003", "BFO:0000004", "BFO:0000015", "BFO:0000040"):
        node = rdflib.URIRef(obo + cls.replace(":", "_"))
        classes[cls] = {
            "label": str(graph.value(node, RDFS.label)),
            "parents": named(node, RDFS.subClassOf),
            "disjoint": named(node, OWL.disjointWith),
        }
    return {"source": version, "licence": "CC0 1.0 (RO-LICENSE.txt)", "properties": properties, "classes": classes}


def eco_extract(path: Path) -> dict[str, Any]:
    """Label and direct parents of every ECO class the exporter uses."""
    from exograph.export.evidence import ECO

    text = path.read_text(encoding="utf-8")
    version = re.search(r"^data-version: (.*)$", text, re.MULTILINE)
    terms = {}
    for block in text.split("\n\n"):
        found = re.search(r"^id: (ECO:\d+)$", block, re.MULTILINE)
        if found and found.group(1) in ECO.values():
            name = re.search(r"^name: (.*)$", block, re.MULTILINE)
            terms[found.group(1)] = {
                "label": name.group(1) if name else "",
                "parents": re.findall(r"^is_a: (ECO:\d+)", block, re.MULTILINE),
            }
    return {"source": version.group(1) if version else "", "licence": "CC0 1.0 (ECO-LICENSE.txt)", "terms": terms}


def main() -> None:
    what = sys.argv[1]
    if what == "prefixes":
        table, name = prefix_records(), "prefixes.json"
    elif what == "ro":
        table, name = ro_extract(Path(sys.argv[2])), "ro.json"
    else:
        table, name = eco_extract(Path(sys.argv[2])), "eco.json"
    (DATA / name).write_text(json.dumps(table, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {DATA / name}")


if __name__ == "__main__":
    main()
