"""Output formats, one module per format.

Each format module defines ``render(results, stream)``; :data:`FORMATS` maps the names
``--format`` and ``--output FORMAT=PATH`` accept to those modules, imported only when
chosen (a pre-commit run that prints text never pays for pydantic or XML).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TextIO

from linter.engine.lint import FileResult

Renderer = Callable[[Sequence[FileResult], TextIO], None]

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


def renderer(name: str) -> Renderer:
    module = importlib.import_module(FORMATS[name])
    render: Renderer = module.render
    return render
