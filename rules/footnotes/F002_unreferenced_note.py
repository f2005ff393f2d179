"""F002 unreferenced-note."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.facts.footnotes import labels_text, own_numbering
from linter.parse.model import Document


@rule("F002", "unreferenced-note", Severity.ERROR, requires_structure=True)
def unreferenced_note(doc: Document) -> Iterator[Hit]:
    """A footnote is never referenced by a marker.

    Why:
        Every note belongs to a marker in the text. A note nobody points at means its
        marker was lost in extraction (dropped, or read as part of a number) or deleted
        in editing, and the reader no longer knows which statement it supports.

    Example:
        The General Assembly,

        Recalling the Convention,1 and its Protocols,

        1. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025
        _______________

        1 United Nations, Treaty Series, vol. 2225, No. 39574.
        2 Ibid., vols. 2237, 2241 and 2326, No. 39574.

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
    numbered_here = own_numbering(doc)
    referenced = {marker.label for marker in doc.markers}
    for note in doc.notes:
        if not note.mark and not numbered_here:
            continue  # numbered through a printed volume: its marker may be in any shape
        if note.label in referenced:
            continue
        nearby = [m.label for m in doc.markers if m.page == note.page]
        yield Hit(
            note.number_span.start,
            note.number_span.end,
            f"note {note.label} (line {note.line}) is never referenced; markers on its "
            f"page: {labels_text(nearby)}",
        )
