"""SPARQL over the curation: an embedded pyoxigraph store, and publishing to a triple-store server."""
