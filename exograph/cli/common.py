"""What every command shares: finding the curation root, opening the store, printing problems."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from exograph import collector
from exograph.query.filters import PERTURBATIONS, SYSTEMS

F = TypeVar("F", bound=Callable[..., Any])

#: The exit code of a command ended by Ctrl-C (128 + SIGINT, as shells report it).
INTERRUPTED = 130
#: How many problems a command prints before it stops and counts the rest (``validate --all`` shows all).
PROBLEM_LIMIT = 50


class Unusable(click.ClickException):
    """A usage or environment error that is not about an option's syntax (exit 2, no usage text)."""

    exit_code = 2


class Group(click.Group):
    """The command group: error messages reach the terminal escaped, an operating-system error is a
    one-line environment error (exit 2), a cache that SQLite finds damaged mid-command is deleted, and
    Ctrl-C ends any command at once with "interrupted" and exit 130 (the shell's code for SIGINT), not
    a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        import sqlite3

        from exograph.compiled.store import OPENED, CacheError, discard_opened
        from exograph.safetext import visible

        OPENED.clear()  # only caches this command opens are suspects
        collector.skip_final_collection()
        _quiet_workers_on_interrupt()
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("\ninterrupted", err=True)
            sys.exit(INTERRUPTED)
        except click.ClickException as exc:  # messages quote what the user typed: never echo it raw
            setattr(exc, "message", visible(exc.message))  # noqa: B010 - click types it Final; it is a plain attribute
            raise
        except OSError as exc:  # the environment refused: a file or folder that cannot be used
            where = f": {exc.filename}" if exc.filename else ""
            raise Unusable(visible(f"{exc.strerror or exc}{where}")) from None
        except CacheError as exc:  # e.g. files that kept changing while the command read them
            raise Unusable(visible(str(exc))) from None
        except sqlite3.DatabaseError as exc:
            removed = ", ".join(map(str, discard_opened())) or "(none opened)"
            raise Unusable(
                f"the compiled cache is damaged ({exc}); deleted {removed}: run the command again to rebuild it"
            ) from None


def _quiet_workers_on_interrupt() -> None:
    """Ctrl-C reaches every process of the terminal's foreground group, the compile's forked workers
    too: they leave it to the command, which stops them (ending its pool) and reports the interrupt once."""
    import os
    import signal

    command = os.getpid()

    def interrupted(_signum: int, _frame: object) -> None:
        if os.getpid() == command:
            raise KeyboardInterrupt

    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not when a caller chose otherwise
        signal.signal(signal.SIGINT, interrupted)


def root_path(value: Path | None) -> Path:
    from exograph.layout import find_root, is_root

    if value is None:
        return find_root()
    if not is_root(value):
        raise click.UsageError(f"{value} holds no curation/ and sources/ folders")
    return value


def load_store(root: Path | None) -> Any:
    """Open compiled knowledge, or print every curation problem and exit 1."""
    from exograph.compiled.store import CacheError, open_store
    from exograph.curation.problems import CurationError

    try:
        return open_store(root_path(root))
    except CurationError as exc:
        print_problems(exc.problems)
        sys.exit(1)
    except CacheError as exc:
        raise Unusable(str(exc)) from None


def print_problems(problems: list[Any], show_all: bool = False) -> None:
    """Print problems (user text escaped for the terminal), at most :data:`PROBLEM_LIMIT` unless ``show_all``."""
    from exograph.safetext import visible

    shown = problems if show_all else problems[:PROBLEM_LIMIT]
    for problem in shown:
        click.echo(visible(str(problem)), err=True)
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found"
    if len(shown) < len(problems):
        count += f" ({len(problems) - len(shown)} not shown: 'exograph validate --all' lists every one)"
    click.echo(f"{count}; run 'exograph validate' after fixing them.", err=True)


root_option = click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Curation root (folder with curation/ and sources/); default: the checkout "
    "you stand in, else the curation shipped with exograph.",
)


def _apply(func: F, decorators: list[Callable[[F], F]]) -> F:
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def chain_options(func: F) -> F:
    """What a chain may hold and how many to print (queries with --depth 2 or more, and path)."""
    return _apply(
        func,
        [
            click.option(
                "--max-chains",
                type=click.IntRange(min=1),
                default=50,
                show_default=True,
                help="Chains to print; the rest are counted as cut.",
            ),
            click.option(
                "--across-contexts",
                is_flag=True,
                help="Also chains joining steps from different diseases or cells (marked).",
            ),
            click.option(
                "--coherent",
                is_flag=True,
                expose_value=False,  # the default now: accepted so that old commands still run
                help="Only chains whose steps share a compatible context: the default, kept for old commands.",
            ),
            click.option("--include-hypotheses", is_flag=True, help="Let chains use speculative assertions (marked)."),
            click.option("--include-negated", is_flag=True, help="Let chains use negated findings (marked)."),
            click.option(
                "--include-engineered", is_flag=True, help="Let chains use findings on engineered vesicles (scope)."
            ),
            click.option(
                "--rank",
                type=click.Choice(("default", "score")),
                default="default",
                show_default=True,
                help="score: answers by their claim's evidence score (see summary), chains by their weakest step's.",
            ),
        ],
    )


def context_filters(func: F) -> F:
    """The curation root and the context filters (joined by all; names follow the broader hierarchy)."""
    return _apply(
        func,
        [
            root_option,
            click.option("--organism", help="Only assertions in this organism (e.g. human, NCBITaxon:10090)."),
            click.option("--cell-line", help="Only assertions in this cell line (e.g. Huh7)."),
            click.option("--cell-type", help="Only assertions in this cell type or its cell lines (e.g. macrophage)."),
            click.option("--disease", help="Only assertions in this disease or a narrower one (e.g. HCC, cancer)."),
            click.option("--condition", help="Only assertions under this condition (e.g. hypoxia)."),
            click.option("--donor", help="Only assertions on vesicles from these cells (e.g. CAF, fibroblast)."),
            click.option("--recipient", help="Only assertions on vesicles taken up by these cells (e.g. macrophage)."),
            click.option(
                "--system",
                type=click.Choice(SYSTEMS),
                help="Only assertions whose context states this experimental system.",
            ),
            click.option(
                "--perturbation",
                type=click.Choice(PERTURBATIONS),
                help="Only assertions whose evidence manipulated the regulator so (or by a loss or gain of function).",
            ),
            click.option("--source", help="Only assertions from this source id (e.g. liang2021)."),
        ],
    )


def filter_options(func: F) -> F:
    """The context filters and output formats of every query."""
    return _apply(
        func,
        [
            context_filters,
            click.option("--evidence", "-e", is_flag=True, help="Table format: print quotes and cited references."),
            explain_option,
            format_option("table", "json", "tsv"),
        ],
    )


explain_option = click.option("--explain", is_flag=True, help="Also say each assertion or chain in plain English.")


def format_option(*choices: str, help: str = "Output format.") -> Callable[[F], F]:
    """``--format`` (passed as ``fmt``) with its first choice as the default: one spelling for every command."""
    return click.option("--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True, help=help)


def query_options(func: F) -> F:
    """drivers, regulators, targets: filters, formats, and --depth for chains."""
    return _apply(
        func,
        [
            filter_options,
            click.option("--no-hypotheses", is_flag=True, help="Leave out speculative assertions (--depth 1)."),
            click.option(
                "--depth",
                type=click.IntRange(1, 6),
                default=1,
                show_default=True,
                help="Chains of up to N steps (1: direct assertions only, as before).",
            ),
            chain_options,
        ],
    )


def load_graph(root: Path | None) -> Any:
    """The Python API's KnowledgeGraph over the compiled store (exit 1 on curation problems)."""
    from exograph.api import KnowledgeGraph

    return KnowledgeGraph(load_store(root))


