"""Benchmark exograph on synthetic curations, with PyBEL compiling the same statements in the same run.

    pip install -e '.[bench]'
    python -m benchmarks.run --sizes 1000,10000,100000 [--runs 3] [--json out.json]

Every step is the real ``exograph`` command in a fresh process, run ``--runs`` times; the report
gives the median wall time and the peak resident memory of the process (GNU time's maximum
resident set size, which also covers the worker processes it waited for, as the largest one).
PyBEL compiles the same statements, written as a BEL script, in the same run, and ``python -c
pass`` gives the interpreter's own start-up, so the ratios hold on any machine.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import exograph
from benchmarks.bel import write_bel
from benchmarks.generate import write_curation

EXOGRAPH = [sys.executable, "-m", "exograph"]
#: A gene with many drivers in every size (the first gene of the generated entity list).
QUERY = "RAB1A"
#: Two ends of a chain for ``exograph path`` (a gene and the process most assertions reach).
PATH_ENDS = ("RAB1A", "exosome_secretion")


@dataclass(slots=True)
class Step:
    """One measured step: what ran, each run's wall time, and the largest peak memory."""

    name: str
    command: str
    seconds: list[float] = field(default_factory=list)
    peak_mb: float = 0.0
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


#: GNU time reports the peak memory of the command itself; ``wait4`` would also count the pages this
#: (large) runner shares with its child until the child execs.
GNU_TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None


