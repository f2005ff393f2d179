"""What the audit report costs against ``check``: 1,000 documents, the same run.

Prints numbers, asserts nothing (timings belong here, not in the test suite).

    python benchmarks/bench_report.py [--documents 1000] [--runs 3]

The documents are copies of the corpus files (cycled, each copy under its own name) in a
temporary folder. Each round runs, as new processes on the same files and in turn,
``reslint check --format json`` (the baseline), ``reslint check`` (text view) and
``reslint report -o report.html`` (and ``--format markdown``); the median wall time of
each is printed with the report/check ratio (the goal: under 2x), the size of the HTML
and the peak memory (max RSS) of the report process.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"


def build(folder: Path, documents: int) -> int:
    sources = sorted(CORPUS.rglob("*.txt"))
    size = 0
    for index in range(documents):
        source = sources[index % len(sources)]
        target = folder / f"{index:05d}-{source.name}"
        shutil.copy(source, target)
        size += target.stat().st_size
    return size


def timed(command: list[str]) -> tuple[float, int]:
    """Wall seconds and the peak RSS (KiB) of the children so far."""
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=False)
    return time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    reslint = [sys.executable, "-m", "linter"]
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "docs"
        folder.mkdir()
        size = build(folder, args.documents)
        html = Path(temporary) / "report.html"
        commands = {
            "check --format json": [
                *reslint,
                "check",
                "--isolated",
                "--format",
                "json",
                str(folder),
            ],
            "check (text view)": [*reslint, "check", "--isolated", str(folder)],
            "report (html)": [*reslint, "report", "--isolated", str(folder), "-o", str(html)],
            "report (markdown)": [
                *reslint,
                "report",
                "--isolated",
                "--format",
                "markdown",
                str(folder),
            ],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        timed(commands["check --format json"])  # warm the disk cache and the imports
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(timed(command)[0])
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        median = {name: statistics.median(values) for name, values in times.items()}
        baseline = median["check --format json"]
        print(f"{args.documents} documents, {size / 1e6:.1f} MB, median of {args.runs} runs")
        for name, seconds in median.items():
            print(f"  {name:<22} {seconds:6.2f} s   {seconds / baseline:4.2f}x check")
        print(f"  report.html            {html.stat().st_size / 1e6:6.1f} MB")
        print(f"  peak RSS of any run    {peak / 1024:6.0f} MiB")
        browser_timings(html)


def browser_timings(html: Path) -> None:
    """Load the report in headless Chromium: time to the drawn table, and to open the
    document with the most findings (skipped without a browser or Playwright)."""
    chromium = Path("/usr/bin/chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("  browser: playwright is not installed")
        return
    if not chromium.exists():
        print("  browser: /usr/bin/chromium is missing")
        return
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        start = time.perf_counter()
        page.goto(html.as_uri())
        page.wait_for_selector("#doc-table tbody tr")
        loaded = time.perf_counter() - start
        start = time.perf_counter()
        page.click("#doc-table thead th[data-sort=findings]")
        page.click("#doc-table tbody a >> nth=0")
        page.wait_for_selector("#src")
        opened = time.perf_counter() - start
        marks = page.locator("#src mark").count()
        browser.close()
    print(f"  browser: page ready in {loaded:.2f} s; the document with the most findings")
    print(f"           ({marks} marks) sorted to and opened in {opened:.2f} s")


if __name__ == "__main__":
    main()
