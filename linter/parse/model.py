"""The parsed resolution: an immutable tree that keeps the source spans of every element.

The Document is built once per text (and again after each fix pass) and read by every
rule, so it is made of frozen, slotted dataclasses: building one costs microseconds.
pydantic describes the same classes for JSON output and JSON Schema through a
``TypeAdapter`` (see ``linter.parse.document_json``), so the contract data teams read is
generated from these definitions, not written twice.
"""

from __future__ import annotations

import bisect
from dataclasses import field
from enum import StrEnum

from linter.parse.layout import Layout
from linter.source.frozen import record
from linter.source.text import Source


@record
class Span:
    """Code-point offsets ``[start, end)`` into the source text."""

    start: int
    end: int


@record
class MappedText:
    """Text assembled from several pieces of the source (a paragraph over many lines).

    ``pieces`` holds ``(text_offset, source_start, source_end)`` triples in order, so a
    match in the assembled text maps back to an exact position in the file. Characters
    the assembly inserted (a space joining two English lines) map to the end of the
    piece before them.
    """

    text: str
    pieces: tuple[tuple[int, int, int], ...]

    def source_offset(self, index: int) -> int:
        """The source offset of the character at ``index`` of :attr:`text`."""
        if not self.pieces:
            return 0
        # Bisection on the pieces themselves: a list of their offsets built per call made
        # every lookup walk the whole paragraph (quadratic for a rule that maps many).
        position = max(bisect.bisect_right(self.pieces, index, key=_text_offset) - 1, 0)
        text_offset, start, end = self.pieces[position]
        return min(start + (index - text_offset), end)

    def source_span(self, start: int, end: int) -> Span:
        """The source span of ``text[start:end]`` (``end`` exclusive)."""
        if end <= start:
            offset = self.source_offset(start)
            return Span(offset, offset)
        return Span(self.source_offset(start), self.source_offset(end - 1) + 1)

    @property
    def span(self) -> Span:
        if not self.pieces:
            return Span(0, 0)
        return Span(self.pieces[0][1], self.pieces[-1][2])


def _text_offset(piece: tuple[int, int, int]) -> int:
    return piece[0]


class MarkerStyle(StrEnum):
    """How a footnote marker came out of the PDF."""

    OWN_LINE = "own-line"  # a line of its own (seed)
    LINE_START = "line-start"  # opens a continuation line: "1 的会员国"
    GLUED = "glued"  # "2024,1", "Declaration4"
    SPACED = "spaced"  # "Countries, 11  the"
    FUSED = "fused"  # "203412": year 2034 + marker 12
    OLD_STYLE = "old-style"  # "1/"
    MARKDOWN = "markdown"  # "[^3]" (canonical)


@record
class Marker:
    """A footnote reference in the text."""

    number: int
    span: Span  # the digits (or ``[^n]``)
    line: int
    anchor: int  # offset of the end of the text the marker annotates
    style: MarkerStyle
    page: int
    mark: str = ""  # "*", "**" for an asterisk marker (whose number is 0)

    @property
    def label(self) -> str:
        """How the marker is printed: ``"3"``, ``"*"``; what ties it to its note."""
        return self.mark or str(self.number)


@record
class Note:
    """A footnote: its number, its text (joined over lines) and where it was."""

    number: int
    number_span: Span
    text: str
    body: MappedText
    line: int
    page: int
    style: str
    mark: str = ""  # "*", "**" for an asterisk note (whose number is 0)

    @property
    def label(self) -> str:
        """How the note is printed: ``"3"``, ``"*"``; what ties it to its markers."""
        return self.mark or str(self.number)


class Zone(StrEnum):
    HEADING = "heading"
    PREAMBLE = "preamble"
    OPERATIVE = "operative"
    ANNEX = "annex"
    ADOPTION = "adoption"


@record
class SubParagraph:
    """``(a)``, ``(b)``; and inside them ``(i)``, ``(ii)``."""

    label: str
    level: int  # 1 for letters, 2 for roman numerals
    label_span: Span
    body: MappedText
    line: int
    children: tuple[SubParagraph, ...] = ()

    @property
    def text(self) -> str:
        return self.body.text


@record
class Paragraph:
    """A preambular or operative paragraph (or one of an annex)."""

    number: int | None
    number_span: Span | None
    body: MappedText  # without the number, markers removed
    line: int
    end_line: int
    lead: str | None  # the lead phrase it opens with, if known
    lead_style: str | None  # "preambular" or "operative" (which lexicon list it is in)
    zone: Zone
    scope: str  # "" for the resolution, "annex", "annex I", ... restarts numbering
    part: str | None  # "A", "I", ... a part or section heading above it
    subparagraphs: tuple[SubParagraph, ...] = ()
    letter: str | None = None  # "a": a lettered paragraph of a draft decision

    @property
    def label(self) -> str | None:
        """How the paragraph is numbered: ``"7"``, ``"a"``, or None if it is not."""
        return str(self.number) if self.number is not None else self.letter

    @property
    def text(self) -> str:
        return self.body.text

    @property
    def span(self) -> Span:
        start = self.number_span.start if self.number_span else self.body.span.start
        return Span(start, max(self.body.span.end, start))


@record
class Heading:
    """A line of the heading, or a part/section/annex title inside the text."""

    text: str
    span: Span
    line: int
    kind: str  # "heading", "part", "section", "annex", "title"
    label: str | None = None


@record
class Adoption:
    """The adoption block: the date and the meeting, with their spans."""

    date: str | None  # ISO YYYY-MM-DD
    date_span: Span | None
    meeting: int | None
    meeting_span: Span | None
    line: int | None
    source: str  # "adoption-line", "heading" (from "adopted ... on <date>") or "none"


@record
class Document:
    """A resolution as rebuilt from its text."""

    source: Source
    layout: Layout
    language: str
    symbol: str | None
    body: str | None  # "ga", "ecosoc", "sc", ... the adopting body, when known
    number: str | None  # the resolution's own number: "2012/19", "80/7", "1454 (2002)"
    number_span: Span | None
    title: str | None
    title_span: Span | None
    author: str | None
    author_span: Span | None
    headings: tuple[Heading, ...]
    preamble: tuple[Paragraph, ...]
    operative: tuple[Paragraph, ...]
    annexes: tuple[Paragraph, ...]
    sections: tuple[Heading, ...]
    markers: tuple[Marker, ...]
    notes: tuple[Note, ...]
    adoption: Adoption
    line_roles: tuple[str, ...] = field(repr=False, default=())

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def has_structure(self) -> bool:
        """Whether a resolution was recognised (else E002 and structural rules skip)."""
        return bool(self.operative or self.annexes) or self.adoption.source != "none"

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return self.preamble + self.operative + self.annexes

    @property
    def numbered_notes(self) -> tuple[Note, ...]:
        """The notes numbered 1, 2, ... (asterisk notes stand outside the numbering)."""
        return tuple(note for note in self.notes if not note.mark)

    @property
    def numbered_markers(self) -> tuple[Marker, ...]:
        return tuple(marker for marker in self.markers if not marker.mark)
