"""F006 conflicting-note."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.parse.model import Document, Note


@rule("F006", "conflicting-note", Severity.ERROR, requires_structure=True)
def conflicting_note(doc: Document) -> Iterator[Hit]:
    """The same footnote number is defined twice with different texts.

    Why:
        A marker can point at one note only. Two notes with one number and different
        texts mean two documents' notes were mixed, a number was misread, or a note was
        renumbered without its twin: readers cannot tell which source is meant.

    Example:
        The General Assembly,

        Recalling the Convention,1 and its Protocols,2

        1. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025
        _______________

        1 United Nations, Treaty Series, vol. 2225, No. 39574.
        2 Ibid., vols. 2237, 2241 and 2326, No. 39574.
        2 Resolution 55/25, annexes I-III.

    Use instead:
        The General Assembly,

        Recalling the Convention,1 and its Protocols,2

        1. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025
        _______________

        1 United Nations, Treaty Series, vol. 2225, No. 39574.
        2 Ibid., vols. 2237, 2241 and 2326, No. 39574.
    """
    first: dict[str, Note] = {}
    for note in sorted(doc.notes, key=lambda n: n.number_span.start):
        earlier = first.setdefault(note.label, note)
        if earlier is note:
            continue
        if " ".join(note.text.split()) == " ".join(earlier.text.split()):
            continue
        yield Hit(
            note.number_span.start,
            note.number_span.end,
            f"note {note.label} is defined twice with different texts: line "
            f"{earlier.line} ('{earlier.text[:30]}') and line {note.line} ('{note.text[:30]}')",
        )
