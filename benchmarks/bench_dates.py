"""What the D rules (dates, sessions, symbols) cost: per document, warm and cold.

Prints numbers, asserts nothing (timings belong here, not in the test suite).

    python benchmarks/bench_dates.py [--rounds 5]

* ``check`` throughput on the seed with every rule, and with every rule but D (the
  difference is what D001-D009 add to a pre-commit run);
* the D rules alone on an already parsed Document, per corpus file and in total, both with
  the parse memos warm (the same dates and numbers seen before, as in an archive) and cold
  (every memo cleared before each document: the worst case);
* how many cited acts, dated acts and dates each corpus document has.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from functools import _lru_cache_wrapper
from pathlib import Path

from linter.engine.lint import lint_bytes
from linter.engine.registry import RuleSpec, all_rules
from linter.facts import citations as citations_module
from linter.facts.citations import citations
from linter.facts.grammars import _chinese_numerals, _word_numerals, acts, dates, records, symbols
from linter.parse.model import Document
from linter.parse.structure import parse
from linter.source.text import Source

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
SEED = CORPUS / "seed" / "E-RES-2012-19.zh.txt"

_MEMOS: list[_lru_cache_wrapper[object]] = [
    dates._values,
    acts.parse_act_number,
    records._parse,
    symbols.parse_symbol,
    _chinese_numerals.parse,
    _word_numerals.parse,
]


def clear_memos() -> None:
    for memo in _MEMOS:
        memo.cache_clear()
    citations_module._LAST.clear()


def per_second(run: Callable[[], None], rounds: int, count: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return count / best


def check_rate(data: bytes, rules: tuple[RuleSpec, ...], rounds: int) -> float:
    def run() -> None:
        for _ in range(50):
            lint_bytes(data, "<bench>", rules)

    run()
    return per_second(run, rounds, 50)


def d_rules_ms(doc: Document, rules: list[RuleSpec], cold: bool, repeat: int = 20) -> float:
    best = float("inf")
    for _ in range(repeat):
        if cold:
            clear_memos()
        citations_module._LAST.clear()
        start = time.perf_counter()
        for spec in rules:
            list(spec.check(doc))
        best = min(best, time.perf_counter() - start)
    return best * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    every = all_rules()
    no_d = tuple(r for r in every if r.family != "D")
    d_rules = [r for r in every if r.family == "D"]
    seed = SEED.read_bytes()
    print(f"check, seed ({len(seed) / 1e3:.1f} KB), documents/s on one core:")
    print(f"  every rule ({len(every)})      {check_rate(seed, every, args.rounds):8.1f}")
    print(f"  every rule but D ({len(no_d)}) {check_rate(seed, no_d, args.rounds):8.1f}")

    print("\nD rules alone on a parsed document (ms; best of 20):")
    print(f"  {'file':58} {'KB':>6} {'warm':>6} {'cold':>6} {'acts':>5} {'dated':>5} {'dates':>5}")
    totals = [0.0, 0.0]
    paths = sorted(CORPUS.rglob("*.txt"))
    for path in paths:
        doc = parse(Source.from_path(path))
        warm = d_rules_ms(doc, d_rules, cold=False)
        cold = d_rules_ms(doc, d_rules, cold=True)
        totals[0] += warm
        totals[1] += cold
        found = citations(doc)
        dated = sum(1 for act in found.acts if act.date is not None)
        print(
            f"  {path.name[:58]:58} {path.stat().st_size / 1e3:6.1f} {warm:6.2f} {cold:6.2f} "
            f"{len(found.acts):5d} {dated:5d} {len(found.dates):5d}"
        )
    n = len(paths)
    print(f"  mean over {n} files: warm {totals[0] / n:.2f} ms, cold {totals[1] / n:.2f} ms")


if __name__ == "__main__":
    main()
