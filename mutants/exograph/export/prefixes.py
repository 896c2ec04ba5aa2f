"""One prefix map for every exporter: CURIEs as Biolink writes them, IRIs as Bioregistry knows them.

The map is a small extract (``data/prefixes.json``) generated once by
``scripts/make_export_data.py`` from the Bioregistry and Biolink-model packages and shipped, so
an export never depends on what happens to be installed; ``tests/export/test_prefixes.py`` checks
that it still matches the Bioregistry in the test extra. The curation's own spellings
(``MIRBASE``, ``UniProt``) are kept as synonyms, so records need no rewriting.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any, Final
from urllib.parse import quote, urlsplit

import curies

from exograph.curation.vocab import LOCAL_NAMESPACE, LOCAL_PREFIX

#: Where exograph's own instance data (assertions, sources, local entities) lives unless told otherwise.
DEFAULT_BASE: Final = LOCAL_NAMESPACE
#: exograph's vocabulary (``exo:``) is fixed, whatever base the data is published under (``data/vocab.ttl``).
VOCAB: Final = LOCAL_NAMESPACE + "vocab/"
#: Characters a local id keeps as they are; everything else is percent-encoded. This keeps a legal
#: SICI DOI such as ``10.1002/(SICI)1097-4636(199706)35:4<425::AID-JBM3>3.0.CO;2-#`` a valid IRI.
_SAFE: Final = "/:()._-~+,=@!$*'"


class BadBase(ValueError):
    """A base IRI that cannot prefix exograph's IRIs."""


def check_base(base: str) -> str:
    """``base`` when it is an absolute http(s) IRI ending in ``/`` or ``#``."""
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc or not base.endswith(("/", "#")):
        raise BadBase(f"base IRI {base!r} must be an absolute http(s) IRI ending in '/' or '#', e.g. {DEFAULT_BASE}")
    if any(c in base for c in ' <>"{}|^`\\'):
        raise BadBase(f"base IRI {base!r} holds a character that IRIs do not allow")
    return base


def _records() -> list[dict[str, Any]]:
    data = json.loads((files("exograph.export") / "data" / "prefixes.json").read_text(encoding="utf-8"))
    return [{k: v for k, v in r.items() if k != "pattern"} for r in data["records"]]


@cache
def converter(base: str = DEFAULT_BASE) -> curies.Converter:
    """The shipped prefix map, plus ``exograph:`` for local entities under ``base``."""
    records = [*_records(), {"prefix": LOCAL_PREFIX, "uri_prefix": check_base(base) + "entity/"}]
    return curies.Converter.from_extended_prefix_map(records)


def standard_curie(curie: str) -> str:
    """``curie`` with the prefix Biolink expects (``MIRBASE:MI0000077`` -> ``mirbase:MI0000077``)."""
    prefix, _, local = curie.partition(":")
    return f"{converter().standardize_prefix(prefix, strict=True)}:{local}"


def iri(curie: str, base: str = DEFAULT_BASE) -> str:
    """The IRI of ``curie``, its local id percent-encoded where IRIs need it."""
    prefix, _, local = curie.partition(":")
    return converter(base).expand_pair(prefix, quote(local, safe=_SAFE), strict=True)


def doi_iri(doi: str) -> str:
    return iri(f"doi:{doi}")


def namespaces(base: str = DEFAULT_BASE) -> dict[str, str]:
    """Prefix -> namespace for writers that abbreviate IRIs (Turtle, JSON-LD)."""
    found = dict(converter(base).bimap)
    found.update({"exo": VOCAB, "assertion": check_base(base) + "assertion/"})
    return dict(sorted(found.items()))
