"""Files that change while a command reads them never leave a wrong answer in the caches.

A flipper process rewrites one assertion's direction (increases, decreases, and the invalid
``increasex``) as fast as it can, sometimes in place and sometimes by renaming a new file over
the old one (as editors and git do), while ``validate`` and a query compile the root. Once it
stops, the file is set to a known content: a command may refuse while the file moves, never
answer wrong, and every answer after that must match the file on disk.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from exograph.compiled.incremental import validate
from exograph.compiled.store import FilesChanged, open_store
from exograph.curation.problems import CurationError
from exograph.layout import Layout

ROUNDS = 30
STATES = ("increases", "decreases", "increasex")
#: The flipped line: HIF1A -> RAB27A, the last assertion of the fixture.
ANCHOR = "  - id: mini2024-hif1a-rab27a\n    regulator: HIF1A\n    target: RAB27A\n    direction: "


def _content(template: str, state: str) -> bytes:
    return template.replace(ANCHOR + "increases", ANCHOR + state).encode()


def _flip(path: str, template: str, stop: multiprocessing.synchronize.Event) -> None:
    contents = [_content(template, s) for s in STATES]
    n = 0
    while not stop.is_set():
        data = contents[n % len(contents)]
        if n % 2:
            Path(path).write_bytes(data)
        else:
            tmp = f"{path}.tmp"
            Path(tmp).write_bytes(data)
            Path(tmp).replace(path)
        n += 1


def _hif1a_direction(root: Path) -> str | None:
    """The direction the compiled store answers for HIF1A -> RAB27A; None when the root does not compile."""
    try:
        store = open_store(root)
    except CurationError:
        return None
    found = [a["direction"] for a in store.by_target(["RAB27A"]) if a["id"] == "mini2024-hif1a-rab27a"]
    store.db.close()
    return found[0] if found else "missing"


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork for the flipper")
def test_answers_match_the_file_after_it_changed_during_commands(mini: Path) -> None:
    path = mini / "curation" / "assertions" / "mini2024.yaml"
    template = path.read_text(encoding="utf-8")
    assert ANCHOR + "increases" in template
    layout = Layout(mini)
    context = multiprocessing.get_context("fork")
    wrong = []
    for round_ in range(ROUNDS):
        stop = context.Event()
        flipper = context.Process(target=_flip, args=(str(path), template, stop))
        flipper.start()
        try:
            with contextlib.suppress(FilesChanged):  # refusing to answer while the file moves is right too
                validate(layout)
            with contextlib.suppress(FilesChanged):
                _hif1a_direction(mini)
        finally:
            stop.set()
            flipper.join(10)
        final = STATES[round_ % len(STATES)]
        path.write_bytes(_content(template, final))
        Path(f"{path}.tmp").unlink(missing_ok=True)
        problems = [p.message for p in validate(layout).problems]
        expected_valid = final != "increasex"
        if (not problems) != expected_valid:
            wrong.append(f"round {round_}: file says {final}, validate says {problems or 'ok'}")
        answered = _hif1a_direction(mini)
        if answered != (final if expected_valid else None):
            wrong.append(f"round {round_}: file says {final}, the store answers {answered}")
    assert not wrong, "\n".join(wrong)


def test_files_that_never_settle_are_an_environment_error(
    cli: Callable[..., Result], mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every attempt saw a file change under it: no answer (exit 2) rather than one made of two contents."""
    from exograph.compiled import incremental

    attempts: list[int] = []

    def moving(*_: object) -> None:
        attempts.append(1)
        raise FilesChanged(["curation/assertions/mini2024.yaml"])

    monkeypatch.setattr(incremental, "_validate", moving)
    for args in (["validate", str(mini)], ["drivers", "RAB27A", "--root", str(mini)]):
        attempts.clear()
        result = cli(*args)
        assert result.exit_code == 2, result.output
        assert "curation/assertions/mini2024.yaml changed while exograph read them: run the command again" in (
            result.output
        )
        assert len(attempts) == incremental.ATTEMPTS
