"""GitHub Actions workflow commands: each finding becomes an annotation on the diff.

``::warning file=a.txt,line=8,col=2,endLine=8,endColumn=34,title=A001 repeated-emphasis::…``.
Severity ``info`` becomes ``notice``. GitHub accepts columns only for a span on one line,
so a span over several lines gives lines only. Values are escaped as the workflow command
syntax requires (``%``, CR, LF everywhere; ``:`` and ``,`` inside properties).
"""

from __future__ import annotations

from typing import TextIO

from linter.engine.results import FileResult, Finding

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(path: str, finding: Finding) -> str:
    properties = [f"file={escape_property(path)}", f"line={finding.line}"]
    if finding.line == finding.end_line:
        properties.append(f"col={finding.column}")
    properties.append(f"endLine={finding.end_line}")
    if finding.line == finding.end_line:
        properties.append(f"endColumn={finding.end_column}")
    properties.append(f"title={escape_property(f'{finding.rule} {finding.name}')}")
    level = LEVELS[finding.severity.value]
    return f"::{level} {','.join(properties)}::{escape_data(finding.message)}"


class Writer:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def add(self, result: FileResult) -> None:
        if result.error:
            self.stream.write(
                f"::error file={escape_property(result.path)},title=reslint"
                f"::{escape_data(result.error)}\n"
            )
        self.stream.writelines(annotation(result.path, f) + "\n" for f in result.findings)

    def close(self) -> None:
        pass
