"""``--format concise``: ``path:line:col: A001 [warning] message``, one finding per line.

Every finding, nothing folded, no source lines: for editors' quickfix lists, grep and
scripts that read lines. ``check --quiet`` prints the same lines for errors only.
"""

from __future__ import annotations

from typing import TextIO

from linter.engine.registry import Severity
from linter.engine.results import FileResult


def finding_lines(result: FileResult, minimum: Severity | None = None) -> tuple[str, int]:
    """A file's lines: its error, then one line per finding (those at or above
    ``minimum`` when given: ``--quiet`` shows errors only); and how many findings."""
    shown = [
        finding
        for finding in result.findings
        if minimum is None or finding.severity.rank >= minimum.rank
    ]
    out = f"{result.path}: error: {result.error}\n" if result.error else ""
    return out + "".join(
        f"{result.path}:{finding.line}:{finding.column}: {finding.rule} "
        f"[{finding.severity}] {finding.message}\n"
        for finding in shown
    ), len(shown)


def count_line(total: int, files: int) -> str:
    noun = "finding" if total == 1 else "findings"
    return f"{total} {noun} in {files} file{'s' if files != 1 else ''}\n"


class Writer:
    """Finding lines as files come; the count line at the end (not with ``counted=False``,
    as ``check --quiet`` prints, which also shows only findings at or above ``minimum``)."""

    def __init__(
        self, stream: TextIO, counted: bool = True, minimum: Severity | None = None
    ) -> None:
        self.stream = stream
        self.counted = counted
        self.minimum = minimum
        self.findings = self.files = 0

    def add(self, result: FileResult) -> None:
        lines, shown = finding_lines(result, self.minimum)
        self.stream.write(lines)
        self.findings += shown
        self.files += 1

    def close(self) -> None:
        if self.counted:
            self.stream.write(count_line(self.findings, self.files))
