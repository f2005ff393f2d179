"""Progress of a long run on stderr: files done, findings so far, rate.

Only on a terminal, only once a run has gone on for :data:`DELAY` seconds (a pre-commit
run on a few files prints nothing), and never with ``--quiet``. One line, redrawn at most
:data:`INTERVAL` times a second and erased when the run ends, so what stdout and stderr
carry otherwise is the same with or without it.
"""

from __future__ import annotations

import time
from typing import TextIO

#: Seconds before the first line is drawn, and between two lines.
DELAY = 1.0
INTERVAL = 0.2


def wanted(stream: TextIO, quiet: bool) -> bool:
    isatty = getattr(stream, "isatty", None)
    return not quiet and bool(isatty and isatty())


class Progress:
    """Counts results as they come and redraws one line on ``stream``."""

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream = stream
        self.total = total
        self.files = self.findings = 0
        self.started = time.monotonic()
        self.next_draw = self.started + DELAY
        self.drawn = 0  # length of the line on screen

    def __call__(self, findings: int) -> None:
        """One more file done, with ``findings`` findings."""
        self.files += 1
        self.findings += findings
        now = time.monotonic()
        if now >= self.next_draw:
            self.next_draw = now + INTERVAL
            self._draw(self.line(now))

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        share = f" ({100 * self.files // self.total}%)" if self.total else ""
        return (
            f"reslint: {self.files:,}/{self.total:,} files{share}, "
            f"{self.findings:,} findings, {self.files / elapsed:,.1f} files/s"
        )

    def _draw(self, text: str) -> None:
        self.stream.write("\r" + text.ljust(self.drawn))
        self.stream.flush()
        self.drawn = len(text)

    def close(self) -> None:
        """Erase the line (nothing was drawn for a short run)."""
        if self.drawn:
            self.stream.write("\r" + " " * self.drawn + "\r")
            self.stream.flush()
            self.drawn = 0
