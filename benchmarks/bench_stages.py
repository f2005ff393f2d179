"""Where a document's linting time goes: each stage and rule, in one process, warm.

Prints numbers, asserts nothing.

    python benchmarks/bench_stages.py [--rounds 5] [--source first|all]

Every corpus file (``first``: the seed and the 56 English extractions, the issue's first
corpus; ``all``: every file under ``tests/corpus``) is linted once to warm the caches
(compiled patterns, lexicons), then ``--rounds`` times; the time between the engine's
stage marks (``linter.engine.budget.stage``: line index and language, parse, each rule,
the versions' facts) is added up per stage and the best round's total is printed with
MB/s on one core. The floor beside it: one pass of a regular expression over every text
(``\\w+``), the least any Python linter pays to read the words once.

A rule's time includes the facts it is the first to ask for (the dates, the canonical
layout): the rules that ask later find them computed.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import linter.engine.lint as lint
from linter.engine.registry import all_rules

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"


def sources(kind: str) -> list[Path]:
    if kind == "first":
        return sorted([CORPUS / "seed" / "E-RES-2012-19.zh.txt", *(CORPUS / "en").glob("*.txt")])
    return sorted(CORPUS.rglob("*.txt"))


class StageClock:
    """Stands in for the engine's ``stage`` mark: the time from one mark to the next is the
    named stage's."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self.current: str | None = None
        self.since = 0.0

    def __call__(self, name: str | None) -> None:
        now = time.perf_counter()
        if self.current is not None:
            self.spent[self.current] = self.spent.get(self.current, 0.0) + now - self.since
        self.current, self.since = name, now


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--source", choices=("first", "all"), default="first")
    args = parser.parse_args()

    files = [(str(path), path.read_bytes()) for path in sources(args.source)]
    megabytes = sum(len(data) for _, data in files) / 1e6
    rules = all_rules()
    for path, data in files:
        lint.lint_bytes(data, path, rules)

    best_total, best_spent = float("inf"), dict[str, float]()
    clock = StageClock()
    setattr(lint, "stage", clock)  # noqa: B010  # the engine marks its stages here
    for _ in range(args.rounds):
        clock.spent.clear()
        start = time.perf_counter()
        for path, data in files:
            lint.lint_bytes(data, path, rules)
            clock(None)
        total = time.perf_counter() - start
        if total < best_total:
            best_total, best_spent = total, dict(clock.spent)

    words = re.compile(r"\w+")
    texts = [data.decode("utf-8", errors="replace") for _, data in files]
    floor = float("inf")
    for _ in range(args.rounds):
        start = time.perf_counter()
        for text in texts:
            words.findall(text)
        floor = min(floor, time.perf_counter() - start)

    print(
        f"{len(files)} files, {megabytes:.2f} MB ({args.source}), {len(rules)} rules: "
        f"{best_total * 1e3:.0f} ms, {megabytes / best_total:.2f} MB/s on one core "
        f"(best of {args.rounds}); floor (one \\w+ pass) {floor * 1e3:.1f} ms"
    )
    other = best_total - sum(best_spent.values())
    ranked = sorted(best_spent.items(), key=lambda item: -item[1])
    for name, seconds in [*ranked, ("(between stages)", other)]:
        share = 100 * seconds / best_total
        print(f"  {seconds * 1e3:8.1f} ms  {share:5.1f} %  {name}")


if __name__ == "__main__":
    main()
