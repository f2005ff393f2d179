"""What the parallel-version rules (X001-X003) compare, taken from one Document.

A resolution exists in six languages; a repository holds them side by side
(``E-RES-2012-19.zh.txt``, ``E-RES-2012-19.en.txt``). The X rules compare versions that
were linted separately, perhaps in different worker processes, so each file hands over a
small, picklable summary instead of its Document: its paragraphs (with sub-paragraph
counts and the figures they cite), its notes (with the paragraph holding each note's
first marker) and its adoption. Every item carries its position, ready for a finding.

Figures are compared as values, never as words: a date as ``2009-12-18``, an act as
``64/179``, a symbol as ``A/66/91``, a session as its number; so ``18 décembre 2009``,
``18 de diciembre de 2009`` and ``١٨ كانون الأول/ديسمبر ٢٠٠٩`` are the same fact.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from itertools import pairwise

from linter.facts.citations import citations
from linter.facts.grammars.symbols import find_symbols
from linter.facts.version_model import (
    Fact,
    NoteFacts,
    ParagraphFacts,
    Place,
    VersionFacts,
    normal_symbol,
    version_key,
)
from linter.parse.model import Document, Paragraph, Span, SubParagraph, Zone

__all__ = [
    "Fact",
    "NoteFacts",
    "ParagraphFacts",
    "Place",
    "VersionFacts",
    "version_facts",
    "version_key",
]


def _place(doc: Document, span: Span) -> Place:
    line, column = doc.source.position(span.start)
    end_line, end_column = doc.source.position(max(span.end, span.start))
    return Place(span.start, span.end, line, column, end_line, end_column)


def _sub_count(subs: tuple[SubParagraph, ...]) -> int:
    if not subs:  # most paragraphs: no generator made for nothing
        return 0
    return sum(1 + _sub_count(sub.children) for sub in subs)


def _extent(paragraph: Paragraph) -> Span:
    """Where a paragraph lies in the file, its number and sub-paragraphs included."""
    starts = [paragraph.body.span.start]
    ends = [paragraph.body.span.end]
    if paragraph.number_span is not None:
        starts.append(paragraph.number_span.start)
    stack = list(paragraph.subparagraphs)
    while stack:
        sub = stack.pop()
        ends.append(sub.body.span.end)
        stack.extend(sub.children)
    return Span(min(starts), max(ends))


def _label(paragraph: Paragraph, ordinal: int) -> str:
    scope = f"{paragraph.scope} " if paragraph.scope else ""
    if paragraph.zone is Zone.PREAMBLE:
        return f"preambular paragraph {ordinal}"
    if paragraph.number is not None:
        return f"{scope}paragraph {paragraph.number}"
    return f"{scope}unnumbered paragraph {ordinal}"


def _owner_finder(extents: list[Span]) -> Callable[[int], int | None]:
    """The index of the first extent holding an offset, if any. Paragraphs in file order
    (nearly every document) are found by bisection; overlapping extents by a walk, as
    every fact was: a document of many paragraphs and facts paid their product."""
    if all(e.start <= e.end for e in extents) and all(
        a.end <= b.start for a, b in pairwise(extents)
    ):
        starts = [extent.start for extent in extents]

        def bisected(offset: int) -> int | None:
            index = bisect.bisect_right(starts, offset) - 1
            if index >= 0 and extents[index].start <= offset < extents[index].end:
                return index
            return None

        return bisected

    def walked(offset: int) -> int | None:
        for index, extent in enumerate(extents):
            if extent.start <= offset < extent.end:
                return index
        return None

    return walked


def version_facts(doc: Document) -> VersionFacts:
    """The facts of ``doc`` the X rules compare (computed once per file)."""
    found = citations(doc)
    paragraphs = doc.paragraphs
    extents = [_extent(p) for p in paragraphs]
    ordinals: dict[str, int] = {}
    labels = []
    for paragraph in paragraphs:
        ordinals[paragraph.zone.value] = ordinals.get(paragraph.zone.value, 0) + 1
        labels.append(_label(paragraph, ordinals[paragraph.zone.value]))

    owner = _owner_finder(extents)

    # A marker is cut out of its paragraph's text, and often stands just after it (on
    # the paragraph's last line, or a line of its own): it belongs to the paragraph
    # before it, unless the next one has begun.
    starts = sorted((extent.start, index) for index, extent in enumerate(extents))
    start_offsets = [start for start, _ in starts]

    def marker_owner(offset: int) -> int | None:
        found = owner(offset)
        if found is not None:
            return found
        before = bisect.bisect_right(start_offsets, offset)
        return starts[before - 1][1] if before else None

    facts: list[list[Fact]] = [[] for _ in paragraphs]
    adoption: list[Fact] = []
    located: list[tuple[str, str, Span]] = [
        ("date", date.item.iso() or date.item.text, date.span) for date in found.dates
    ]
    located += [("act", act.act.label, act.span) for act in found.acts]
    located += [
        ("session", str(numeral.item.value), numeral.span) for numeral in found.session_numerals
    ]
    for paragraph in paragraphs:
        for symbol in find_symbols(paragraph.body.text):
            span = paragraph.body.source_span(symbol.start, symbol.end)
            located.append(("symbol", normal_symbol(symbol.text), span))
    adoption_span = doc.adoption.date_span
    for kind, value, span in located:
        where = owner(span.start)
        if where is not None:
            facts[where].append(Fact(kind, value, _place(doc, span)))
        elif kind == "date" and adoption_span is not None and span.start == adoption_span.start:
            adoption.append(Fact("date", value, _place(doc, span)))
    if doc.adoption.meeting is not None and doc.adoption.meeting_span is not None:
        place = _place(doc, doc.adoption.meeting_span)
        adoption.append(Fact("meeting", str(doc.adoption.meeting), place))
    notes = []
    first_marker: dict[int, int] = {}
    for marker in doc.markers:
        first_marker.setdefault(marker.number, marker.span.start)
    for note in doc.notes:
        at = first_marker.get(note.number)
        where = marker_owner(at) if at is not None else None
        notes.append(
            NoteFacts(
                note.number,
                _place(doc, note.number_span),
                labels[where] if where is not None else None,
            )
        )
    name_key, symbol_key = version_key(doc.source.path, doc.symbol)
    return VersionFacts(
        path=doc.source.path,
        language=doc.language,
        name_key=name_key,
        symbol_key=symbol_key,
        paragraphs=tuple(
            ParagraphFacts(
                label=labels[i],
                zone=p.zone.value,
                number=p.number,
                place=_place(doc, extents[i]),
                subparagraphs=_sub_count(p.subparagraphs),
                facts=tuple(sorted(facts[i], key=lambda f: f.place.start)),
            )
            for i, p in enumerate(paragraphs)
        ),
        notes=tuple(notes),
        adoption=tuple(adoption),
        first_line=_place(doc, Span(0, 0)),
    )
