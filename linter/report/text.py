"""The text view for people: findings grouped by file, each under its source line.

Each file with findings gets a header, then each finding: position, severity, code,
``[*]`` when ``reslint fix`` repairs it, the message, and the source line with a caret
under the span. By default the view folds what needs no reading:

- layout findings (A002, A004, A006: most of an extracted text's findings; see
  :data:`~linter.report.folding.LAYOUT_RULES`) become one
  line per file with their counts;
- of a rule that ``reslint fix`` repairs, the first :data:`EXAMPLES` findings of a file
  are shown and the rest counted on one line.

Findings without a safe fix (numbering, footnotes, dates: what an editor must act on) are
never folded. ``--show-all`` lists everything; ``--severity`` shows only findings at or
above a severity. The run ends, as ruff's does, with how many findings ``reslint fix``
would repair, and then the count line ``N findings in M files``. Colour (ANSI) only when
asked: the command line decides (``--color``, ``NO_COLOR``, a terminal or not).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from linter.engine.reading import read_limited
from linter.engine.registry import Severity
from linter.engine.results import FileResult, Finding
from linter.report.concise import count_line
from linter.report.folding import is_layout, safely_fixable, unsafely_fixable
from linter.report.snippet import caret_lines
from linter.source.frozen import record
from linter.source.text import DecodeError, Line, decode, split_lines

#: Findings of one fixable rule shown per file before the rest are counted.
EXAMPLES = 3
_COLOURS = {"error": "31", "warning": "33", "info": "34"}


@record
class TextOptions:
    color: bool = False
    show_all: bool = False
    severity: Severity | None = None  # show only findings at or above it
    width: int = 100  # terminal columns for source lines


class _Style:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color and text else text


def _lines(result: FileResult) -> tuple[Line, ...] | None:
    """The file's lines: from the result, else read again (None if that fails)."""
    if result.source is not None:
        return result.source.lines
    try:
        return split_lines(decode(read_limited(Path(result.path))))
    except (OSError, DecodeError):
        return None


@dataclass
class _Fold:
    shown: list[Finding]
    layout: Counter[str]
    repeats: Counter[str]
    filtered: int


def fold(findings: Sequence[Finding], options: TextOptions) -> _Fold:
    """Which findings of one file the view lists, and what it counts instead."""
    folded = _Fold([], Counter(), Counter(), 0)
    seen: Counter[str] = Counter()
    for finding in findings:
        if options.severity is not None and finding.severity.rank < options.severity.rank:
            folded.filtered += 1
        elif options.show_all:
            folded.shown.append(finding)
        elif is_layout(finding):
            folded.layout[finding.rule] += 1
        elif safely_fixable(finding) and seen[finding.rule] >= EXAMPLES:
            folded.repeats[finding.rule] += 1
        else:
            seen[finding.rule] += safely_fixable(finding)
            folded.shown.append(finding)
    return folded


def _finding(finding: Finding, lines: tuple[Line, ...] | None, options: TextOptions) -> str:
    style = _Style(options.color)
    colour = _COLOURS.get(str(finding.severity), "0")
    mark = ""
    if safely_fixable(finding):
        mark = " " + style("[*]", "36")
    elif unsafely_fixable(finding):
        mark = " " + style("[unsafe fix]", "36")
    position = f"{finding.line}:{finding.column}"
    out = (
        f"  {position:<8} {style(str(finding.severity), colour)} "
        f"{style(finding.rule, '1')}{mark} {finding.message}\n"
    )
    if lines is None or not 1 <= finding.line <= len(lines):
        return out
    line = lines[finding.line - 1]
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line.text) + 1
    gutter = f"{finding.line:>6} | "
    excerpt, carets = caret_lines(line.text, start, end, max(options.width - len(gutter), 40))
    blank = " " * (len(gutter) - 2) + "| "
    out += style(gutter, "2") + excerpt + "\n"
    out += style(blank, "2") + style(carets, colour) + "\n"
    return out


def _file(result: FileResult, options: TextOptions) -> tuple[str, int]:
    """One file's section and how many findings it lists."""
    style = _Style(options.color)
    if result.error:
        return f"{style(result.path, '1')}: error: {result.error}\n", 0
    folded = fold(result.findings, options)
    if not folded.shown and not folded.layout and not folded.repeats:
        return "", 0
    fixable = sum(safely_fixable(f) for f in result.findings)
    total = len(result.findings)
    about = f"{total} finding{'s' if total != 1 else ''}, {fixable} fixable"
    out = f"{style(result.path, '1')}  ({result.language or 'und'}; {about})\n"
    lines = _lines(result) if folded.shown else None
    out += "".join(_finding(finding, lines, options) for finding in folded.shown)
    names = {finding.rule: finding.name for finding in result.findings}
    for rule, count in sorted(folded.repeats.items()):
        out += f"  … {count} more {rule} {names[rule]} {style('[*]', '36')}\n"
    if folded.layout:
        counts = ", ".join(f"{rule} {folded.layout[rule]}" for rule in sorted(folded.layout))
        layout = sum(folded.layout.values())
        out += (
            f"  {layout} layout repair{'s' if layout != 1 else ''} ({counts}) "
            f"{style('[*]', '36')}: `reslint fix` makes them\n"
        )
    return out, len(folded.shown)


class Writer:
    """The view, file by file; what the run adds up to at the end."""

    def __init__(self, stream: TextIO, options: TextOptions | None = None) -> None:
        self.stream = stream
        self.options = options or TextOptions()
        self.files = self.findings = self.listed = self.shown = 0
        self.fixable = self.unsafe = 0

    def add(self, result: FileResult) -> None:
        section, listed = _file(result, self.options)
        if section:
            self.stream.write(section + "\n")
        severity = self.options.severity
        self.files += 1
        self.findings += len(result.findings)
        self.listed += listed
        self.shown += sum(
            1 for f in result.findings if severity is None or f.severity.rank >= severity.rank
        )
        self.fixable += sum(safely_fixable(f) for f in result.findings)
        self.unsafe += sum(unsafely_fixable(f) for f in result.findings)

    def close(self) -> None:
        options, stream = self.options, self.stream
        if self.shown > self.listed:
            folded = self.shown - self.listed
            stream.write(
                f"{folded} finding{'s' if folded != 1 else ''} folded as counted above: "
                "--show-all lists them\n"
            )
        if self.shown < self.findings and options.severity is not None:
            stream.write(
                f"{self.findings - self.shown} findings below {options.severity} not shown "
                f"(--severity {options.severity})\n"
            )
        if self.fixable or self.unsafe:
            style = _Style(options.color)
            hidden = f" ({self.unsafe} more with --unsafe-fixes)" if self.unsafe else ""
            stream.write(
                f"{style('[*]', '36')} {self.fixable} fixable with `reslint fix` "
                f"(or `reslint check --fix`){hidden}\n"
            )
        stream.write(count_line(self.findings, self.files))
