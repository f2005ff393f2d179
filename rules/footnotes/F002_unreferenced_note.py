"""F002 unreferenced-note."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.facts.footnotes import labels_text, own_numbering
from linter.parse.model import Document
from linter.source.lexicon import lexicon_for


def _figure_in_text(doc: Document, number: int) -> bool:
    """Whether the note's number stands in the text outside the notes as a figure that
    may be its marker: a figure of its own, not the day of a date ("8 June"), not a
    paragraph's number ("8. Decides") or a numbered noun's ("paragraph 8")."""
    lex = lexicon_for(doc.language)
    months = set(lex.months)
    nouns = set(lex.numbered_nouns)
    figure = re.compile(rf"(?<![\d/.,]){number}(?![\d/]|\.\d|,\d)")
    for line, role in zip(doc.source.lines, doc.line_roles, strict=False):
        if role in ("note-text", "note-number"):
            continue
        for match in figure.finditer(line.text):
            before = line.text[: match.start()].split()
            after = line.text[match.end() :].split()
            if after and after[0].rstrip(",.;") in months:
                continue  # the day of a date
            last_on_adoption_line = role.startswith("adoption") and not after
            if before and before[-1].rstrip(".") in nouns and not last_on_adoption_line:
                continue  # "paragraph 8", "resolution 15" ("meeting 11" ends an adoption line)
            if not before and line.text[match.end() : match.end() + 1] == ".":
                continue  # "8. Decides": a paragraph's number
            return True
    return False


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
        if not note.mark and not numbered_here and _figure_in_text(doc, note.number):
            # Numbered through a printed volume, the marker takes any shape ("Congo, 21
            # 22", "document S/10182 11 and"): a figure of the note's number in the text
            # may be it. Only a note whose number is nowhere in the text is unreferenced.
            continue
        if note.label in referenced:
            continue
        nearby = [m.label for m in doc.markers if m.page == note.page]
        yield Hit(
            note.number_span.start,
            note.number_span.end,
            f"note {note.label} (line {note.line}) is never referenced; markers on its "
            f"page: {labels_text(nearby)}",
        )
