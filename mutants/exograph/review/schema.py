"""The JSON Schema of ``exograph diff --format json``, committed as ``schema/diff.schema.json``.

Regenerate with ``python -m exograph.review.schema`` (``--check`` changes
nothing and exits 1 when the committed file is stale); the tests check it is current.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from exograph.atomic import write_atomic
from exograph.review.model import Report

SCHEMA_FILE = Path("schema") / "diff.schema.json"


def render() -> str:
    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def stale(path: Path, write: bool) -> bool:
    """Whether ``path`` differs from the model (rewritten when ``write``)."""
    text = render()
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    if write:
        write_atomic(path, text)
    return True


if __name__ == "__main__":
    check = "--check" in sys.argv[1:]
    if stale(SCHEMA_FILE, write=not check):
        print(f"{'stale' if check else 'wrote'} {SCHEMA_FILE}")
        sys.exit(1 if check else 0)
