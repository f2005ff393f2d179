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
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from linter.engine.fingerprint import keys_of
from linter.engine.lint import FileResult

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def issues(results: Sequence[FileResult]) -> list[dict[str, Any]]:
    found = []
    for result in results:
        path = Path(result.path).as_posix()
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


def render(results: Sequence[FileResult], stream: TextIO) -> None:
    stream.write(json.dumps(issues(results), indent=2, ensure_ascii=False) + "\n")
