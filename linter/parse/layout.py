"""Line classification: which lines are page furniture, footnotes, markers or text.

PDF extraction interleaves three streams: the resolution text, the footnotes of each page
(below a separator), and page furniture (running headers and footers, page and job
numbers, barcodes). This module separates them line by line, before any paragraph is
built, and records where pages end, so that the structure parser sees only text lines
and the rules can point at every piece of furniture they want removed.

The classification is deliberately conservative: a line becomes furniture only on strong
evidence (a job number, a barcode, a page number ``2/18``, a symbol line) or when it sits
in such a cluster and repeats the document's own heading text. The passes live beside
this module: :mod:`linter.parse.furniture` (furniture and running titles),
:mod:`linter.parse.page_notes` (the notes of each page), :mod:`linter.parse.line_kinds`
(the kinds of line, re-exported here).
"""

from __future__ import annotations

import re

from linter.parse import furniture, page_notes
from linter.parse.line_kinds import (
    FURNITURE,
    NOTE_ALONE,
    Kind,
    NoteDraft,
    is_blank,
    next_nonblank,
)
from linter.parse.notes import note_start
from linter.source.frozen import record
from linter.source.lexicon import lexicon_or_none
from linter.source.text import Line, Source

__all__ = ["FURNITURE", "Kind", "Layout", "NoteDraft", "classify"]

# ``---`` alone is the Markdown rule some pipelines put above the notes.
_SEPARATOR = re.compile(r"^\s*(?:_{5,}|-{10,}|—{5,}|-{3}|\*{3})\s*$")
_WIDE_BLANK = 20  # a whitespace-only line this wide is the separator drawn as spaces


@record
class Layout:
    """The classification of every line of a source."""

    kinds: tuple[Kind, ...]  # one per line, index = line number - 1
    pages: tuple[int, ...]  # page index (0-based) of every line
    notes: tuple[NoteDraft, ...]
    page_breaks: frozenset[int]  # line indexes whose text follows removed furniture/notes
    front_matter: dict[str, str]

    def kind(self, line_number: int) -> Kind:
        return self.kinds[line_number - 1]


def _front_matter(lines: tuple[Line, ...]) -> tuple[int, dict[str, str]]:
    """A YAML block some pipelines prepend (``---`` ... ``---``): its length and keys."""
    if not lines or lines[0].text.strip() != "---":
        return 0, {}
    for index in range(1, min(len(lines), 60)):
        if lines[index].text.strip() == "---":
            fields: dict[str, str] = {}
            for line in lines[1:index]:
                key, sep, value = line.text.partition(":")
                if sep:
                    fields[key.strip()] = value.strip().strip('"')
            return index + 1, fields
    return 0, {}


def _is_separator(lines: tuple[Line, ...], index: int) -> bool:
    text = lines[index].text
    if _SEPARATOR.match(text):
        return True
    if text and not text.strip() and len(text) >= _WIDE_BLANK:
        # A wide run of spaces is a separator only when a note follows it.
        following = next_nonblank(lines, index + 1)
        return following is not None and bool(
            NOTE_ALONE.match(lines[following].text) or note_start(lines[following].text)
        )
    return False


def classify(source: Source) -> Layout:
    """Classify every line of ``source``."""
    lines = source.lines
    count = len(lines)
    kinds: list[Kind] = [Kind.BLANK if is_blank(line) else Kind.TEXT for line in lines]
    skip, front = _front_matter(lines)
    for index in range(skip):
        kinds[index] = Kind.FRONT_MATTER

    author_line = furniture.author_line(lines, skip, lexicon_or_none(source.language))
    body_start = skip if author_line is None else author_line
    heading_text = furniture.heading_text(lines, skip, author_line)
    for index in range(skip, count):
        if kinds[index] is Kind.TEXT:
            strong = furniture.strong_furniture(lines[index].text.strip())
            if strong is not None:
                kinds[index] = strong
    furniture.mark_symbol_clusters(
        lines, kinds, heading_text, body_start, source.language, author_line is None
    )
    if author_line is not None:
        furniture.mark_running_titles(
            lines, kinds, heading_text, author_line, lexicon_or_none(source.language)
        )

    notes: list[NoteDraft] = []
    last_note = 0  # the highest number in ``notes``
    page_breaks: set[int] = set()
    pages = [0] * count
    page = 0
    index = skip
    while index < count:
        if _is_separator(lines, index):
            kinds[index] = Kind.SEPARATOR
            end, last_note = page_notes.read_notes(
                lines, kinds, index + 1, page, notes, source.text, last_note
            )
            for i in range(index, end):
                pages[i] = page
            page += 1
            resume = next_nonblank(lines, end)
            # Furniture right after the notes still belongs to the page that ended.
            while resume is not None and kinds[resume] in FURNITURE:
                for i in range(end, resume + 1):
                    pages[i] = page - 1
                end = resume + 1
                resume = next_nonblank(lines, end)
            if resume is not None:
                page_breaks.add(resume)
            index = end
            continue
        if kinds[index] in FURNITURE and index > body_start:
            # A page break without notes: the furniture cluster ends the page.
            end = index
            while end < count and (kinds[end] in FURNITURE or kinds[end] is Kind.BLANK):
                pages[end] = page
                end += 1
            page += 1
            if end < count:
                page_breaks.add(end)
            index = end
            continue
        pages[index] = page
        index += 1

    page_notes.mark_markdown_notes(lines, kinds, notes, pages)
    page_notes.mark_asterisk_notes(lines, kinds, notes, pages, source.text, skip)
    notes.sort(key=lambda note: note.number_start)
    return Layout(
        kinds=tuple(kinds),
        pages=tuple(pages),
        notes=tuple(notes),
        page_breaks=frozenset(page_breaks),
        front_matter=front,
    )
