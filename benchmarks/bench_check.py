"""How fast ``reslint check`` is: documents/s and MB/s on the corpus, and one-file wall time.

Prints numbers, asserts nothing (timings belong here, not in the test suite).

    python benchmarks/bench_check.py [--rounds 5] [--wall-runs 10]

* in-process throughput: every rule over every corpus file, ``--rounds`` times, on one core
  (CPU time of this process, so that other work on the machine does not skew it);
* seed-size documents/s: the same on the 13 KB seed alone (the target is 200/s per core);
* wall time of ``reslint check SEED`` as a new process (what a pre-commit hook pays),
  median of ``--wall-runs``, and the import time of the command line.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from linter.engine.lint import lint_bytes
from linter.engine.registry import all_rules

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
SEED = CORPUS / "seed" / "E-RES-2012-19.zh.txt"


def throughput(files: list[bytes], rounds: int) -> tuple[float, float]:
    rules = all_rules()
    for data in files[:3]:  # warm caches (lexicons, compiled patterns)
        lint_bytes(data, "<warm>", rules)
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for data in files:
            lint_bytes(data, "<bench>", rules)
        best = min(best, time.process_time() - start)
    megabytes = sum(len(d) for d in files) / 1e6
    return len(files) / best, megabytes / best


def wall(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--wall-runs", type=int, default=10)
    args = parser.parse_args()

    corpus = [p.read_bytes() for p in sorted(CORPUS.rglob("*.txt"))]
    docs, mb = throughput(corpus, args.rounds)
    print(
        f"corpus: {len(corpus)} files, {sum(map(len, corpus)) / 1e6:.2f} MB, "
        f"{len(all_rules())} rules"
    )
    print(
        f"  {docs:8.1f} documents/s   {mb:6.2f} MB/s   (CPU time, one core, best of {args.rounds})"
    )
    seed = SEED.read_bytes()
    seed_docs, seed_mb = throughput([seed] * 50, args.rounds)
    print(f"seed ({len(seed) / 1e3:.1f} KB): {seed_docs:8.1f} documents/s   {seed_mb:6.2f} MB/s")

    python = sys.executable
    cli = [python, "-m", "linter", "check", str(SEED)]
    print(
        f"wall: reslint check SEED   {wall(cli, args.wall_runs) * 1e3:6.1f} ms "
        f"(median of {args.wall_runs}, new process)"
    )
    bare = wall([python, "-c", "pass"], args.wall_runs)
    imports = wall([python, "-c", "import linter.cli.main, linter.engine.lint"], args.wall_runs)
    print(
        f"      python startup {bare * 1e3:6.1f} ms; importing reslint adds "
        f"{(imports - bare) * 1e3:6.1f} ms"
    )


if __name__ == "__main__":
    main()
