"""What the CI features cost: wall time of ``reslint check`` on one file as a new process
(what a pre-commit hook pays) without and with a configuration, a baseline, and SARIF
output; and the in-process cost of content keys and baseline matching on the corpus.

Prints numbers, asserts nothing.

    python benchmarks/bench_ci.py [--runs 15]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from linter.engine import baseline
from linter.engine.fingerprint import keys
from linter.engine.lint import lint_bytes
from linter.engine.registry import all_rules

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
SEED = CORPUS / "seed" / "E-RES-2012-19.zh.txt"


def wall(command: list[str], cwd: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def process_times(runs: int) -> None:
    reslint = [sys.executable, "-m", "linter"]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        shutil.copy(SEED, work / "seed.txt")
        cases = [("no configuration", ["check", "seed.txt"])]
        cases.append(("--format sarif", ["check", "--format", "sarif", "seed.txt"]))
        for label, args in cases:
            print(f"  {label:<34} {wall([*reslint, *args], work, runs) * 1e3:7.1f} ms")
        (work / "pyproject.toml").write_text('[tool.reslint]\nignore = ["A006"]\n', "utf-8")
        print(
            f"  {'with [tool.reslint]':<34} "
            f"{wall([*reslint, 'check', 'seed.txt'], work, runs) * 1e3:7.1f} ms"
        )
        subprocess.run(
            [*reslint, "baseline", "seed.txt", "-o", "b.json"],
            cwd=work,
            check=True,
            capture_output=True,
        )
        command = [*reslint, "check", "--baseline", "b.json", "seed.txt"]
        label = "with [tool.reslint] and --baseline"
        print(f"  {label:<34} {wall(command, work, runs) * 1e3:7.1f} ms")


def in_process(rounds: int) -> None:
    rules = all_rules()
    files = sorted(CORPUS.rglob("*.txt"))
    results = [lint_bytes(p.read_bytes(), str(p), rules) for p in files]
    findings = sum(len(r.findings) for r in results)
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for result in results:
            keys(result)
        best = min(best, time.perf_counter() - start)
    print(
        f"  content keys: {findings} findings in {best * 1e3:.1f} ms "
        f"({findings / best:,.0f} findings/s)"
    )
    recorded = baseline.build(results, ROOT)
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        baseline.apply(results, recorded, ROOT, lambda r: [s.code for s in rules])
        best = min(best, time.perf_counter() - start)
    print(f"  baseline match of {len(recorded.entries)} entries: {best * 1e3:.1f} ms")
    text = baseline.dumps(recorded)
    start = time.perf_counter()
    baseline.Baseline.model_validate_json(text)
    print(
        f"  baseline load ({len(text) / 1e6:.2f} MB): {(time.perf_counter() - start) * 1e3:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print(f"wall time of one check of the seed, new process (median of {args.runs}):")
    process_times(args.runs)
    print("in process, every corpus file:")
    in_process(args.rounds)


if __name__ == "__main__":
    main()
