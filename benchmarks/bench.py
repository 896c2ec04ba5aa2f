"""Benchmarks: cold-start query latency on the real curation, and scaling to 100,000 assertions.

    python benchmarks/bench.py startup            # real curation, fresh processes
    python benchmarks/bench.py scale --n 100000   # synthetic curation of N assertions

Each timing runs the real ``exograph`` command in a fresh process (what a user waits for), and
prints a Markdown table; docs/performance.md records the figures from this machine.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
#: The installed console script, as a user runs it; ``python -m exograph`` where it is not on PATH.
EXOGRAPH = [shutil.which("exograph") or sys.executable] + ([] if shutil.which("exograph") else ["-m", "exograph"])


def timed(args: list[str], env: dict[str, str], cwd: Path, runs: int) -> tuple[float, float]:
    """Median and minimum wall time in ms of ``runs`` fresh processes."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, check=False)
        if done.returncode:
            sys.exit(f"{' '.join(args)} failed:\n{done.stderr[-2000:]}")
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def startup(runs: int) -> None:
    cache = tempfile.mkdtemp(prefix="exograph-bench-")
    env = {**os.environ, "EXOGRAPH_CACHE_DIR": cache}
    rows = [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("python -c 'import click'", [sys.executable, "-c", "import click"]),
    ]
    shutil.rmtree(cache)
    first, _ = timed([*EXOGRAPH, "drivers", "Rab27a"], env, ROOT, 1)
    print("| command | median ms | min ms |\n|---|---:|---:|")
    print(f"| exograph drivers Rab27a (first run: validate + compile cache) | {first:.0f} | {first:.0f} |")
    for name, args in rows:
        median, low = timed(args, env, ROOT, runs)
        print(f"| {name} | {median:.0f} | {low:.0f} |")
    for query in (
        ["drivers", "Rab27a"],
        ["regulators", "exosome secretion"],
        ["targets", "hypoxia"],
        ["regulators", "EV secretion", "--format", "json"],
        ["show", "RAB27A"],
    ):
        median, low = timed([*EXOGRAPH, *query], env, ROOT, runs)
        print(f"| exograph {' '.join(query)} | {median:.0f} | {low:.0f} |")


def synthetic(root: Path, n: int) -> None:
    """A valid curation of ``n`` assertions over n/20 genes, ten sources, every quote in its text."""
    genes = max(n // 20, 10)
    (root / "curation/entities").mkdir(parents=True)
    (root / "curation/assertions").mkdir(parents=True)
    (root / "sources").mkdir()
    entities = [
        {"key": f"G{i}", "curie": f"HGNC:{i + 1}", "label": f"G{i}", "kind": "gene", "synonyms": [f"gene-{i}"]}
        for i in range(genes)
    ]
    entities.append(
        {"key": "exosome_secretion", "curie": "GO:1990182", "label": "exosomal secretion", "kind": "process"}
    )
    (root / "curation/entities/genes.yaml").write_text(yaml.safe_dump({"entities": entities}, sort_keys=False))
    per_source = n // 10
    for s in range(10):
        sid = f"synth{s}"
        lines, assertions = [], []
        for j in range(per_source):
            k = s * per_source + j
            reg = f"G{k % genes}"  # unique (regulator, target) pairs within a source: no duplicate claims
            tgt = "exosome_secretion" if k % 7 == 0 else f"G{(k + 1 + k // genes) % genes}"
            sentence = f"Finding {k}: {reg} increases {tgt} in cells [{j % 50 + 1}]."
            lines.append(sentence)
            assertions.append(
                {
                    "id": f"{sid}-a{k}",
                    "regulator": reg,
                    "target": tgt,
                    "direction": "increases",
                    "aspect": "secretion" if tgt == "exosome_secretion" else "activity",
                    "evidence": [{"quote": sentence, "section": "Results", "references": [j % 50 + 1]}],
                }
            )
        text = "\n".join(lines) + "\n"
        (root / f"sources/{sid}.txt").write_text(text)
        source = {
            "id": sid,
            "kind": "review",
            "title": f"Synthetic {s}",
            "licence": "CC0",
            "text": f"{sid}.txt",
            "sha256": hashlib.sha256(text.encode()).hexdigest(),
            "references": [{"number": r, "citation": f"Ref {r}."} for r in range(1, 51)],
        }
        (root / f"sources/{sid}.yaml").write_text(yaml.safe_dump(source, sort_keys=False))
        (root / f"curation/assertions/{sid}.yaml").write_text(
            yaml.safe_dump({"source": sid, "assertions": assertions}, sort_keys=False, width=10**6)
        )


def scale(n: int, runs: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="exograph-scale-"))
    root, cache = work / "root", work / "cache"
    root.mkdir()
    synthetic(root, n)
    env = {**os.environ, "EXOGRAPH_CACHE_DIR": str(cache)}
    size = sum(p.stat().st_size for p in root.rglob("*.yaml")) / 1e6
    print(f"{n} assertions, {size:.1f} MB of YAML\n")
    print("| step | wall ms |\n|---|---:|")
    for label, args in (
        ("validate", ["validate", str(root)]),
        ("first query (validate + compile cache)", ["drivers", "G1", "--root", str(root)]),
    ):
        median, _ = timed([*EXOGRAPH, *args], env, ROOT, 1)
        print(f"| {label} | {median:.0f} |")
    for label, args in (
        ("query, warm cache: drivers G1", ["drivers", "G1", "--root", str(root)]),
        (
            "query, warm cache: regulators exosomal secretion (1 in 7 assertions)",
            ["regulators", "exosomal secretion", "--root", str(root), "--format", "tsv"],
        ),
    ):
        median, _ = timed([*EXOGRAPH, *args], env, ROOT, runs)
        print(f"| {label} (median of {runs}) | {median:.0f} |")
    for fmt in ("graphml", "turtle", "nt", "jsonld", "kgx"):
        median, _ = timed(
            [*EXOGRAPH, "export", "--root", str(root), "--format", fmt, "-o", str(work / f"out.{fmt}")], env, ROOT, 1
        )
        print(f"| export {fmt} | {median:.0f} |")
    shutil.rmtree(work)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["startup", "scale"])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    if args.what == "startup":
        startup(args.runs)
    else:
        scale(args.n, min(args.runs, 10))


if __name__ == "__main__":
    main()
