"""Where commands write: never over a link (``-o /dev/stdout`` is one), a device, a pipe or another
user's file, and ``-o -`` (or no ``-o``) for standard output where the format is one stream."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from exograph.atomic import UnsafeTarget, check_replaceable, write_atomic
from exograph.export import EXPORTERS

from .test_cli import Cli


def test_export_never_replaces_a_link_to_stdout(cli: Cli, mini: Path, tmp_path: Path) -> None:
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")  # what /dev/stdout is
    result = cli("export", "--root", str(mini), "--format", "nt", "-o", str(link))
    assert result.exit_code == 2
    assert f"'{link}' is a symbolic link (to '/proc/self/fd/1'); exograph never replaces a link" in result.output
    assert link.is_symlink() and str(link.readlink()) == "/proc/self/fd/1"


def test_a_link_to_a_regular_file_is_not_replaced_either(cli: Cli, mini: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.svg"
    real.write_text("mine", encoding="utf-8")
    link = tmp_path / "link.svg"
    link.symlink_to(real)
    result = cli("render", "RAB27A", "--root", str(mini), "-o", str(link))
    assert result.exit_code == 2 and "is a symbolic link" in result.output
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "mine"


def test_a_pipe_is_refused_before_anything_is_written_or_read(cli: Cli, mini: Path, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.ttl"
    os.mkfifo(pipe)
    result = cli("export", "--root", str(mini), "--format", "turtle", "-o", str(pipe))
    assert result.exit_code == 2 and "not a regular file (a device, pipe or socket)" in result.output
    schemas = tmp_path / "schema"
    schemas.mkdir()
    os.mkfifo(schemas / "assertions.schema.json")  # `schema --check` would have blocked reading it
    result = cli("schema", str(schemas), "--check")
    assert result.exit_code == 2 and "not a regular file" in result.output


def test_schema_never_replaces_a_link(cli: Cli, tmp_path: Path) -> None:
    schemas = tmp_path / "schema"
    schemas.mkdir()
    (schemas / "entities.schema.json").symlink_to("/dev/null")
    result = cli("schema", str(schemas))
    assert result.exit_code == 2 and "is a symbolic link (to '/dev/null')" in result.output
    assert (schemas / "entities.schema.json").is_symlink()


def test_site_never_replaces_a_link(cli: Cli, mini: Path, tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    link = tmp_path / "site"
    link.symlink_to(tmp_path / "elsewhere")
    result = cli("site", "--root", str(mini), "-o", str(link))
    assert result.exit_code == 2 and "is a symbolic link" in result.output
    assert link.is_symlink() and not any((tmp_path / "elsewhere").iterdir())


def test_another_users_file_is_never_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "theirs.ttl"
    path.write_text("theirs", encoding="utf-8")
    monkeypatch.setattr(os, "geteuid", lambda: path.stat().st_uid + 1)
    with pytest.raises(UnsafeTarget, match="belongs to another user"):
        write_atomic(path, "mine")
    assert path.read_text(encoding="utf-8") == "theirs"
    check_replaceable(tmp_path / "new.ttl")  # an absent path is always fine


@pytest.mark.parametrize("fmt", sorted(name for name, e in EXPORTERS.items() if not e.directory))
def test_dash_and_no_output_write_to_stdout(cli: Cli, mini: Path, tmp_path: Path, fmt: str) -> None:
    to_file = tmp_path / f"out.{fmt}"
    assert cli("export", "--root", str(mini), "--format", fmt, "-o", str(to_file)).exit_code == 0
    dash = cli("export", "--root", str(mini), "--format", fmt, "-o", "-")
    plain = cli("export", "--root", str(mini), "--format", fmt)
    assert dash.exit_code == plain.exit_code == 0
    assert dash.stdout_bytes == plain.stdout_bytes == to_file.read_bytes()
    assert not (Path.cwd() / "-").exists()


def test_a_folder_format_needs_a_folder(cli: Cli, mini: Path) -> None:
    result = cli("export", "--root", str(mini), "--format", "kgx")
    assert result.exit_code == 2 and "kgx writes a folder, not one stream: give -o FOLDER" in result.output


def test_stdout_export_is_the_graph(cli: Cli, mini: Path) -> None:
    data = json.loads(cli("export", "--root", str(mini), "--format", "json").stdout)
    assert {n["id"] for n in data["nodes"]} >= {"HGNC:9766", "HGNC:8763"}  # RAB27A, PDCD4


def test_fmt_never_replaces_a_linked_curation_file(cli: Cli, mini: Path) -> None:
    (mini / "curation/kept").mkdir()
    real = mini / "curation/kept/mini2024.yaml"
    path = mini / "curation/assertions/mini2024.yaml"
    real.write_text(
        path.read_text(encoding="utf-8").replace(
            "    direction: decreases\n    aspect: amount\n", "    aspect: amount\n    direction: decreases\n"
        ),
        encoding="utf-8",
    )
    path.unlink()
    path.symlink_to(real)  # not in canonical form, so fmt would write it
    before = real.read_text(encoding="utf-8")
    result = cli("fmt", str(mini))
    assert result.exit_code == 2 and "is a symbolic link" in result.output
    assert path.is_symlink() and real.read_text(encoding="utf-8") == before
