"""One JSON object per line and finding, for streaming tools (``jq``, log shippers).

Each line has the fields of a finding in the JSON report (``schemas/report.schema.json``,
``FindingModel``) plus ``path`` and ``fingerprint`` (the content key SARIF and the
baseline use). A file that could not be checked gives one line ``{"path", "error"}``.
Built with the standard library only: no pydantic on this path.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from linter.engine.fingerprint import keys_of
from linter.engine.lint import FileResult, Finding


def finding_object(path: str, finding: Finding, fingerprint: str) -> dict[str, Any]:
    fix = None
    if finding.fix is not None:
        fix = {
            "applicability": finding.fix.applicability,
            "edits": [
                {"start": e.start, "end": e.end, "replacement": e.replacement}
                for e in finding.fix.edits
            ],
        }
    return {
        "path": path,
        "rule": finding.rule,
        "name": finding.name,
        "severity": finding.severity.value,
        "message": finding.message,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "fix": fix,
        "fingerprint": fingerprint,
    }


def render(results: Sequence[FileResult], stream: TextIO) -> None:
    for result in results:
        if result.error:
            stream.write(json.dumps({"path": result.path, "error": result.error}) + "\n")
        for finding, key in zip(result.findings, keys_of(result), strict=True):
            row = finding_object(result.path, finding, key.fingerprint)
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
