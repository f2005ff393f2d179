"""The JSON report (``schemas/report.schema.json``), for CI and data teams, streamed.

The pydantic models of :mod:`linter.report.schema` are the contract and generate the
schema; the report itself is written with the standard library as results come, one file
object after another and one finding per line, so a run over an archive neither builds
one model of everything nor waits for the last file to write the first::

    {"version": 1,
     "tool": {"name": "reslint", "version": "0.1.0"},
     "files": [
      {"path": "a.txt", "language": "zh", "error": null, "findings": [
       {"rule": "A001", "name": "repeated-emphasis", ...}]}
     ],
     "summary": {"files": 1, "findings": 1, "by_rule": {"A001": 1}, "by_severity": {...}}}

The tests validate what is written against the schema and against the models.
"""

from __future__ import annotations

import json
from collections import Counter
from json.encoder import encode_basestring
from typing import TextIO

from linter import __version__
from linter.engine.results import FileResult, Finding

_encode = json.JSONEncoder(ensure_ascii=False).encode


def finding_json(finding: Finding) -> str:
    """A finding's object in the report, as ``json.dumps`` writes it (fields in the
    schema's order), formatted directly: this is the inner loop of a large report."""
    fix = "null"
    if finding.fix is not None:
        edits = ", ".join(
            f'{{"start": {e.start}, "end": {e.end}, '
            f'"replacement": {encode_basestring(e.replacement)}}}'
            for e in finding.fix.edits
        )
        fix = f'{{"applicability": "{finding.fix.applicability}", "edits": [{edits}]}}'
    return (
        f'{{"rule": "{finding.rule}", "name": "{finding.name}", '
        f'"severity": "{finding.severity.value}", "message": {encode_basestring(finding.message)}, '
        f'"line": {finding.line}, "column": {finding.column}, "end_line": {finding.end_line}, '
        f'"end_column": {finding.end_column}, "fix": {fix}}}'
    )


class Writer:
    """Writes the report's head at once, a file object per result, the summary at the end."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.files = 0
        self.by_rule: Counter[str] = Counter()
        self.by_severity: Counter[str] = Counter()
        tool = _encode({"name": "reslint", "version": __version__})
        stream.write(f'{{"version": 1,\n "tool": {tool},\n "files": [')

    def add(self, result: FileResult) -> None:
        head = _encode({"path": result.path, "language": result.language, "error": result.error})
        findings = ",".join("\n   " + finding_json(finding) for finding in result.findings)
        comma = "," if self.files else ""
        self.stream.write(f'{comma}\n  {head[:-1]}, "findings": [{findings}]}}')
        self.files += 1
        for finding in result.findings:
            self.by_rule[finding.rule] += 1
            self.by_severity[finding.severity.value] += 1

    def close(self) -> None:
        summary = {
            "files": self.files,
            "findings": sum(self.by_rule.values()),
            "by_rule": dict(sorted(self.by_rule.items())),
            "by_severity": dict(sorted(self.by_severity.items())),
        }
        self.stream.write(f'\n ],\n "summary": {_encode(summary)}}}\n')
