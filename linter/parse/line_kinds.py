"""What a physical line is, and the small line helpers the layout passes share.

The layout (:mod:`linter.parse.layout`) gives each line a :class:`Kind`; the furniture
(:mod:`linter.parse.furniture`) and footnote (:mod:`linter.parse.page_notes`) passes mark
lines with these kinds and draft the notes they find (:class:`NoteDraft`).
"""

from __future__ import annotations

import re
from enum import StrEnum

from linter.source.frozen import record
from linter.source.text import Line


class Kind(StrEnum):
    """What a physical line is."""

    BLANK = "blank"
    FRONT_MATTER = "front-matter"
    SEPARATOR = "separator"
    NOTE_NUMBER = "note-number"
    NOTE_TEXT = "note-text"
    MARKER = "marker"
    RUNNING_HEADER = "running-header"
    PAGE_NUMBER = "page-number"
    JOB_NUMBER = "job-number"
    BARCODE = "barcode"
    SYMBOL = "symbol"
    TEXT = "text"


#: Kinds that are page furniture: never part of the resolution's text.
FURNITURE = frozenset(
    {Kind.RUNNING_HEADER, Kind.PAGE_NUMBER, Kind.JOB_NUMBER, Kind.BARCODE, Kind.SYMBOL}
)
#: A note's number alone on its line (the note's text on the next).
NOTE_ALONE = re.compile(r"^\s*(\d{1,3})\s*$")


@record
class NoteDraft:
    """A footnote as found on its page: number, where the number is, the text lines."""

    number: int
    number_start: int
    number_end: int
    line: int
    page: int
    pieces: tuple[tuple[int, int], ...]  # (start, end) offsets of the text on each line
    style: str  # "own-line", "inline", "old-style", "asterisk", "markdown"
    mark: str = ""  # "*", "**" for an asterisk note (whose number is 0)


def norm(text: str) -> str:
    """Whitespace runs collapsed: lines compared as words, not as spacing.

    ``str.split`` and the pattern ``\\s`` know the same whitespace (``str.isspace``): the
    same result as collapsing with a pattern and stripping, at a third of the cost."""
    return " ".join(text.split())


def is_blank(line: Line) -> bool:
    """Empty or whitespace only."""
    return not line.text.strip()


def next_nonblank(lines: tuple[Line, ...], index: int) -> int | None:
    """The first line at or after ``index`` with text, if any."""
    while index < len(lines):
        if not is_blank(lines[index]):
            return index
        index += 1
    return None


def previous_nonblank(lines: tuple[Line, ...], index: int) -> int | None:
    """The last line at or before ``index`` with text, if any."""
    while index >= 0:
        if not is_blank(lines[index]):
            return index
        index -= 1
    return None


def text_piece(line: Line) -> tuple[int, int]:
    """The offsets of the line's text without its surrounding whitespace."""
    stripped = line.text.strip()
    if not stripped:
        return line.start, line.start
    lead = len(line.text) - len(line.text.lstrip())
    return line.start + lead, line.start + lead + len(stripped)
