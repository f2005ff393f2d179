"""GitLab Code Quality (a subset of the Code Climate issue format), for merge requests.

A JSON array of issues: ``description``, ``check_name`` (``A001 repeated-emphasis``),
``fingerprint``, ``severity`` and ``location`` (``path``, ``positions`` with begin and end
line and column). GitLab shows only the first issue of a fingerprint, so it must be unique
per issue: it hashes the path with the content key of :mod:`linter.engine.fingerprint` (which
already counts occurrences), so it survives lines moving like the baseline does.
Severities: error → ``major``, warning → ``minor``, info → ``info``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, TextIO

from linter.engine.fingerprint import keys_of
from linter.engine.results import FileResult
from linter.report.jsonstream import Frame, hole

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def issues(result: FileResult) -> list[dict[str, Any]]:
    """The issues of one file: its error, then one per finding."""
    path = Path(result.path).as_posix()
    found = []
    if result.error:
        found.append(
            {
                "type": "issue",
                "description": f"not checked: {result.error}",
                "check_name": "reslint",
                "fingerprint": _hash(f"{path}\x1ferror"),
                "severity": "critical",
                "location": {"path": path, "lines": {"begin": 1}},
            }
        )
    for finding, key in zip(result.findings, keys_of(result), strict=True):
        found.append(
            {
                "type": "issue",
                "description": f"{finding.rule} {finding.message}",
                "check_name": f"{finding.rule} {finding.name}",
                "fingerprint": _hash(f"{path}\x1f{key.fingerprint}"),
                "severity": SEVERITIES[finding.severity.value],
                "location": {
                    "path": path,
                    "positions": {
                        "begin": {"line": finding.line, "column": finding.column},
                        "end": {"line": finding.end_line, "column": finding.end_column},
                    },
                },
            }
        )
    return found


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class Writer:
    """The array of issues, one issue per line as files come."""

    def __init__(self, stream: TextIO) -> None:
        self.frame = Frame(hole("issues"), ["issues"], stream)

    def add(self, result: FileResult) -> None:
        for issue in issues(result):
            self.frame.item(issue)

    def close(self) -> None:
        self.frame.end_array()
        self.frame.stream.write("\n")
