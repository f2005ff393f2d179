"""F003 note-numbering."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.facts.footnotes import own_numbering
from linter.parse.model import Document
from linter.parse.numbering import Issue, sequence_anomalies


@rule("F003", "note-numbering", Severity.ERROR, requires_structure=True)
def note_numbering(doc: Document) -> Iterator[Hit]:
    """Footnotes skip or repeat a number.

    A note that is missing while its marker is still in the text is F001's finding, and
    a number defined twice with different texts is F006's; this rule reports the rest.

    Why:
        Notes are numbered 1, 2, 3, ... through the document. A skipped number means a
        note and its marker were both lost (a page's notes not extracted); a repeated one
        means a note was extracted twice.

    Example:
        The General Assembly,

        Recalling the Convention,1 and its Protocols,3

        1. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025
        _______________

        1 United Nations, Treaty Series, vol. 2225, No. 39574.
        3 Ibid., vols. 2237, 2241 and 2326, No. 39574.

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
    notes = sorted(doc.numbered_notes, key=lambda note: note.number_span.start)
    # Notes numbered through a printed volume skip the numbers of other resolutions.
    own = own_numbering(doc)
    referenced = {marker.number for marker in doc.numbered_markers}
    texts: dict[int, str] = {}
    first_of: dict[int, int] = {}  # index of each number's first definition
    for index, note in enumerate(notes):
        texts.setdefault(note.number, " ".join(note.text.split()))
        first_of.setdefault(note.number, index)
    for anomaly in sequence_anomalies([note.number for note in notes]):
        note = notes[anomaly.index]
        previous = notes[anomaly.previous_index] if anomaly.previous_index is not None else None
        if anomaly.issue is Issue.GAP:
            if previous is None or not own:
                # Council texts from the printed volumes number notes through the volume
                # (the only note of S/RES/1 (1946) is 22): an opening number is no gap.
                continue
            lost = [n for n in anomaly.missing if n not in referenced]
            if not lost:
                continue  # the markers are there: their notes are missing (F001)
            names = ", ".join(str(n) for n in lost)
            message = (
                f"note {names} is missing: note {previous.number} (line {previous.line}) "
                f"is followed by note {note.number}"
            )
        elif anomaly.issue is Issue.DUPLICATE or first_of[note.number] < anomaly.index:
            # A number defined again, right after itself or further down (1, 2, 3, 1):
            # with another text it is F006's, with the same text a repeat.
            if " ".join(note.text.split()) != texts.get(note.number):
                continue  # two different texts: F006
            first = notes[first_of[note.number]]
            message = f"note {note.number} is defined twice: first on line {first.line}"
        else:
            after = f" after note {previous.number} (line {previous.line})" if previous else ""
            message = f"note {note.number} is out of order{after}"
        yield Hit(note.number_span.start, note.number_span.end, message)
