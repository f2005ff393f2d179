"""What a run of ``reslint check`` costs, paired in one run against a floor and other tools.

Prints numbers, asserts nothing.

    python benchmarks/bench_speed.py [--rounds 5] [--one-file-runs 15]

On the first corpus (the seed and 56 English extractions, 57 files), each command runs as
a new process, ``--rounds`` times, the commands in turn within each round (so a change in
the machine's load falls on all of them alike); the medians of wall time and of CPU time
(the process and the workers it waited for) are printed, and the ratio of each to
AutoCorrect's CPU time:

* the floor: a bare Python process that reads every file and runs one regular
  expression over it (what any Python linter pays at least);
* ``reslint check --jobs 1`` without the cache (cold), with the default worker choice,
  and with a warm cache (the same files checked before);
* AutoCorrect (its Python binding, ``autocorrect-py``), proselint and textlint, where
  installed (``benchmarks/install_comparison_tools.sh``, then ``RESLINT_BENCH_TOOLS``).

Then one file as a pre-commit hook runs it, ``reslint check SEED``, median wall time of
``--one-file-runs`` new processes, with byte-code caching on (as an installed package has
it; the environment variable ``PYTHONDONTWRITEBYTECODE`` is removed for every run here):

* truly cold: a fresh cache folder for every run (no results, no compiled patterns);
* the pre-commit case: the file changed since the last run (its result is not in the
  cache) but reslint has run before (the compiled-pattern cache is warm);
* the file unchanged since the last run (a cache hit);
* ``--no-cache`` (neither cache read nor written).

Every run here uses ``--cache-dir`` (or ``--no-cache``) and ``RESLINT_CACHE_DIR`` is
removed, so the user's own cache folder is neither read nor written.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
SEED = CORPUS / "seed" / "E-RES-2012-19.zh.txt"
FILES = sorted([SEED, *(CORPUS / "en").glob("*.txt")])

_FLOOR = (
    "import re, sys\n"
    "pattern = re.compile(r'(\\w+)\\s+\\1')\n"
    "for path in sys.argv[1:]:\n"
    "    with open(path, encoding='utf-8') as f:\n"
    "        pattern.findall(f.read())\n"
)
_AUTOCORRECT = (
    "import sys, autocorrect_py\n"
    "for path in sys.argv[1:]:\n"
    "    with open(path, encoding='utf-8') as f:\n"
    "        autocorrect_py.lint_for(f.read(), path)\n"
)


def environment() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("PYTHONDONTWRITEBYTECODE", "RESLINT_CACHE_DIR", "RESLINT_NO_PATTERN_CACHE"):
        env.pop(name, None)
    return env


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall s, CPU s of the process and the children it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=False, cwd=ROOT, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def commands(tools: Path | None, cache: Path) -> dict[str, list[str]]:
    files = [str(path) for path in FILES]
    reslint = [sys.executable, "-m", "linter", "check", "--format", "json"]
    found = {
        "floor (read + regex)": [sys.executable, "-c", _FLOOR, *files],
        "reslint --jobs 1, cold": [*reslint, "--no-cache", "--jobs", "1", *files],
        "reslint (default jobs), cold": [*reslint, "--no-cache", *files],
        "reslint, warm cache": [*reslint, "--cache-dir", str(cache), *files],
    }
    if tools is None:
        return found
    python = tools / "venv" / "bin" / "python"
    if python.exists():
        found["AutoCorrect (autocorrect-py)"] = [str(python), "-c", _AUTOCORRECT, *files]
    proselint = tools / "venv" / "bin" / "proselint"
    if proselint.exists():
        found["proselint"] = [str(proselint), "check", *files]
    textlint = tools / "node" / "node_modules" / ".bin" / "textlint"
    if textlint.exists():
        config = tools / "node" / ".textlintrc.json"
        found["textlint (2 rules)"] = [str(textlint), "--config", str(config), *files]
    return found


def corpus(rounds: int, tools: Path | None, env: dict[str, str]) -> None:
    size = sum(path.stat().st_size for path in FILES)
    with tempfile.TemporaryDirectory(prefix="reslint-bench-cache-") as folder:
        table = commands(tools, Path(folder))
        subprocess.run(table["reslint, warm cache"], capture_output=True, env=env, cwd=ROOT)
        walls: dict[str, list[float]] = {name: [] for name in table}
        cpus: dict[str, list[float]] = {name: [] for name in table}
        names = list(table)
        for round_number in range(rounds):
            shift = round_number % len(names)
            for name in names[shift:] + names[:shift]:
                wall, cpu = timed(table[name], env)
                walls[name].append(wall)
                cpus[name].append(cpu)
    print(f"{len(FILES)} files, {size / 1e6:.2f} MB; median of {rounds} rounds:")
    reference = statistics.median(cpus.get("AutoCorrect (autocorrect-py)", [0.0]))
    floor = statistics.median(cpus["floor (read + regex)"])
    for name in names:
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        versus = f"{cpu / reference:5.2f}x AutoCorrect CPU" if reference else ""
        print(
            f"  {name:<30} wall {wall * 1e3:7.0f} ms  cpu {cpu * 1e3:7.0f} ms  "
            f"{cpu / floor:5.1f}x floor  {versus}"
        )
    if tools is None:
        print(
            "  (comparison tools: run benchmarks/install_comparison_tools.sh and set "
            "RESLINT_BENCH_TOOLS)"
        )


def _results_gone(folder: Path) -> None:
    """The results cache of ``folder`` removed, its compiled patterns kept."""
    for path in folder.glob("results-v1.sqlite*"):
        path.unlink()


def _fresh(folder: Path) -> None:
    """``folder`` emptied: no results cache, no compiled patterns."""
    shutil.rmtree(folder, ignore_errors=True)


def one_file(runs: int, env: dict[str, str]) -> None:
    bare = sorted(timed([sys.executable, "-c", "pass"], env)[0] for _ in range(runs))
    print(f"one file ({SEED.name}), median of {runs} new processes (best in brackets):")
    print(f"  python -c pass                     {statistics.median(bare) * 1e3:5.0f} ms")
    with tempfile.TemporaryDirectory(prefix="reslint-bench-cache-") as folder:
        root = Path(folder)
        check = [sys.executable, "-m", "linter", "check"]
        # (label, cache folder or None for --no-cache, what is done to it before each run)
        cases: list[tuple[str, Path | None, Callable[[Path], None] | None]] = [
            ("truly cold (fresh cache folder)", root / "cold", _fresh),
            ("pre-commit (file changed)", root / "warm", _results_gone),
            ("file unchanged (cache hit)", root / "hit", None),
            ("--no-cache", None, None),
        ]
        for label, cache, before in cases:
            flags = ["--no-cache"] if cache is None else ["--cache-dir", str(cache)]
            command = [*check, *flags, str(SEED)]
            subprocess.run(command, capture_output=True, env=env, cwd=ROOT)  # byte code, caches
            walls = []
            for _ in range(runs):
                if before is not None and cache is not None:
                    before(cache)
                walls.append(timed(command, env)[0])
            walls.sort()
            print(
                f"  {label:<34} {statistics.median(walls) * 1e3:5.0f} ms ({walls[0] * 1e3:.0f} ms)"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--one-file-runs", type=int, default=15)
    args = parser.parse_args()
    tools = os.environ.get("RESLINT_BENCH_TOOLS")
    env = environment()
    load = os.getloadavg()[0]
    print(f"cores: {len(os.sched_getaffinity(0))}; load average before: {load:.2f}")
    corpus(args.rounds, Path(tools) if tools else None, env)
    one_file(args.one_file_runs, env)


if __name__ == "__main__":
    main()