def run_query(kind: str, name: str, options: dict[str, Any]) -> None:
    from exograph.query.filters import BadFilter
    from exograph.query.neighbours import UnknownName
    from exograph.safetext import visible

    graph = load_graph(options.pop("root"))
    depth, fmt, evidence, explain = (
        options.pop("depth"),
        options.pop("fmt"),
        options.pop("evidence"),
        options.pop("explain"),
    )
    hypotheses = not options.pop("no_hypotheses")
    flags = (
        "max_chains",
        "across_contexts",
        "include_hypotheses",
        "include_negated",
        "include_engineered",
        "rank",
    )
    chain = {k: options.pop(k) for k in flags}
    try:
        if depth == 1:
            result = graph.neighbours(kind, name, hypotheses=hypotheses, rank=chain["rank"], **options)
            text = _direct(graph, result, fmt, evidence, explain)
        else:
            from exograph.cli.reason import print_chains

            result = getattr(graph, kind)(name, depth, **chain, **options)
            print_chains(graph, result, fmt, "all" if evidence else "none", explain)
            return
    except (UnknownName, BadFilter) as exc:
        raise click.UsageError(visible(str(exc))) from None
    from exograph.cli.terminal import show

    show(text, fmt)


def _direct(graph: Any, result: Any, fmt: str, evidence: bool, explain: bool) -> str:
    """Direct assertions as before; ``--explain`` adds one sentence per assertion."""
    import json

    from exograph.cli.terminal import width
    from exograph.query import text as render

    text: str = render.table(result, evidence, width()) if fmt == "table" else render.RENDERERS[fmt](result)
    if not explain:
        return text
    sentences = {a["id"]: graph.explain(a["id"]) for a in result.assertions}
    if fmt == "json":
        return json.dumps({**json.loads(text), "explanations": sentences}, indent=2, ensure_ascii=False) + "\n"
    if fmt == "tsv":
        lines = text.splitlines()
        rows = [lines[0] + "\texplanation"] + [
            f"{line}\t{sentences[a['id']]}" for line, a in zip(lines[1:], result.assertions, strict=True)
        ]
        return "\n".join(rows) + "\n"
    return text + "".join(f"\n{i}: {s}\n" for i, s in sentences.items())
