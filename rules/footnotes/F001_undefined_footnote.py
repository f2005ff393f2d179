"""F001 undefined-footnote."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.facts.footnotes import defined_labels, labels_text, notes_on_page
from linter.parse.model import Document


@rule("F001", "undefined-footnote", Severity.ERROR, requires_structure=True)
def undefined_footnote(doc: Document) -> Iterator[Hit]:
    """A footnote marker has no note.

    Why:
        A marker promises a source (a treaty, a report, a resolution). When its note is
        missing, the note was lost in extraction (a page's notes not read, a note merged
        into the text) or never written, and the reference the marker stands for is gone.

    Example:
        The General Assembly,

        Recalling the Convention,1 and its Protocols,2

        1. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025
        _______________

        1 United Nations, Treaty Series, vol. 2225, No. 39574.

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
    defined = defined_labels(doc)
    for marker in doc.markers:
        if marker.label in defined:
            continue
        on_page = notes_on_page(doc, marker.page)
        where = f"notes on this page: {labels_text(on_page)}" if doc.notes else "no notes found"
        yield Hit(
            marker.span.start,
            marker.span.end,
            f"marker {marker.label} on line {marker.line} has no note; {where}",
        )
