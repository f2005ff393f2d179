"""Scale: memory and throughput of ``reslint check`` on thousands of documents.

Prints numbers, asserts nothing.

    python benchmarks/bench_scale.py [--sizes 2000 10000] [--jobs 0 1] [--format json]
                                     [--source first|all] [--dask]

A corpus of N documents is built by copying corpus files (``first``: the seed and the 56
English extractions, 57 files, the issue's first corpus; ``all``: every corpus file) into
a temporary folder, round robin, 1,000 to a folder. Each run is a new process with
``--no-cache`` (copies of one file would otherwise be cache hits), writing the report to
a file; it prints

* wall time, CPU time (this process and its workers), documents/s and MB/s, per core;
* the peak memory (resident set) of the parent process and of the largest worker;
* with ``--jobs`` giving several values, whether their outputs are byte-identical;
* with ``--dask``, the same run on a two-worker ``LocalCluster`` started here.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"

#: Runs the command line and reports its peak memory and that of its largest child.
_MEASURED = """
import resource, sys, time
from linter.cli.main import run
start = time.perf_counter()
with open(sys.argv[1], "w", encoding="utf-8") as out:
    code = run(sys.argv[2:], out, sys.stderr)
wall = time.perf_counter() - start
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{wall} {me.ru_utime + me.ru_stime} {kids.ru_utime + kids.ru_stime} "
      f"{me.ru_maxrss} {kids.ru_maxrss} {code}", file=sys.stderr)
"""


def sources(kind: str) -> list[Path]:
    if kind == "first":
        return sorted([CORPUS / "seed" / "E-RES-2012-19.zh.txt", *(CORPUS / "en").glob("*.txt")])
    return sorted(CORPUS.rglob("*.txt"))


def build(folder: Path, files: list[Path], count: int) -> int:
    """``count`` documents copied round robin into ``folder``; returns their bytes."""
    total = 0
    for index in range(count):
        source = files[index % len(files)]
        target = folder / f"d{index // 1000:03d}" / f"{index:06d}-{source.name}"
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(source, target)
        total += source.stat().st_size
    return total


def measure(args: list[str], output: Path) -> tuple[float, float, float, int, int]:
    """(wall s, parent CPU s, workers CPU s, parent peak KB, largest worker peak KB)."""
    command = [sys.executable, "-c", _MEASURED, str(output), *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    last = done.stderr.strip().splitlines()[-1].split()
    wall, parent_cpu, workers_cpu, parent_kb, worker_kb, code = last
    if code not in ("0", "1"):
        raise SystemExit(f"reslint failed ({code}): {done.stderr[-500:]}")
    return float(wall), float(parent_cpu), float(workers_cpu), int(parent_kb), int(worker_kb)


def report(label: str, docs: int, size: int, figures: tuple[float, float, float, int, int]) -> None:
    wall, parent_cpu, workers_cpu, parent_kb, worker_kb = figures
    cpu = parent_cpu + workers_cpu
    print(
        f"  {label:<16} wall {wall:7.1f} s  cpu {cpu:7.1f} s  "
        f"{docs / cpu:7.1f} docs/s/core  {size / 1e6 / cpu:5.2f} MB/s/core  "
        f"({docs / wall:7.1f} docs/s, {size / 1e6 / wall:5.2f} MB/s wall)  "
        f"parent peak {parent_kb / 1024:6.1f} MB  worker peak {worker_kb / 1024:6.1f} MB"
    )


def dask_run(folder: Path, output: Path, fmt: str) -> tuple[float, float, float, int, int] | None:
    try:
        from distributed import LocalCluster
    except ImportError:
        print("  dask: not installed (pip install 'reslint[dask]')")
        return None
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster:
        args = ["check", "--no-cache", "--format", fmt, "--executor", "dask"]
        return measure([*args, "--scheduler", cluster.scheduler_address, str(folder)], output)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[0])
    parser.add_argument("--format", default="json")
    parser.add_argument("--source", choices=["first", "all"], default="first")
    parser.add_argument("--dask", action="store_true")
    args = parser.parse_args()
    files = sources(args.source)
    print(f"cores: {len(os.sched_getaffinity(0))}; source: {args.source} ({len(files)} files)")
    for count in args.sizes:
        with tempfile.TemporaryDirectory(prefix="reslint-scale-") as temporary:
            folder = Path(temporary) / "docs"
            folder.mkdir()
            size = build(folder, files, count)
            print(f"{count} documents, {size / 1e6:.1f} MB, --format {args.format}:")
            outputs = []
            for jobs in args.jobs:
                output = Path(temporary) / f"out-{jobs}"
                command = ["check", "--no-cache", "--format", args.format, "--jobs", str(jobs)]
                figures = measure([*command, str(folder)], output)
                report(f"--jobs {jobs}", count, size, figures)
                outputs.append(output)
            if len(outputs) > 1:
                same = all(filecmp.cmp(outputs[0], o, shallow=False) for o in outputs[1:])
                print(f"  outputs byte-identical across --jobs {args.jobs}: {same}")
            if args.dask:
                output = Path(temporary) / "out-dask"
                figures_dask = dask_run(folder, output, args.format)
                if figures_dask is not None:
                    report("dask, 2 workers", count, size, figures_dask)
                    same = filecmp.cmp(outputs[0], output, shallow=False)
                    print(f"  dask output byte-identical to --jobs {args.jobs[0]}: {same}")


if __name__ == "__main__":
    main()
