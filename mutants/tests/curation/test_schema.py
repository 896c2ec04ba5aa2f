from __future__ import annotations

import json

import pytest

from exograph.curation.schema import SCHEMAS, render, write_schemas
from tests.conftest import PROJECT_ROOT


def test_committed_schemas_are_current() -> None:
    stale = write_schemas(PROJECT_ROOT / "schema", write=False)
    assert stale == [], f"stale: {stale}; run 'exograph schema' to regenerate"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schemas_forbid_unknown_fields(name: str) -> None:
    schema = json.loads(render(SCHEMAS[name]))
    assert schema["additionalProperties"] is False
    assert all(
        d.get("additionalProperties") is False for d in schema.get("$defs", {}).values() if d.get("type") == "object"
    )
