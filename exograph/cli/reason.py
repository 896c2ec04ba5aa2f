"""Questions across several assertions: path, conflicts, explain, search (over exograph.api)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from exograph.cli.common import (
    chain_options,
    context_filters,
    explain_option,
    filter_options,
    format_option,
    load_graph,
    root_option,
)
from exograph.cli.terminal import show


def print_chains(graph: Any, result: Any, fmt: str, quotes: str, explain: bool, why_not: Any = None) -> None:
    """Chains as a table (with ``quotes``: none, first or all), JSON or TSV; ``explain`` adds paragraphs.

    ``why_not`` (a :class:`exograph.api.WhyNotResult`) is said in each format's own way: lines under
    the table, a ``why_not`` object in JSON, and, so that a TSV stays one table, its lines on stderr.
    """
    from exograph.reason import render

    explanations = {rank: graph.explain(c) for rank, c in enumerate(result.chains, 1)} if explain else None
    if fmt == "json":
        text = render.chains_json(result, explanations, why_not.as_json() if why_not else None)
    elif fmt == "tsv":
        text = render.chains_tsv(result, explanations)
    else:
        records = graph.assertions(i for c in result.chains for i in c.assertion_ids)
        labelled = replace(result, labels={**graph.labels_for(records.values()), **result.labels})
        text = render.chains_table(labelled, records, quotes, explanations)
        text += why_not.text() if why_not else ""
    show(text, fmt)
    if why_not and fmt == "tsv":
        click.echo(why_not.text(), nl=False, err=True)


def _usage_errors(func: Any) -> Any:
    """Unknown names and ids, and filters that can match nothing, are usage errors (exit 2), with suggestions."""
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from exograph.api import UnknownAssertion
        from exograph.query.filters import BadFilter
        from exograph.query.neighbours import UnknownName

        try:
            return func(*args, **kwargs)
        except (UnknownName, UnknownAssertion, BadFilter) as exc:
            raise click.UsageError(str(exc.args[0]) if isinstance(exc, UnknownAssertion) else str(exc)) from None

    return wrapper


@click.command()
@click.argument("start")
@click.argument("end")
@click.option("--max-length", type=click.IntRange(1, 6), default=3, show_default=True, help="Steps at most.")
@click.option("--why-not", is_flag=True, help="Say where the search stops even when chains are found.")
@chain_options
@filter_options
@_usage_errors
def path(start: str, end: str, max_length: int, **options: Any) -> None:
    """Every chain from START to END, ranked (e.g. exograph path hypoxia "exosome secretion")."""
    graph = load_graph(options.pop("root"))
    fmt, evidence, explain = options.pop("fmt"), options.pop("evidence"), options.pop("explain")
    asked = options.pop("why_not")
    result = graph.path(start, end, max_length, **options)
    why = None
    if asked or not result.chains:
        flags = {k: v for k, v in options.items() if k not in ("max_chains", "rank")}
        why = graph.why_not(start, end, max_length, **flags)
    print_chains(graph, result, fmt, "all" if evidence else "first", explain, why)


@click.command()
@click.argument("name", required=False)
@context_filters
@explain_option
@format_option("table", "json", "tsv")
@_usage_errors
def conflicts(name: str | None, root: Path | None, explain: bool, fmt: str, **filters: str | None) -> None:
    """Claims stated both ways, about NAME or all: each side once, with what differs; unexplained first."""
    from exograph.reason import conflict_text

    graph = load_graph(root)
    result = graph.conflicts(name, **filters)
    text = conflict_text.CONFLICT_RENDERERS[fmt](result)
    if explain:
        ids = dict.fromkeys(i for c in result.conflicts for i in c.assertion_ids)
        sentences = {i: graph.explain(i) for i in ids}
        text = conflict_text.with_explanations(text, fmt, sentences)
    show(text, fmt)


@click.command()
@click.argument("name")
@context_filters
@format_option("table", "json", "tsv")
@_usage_errors
def summary(name: str, **options: Any) -> None:
    """The consensus of every claim about NAME: one line per regulator -> target -> aspect, with its evidence score."""
    from exograph.reason.summary_text import SUMMARY_RENDERERS

    graph = load_graph(options.pop("root"))
    fmt = options.pop("fmt")
    click.echo(SUMMARY_RENDERERS[fmt](graph.summary(name, **options)), nl=False)


@click.command()
@click.argument("identifiers", nargs=-1, required=True)
@root_option
@format_option("text", "json", "tsv")
@_usage_errors
def explain(identifiers: tuple[str, ...], root: Path | None, fmt: str) -> None:
    """Each assertion ID as one plain English sentence with context and citation."""
    import json

    graph = load_graph(root)
    sentences = {i: graph.explain(i) for i in identifiers}
    if fmt == "json":
        click.echo(json.dumps([{"id": i, "sentence": s} for i, s in sentences.items()], indent=2, ensure_ascii=False))
    elif fmt == "tsv":
        click.echo("\n".join(["id\tsentence", *(f"{i}\t{s}" for i, s in sentences.items())]))
    else:
        show("\n".join(sentences.values()) + "\n", fmt)


@click.command()
@click.argument("text")
@root_option
@click.option("--limit", type=click.IntRange(1, 500), default=20, show_default=True, help="Hits per section.")
@format_option("table", "json", "tsv")
def search(text: str, root: Path | None, limit: int, fmt: str) -> None:
    """Free text over labels, synonyms, notes and quotes; entities and assertions ranked apart."""
    from exograph.reason import render
    from exograph.reason.search import BadQuery

    graph = load_graph(root)
    try:
        result = graph.search(text, limit)
    except BadQuery as exc:
        raise click.UsageError(f"{exc}: search for fewer, more telling words") from None
    show(render.SEARCH_RENDERERS[fmt](result), fmt)


COMMANDS = (path, conflicts, summary, explain, search)
