"""``--statistics``: how many findings each rule has, instead of the findings themselves.

Text is a table, most frequent rule first (``    35  A001  repeated-emphasis  [fixable]``);
with ``--format json`` a list of ``{"code", "name", "count", "fixable"}``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from linter.engine.results import FileResult
from linter.source.frozen import record


@record
class RuleCount:
    code: str
    name: str
    count: int
    fixable: int  # how many of them carry a fix


class Counts:
    """Findings per rule, counted as results come."""

    def __init__(self) -> None:
        self.totals: dict[tuple[str, str], list[int]] = {}

    def add(self, result: FileResult) -> None:
        for finding in result.findings:
            row = self.totals.setdefault((finding.rule, finding.name), [0, 0])
            row[0] += 1
            row[1] += finding.fix is not None

    def rows(self) -> list[RuleCount]:
        rows = [RuleCount(c, name, n, fixable) for (c, name), (n, fixable) in self.totals.items()]
        return sorted(rows, key=lambda r: (-r.count, r.code))


def write_text(rows: Sequence[RuleCount], stream: TextIO) -> None:
    for row in rows:
        fixable = (
            "  [fixable]"
            if row.fixable == row.count
            else (f"  [{row.fixable} fixable]" if row.fixable else "")
        )
        stream.write(f"{row.count:>6}  {row.code}  {row.name}{fixable}\n")
    stream.write(f"{sum(r.count for r in rows):>6}  total\n")


def write_json(rows: Sequence[RuleCount], stream: TextIO) -> None:
    objects = [
        {"code": r.code, "name": r.name, "count": r.count, "fixable": r.fixable} for r in rows
    ]
    stream.write(json.dumps(objects, indent=2) + "\n")


class Writer(Counts):
    """``--statistics``: the table (or with ``as_json``, the list) when the run ends."""

    def __init__(self, stream: TextIO, as_json: bool = False) -> None:
        super().__init__()
        self.stream = stream
        self.as_json = as_json

    def close(self) -> None:
        (write_json if self.as_json else write_text)(self.rows(), self.stream)
