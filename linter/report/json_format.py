"""The JSON report (``schemas/report.schema.json``), for CI and data teams."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from linter.engine.lint import FileResult
from linter.report.schema import build_report


def render(results: Sequence[FileResult], stream: TextIO) -> None:
    stream.write(build_report(list(results)).model_dump_json(indent=2))
    stream.write("\n")
