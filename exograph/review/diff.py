"""A semantic diff of two curation states, written for a reviewer reading a pull request.

Assertions and entities are matched by their stable ids, so an edit reads as a
change of the fields that changed, not as a removal plus an addition. An
assertion whose id changed but whose content did not is reported as renamed.
"""

from __future__ import annotations

import json
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

from exograph.compiled.build import compile_root
from exograph.layout import Layout, find_root, is_root
from exograph.query.text import ARROWS


@contextmanager
def resolve_side(spec: str | None) -> Iterator[Path]:
    """A curation root for ``spec``: a folder, a git revision of the current checkout, or None (working tree)."""
    if spec is None:
        yield find_root()
        return
    path = Path(spec)
    if path.is_dir():
        if not is_root(path):
            raise ValueError(f"{spec} holds no curation/ and sources/ folders")
        yield path
        return
    repo = find_root()
    try:
        archive = subprocess.run(
            ["git", "archive", "--format=tar", spec, "curation", "sources"], cwd=repo, capture_output=True, check=True
        ).stdout
    except (subprocess.CalledProcessError, FileNotFoundError) as exc:
        raise ValueError(f"'{spec}' is neither a curation folder nor a git revision of {repo}") from exc
    with tempfile.TemporaryDirectory(prefix="exograph-diff-") as tmp:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        yield Path(tmp)


@dataclass(slots=True)
class Changes:
    """Everything that differs, grouped by record type."""

    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    changed: list[dict[str, Any]] = field(default_factory=list)
    renamed: list[dict[str, str]] = field(default_factory=list)
    entities_added: list[dict[str, Any]] = field(default_factory=list)
    entities_removed: list[dict[str, Any]] = field(default_factory=list)
    entities_changed: list[dict[str, Any]] = field(default_factory=list)
    sources_added: list[str] = field(default_factory=list)
    sources_removed: list[str] = field(default_factory=list)
    sources_changed: list[dict[str, Any]] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)

    def empty(self) -> bool:
        return not any(v for k, v in asdict(self).items() if k != "labels")


def _field_changes(old: Mapping[str, Any], new: Mapping[str, Any], skip: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        k: {"old": old.get(k), "new": new.get(k)}
        for k in sorted(set(old) | set(new))
        if k not in skip and old.get(k) != new.get(k)
    }


def _content(a: Mapping[str, Any]) -> str:
    return json.dumps({k: v for k, v in a.items() if k != "id"}, sort_keys=True)


def diff_roots(old_root: Path, new_root: Path) -> Changes:
    """Compile both roots and compare them."""
    old_entities, old_assertions, old_sources = compile_root(Layout(old_root))
    new_entities, new_assertions, new_sources = compile_root(Layout(new_root))
    changes = Changes(labels={k: e["label"] for k, e in {**old_entities, **new_entities}.items()})
    old_by_id = {a["id"]: a for a in old_assertions}
    new_by_id = {a["id"]: a for a in new_assertions}
    gone = {i: a for i, a in old_by_id.items() if i not in new_by_id}
    moved_from = {_content(a): i for i, a in gone.items()}
    for i, a in new_by_id.items():
        if i in old_by_id:
            fields = _field_changes(old_by_id[i], a)
            if fields:
                changes.changed.append({"id": i, "assertion": a, "fields": fields})
        elif _content(a) in moved_from:
            old_id = moved_from.pop(_content(a))
            gone.pop(old_id)
            changes.renamed.append({"old": old_id, "new": i})
        else:
            changes.added.append(dict(a))
    changes.removed = [dict(a) for a in gone.values()]
    changes.entities_added = [dict(e) for k, e in new_entities.items() if k not in old_entities]
    changes.entities_removed = [dict(e) for k, e in old_entities.items() if k not in new_entities]
    for key, e in new_entities.items():
        if key in old_entities and (fields := _field_changes(old_entities[key], e)):
            changes.entities_changed.append({"key": key, "fields": fields})
    changes.sources_added = sorted(set(new_sources) - set(old_sources))
    changes.sources_removed = sorted(set(old_sources) - set(new_sources))
    for sid, s in new_sources.items():
        if sid in old_sources and (fields := _field_changes(old_sources[sid], s)):
            changes.sources_changed.append({"id": sid, "fields": fields})
    return changes


