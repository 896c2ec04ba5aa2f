"""JSON Schemas of the curation files, generated from the models, for editors.

The committed copies under ``schema/`` are checked against the models by the
tests, so an editor's schema never drifts from what ``exograph validate`` accepts.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from exograph.atomic import check_replaceable, write_atomic
from exograph.curation.models import AssertionFile, EntityFile, Source

SCHEMAS: dict[str, type[BaseModel]] = {
    "assertions.schema.json": AssertionFile,
    "entities.schema.json": EntityFile,
    "source.schema.json": Source,
}


def render(model: type[BaseModel]) -> str:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_schemas(folder: Path, write: bool) -> list[Path]:
    """Schemas that differ from the models (all of them rewritten when ``write``)."""
    stale = []
    for name, model in SCHEMAS.items():
        path = folder / name
        check_replaceable(path)  # before reading: a pipe there would block, a link is never replaced
        text = render(model)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
            if write:
                folder.mkdir(parents=True, exist_ok=True)
                write_atomic(path, text)
    return stale
