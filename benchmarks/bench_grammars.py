"""Throughput of the grammar scans over the shared corpus (calls/s and MB/s).

reslint runs as a pre-commit hook and in CI over thousands of files, so the scans must stay
fast. Run: ``python benchmarks/bench_grammars.py [--corpus DIR] [--seconds N]``. Reads the
seed and the English corpus from ``/work/shared/corpus`` (or ``$RESLINT_CORPUS``) and skips
what is missing. It asserts nothing: it prints numbers to compare between changes.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from linter.facts.grammars.acts import find_resolution_numbers
from linter.facts.grammars.dates import find_dates
from linter.facts.grammars.malformed_symbols import find_malformed_symbols
from linter.facts.grammars.numerals import find_session_numerals
from linter.facts.grammars.records import find_official_records
from linter.facts.grammars.symbols import find_symbols

DEFAULT_CORPUS = Path(os.environ.get("RESLINT_CORPUS", "/work/shared/corpus"))


def _texts(corpus: Path) -> dict[str, list[str]]:
    texts: dict[str, list[str]] = {}
    seed = corpus / "seed" / "E-RES-2012-19.zh.txt"
    if seed.is_file():
        texts["zh"] = [seed.read_text(encoding="utf-8")]
    english = sorted((corpus / "real" / "en").glob("*.txt"))
    if english:
        texts["en"] = [p.read_text(encoding="utf-8") for p in english]
    return texts


def _measure(
    fn: Callable[[str, str], object], texts: list[str], language: str, seconds: float
) -> tuple[float, float, int]:
    for text in texts:  # warm up: build the grammars once
        fn(text, language)
    size = sum(len(t.encode("utf-8")) for t in texts)
    calls = 0
    start = time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for text in texts:
            fn(text, language)
        calls += len(texts)
    return calls / elapsed, size * (calls / len(texts)) / elapsed / 1e6, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seconds", type=float, default=1.0)
    args = parser.parse_args(argv)
    texts = _texts(args.corpus)
    if not texts:
        print(f"no corpus under {args.corpus}: skipped")
        return 0
    scans: dict[str, Callable[[str, str], object]] = {
        "find_dates": find_dates,
        "find_symbols": lambda text, _lang: find_symbols(text),
        "find_malformed_symbols": lambda text, _lang: find_malformed_symbols(text),
        "find_resolution_numbers": find_resolution_numbers,
        "find_session_numerals": find_session_numerals,
        "find_official_records": find_official_records,
    }
    print(f"{'scan':<26}{'lang':<6}{'files':>6}{'KB':>8}{'calls/s':>11}{'MB/s':>8}")
    for language, group in texts.items():
        for name, fn in scans.items():
            rate, mbps, size = _measure(fn, group, language, args.seconds)
            print(
                f"{name:<26}{language:<6}{len(group):>6}{size / 1024:>8.0f}{rate:>11.0f}"
                f"{mbps:>8.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
