"""Benchmark: chain queries (exograph.reason) on a synthetic curation of N assertions.

    python benchmarks/chains.py --n 100000            # builds the synthetic curation of bench.py
    python benchmarks/chains.py --root /some/root     # or times an existing curation root

Prints a Markdown table: each query timed inside Python (the search itself, cache open) and as a
whole command in a fresh process (Python start, imports, cache check and printing included).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import EXOGRAPH, ROOT, synthetic, timed

QUERIES = (
    ("drivers", "G1", "--depth", "3"),
    ("targets", "G1", "--depth", "3"),
    ("path", "G1", "G50"),
    ("regulators", "exosomal secretion", "--depth", "2"),
)


def in_process(root: Path, runs: int) -> dict[tuple[str, ...], float]:
    import exograph

    kg = exograph.load(root)
    calls = {
        QUERIES[0]: lambda: kg.drivers("G1", depth=3),
        QUERIES[1]: lambda: kg.targets("G1", depth=3),
        QUERIES[2]: lambda: kg.path("G1", "G50"),
        QUERIES[3]: lambda: kg.regulators("exosomal secretion", depth=2),
    }
    medians = {}
    for query, call in calls.items():
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            call()
            times.append((time.perf_counter() - start) * 1000)
        medians[query] = statistics.median(times)
    return medians


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--root", type=Path, help="an existing curation root with genes G1 and G50")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="exograph-chains-"))
    root = args.root or work / "root"
    if args.root is None:
        root.mkdir()
        synthetic(root, args.n)
    os.environ.setdefault("EXOGRAPH_CACHE_DIR", str(work / "cache"))  # reuse a compiled cache if given
    env = dict(os.environ)
    first, _ = timed([*EXOGRAPH, "drivers", "G1", "--root", str(root)], env, ROOT, 1)
    print(f"first command (compiles the cache unless EXOGRAPH_CACHE_DIR holds it): {first:.0f} ms\n")
    inside = in_process(root, args.runs)
    print("| query | inside Python, median ms | whole command, median ms |\n|---|---:|---:|")
    for query in QUERIES:
        median, _ = timed([*EXOGRAPH, *query, "--root", str(root)], env, ROOT, args.runs)
        print(f"| exograph {' '.join(query)} | {inside[query]:.0f} | {median:.0f} |")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
