"""Run every case in tests/bad_inputs/cases (format in the README there)."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from exograph.cli import main
from exograph.compiled.store import cache_path
from tests.conftest import FIXTURES

CASES = sorted((Path(__file__).parent / "cases").glob("*.yaml"))
KEYS = {"about", "write", "write_latin1", "replace", "remove", "mkdir", "symlink", "env", "cwd", "run", "exit"}
KEYS |= {"expect", "reject", "creates"}


def snapshot(folder: Path, skip: Path) -> dict[str, str]:
    """Every file under ``folder`` (links by target, not followed) by content hash; ``skip`` left out."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path == skip or skip in path.parents:
            continue
        if path.is_symlink():
            found[str(path.relative_to(folder))] = f"link:{path.readlink()}"
        elif path.is_file():
            found[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def prepare(case: dict[str, Any], tmp: Path, fill: Any) -> None:
    shutil.copytree(FIXTURES / "mini", tmp / "root")
    for name in case.get("remove") or []:
        path = tmp / name
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    for name in case.get("mkdir") or []:
        (tmp / name).mkdir(parents=True, exist_ok=True)
    for name, text in (case.get("write") or {}).items():
        path = Path(fill(name)) if fill(name).startswith("/") else tmp / fill(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(fill(text).encode("utf-8"))
    for name, text in (case.get("write_latin1") or {}).items():
        (tmp / name).write_bytes(text.encode("latin-1"))
    for name, old, new in case.get("replace") or []:
        text = (tmp / name).read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        (tmp / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    for name, target in (case.get("symlink") or {}).items():
        (tmp / name).symlink_to(fill(target))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path, tmp_path: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(case) <= KEYS and {"about", "run", "exit"} <= set(case), f"{path.name}: unknown or missing keys"
    root = tmp_path / "root"
    values = {"{tmp}": str(tmp_path), "{root}": str(root), "{cache}": str(cache_path(root))}

    def fill(text: str) -> str:
        for placeholder, value in values.items():
            text = text.replace(placeholder, value)
        return text

    prepare(case, tmp_path, fill)
    (private_cache / "tmp").mkdir(parents=True)  # the per-user fallback cache folder goes there, not in /tmp
    monkeypatch.setattr(tempfile, "tempdir", str(private_cache / "tmp"))
    for name, value in (case.get("env") or {}).items():
        monkeypatch.setenv(name, fill(value))
    monkeypatch.chdir(tmp_path / case.get("cwd", "."))
    before = snapshot(tmp_path, private_cache)

    result = CliRunner().invoke(main, [fill(str(arg)) for arg in case["run"]])

    output = result.output
    assert "Traceback" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == case["exit"], output
    for fragment in case.get("expect") or []:
        assert fill(fragment) in output, f"{fragment!r} not in output:\n{output}"
    for fragment in case.get("reject") or []:
        assert fill(fragment) not in output, f"{fragment!r} in output:\n{output}"
    after = snapshot(tmp_path, private_cache)
    assert {k: v for k, v in after.items() if k in before} == before, "a file that existed before was changed"
    assert set(after) - set(before) == set(case.get("creates") or []), "unexpected new files"


def test_corpus_is_large() -> None:
    assert len(CASES) >= 60
