"""The parsed outline of one document, small enough to travel between processes.

The audit shows each document's structure beside its text (preamble, operative numbers,
parts, notes, markers, adoption) so that an editor sees at once that paragraph 7 is
missing. The Document itself stays where the file was linted: :func:`outline_of` runs
there (``lint_all(..., summarize=outline_of)``) and keeps only numbers and lines, a few
hundred small integers per document, so thousands of documents cost little memory in the
process that writes the report.

It also keeps the text's length and CRC-32: the report re-reads each text from disk when
it is written, and shows no highlights if the file changed in between.
"""

from __future__ import annotations

import zlib

from linter.engine.results import FileResult
from linter.parse.model import Document
from linter.parse.numbering import numbered_paragraph_anomalies
from linter.source.frozen import record
from linter.source.pickling import fast_pickle

#: A title longer than this is cut (some extractions glue a whole page to the title).
TITLE_LIMIT = 240


@fast_pickle
@record
class Outline:
    """What the audit shows of a Document's structure: numbers and 1-based lines."""

    structured: bool  # a resolution was recognised (else E002)
    symbol: str | None
    body: str | None
    number: str | None
    title: str | None
    preamble: tuple[int, ...]  # line of each preambular paragraph
    operative: tuple[tuple[int | None, int, str | None], ...]  # (number, line, part)
    annexes: tuple[tuple[int | None, int, str], ...]  # (number, line, annex)
    sections: tuple[tuple[str, str | None, int], ...]  # (kind, label, line)
    # The numbering anomalies the N rules report: (issue, line of the paragraph, numbers
    # skipped before it), from the parser's one walk over the numbers.
    numbering: tuple[tuple[str, int, tuple[int, ...]], ...]
    notes: tuple[tuple[int, int], ...]  # (number, line)
    markers: tuple[tuple[int, int], ...]  # (number, line)
    adoption_date: str | None
    adoption_meeting: int | None
    adoption_line: int | None
    adoption_source: str  # "adoption-line", "heading" or "none"
    text_length: int
    text_crc: int

    def missing_numbers(self) -> tuple[int, ...]:
        """Paragraph numbers skipped, as the N rules see them (gaps of every run)."""
        return tuple(
            n for issue, _line, missing in self.numbering if issue == "gap" for n in missing
        )

    def numbering_issues(self) -> dict[int, str]:
        """The line of each paragraph whose number is wrong -> gap, duplicate, order, restart."""
        return {line: issue for issue, line, _missing in self.numbering}

    def unmatched_markers(self) -> tuple[int, ...]:
        """Marker numbers that no note carries."""
        notes = {number for number, _line in self.notes}
        return tuple(sorted({n for n, _line in self.markers if n not in notes}))

    def unreferenced_notes(self) -> tuple[int, ...]:
        """Note numbers that no marker points at."""
        markers = {number for number, _line in self.markers}
        return tuple(sorted({n for n, _line in self.notes if n not in markers}))


def text_fingerprint(text: str) -> tuple[int, int]:
    """(length in code points, CRC-32 of the UTF-8 bytes): is this still the same text?"""
    return len(text), zlib.crc32(text.encode("utf-8", "surrogatepass"))


def outline(document: Document) -> Outline:
    title = document.title
    if title is not None and len(title) > TITLE_LIMIT:
        title = title[: TITLE_LIMIT - 1] + "…"
    length, crc = text_fingerprint(document.text)
    adoption = document.adoption
    return Outline(
        structured=document.has_structure,
        symbol=document.symbol,
        body=document.body,
        number=document.number,
        title=title,
        preamble=tuple(paragraph.line for paragraph in document.preamble),
        operative=tuple((p.number, p.line, p.part) for p in document.operative),
        annexes=tuple((p.number, p.line, p.scope) for p in document.annexes),
        sections=tuple((h.kind, h.label, h.line) for h in document.sections),
        numbering=tuple(
            (str(anomaly.issue), run.paragraphs[anomaly.index].line, anomaly.missing)
            for run, anomaly in numbered_paragraph_anomalies(document)
        ),
        notes=tuple((note.number, note.line) for note in document.notes),
        markers=tuple((marker.number, marker.line) for marker in document.markers),
        adoption_date=adoption.date,
        adoption_meeting=adoption.meeting,
        adoption_line=adoption.line,
        adoption_source=adoption.source,
        text_length=length,
        text_crc=crc,
    )


def outline_of(result: FileResult) -> Outline | None:
    """The outline of a result that still holds its Document (``lint_all``'s ``summarize``)."""
    return outline(result.document) if result.document is not None else None


def outline_in(result: FileResult) -> Outline | None:
    """The outline a result carries (made by a worker), or one made from its Document."""
    if isinstance(result.outline, Outline):
        return result.outline
    return outline_of(result)
