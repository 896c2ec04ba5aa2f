"""The pull-request workflow's steps, run here as GitHub would run them, with a fake ``gh`` that records its calls."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import PROJECT_ROOT

WORKFLOW = PROJECT_ROOT / ".github/workflows/curation.yml"
FAKE_GH = """#!/usr/bin/env python3
import json, os, sys
args = sys.argv[1:]
record = {"args": args}
if "--input" in args:
    with open(args[args.index("--input") + 1], encoding="utf-8") as f:
        record["input"] = json.load(f)
with open(os.environ["FAKE_GH_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(record) + "\\n")
if os.environ.get("FAKE_GH_FAIL"):
    sys.exit("HTTP 403: Resource not accessible by integration")
if "--paginate" in args:
    print(os.environ.get("FAKE_GH_EXISTING", ""))
"""


def steps() -> dict[str, dict[str, Any]]:
    """The review job's steps by name."""
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return {s["name"]: s for s in data["jobs"]["review"]["steps"] if "name" in s}


def fake_gh(folder: Path) -> Path:
    """A ``gh`` on PATH that logs each call (and the JSON it is given) to FAKE_GH_LOG."""
    folder.mkdir(parents=True, exist_ok=True)
    gh = folder / "gh"
    gh.write_text(FAKE_GH, encoding="utf-8")
    gh.chmod(gh.stat().st_mode | stat.S_IXUSR)
    return gh


def gh_calls(log: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []


def run_step(name: str, cwd: Path, env: dict[str, str], bin_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run a step's ``run:`` script with bash, its ``env:`` (given the values GitHub would fill in) and PATH."""
    step = steps()[name]
    path = os.pathsep.join([str(bin_dir), str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    full = {**os.environ, **env, "PATH": path}
    for key in step.get("env", {}):
        assert key in env, f"the test must give {key} for step {name!r}"
    return subprocess.run(
        ["bash", "-eo", "pipefail", "-c", step["run"]], cwd=cwd, env=full, capture_output=True, text=True, check=False
    )
