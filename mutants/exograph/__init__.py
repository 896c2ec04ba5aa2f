"""exograph: a hand-curated knowledge graph of the mechanisms that regulate exosomes in cancer.

``exograph.load()`` opens the curation for questions from Python (see ``exograph.api`` and
docs/api.md). This module stays import-light: the command line imports it on every call.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from exograph.api import KnowledgeGraph

__version__ = "0.1.0"


def load(root: str | Path | None = None) -> KnowledgeGraph:
    """The compiled knowledge of a curation root (default: the checkout you stand in, else the shipped one)."""
    from exograph.api import load as open_graph

    return open_graph(root)
