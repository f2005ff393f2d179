"""A004 page-residue."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import FixAvailability, Hit, Severity, rule
from linter.fix.canonical import Gap, markdown_marker, plan
from linter.parse.layout import Kind
from linter.parse.model import Document, Note

_WHAT = {
    Kind.SEPARATOR: "footnote separator line",
    Kind.RUNNING_HEADER: "running header",
    Kind.PAGE_NUMBER: "page number",
    Kind.JOB_NUMBER: "job number",
    Kind.BARCODE: "barcode",
    Kind.SYMBOL: "document symbol of a running header",
}


def _note_hit(doc: Document, gap: Gap, note: Note) -> Hit:
    written = markdown_marker(note.label) + ":"
    if gap.kind == "join":
        where = "interrupts a paragraph (printed at the foot of a page)"
    elif gap.kind == "tail":
        where = "is not in Markdown form"
    else:
        where = "is printed at the foot of a page, inside the text"
    end = max(note.body.span.end, note.number_span.end)
    return Hit(
        note.number_span.start,
        end,
        f"note {note.number} {where}; notes go at the end of the text as '{written} …'",
        gap.fix,
    )


@rule("A004", "page-residue", Severity.WARNING, FixAvailability.SAFE)
def page_residue(doc: Document) -> Iterator[Hit]:
    """Page furniture or a page's footnote block is left in the text.

    Why:
        A PDF page carries more than the resolution: running headers and footers (the
        document symbol, a short title), page numbers (``2/5``, ``- 3 -``), job numbers
        (``11-46575 (C)``), barcodes, and below a separator line the notes of that
        page. Extraction interleaves all of it with the text, so a paragraph that runs
        over a page break is cut by a footer, a header and a block of notes (seed lines
        117-130). Canonical text drops the furniture, joins the paragraph again and
        writes every note once, at the end, as ``[^n]: text``. One finding per line of
        furniture and per note out of place.

    Example:
        80/7. Report of the International Atomic Energy Agency

        The General Assembly,

        1. Takes note of GC(69)/RES/13,[^1] entitled “Implementation
        _______________

        1 See A/80/348.

        A/RES/80/7
        Report of the International Atomic Energy Agency

        25-18769
        2/2

        of the NPT agreement”;

    Use instead:
        80/7. Report of the International Atomic Energy Agency

        The General Assembly,

        1. Takes note of GC(69)/RES/13,[^1] entitled “Implementation of the NPT agreement”;

        [^1]: See A/80/348.

    Fix safety:
        Safe: the fix deletes only lines the layout pass classified as furniture or
        separators, and a running header only where it repeats a heading line that
        stays in the text. Notes are moved, never dropped: deleting a page's notes and
        writing all notes at the end are one fix. The content guard checks that every
        word of the original but the furniture is still there.
    """
    layout = plan(doc)
    lines = doc.source.lines
    kinds = doc.layout.kinds
    for gap in layout.gaps:
        if gap.fix is None:
            continue
        for index in gap.residue:
            line = lines[index]
            text = line.text.strip()
            if text:
                start = line.start + len(line.text) - len(line.text.lstrip())
                end = start + len(text)
                shown = f" '{text}'"
            else:  # the separator drawn as a line of spaces
                start, end = line.start, line.end
                shown = f" ({len(line.text)} spaces)"
            yield Hit(start, end, f"{_WHAT[kinds[index]]}{shown} left in the text", gap.fix)
        for note in gap.moved_notes:
            yield _note_hit(doc, gap, note)
