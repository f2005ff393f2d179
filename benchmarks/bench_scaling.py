"""Does twice the input cost twice the time? Doubling benchmark for parse, check and fix.

Prints numbers, asserts nothing (timings belong here, not in the test suite).

    python benchmarks/bench_scaling.py [--doublings 2] [--only NAME,...] [--modes parse,check,fix]
                                      [--scale 1.0] [--cap 20]

For every generator of ``benchmarks/scaling_inputs.py`` (runs of spaces, markers on one
line, one huge paragraph, many short lines, many footnote markers, nested labels, long
lines with no break, every line-end style...) the size doubles ``--doublings`` times and
each stage is timed (CPU time of this process, the best of three runs or more). The
ratio printed is time(2n) / time(n): about 2 is linear, about 4 quadratic. The
``reference`` generator (ordinary paragraphs) is the baseline of the same run: its ratio
shows what linear looks like on this machine today. A measurement over ``--cap`` seconds
stops that generator's doubling (``>cap``), so a quadratic path cannot stall the run.
"""

from __future__ import annotations

import argparse
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

from scaling_inputs import GENERATORS  # the folder of this script is on sys.path

from linter.engine.lint import lint_text
from linter.engine.registry import all_rules
from linter.fix.fixer import fix_text
from linter.parse.structure import parse
from linter.source.text import Source

MODES = ("parse", "check", "fix")


class OverCap(Exception):
    """A measurement ran past ``--cap`` seconds."""


@contextmanager
def cap(seconds: float) -> Iterator[None]:
    """Interrupt the measurement after ``seconds`` of wall time."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise OverCap

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def stage(mode: str) -> Callable[[str], object]:
    rules = all_rules()
    if mode == "parse":
        return lambda text: parse(Source.from_text(text))
    if mode == "check":
        return lambda text: lint_text(text, "<bench>", rules)
    return lambda text: fix_text(text, rules)


def timed(run: Callable[[str], object], text: str, limit: float) -> float:
    """Best CPU time of ``run(text)``: at least three runs (or 0.5 s of repeats for short
    ones), the fastest kept, so that a busy machine skews the ratios less."""
    best = float("inf")
    spent = 0.0
    runs = 0
    with cap(limit):
        while runs < 3 or spent < 0.5:
            start = time.process_time()
            run(text)
            elapsed = time.process_time() - start
            best = min(best, elapsed)
            spent += elapsed
            runs += 1
            if runs >= 3 and spent > 2.0:
                break
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--doublings", type=int, default=2)
    parser.add_argument("--only", default="", help="comma-separated generator names")
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every base size")
    parser.add_argument("--cap", type=float, default=20.0, help="seconds per measurement")
    args = parser.parse_args()
    names = [n for n in args.only.split(",") if n] or list(GENERATORS)
    modes = [m for m in args.modes.split(",") if m]
    worst: dict[str, tuple[float, str]] = {}
    print(f"{'generator':<22} {'mode':<6} {'size':>9} {'KB':>8} {'seconds':>9} {'ratio':>6}")
    for name in names:
        generate, base = GENERATORS[name]
        for mode in modes:
            run = stage(mode)
            previous: float | None = None
            for step in range(args.doublings + 1):
                size = int(base * args.scale) * 2**step
                text = generate(size)
                kb = len(text.encode("utf-8")) / 1024
                try:
                    seconds = timed(run, text, args.cap)
                except OverCap:
                    print(f"{name:<22} {mode:<6} {size:>9} {kb:>8.1f} {'>cap':>9}")
                    worst[f"{name} {mode}"] = (float("inf"), f"over {args.cap:.0f} s")
                    break
                ratio = seconds / previous if previous else None
                shown = f"{ratio:6.2f}" if ratio is not None else ""
                print(f"{name:<22} {mode:<6} {size:>9} {kb:>8.1f} {seconds:>9.4f} {shown}")
                if ratio is not None:
                    key = f"{name} {mode}"
                    if ratio > worst.get(key, (0.0, ""))[0]:
                        worst[key] = (ratio, f"at {kb:.0f} KB")
                previous = seconds
    print("\nworst ratio per doubling (2 is linear, 4 quadratic):")
    for key, (ratio, where) in sorted(worst.items(), key=lambda item: -item[1][0]):
        flag = "  <-- over 2.5" if ratio > 2.5 else ""
        print(f"  {key:<30} {ratio:6.2f} {where}{flag}")


if __name__ == "__main__":
    main()