def render_json(changes: Changes) -> str:
    return json.dumps(asdict(changes), indent=2, ensure_ascii=False) + "\n"


def _claim(a: Mapping[str, Any], labels: dict[str, str]) -> str:
    flags = [f for f in ("negated", "hypothesis") if a.get(f)]
    text = (
        f"{labels.get(a['regulator'], a['regulator'])} {ARROWS[a['direction']]} "
        f"{labels.get(a['target'], a['target'])}: {a['direction']} {a['aspect'].replace('_', ' ')}"
    )
    return text + (f" ({', '.join(flags)})" if flags else "")


def _context(a: Mapping[str, Any], labels: dict[str, str]) -> str:
    values: list[str] = [labels.get(str(k), str(k)) for v in a["context"].values() if isinstance(v, list) for k in v]
    if a["context"].get("system"):
        values.append(a["context"]["system"])
    return "; ".join(values) or "-"


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= 80 else text[:77] + "..."


def _evidence_change(change: Mapping[str, Any]) -> str:
    old = {e["quote"] for e in change["old"] or []}
    new = {e["quote"] for e in change["new"] or []}
    parts = [f'+ "{_short(q)}"' for q in sorted(new - old)] + [f'- "{_short(q)}"' for q in sorted(old - new)]
    return "; ".join(parts) or "citations/sections edited"


def render_markdown(changes: Changes) -> str:
    """A pull-request comment: a summary line, then one table or list per kind of change."""
    labels = changes.labels
    if changes.empty():
        return "No semantic changes to the curation.\n"
    out = [
        "## exograph curation diff",
        "",
        f"Assertions: **+{len(changes.added)}** added, **-{len(changes.removed)}** removed, "
        f"**~{len(changes.changed)}** changed, {len(changes.renamed)} renamed. "
        f"Entities: +{len(changes.entities_added)}, -{len(changes.entities_removed)}, "
        f"~{len(changes.entities_changed)}. Sources: +{len(changes.sources_added)}, "
        f"-{len(changes.sources_removed)}, ~{len(changes.sources_changed)}.",
        "",
    ]
    for title, items in (("Added assertions", changes.added), ("Removed assertions", changes.removed)):
        if items:
            out += [f"### {title} ({len(items)})", "", "| id | claim | context | source |", "|---|---|---|---|"]
            out += [f"| `{a['id']}` | {_claim(a, labels)} | {_context(a, labels)} | {a['source']} |" for a in items]
            out.append("")
    if changes.changed:
        out += [f"### Changed assertions ({len(changes.changed)})", ""]
        for item in changes.changed:
            out.append(f"- `{item['id']}` ({_claim(item['assertion'], labels)})")
            for name, change in item["fields"].items():
                detail = (
                    _evidence_change(change)
                    if name == "evidence"
                    else f"{_short(change['old'])} → {_short(change['new'])}"
                )
                out.append(f"  - {name}: {detail}")
        out.append("")
    if changes.renamed:
        out += [f"### Renamed assertions ({len(changes.renamed)})", ""]
        out += [f"- `{r['old']}` → `{r['new']}`" for r in changes.renamed] + [""]
    if changes.entities_added:
        out += [
            f"### Added entities ({len(changes.entities_added)})",
            "",
            "| key | identifier | label | kind |",
            "|---|---|---|---|",
        ]
        out += [
            f"| `{e['key']}` | {e['curie']}{' (local)' if e['local'] else ''} | {e['label']} | {e['kind']} |"
            for e in changes.entities_added
        ] + [""]
    if changes.entities_removed:
        out += [f"### Removed entities ({len(changes.entities_removed)})", ""]
        out += [f"- `{e['key']}` ({e['curie']})" for e in changes.entities_removed] + [""]
    for title, items, key in (
        ("Changed entities", changes.entities_changed, "key"),
        ("Changed sources", changes.sources_changed, "id"),
    ):
        if items:
            out += [f"### {title} ({len(items)})", ""]
            for item in items:
                fields = ", ".join(f"{n}: {_short(c['old'])} → {_short(c['new'])}" for n, c in item["fields"].items())
                out.append(f"- `{item[key]}`: {fields}")
            out.append("")
    for title, ids in (("Added sources", changes.sources_added), ("Removed sources", changes.sources_removed)):
        if ids:
            out += [f"### {title}", ""] + [f"- `{i}`" for i in ids] + [""]
    return "\n".join(out)
