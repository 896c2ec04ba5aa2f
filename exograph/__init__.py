"""exograph: a hand-curated knowledge graph of the mechanisms that regulate exosomes in cancer."""

__version__ = "0.1.0"
