"""``--format concise``: ``path:line:col: A001 [warning] message``, one finding per line.

Every finding, nothing folded, no source lines: for editors' quickfix lists, grep and
scripts that read lines. It is also what ``check --quiet`` prints.
"""

from __future__ import annotations

from typing import TextIO

from linter.engine.lint import FileResult


def finding_lines(result: FileResult) -> str:
    """A file's lines: its error, then one line per finding."""
    out = f"{result.path}: error: {result.error}\n" if result.error else ""
    return out + "".join(
        f"{result.path}:{finding.line}:{finding.column}: {finding.rule} "
        f"[{finding.severity}] {finding.message}\n"
        for finding in result.findings
    )


def count_line(total: int, files: int) -> str:
    noun = "finding" if total == 1 else "findings"
    return f"{total} {noun} in {files} file{'s' if files != 1 else ''}\n"


class Writer:
    """Finding lines as files come; the count line at the end (not with ``counted=False``,
    as ``check --quiet`` prints)."""

    def __init__(self, stream: TextIO, counted: bool = True) -> None:
        self.stream = stream
        self.counted = counted
        self.findings = self.files = 0

    def add(self, result: FileResult) -> None:
        self.stream.write(finding_lines(result))
        self.findings += len(result.findings)
        self.files += 1

    def close(self) -> None:
        if self.counted:
            self.stream.write(count_line(self.findings, self.files))
