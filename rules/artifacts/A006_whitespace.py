"""A006 whitespace."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.layout import FURNITURE, Kind
from linter.model import Document
from linter.registry import Edit, Fix, FixAvailability, Hit, Severity, rule

_TRAILING = re.compile(r"[ \t\u3000\u00a0]+$")
_INDENT = re.compile(r"^[ \t\u3000\u00a0]+(?=\S)")
_RUN = re.compile(r"(?<=\S)(?: {2,}|\t[ \t]*| ?\t)(?=\S)")
# Separator lines and furniture are A004's business, not this rule's.
_SKIP = FURNITURE | {Kind.SEPARATOR, Kind.FRONT_MATTER}


def _whitespace_fix(start: int, end: int, replacement: str) -> Fix:
    return Fix((Edit(start, end, replacement),), removes="whitespace")


@rule("A006", "whitespace", Severity.WARNING, FixAvailability.SAFE)
def whitespace(doc: Document) -> Iterator[Hit]:
    """Trailing spaces, stray indentation, runs of spaces inside a line, tabs, CR line ends.

    Why:
        PDF extraction pads lines with spaces, indents paragraph starts and wrapped titles,
        leaves runs of spaces where a superscript or a column was, and sometimes keeps
        CR line ends. None of it is text; all of it defeats diffs, searches and the
        structure of canonical text (one block per line, no indentation).

    Example:
        Recalling  its resolution 66/181 of
            19 December 2011,

    Use instead:
        Recalling its resolution 66/181 of
        19 December 2011,

    Fix safety:
        Safe: only whitespace is removed or replaced by one space.
    """
    text = doc.text
    kinds = doc.layout.kinds
    for index, line in enumerate(doc.source.lines):
        if kinds[index] in _SKIP:
            continue
        following = text[line.end : line.end + 1]
        if following == "\r":
            yield Hit(
                line.end,
                line.end + 1,
                "CR line end; use LF",
                _whitespace_fix(line.end, line.end + 1, ""),
            )
        content = line.text
        trailing = _TRAILING.search(content)
        if trailing:
            start = line.start + trailing.start()
            what = "whitespace-only line" if not content.strip() else "trailing whitespace"
            yield Hit(start, line.end, what, _whitespace_fix(start, line.end, ""))
        if not content.strip():
            continue
        indent = _INDENT.match(content)
        if indent:
            yield Hit(
                line.start,
                line.start + indent.end(),
                "stray indentation; lines of canonical text start at column 1",
                _whitespace_fix(line.start, line.start + indent.end(), ""),
            )
        for run in _RUN.finditer(content):
            start, end = line.start + run.start(), line.start + run.end()
            what = "tab" if "\t" in run.group() else f"run of {end - start} spaces"
            yield Hit(
                start, end, f"{what} inside a line; use one space", _whitespace_fix(start, end, " ")
            )
