"""Footnotes as a whole: which notes a page holds, first references, ibid notes.

Shared by the F rules, so each reports one kind of problem and the messages say where
the other end is ("marker 9 on line 184 has no note; notes on this page: 7, 8").
"""

from __future__ import annotations

from linter.parse.model import Document, Marker, Note
from linter.source.lexicon import Lexicon


def numbers_text(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in sorted(set(numbers))) or "none"


def notes_on_page(doc: Document, page: int) -> list[int]:
    return [note.number for note in doc.notes if note.page == page]


def first_references(doc: Document) -> list[Marker]:
    """The first marker of each number, in the order of the text."""
    seen: set[int] = set()
    firsts = []
    for marker in sorted(doc.markers, key=lambda m: m.span.start):
        if marker.number not in seen:
            seen.add(marker.number)
            firsts.append(marker)
    return firsts


def ibid_form(note: Note, lex: Lexicon) -> str | None:
    """The ibid form a note opens with ("Ibid.", "同上"), if any."""
    text = note.text.lstrip()
    for form in lex.ibid:
        if text.startswith(form):
            after = text[len(form) : len(form) + 1]
            if not (after.isalpha() and form[-1:].isalpha() and form[-1:].isascii()):
                return form
    return None


def defined_numbers(doc: Document) -> set[int]:
    return {note.number for note in doc.notes}
