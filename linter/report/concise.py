"""``--format concise``: ``path:line:col: A001 [warning] message``, one finding per line.

Every finding, nothing folded, no source lines: for editors' quickfix lists, grep and
scripts that read lines. ``check --quiet`` prints the same lines for errors only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from linter.engine.lint import FileResult
from linter.engine.registry import Severity


def render_findings(
    results: Sequence[FileResult], stream: TextIO, minimum: Severity | None = None
) -> int:
    """The finding lines only, those at or above ``minimum`` when given (``--quiet``
    shows errors only); returns how many were written."""
    total = 0
    for result in results:
        if result.error:
            stream.write(f"{result.path}: error: {result.error}\n")
        for finding in result.findings:
            if minimum is not None and finding.severity.rank < minimum.rank:
                continue
            stream.write(
                f"{result.path}:{finding.line}:{finding.column}: {finding.rule} "
                f"[{finding.severity}] {finding.message}\n"
            )
            total += 1
    return total


def count_line(total: int, files: int) -> str:
    noun = "finding" if total == 1 else "findings"
    return f"{total} {noun} in {files} file{'s' if files != 1 else ''}\n"


def render(results: Sequence[FileResult], stream: TextIO) -> None:
    total = render_findings(results, stream)
    stream.write(count_line(total, len(results)))
