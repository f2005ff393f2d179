"""Output formats, one module per format, each written file by file.

Each format module defines ``Writer(stream)`` with ``add(result)``, called for each file
in the order of the run, and ``close()``, which writes whatever ends the output (counts, a
summary, closing brackets). A run streams its results into every writer at once and keeps
none of them, so memory does not grow with the number of files, and the bytes written do
not depend on how many workers linted the files.

:data:`FORMATS` maps the names ``--format`` and ``--output FORMAT=PATH`` accept to those
modules, imported only when chosen (a pre-commit run that prints text never pays for
pydantic or XML); :data:`NEEDS` says what each needs besides the findings.
"""

from __future__ import annotations

import importlib
from typing import Protocol, TextIO

from linter.engine.needs import Needs
from linter.engine.results import FileResult

FORMATS: dict[str, str] = {
    "text": "linter.report.text",
    "concise": "linter.report.concise",
    "json": "linter.report.json_format",
    "json-lines": "linter.report.json_lines",
    "sarif": "linter.report.sarif",
    "junit": "linter.report.junit",
    "github": "linter.report.github",
    "gitlab": "linter.report.gitlab",
}

#: What a format needs of each result besides its findings (content keys for
#: fingerprints, edit regions for SARIF's fixes), computed where the file is linted.
NEEDS: dict[str, Needs] = {
    "json-lines": Needs(keys=True),
    "sarif": Needs(keys=True, edit_regions=True),
    "gitlab": Needs(keys=True),
}


class Writer(Protocol):
    """A format being written: one file's result at a time, then the end."""

    def add(self, result: FileResult) -> None: ...

    def close(self) -> None: ...


def writer(name: str, stream: TextIO) -> Writer:
    """A writer of format ``name`` on ``stream``."""
    made: Writer = importlib.import_module(FORMATS[name]).Writer(stream)
    return made
