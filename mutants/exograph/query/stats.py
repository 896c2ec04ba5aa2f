"""Coverage counts, for curators checking their work and for the docs."""

from __future__ import annotations

from collections import Counter
from typing import Any

from exograph.compiled.store import Store
from exograph.curation.vocab import CONTEXT_LIST_FIELDS


def counts(store: Store) -> dict[str, Any]:
    """Counts by source, entity kind, effect, flags and context value."""
    entities = list(store.entities())
    labels = {e["key"]: e["label"] for e in entities}
    by_source: Counter[str] = Counter()
    effects: Counter[str] = Counter()
    flags: Counter[str] = Counter()
    context: dict[str, Counter[str]] = {name: Counter() for name in (*CONTEXT_LIST_FIELDS, "system")}
    total = 0
    for a in store.assertions():
        total += 1
        by_source[a["source"]] += 1
        effects[f"{a['direction']} {a['aspect']}"] += 1
        for name in ("exosomal_cargo", "hypothesis", "negated"):
            flags[name] += bool(a[name])
        for name in CONTEXT_LIST_FIELDS:
            context[name].update(labels.get(k, k) for k in a["context"].get(name, []))
        if a["context"].get("system"):
            context["system"][a["context"]["system"]] += 1
    return {
        "assertions": total,
        "entities": len(entities),
        "local_entities": sum(e["local"] for e in entities),
        "by_source": dict(by_source.most_common()),
        "entity_kinds": dict(Counter(e["kind"] for e in entities).most_common()),
        "effects": dict(effects.most_common()),
        "flags": dict(flags),
        "context": {name: dict(c.most_common()) for name, c in context.items() if c},
    }


def counts_text(data: dict[str, Any], top: int = 12) -> str:
    lines = [f"{data['assertions']} assertions, {data['entities']} entities ({data['local_entities']} with local ids)"]
    sections = [
        ("by source", data["by_source"]),
        ("entity kinds", data["entity_kinds"]),
        ("effects", data["effects"]),
        ("flags", data["flags"]),
    ]
    sections += [(f"context: {name}", values) for name, values in data["context"].items()]
    for title, values in sections:
        lines.append(f"\n{title}:")
        items = list(values.items())
        lines += [f"  {count:>6}  {name}" for name, count in items[:top]]
        if len(items) > top:
            lines.append(f"  {'':>6}  ... and {len(items) - top} more")
    return "\n".join(lines) + "\n"
