"""How fast ``reslint fix`` is: documents/s on the corpus, passes, and one-file wall time.

Prints numbers, asserts nothing (timings belong here, not in the test suite).

    python benchmarks/bench_fix.py [--rounds 3] [--wall-runs 5]

* in-process: ``fix_text`` with every rule over every corpus file and over the seed, on
  one core (best of ``--rounds``), with the fixes applied and the passes it took;
* a second fix of the fixed texts (what a pre-commit hook pays on a clean repository);
* wall time of ``reslint fix --check SEED`` as a new process (median of ``--wall-runs``).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from linter.engine.registry import all_rules
from linter.fix.fixer import FixOutcome, fix_text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
SEED = CORPUS / "seed" / "E-RES-2012-19.zh.txt"


def run(texts: list[str], rounds: int) -> tuple[float, list[FixOutcome]]:
    rules = all_rules()
    outcomes: list[FixOutcome] = []
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        outcomes = [fix_text(text, rules) for text in texts]
        best = min(best, time.perf_counter() - start)
    return len(texts) / best, outcomes


def wall(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--wall-runs", type=int, default=5)
    args = parser.parse_args()

    paths = sorted(CORPUS.rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    rate, outcomes = run(texts, args.rounds)
    fixed = [o for o in outcomes if o.changed]
    refused = [o for o in outcomes if o.error is not None]
    passes = Counter(o.passes for o in outcomes)
    print(f"corpus: {len(texts)} files, {sum(map(len, texts)) / 1e6:.2f} M characters")
    print(f"  fix:   {rate:7.1f} documents/s (one core, best of {args.rounds})")
    print(
        f"  {len(fixed)} fixed, {sum(o.applied for o in fixed)} fixes, "
        f"{len(outcomes) - len(fixed) - len(refused)} unchanged, {len(refused)} refused"
    )
    print(f"  passes: {dict(sorted(passes.items()))}")
    again, _ = run([o.text for o in outcomes], args.rounds)
    print(f"  second fix (already canonical): {again:7.1f} documents/s")
    seed = SEED.read_text(encoding="utf-8")
    seed_rate, (seed_outcome, *_) = run([seed] * 10, args.rounds)
    print(
        f"seed: {seed_rate:7.1f} fixes/s, {seed_outcome.applied} fixes in "
        f"{seed_outcome.passes} passes"
    )
    command = [sys.executable, "-m", "linter", "fix", "--check", str(SEED)]
    print(
        f"wall: reslint fix --check SEED {wall(command, args.wall_runs) * 1e3:6.1f} ms "
        f"(median of {args.wall_runs}, new process)"
    )


if __name__ == "__main__":
    main()
