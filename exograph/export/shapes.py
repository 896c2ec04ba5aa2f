"""What the RDF export promises, in machine-checkable form.

``data/shapes.ttl`` holds SHACL shapes (run them with pySHACL or any SHACL engine); the checks
below need joins across nodes that SHACL Core cannot say, or that pySHACL's engine runs slowly
on a large graph, so they are SPARQL SELECTs returning one row per violation, run on pyoxigraph.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Final

import pyoxigraph

from exograph.export.biolink import ASSOCIATIONS, MAPPING_ONLY

DATA = files("exograph.export") / "data"
SHAPES: Final = Path(str(DATA / "shapes.ttl"))
VOCABULARY: Final = Path(str(DATA / "vocab.ttl"))

_PREFIXES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX biolink: <https://w3id.org/biolink/vocab/>
PREFIX exo: <https://w3id.org/exograph/vocab/>
"""

_QUALIFIERS: Final = (
    "qualified_predicate",
    "object_aspect_qualifier",
    "object_direction_qualifier",
    "causal_mechanism_qualifier",
    "anatomical_context_qualifier",
    "disease_context_qualifier",
)


def _qualifier_check(slot: str) -> str:
    """Associations carrying ``slot`` although no Biolink class they are typed with holds it."""
    holders = sorted(
        name for name, slots in ASSOCIATIONS.items() if slot in slots | MAPPING_ONLY.get(name, frozenset())
    )
    values = " ".join(f"biolink:{name}" for name in holders)
    return f"""
SELECT ?association WHERE {{
  ?association biolink:{slot} ?q .
  FILTER NOT EXISTS {{ ?association a ?class . VALUES ?class {{ {values} }} }}
}}"""


#: name -> SELECT of the offending nodes (an empty answer means the promise holds).
SPARQL_CHECKS: Final[dict[str, str]] = {
    **{
        f"{slot} on an association whose Biolink class does not hold it": _qualifier_check(slot) for slot in _QUALIFIERS
    },
    "plain RO triple without an asserted, non-negated association behind it": """
SELECT ?s ?p ?o WHERE {
  ?s ?p ?o .
  FILTER(STRSTARTS(STR(?p), "http://purl.obolibrary.org/obo/RO_"))
  FILTER NOT EXISTS {
    ?association rdf:subject ?s ; biolink:original_predicate ?p ; rdf:object ?o ;
                 biolink:negated false ; exo:hypothesis false ; exo:scope "biology" .
  }
}""",
    "hypothesis, negated, engineered or method claim stated as a plain triple": """
SELECT ?association WHERE {
  ?association rdf:subject ?s ; biolink:original_predicate ?p ; rdf:object ?o .
  { ?association exo:hypothesis true } UNION { ?association biolink:negated true }
  UNION { ?association exo:scope ?scope FILTER(?scope != "biology") }
  ?s ?p ?o .
  FILTER NOT EXISTS {
    ?other rdf:subject ?s ; biolink:original_predicate ?p ; rdf:object ?o ; biolink:negated false ;
           exo:hypothesis false ; exo:scope "biology" .
  }
}""",
    "association whose rdf:predicate is not a Biolink predicate": """
SELECT ?association ?p WHERE {
  ?association a biolink:Association ; rdf:predicate ?p .
  FILTER(!STRSTARTS(STR(?p), STR(biolink:)))
}""",
    "blank node": """
SELECT ?s WHERE { { ?s ?p ?o FILTER(isBlank(?s)) } UNION { ?x ?p ?s FILTER(isBlank(?s)) } }""",
}


def sparql_violations(store: pyoxigraph.Store) -> dict[str, list[str]]:
    """Each SPARQL check that finds something, with the offending rows (at most 20 each)."""
    found: dict[str, list[str]] = {}
    for name, query in SPARQL_CHECKS.items():
        rows = store.query(_PREFIXES + query + " LIMIT 20")
        assert isinstance(rows, pyoxigraph.QuerySolutions)
        listed = [" ".join(str(value) for value in row) for row in rows]
        if listed:
            found[name] = listed
    return found