def run_once(args: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, int, str]:
    """Wall seconds, peak RSS in MB, exit code and the end of stderr of one fresh process."""
    with tempfile.NamedTemporaryFile() as err, tempfile.NamedTemporaryFile(mode="r") as peak:
        wrapped = [GNU_TIME, "-q", "-f", "%M", "-o", peak.name, *args] if GNU_TIME else args
        start = time.perf_counter()
        proc = subprocess.Popen(wrapped, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = err.read()[-2000:].decode("utf-8", "replace")
        kilobytes = int(peak.read().split()[-1]) if GNU_TIME else usage.ru_maxrss
    return wall, kilobytes / 1024, proc.returncode, tail


def measure(
    name: str,
    args: list[str],
    env: dict[str, str],
    cwd: Path,
    runs: int,
    prepare: Callable[[], None] | None = None,
    ok: tuple[int, ...] = (0,),
) -> Step:
    """``ok``: the exit codes of a run that did its work (``lint`` exits 1 when it finds something)."""
    step = Step(name, " ".join(Path(a).name if a == sys.executable else a for a in args))
    for _ in range(runs):
        if prepare is not None:
            prepare()
        wall, peak, code, tail = run_once(args, env, cwd)
        if code not in ok:
            step.note = f"failed (exit {code}): {tail.strip().splitlines()[-1] if tail.strip() else ''}"
            progress(f"  {name}: {step.note}")
            return step
        step.seconds.append(wall)
        step.peak_mb = max(step.peak_mb, peak)
    progress(f"  {name}: {step.median:.3f} s, {step.peak_mb:.0f} MB")
    return step


def help_text(args: list[str], env: dict[str, str], cwd: Path) -> str:
    return subprocess.run(
        [*EXOGRAPH, *args, "--help"], env=env, cwd=cwd, capture_output=True, text=True, check=False
    ).stdout


class Editor:
    """Edits one assertion file before each run, a different edit each time (the cache must miss it)."""

    def __init__(self, path: Path) -> None:
        self.path, self.count = path, 0
        self.original = path.read_text(encoding="utf-8")

    def __call__(self) -> None:
        self.count += 1
        text = self.original.replace("section: Results", f"section: Results, panel {self.count}", 1)
        self.path.write_text(text, encoding="utf-8")

    def restore(self) -> None:
        self.path.write_text(self.original, encoding="utf-8")


def bench_size(n: int, runs: int, work: Path, stages: set[str]) -> list[Step]:
    old, new, cache = work / "old", work / "new", work / "cache"
    progress(f"{n} assertions: generating in {work}")
    write_curation(old, n, rev=0)
    write_curation(new, n, rev=1)
    bel = work / "same-statements.bel"
    statements = write_bel(bel, n, rev=1)
    env = {**os.environ, "EXOGRAPH_CACHE_DIR": str(cache)}
    cwd = work

    def cold() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    root = ["--root", str(new)]
    steps = [measure("python -c pass", [sys.executable, "-c", "pass"], env, cwd, max(runs, 5))]
    if "compile" in stages:
        steps.append(
            measure(
                "full cold compile (read + validate + cache), then a query",
                [*EXOGRAPH, "drivers", QUERY, *root],
                env,
                cwd,
                runs,
                cold,
            )
        )
        steps.append(measure("validate, empty cache", [*EXOGRAPH, "validate", str(new)], env, cwd, runs, cold))
    if "pybel" in stages:
        code = "import sys, pybel; pybel.from_bel_script(sys.argv[1])"
        step = measure(
            f"PyBEL from_bel_script ({statements} statements)", [sys.executable, "-c", code, str(bel)], env, cwd, runs
        )
        steps.append(step)
    editor = Editor(new / "curation/assertions/synth000.yaml")
    if "edit" in stages:
        run_once([*EXOGRAPH, "drivers", QUERY, *root], env, cwd)  # warm every cache
        steps.append(
            measure("validate after editing one file", [*EXOGRAPH, "validate", str(new)], env, cwd, runs, editor)
        )
        steps.append(
            measure("first query after editing one file", [*EXOGRAPH, "drivers", QUERY, *root], env, cwd, runs, editor)
        )
        editor.restore()
    run_once([*EXOGRAPH, "drivers", QUERY, *root], env, cwd)
    if "query" in stages:
        steps.append(
            measure(f"cold query: drivers {QUERY}", [*EXOGRAPH, "drivers", QUERY, *root], env, cwd, max(runs, 5))
        )
        steps += chain_steps(env, cwd, runs, root)
    if "export" in stages:
        formats = re.search(r"--format\s+\[([a-z0-9|-]+)\]", help_text(["export"], env, cwd))
        if formats is None:
            raise SystemExit("cannot read the export formats from 'exograph export --help'")
        for fmt in formats.group(1).split("|"):
            out = work / f"export-{fmt}"
            args = [*EXOGRAPH, "export", *root, "--format", fmt, "-o", str(out)]
            steps.append(measure(f"export {fmt}", args, env, cwd, runs))
    if "lint" in stages:
        lint = [*EXOGRAPH, "lint", str(new), "--statistics"]
        steps.append(measure("lint, empty cache", lint, env, cwd, runs, cold, ok=(0, 1)))
        steps.append(measure("lint after editing one file", lint, env, cwd, runs, editor, ok=(0, 1)))
        editor.restore()
    if "diff" in stages:
        steps += diff_steps(old, new, work, env, runs, cold)
    return steps


def diff_steps(
    old: Path, new: Path, work: Path, env: dict[str, str], runs: int, cold: Callable[[], None]
) -> list[Step]:
    """``diff`` with nothing kept, with both sides checked before, and of a branch that edits one file."""
    args = [*EXOGRAPH, "diff", str(old), str(new), "--format", "json"]
    steps = [measure("diff of two revisions (json), empty cache", args, env, work, runs, cold)]
    steps.append(measure("diff of two revisions (json), both sides checked before", args, env, work, runs))
    branch = work / "branch"
    shutil.rmtree(branch, ignore_errors=True)
    shutil.copytree(old, branch)
    editor = Editor(branch / "curation/assertions/synth000.yaml")

    def fresh_branch() -> None:
        """A new copy of OLD (a new folder: nothing of its own cached) with one file edited anew."""
        shutil.rmtree(branch)
        shutil.copytree(old, branch)
        editor()

    args = [*EXOGRAPH, "diff", str(old), str(branch), "--format", "json"]
    name = "diff of OLD and a new copy of it with one file edited (json), OLD checked before"
    steps.append(measure(name, args, env, work, runs, fresh_branch))
    return steps


def chain_steps(env: dict[str, str], cwd: Path, runs: int, root: list[str]) -> list[Step]:
    """Depth-3 chain and path queries, where the build being measured has them."""
    steps = []
    if "--depth" in help_text(["drivers"], env, cwd):
        for kind in ("drivers", "targets"):  # chains grown backwards, and forwards
            args = [*EXOGRAPH, kind, QUERY, "--depth", "3", *root]
            steps.append(measure(f"depth-3 chain query: {kind} {QUERY} --depth 3", args, env, cwd, max(runs, 5)))
    else:
        steps.append(Step("depth-3 chain query", "exograph drivers --depth 3", note="not in this build: skipped"))
    if " path " in help_text([], env, cwd).replace("\n", " "):
        args = [*EXOGRAPH, "path", *PATH_ENDS, "--max-length", "3", *root]
        steps.append(measure(f"path query: path {' '.join(PATH_ENDS)} --max-length 3", args, env, cwd, max(runs, 5)))
    else:
        steps.append(Step("path query", "exograph path", note="not in this build: skipped"))
    return steps


def table(n: int, steps: list[Step]) -> str:
    by_name = {s.name.split(" (")[0].split(":")[0]: s for s in steps}
    pybel = next((s for s in steps if s.name.startswith("PyBEL") and s.seconds), None)
    compile_ = by_name.get("full cold compile")
    python = by_name.get("python -c pass")
    lines = [f"### {n:,} assertions", "", "| step | median s | peak MB | note |", "|---|---:|---:|---|"]
    for s in steps:
        note = s.note
        if s is compile_ and pybel and s.seconds:
            note = note or f"PyBEL / exograph = {pybel.median / s.median:.1f}x"
        if s.name.startswith("cold query") and python and s.seconds:
            note = note or f"{s.median / python.median:.1f}x python -c pass"
        median = f"{s.median:.3f}" if s.seconds else "-"
        peak = f"{s.peak_mb:.0f}" if s.seconds else "-"
        lines.append(f"| {s.name} | {median} | {peak} | {note} |")
    return "\n".join(lines) + "\n"


STAGES = ("compile", "pybel", "edit", "lint", "query", "export", "diff")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000", help="Comma-separated assertion counts.")
    parser.add_argument("--runs", type=int, default=3, help="Fresh processes per step (the median is reported).")
    parser.add_argument("--stages", default=",".join(STAGES), help=f"Comma-separated subset of: {', '.join(STAGES)}.")
    parser.add_argument("--json", type=Path, help="Also write every measurement here.")
    parser.add_argument("--keep", type=Path, help="Generate into this folder and keep it (default: a temp folder).")
    args = parser.parse_args()
    stages = set(args.stages.split(","))
    # What an installed package has: bytecode for every module (pip compiles it at install time). An
    # editable install with PYTHONDONTWRITEBYTECODE set (as some containers do) would compile every
    # module from source in every measured process, which no user's query does.
    compileall.compile_dir(str(Path(exograph.__file__).parent), quiet=1)
    results = {}
    for n in (int(s) for s in args.sizes.split(",")):
        work = (args.keep or Path(tempfile.mkdtemp(prefix="exograph-bench-"))) / str(n)
        if work.exists():
            shutil.rmtree(work)
        work.mkdir(parents=True)
        steps = bench_size(n, args.runs, work, stages)
        if args.keep is None:
            shutil.rmtree(work.parent)
        results[n] = steps
        print(table(n, steps), flush=True)
    if args.json:
        data = {str(n): [{**asdict(s), "median": s.median} for s in steps] for n, steps in results.items()}
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
