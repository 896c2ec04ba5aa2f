"""Regenerate the prefix map the exporters ship in exograph/export/data/prefixes.json.

    python scripts/make_export_data.py prefixes             # from the installed bioregistry + biolink-model
    python scripts/make_export_data.py id-prefixes          # Biolink's id_prefixes of every category used

Run once when the map must change; the tests check it against the installed bioregistry.
"""

from __future__ import annotations

import json
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
    ("clo", "CLO"),
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


def id_prefixes() -> dict[str, Any]:
    """Biolink's ``id_prefixes`` for each category the exporters write (``[]``: Biolink lists none)."""
    from importlib.resources import files

    import yaml

    sys.path.insert(0, str(DATA.parent.parent.parent))
    from exograph.export.biolink import CATEGORY, EXTRA_CATEGORIES

    schema = yaml.safe_load((files("biolink_model") / "schema" / "biolink_model.yaml").read_text(encoding="utf-8"))
    by_camel = {"".join(w[:1].upper() + w[1:] for w in name.split(" ")): c for name, c in schema["classes"].items()}
    used = sorted({*CATEGORY.values(), *EXTRA_CATEGORIES})
    return {
        "generated_from": {"biolink-model": metadata.version("biolink-model")},
        "id_prefixes": {name: list(dict.fromkeys(by_camel[name].get("id_prefixes") or [])) for name in used},
    }


def main() -> None:
    makers = {"prefixes": ("prefixes.json", prefix_records), "id-prefixes": ("biolink_id_prefixes.json", id_prefixes)}
    if len(sys.argv) != 2 or sys.argv[1] not in makers:
        sys.exit("usage: python scripts/make_export_data.py prefixes|id-prefixes")
    name, make = makers[sys.argv[1]]
    path = DATA / name
    path.write_text(json.dumps(make(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
