"""Footnotes as extraction leaves them: below a page's separator, in Markdown, or marked
with asterisks.

The notes of a page run from its separator until its furniture, or until a line that
opens no note where a note could start (the page's text going on). Notes already in
canonical form (``[^3]: text``) and asterisk notes printed without a separator are found
wherever they stand. Each pass marks the lines it takes in ``kinds`` and drafts the
notes (:class:`~linter.parse.line_kinds.NoteDraft`) for the structure to build.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from linter.parse.line_kinds import FURNITURE, NOTE_ALONE, Kind, NoteDraft, is_blank, text_piece
from linter.parse.notes import goes_on, note_start
from linter.source.text import Line

# The text to its last non-space character in one pass (a lazy ``(.*?)\s*$`` was quadratic).
_NOTE_MARKDOWN = re.compile(r"^\s*\[\^(\d{1,3}|\*{1,3})\]:\s*((?:\S(?:.*\S)?)?)\s*$")


def read_notes(
    lines: tuple[Line, ...],
    kinds: list[Kind],
    start: int,
    page: int,
    notes: list[NoteDraft],
    text: str,
    last_number: int,
) -> tuple[int, int]:
    """Read the notes below a separator into ``notes``; return the index of the first line
    after them and the highest note number read so far (``last_number`` before: the
    caller keeps it, so that a document of many pages does not look through all its
    notes again at every page).

    The notes of a page run until its furniture, or until a line that opens no note
    where a note could start (after a blank line, or after a note that ended its
    sentence): the page's text going on (a running title, the seed's body).
    """
    index = start
    count = len(lines)
    while index < count:
        line = lines[index]
        if is_blank(line):
            index += 1
            continue
        if kinds[index] in FURNITURE:
            break
        alone = NOTE_ALONE.match(line.text)
        opened = None if alone else note_start(line.text)
        if alone and index + 1 < count and not is_blank(lines[index + 1]):
            number = int(alone.group(1))
            kinds[index] = Kind.NOTE_NUMBER
            number_start = line.start + alone.start(1)
            number_end = line.start + alone.end(1)
            text_index = index + 1
            pieces = [text_piece(lines[text_index])]
            kinds[text_index] = Kind.NOTE_TEXT
            style, mark = "own-line", ""
        elif opened and (opened.mark or _plausible_note_number(opened.number, last_number)):
            number = opened.number
            kinds[index] = Kind.NOTE_TEXT
            number_start = line.start + opened.number_start
            number_end = line.start + opened.number_end
            text_index = index
            pieces = [(line.start + opened.text_start, line.start + opened.text_end)]
            style, mark = opened.style, opened.mark
        else:
            break
        probe = _take_lines_that_go_on(
            lines,
            kinds,
            text,
            pieces,
            text_index + 1,
            partial(_ends_page_note, last=max(last_number, number)),
        )
        notes.append(
            NoteDraft(
                number=number,
                number_start=number_start,
                number_end=number_end,
                line=lines[index].number,
                page=page,
                pieces=tuple(pieces),
                style=style,
                mark=mark,
            )
        )
        last_number = max(last_number, number)
        index = probe
    return index, last_number


def _ends_page_note(text: str, last: int) -> bool:
    """A page note ends before a figure alone on its line or a line opening the next note."""
    return bool(NOTE_ALONE.match(text)) or _opens_note(text, last)


def _opens_note(text: str, last: int) -> bool:
    """Whether ``text`` opens the next note (a number that fits, or an asterisk)."""
    opened = note_start(text)
    return opened is not None and (bool(opened.mark) or last < opened.number <= last + 2)


def _plausible_note_number(number: int, last: int) -> bool:
    """Notes count up; a figure far from the last note number is text, not a note."""
    return 0 < number <= last + 10


def _take_lines_that_go_on(
    lines: tuple[Line, ...],
    kinds: list[Kind],
    text: str,
    pieces: list[tuple[int, int]],
    probe: int,
    ends: Callable[[str], bool],
) -> int:
    """Mark as the note's the lines of text from ``probe`` on that go on with it (``pieces``
    grows with each), up to one that ``ends`` the note; return the index after them."""
    while (
        probe < len(lines)
        and kinds[probe] is Kind.TEXT
        and not ends(lines[probe].text)
        and goes_on(" ".join(text[a:b] for a, b in pieces), lines[probe].text)
    ):
        kinds[probe] = Kind.NOTE_TEXT
        pieces.append(text_piece(lines[probe]))
        probe += 1
    return probe


def mark_markdown_notes(
    lines: tuple[Line, ...], kinds: list[Kind], notes: list[NoteDraft], pages: list[int]
) -> None:
    """Notes already in canonical Markdown form: ``[^3]: text``."""
    for index, line in enumerate(lines):
        if kinds[index] is not Kind.TEXT:
            continue
        match = _NOTE_MARKDOWN.match(line.text)
        if not match:
            continue
        kinds[index] = Kind.NOTE_TEXT
        start = line.start + match.start(1)
        pieces = [(line.start + match.start(2), line.start + match.end(2))]
        probe = index + 1
        # A wrapped note continues on the following non-blank lines of text.
        while (
            probe < len(lines)
            and kinds[probe] is Kind.TEXT
            and not _NOTE_MARKDOWN.match(lines[probe].text)
        ):
            kinds[probe] = Kind.NOTE_TEXT
            pieces.append(text_piece(lines[probe]))
            probe += 1
        label = match.group(1)
        notes.append(
            NoteDraft(
                number=0 if label.startswith("*") else int(label),
                number_start=start,
                number_end=start + len(label),
                line=line.number,
                page=pages[index],
                pieces=tuple(pieces),
                style="markdown",
                mark=label if label.startswith("*") else "",
            )
        )


def mark_asterisk_notes(
    lines: tuple[Line, ...],
    kinds: list[Kind],
    notes: list[NoteDraft],
    pages: list[int],
    text: str,
    skip: int,
) -> None:
    """Asterisk notes printed without a separator above them (``* Any changes to the list
    of sponsors ...`` under a draft's first page): a line that opens with asterisks and a
    capital is a note wherever it stands, with the lines right under it that go on with it."""
    for index in range(skip, len(lines)):
        if kinds[index] is not Kind.TEXT:
            continue
        opened = note_start(lines[index].text)
        if opened is None or not opened.mark:
            continue
        line = lines[index]
        if not line.text[opened.text_start : opened.text_start + 1].isupper():
            continue
        kinds[index] = Kind.NOTE_TEXT
        pieces = [(line.start + opened.text_start, line.start + opened.text_end)]
        _take_lines_that_go_on(
            lines, kinds, text, pieces, index + 1, lambda line: note_start(line) is not None
        )
        notes.append(
            NoteDraft(
                number=0,
                number_start=line.start + opened.number_start,
                number_end=line.start + opened.number_end,
                line=line.number,
                page=pages[index],
                pieces=tuple(pieces),
                style=opened.style,
                mark=opened.mark,
            )
        )
