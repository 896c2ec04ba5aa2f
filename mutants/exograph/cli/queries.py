"""Questions: drivers, regulators, targets, one record, and coverage counts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from exograph.cli.common import format_option, load_store, query_options, root_option, run_query


@click.command()
@click.argument("name")
@query_options
def drivers(name: str, **options: Any) -> None:
    """What increases NAME (e.g. exograph drivers Rab27a)."""
    run_query("drivers", name, options)


@click.command()
@click.argument("name")
@query_options
def regulators(name: str, **options: Any) -> None:
    """Every regulator of NAME, with its sign (e.g. "exosome secretion")."""
    run_query("regulators", name, options)


@click.command()
@click.argument("name")
@query_options
def targets(name: str, **options: Any) -> None:
    """What NAME acts on (e.g. exograph targets hypoxia)."""
    run_query("targets", name, options)


@click.command()
@click.argument("identifier")
@root_option
@format_option("text", "json")
def show(identifier: str, root: Path | None, fmt: str) -> None:
    """One assertion (by id) or entity (by name or CURIE), with its evidence."""
    import json

    from exograph.query import text as render

    store = load_store(root)
    assertion = store.assertion(identifier)
    if assertion is not None:
        keys = {assertion["regulator"], assertion["target"]}
        keys |= {k for v in assertion["context"].values() if isinstance(v, list) for k in v}
        labels = store.labels(keys)
        text = (
            json.dumps(assertion, indent=2, ensure_ascii=False) + "\n"
            if fmt == "json"
            else render.assertion_text(assertion, labels)
        )
        click.echo(text, nl=False)
        return
    key = store.resolve(identifier)
    if key is None:
        hints = store.suggest(identifier)
        hint = f"; did you mean: {', '.join(hints)}?" if hints else ""
        raise click.UsageError(f"no assertion or entity is called '{identifier}'{hint}")
    entity = store.entity(key)
    if fmt == "json":
        click.echo(json.dumps(entity, indent=2, ensure_ascii=False))
    else:
        click.echo(render.entity_text(entity, len(store.by_target([key])), len(store.by_regulator([key]))), nl=False)


@click.command()
@root_option
@format_option("table", "json")
def stats(root: Path | None, fmt: str) -> None:
    """Counts by source, entity kind, effect and context."""
    import json

    from exograph.query.stats import counts, counts_text

    data = counts(load_store(root))
    click.echo(json.dumps(data, indent=2) if fmt == "json" else counts_text(data), nl=fmt == "json")


COMMANDS = (drivers, regulators, targets, show, stats)
