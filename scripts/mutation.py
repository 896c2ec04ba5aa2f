"""Mutation testing of the core modules with mutmut, one module at a time (docs/testing.md).

A module's score is the share of its mutants that the tests listed for it in ``pyproject.toml``
(``[tool.exograph.mutation]``) detect: a failing test, a timeout or a type error. Each module runs
in a scratch copy of the working tree, so the checkout is never touched and runs do not share state.

    python scripts/mutation.py                       # every core module (the scheduled workflow)
    python scripts/mutation.py --changed origin/main # the core modules this branch changes
    python scripts/mutation.py exograph/safetext.py  # named modules

It prints one Markdown row per module and the surviving mutants' names (``mutmut show NAME`` in the
scratch copy shows each diff); it exits 1 when a module scores below ``--goal``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: mutmut's verdicts that count as the tests noticing the mutant.
DETECTED = ("killed", "timeout", "segfault")
#: ... and those that mean they did not (a mutant on a line no listed test runs is not detected either).
UNDETECTED = frozenset({"survived", "no tests"})


@dataclass(frozen=True, slots=True)
class Score:
    module: str
    detected: int
    survived: int
    untested: int
    total: int
    survivors: tuple[str, ...]

    @property
    def ratio(self) -> float:
        return self.detected / self.total if self.total else 1.0

    def row(self) -> str:
        counts = f"{self.detected} | {self.survived} | {self.untested} | {self.total}"
        return f"| `{self.module}` | {counts} | {self.ratio:.2f} |"


def configuration() -> dict[str, list[str]]:
    """Core module -> the tests that cover it, from pyproject.toml."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    tests: dict[str, list[str]] = data["tool"]["exograph"]["mutation"]["tests"]
    core = data["tool"]["mutmut"]["only_mutate"]
    if sorted(tests) != sorted(core):
        sys.exit(
            "pyproject.toml: [tool.mutmut] only_mutate and [tool.exograph.mutation.tests] must list the same modules"
        )
    return tests


def changed_since(base: str) -> set[str]:
    names = subprocess.run(
        ["git", "diff", "--name-only", f"{base}...HEAD", "--"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(names.stdout.split())


def scratch_copy(target: Path) -> None:
    """The tracked and new (not ignored) files of the working tree, as they are now."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = ROOT / name
        if source.is_file() and not source.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def _narrow(pyproject: Path, module: str, tests: list[str]) -> None:
    """This run mutates one module and runs only its tests; every other mutmut setting stays as configured."""
    text = pyproject.read_text(encoding="utf-8")
    settings = {**tomllib.loads(text)["tool"]["mutmut"], "only_mutate": [module]}
    settings["pytest_add_cli_args_test_selection"] = tests
    start = text.index("[tool.mutmut]")
    end = text.find("\n[", start + 1)
    section = "\n".join(["[tool.mutmut]", *(f"{key} = {json.dumps(value)}" for key, value in settings.items())])
    pyproject.write_text(text[:start] + section + ("\n" + text[end:] if end != -1 else "\n"), encoding="utf-8")


def run(module: str, tests: list[str], children: int) -> Score:
    with tempfile.TemporaryDirectory(prefix="exograph-mutation-") as scratch:
        work = Path(scratch)
        scratch_copy(work)
        _narrow(work / "pyproject.toml", module, tests)
        subprocess.run(["mutmut", "run", "--max-children", str(children)], cwd=work, check=False)
        subprocess.run(["mutmut", "export-cicd-stats"], cwd=work, check=True, capture_output=True)
        stats = json.loads((work / "mutants" / "mutmut-cicd-stats.json").read_text(encoding="utf-8"))
        listed = subprocess.run(["mutmut", "results"], cwd=work, capture_output=True, text=True, check=True)
    verdicts = (line.strip().rpartition(": ") for line in listed.stdout.splitlines())
    survivors = tuple(name for name, _, verdict in verdicts if verdict in UNDETECTED)
    detected = sum(stats.get(k, 0) for k in DETECTED) + stats.get("caught by type check", 0)
    return Score(module, detected, stats["survived"], stats["no_tests"], stats["total"], survivors)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="core modules to run (default: all of them)")
    parser.add_argument("--changed", metavar="BASE", help="only the core modules changed since BASE (a git revision)")
    parser.add_argument("--children", type=int, default=2, help="mutants tested at once (default 2)")
    parser.add_argument("--goal", type=float, default=0.9, help="lowest acceptable score per module (default 0.9)")
    args = parser.parse_args()
    tests = configuration()
    chosen = args.modules or sorted(tests)
    unknown = [m for m in chosen if m not in tests]
    if unknown:
        parser.error(f"not a core module of [tool.exograph.mutation.tests]: {', '.join(unknown)}")
    if args.changed:
        chosen = sorted(set(chosen) & changed_since(args.changed))
    if not chosen:
        print("no core module to test")
        return 0
    scores = [run(module, tests[module], args.children) for module in chosen]
    print("| module | detected | survived | no tests | mutants | score |\n|---|---|---|---|---|---|")
    for score in scores:
        print(score.row())
    for score in scores:
        for name in score.survivors:
            print(f"survived: {name}")
    return 1 if any(s.ratio < args.goal for s in scores) else 0


if __name__ == "__main__":
    sys.exit(main())
