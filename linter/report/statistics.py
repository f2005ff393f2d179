"""``--statistics``: how many findings each rule has, instead of the findings themselves.

Text is a table, most frequent rule first (``    35  A001  repeated-emphasis  [fixable]``);
with ``--format json`` a list of ``{"code", "name", "count", "fixable"}``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from linter.engine.lint import FileResult


@dataclass(frozen=True, slots=True)
class RuleCount:
    code: str
    name: str
    count: int
    fixable: int  # how many of them carry a fix


def count(results: Sequence[FileResult]) -> list[RuleCount]:
    totals: dict[tuple[str, str], list[int]] = {}
    for result in results:
        for finding in result.findings:
            row = totals.setdefault((finding.rule, finding.name), [0, 0])
            row[0] += 1
            row[1] += finding.fix is not None
    rows = [RuleCount(code, name, n, fixable) for (code, name), (n, fixable) in totals.items()]
    return sorted(rows, key=lambda r: (-r.count, r.code))


def render_text(results: Sequence[FileResult], stream: TextIO) -> None:
    rows = count(results)
    for row in rows:
        fixable = (
            "  [fixable]"
            if row.fixable == row.count
            else (f"  [{row.fixable} fixable]" if row.fixable else "")
        )
        stream.write(f"{row.count:>6}  {row.code}  {row.name}{fixable}\n")
    stream.write(f"{sum(r.count for r in rows):>6}  total\n")


def render_json(results: Sequence[FileResult], stream: TextIO) -> None:
    rows = [
        {"code": r.code, "name": r.name, "count": r.count, "fixable": r.fixable}
        for r in count(results)
    ]
    stream.write(json.dumps(rows, indent=2) + "\n")
