"""Footnotes as a whole: which notes a page holds, first references, ibid notes.

Shared by the F rules, so each reports one kind of problem and the messages say where
the other end is ("marker 9 on line 184 has no note; notes on this page: 7, 8").
"""

from __future__ import annotations

from linter.parse.model import Document, Marker, Note
from linter.source.lexicon import Lexicon


def labels_text(labels: list[str]) -> str:
    """``"*, 1, 2, 10"``: asterisks first, then the numbers in order."""
    ordered = sorted(
        set(labels),
        key=lambda label: (label.isdigit(), int(label or 0) if label.isdigit() else len(label)),
    )
    return ", ".join(ordered) or "none"


def notes_on_page(doc: Document, page: int) -> list[str]:
    return [note.label for note in doc.notes if note.page == page]


def first_references(doc: Document) -> list[Marker]:
    """The first marker of each number, in the order of the text (asterisks aside)."""
    seen: set[int] = set()
    firsts = []
    for marker in sorted(doc.numbered_markers, key=lambda m: m.span.start):
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


def own_numbering(doc: Document) -> bool:
    """Whether the text numbers its notes itself (from 1), rather than through a printed
    volume (the Security Council's annual volumes: a resolution's notes may be 72, 73, 75,
    and 74 is another resolution's; its first references need not count up here)."""
    notes = [note.number for note in doc.numbered_notes]
    if notes:
        return min(notes) == 1
    markers = [marker.number for marker in doc.numbered_markers]
    return not markers or min(markers) == 1


def defined_labels(doc: Document) -> set[str]:
    return {note.label for note in doc.notes}
