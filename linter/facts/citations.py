"""What a resolution cites, found once per Document: acts, dates, records, numerals, symbols.

Rules D001-D008 all read the same facts (the dates in the text, the acts it cites with their
body and date, its Official Records citations, its session ordinals, its symbols). Scanning
the text once per rule would multiply the cost of the slowest grammars, so
:func:`citations` builds one :class:`Citations` per Document and each kind of fact is
computed on first use: a run that selects only D008 never parses a date.

Only the resolution's text is scanned: headings, paragraphs and sub-paragraphs, notes and
the adoption lines; never page furniture (running headers, job numbers), which the layout
pass has already set aside. Each piece of text is a :class:`~linter.parse.model.MappedText`, so
every grammar match maps back to an exact span of the file, even when a date was wrapped
over a line break or interrupted by a page of notes.

Each cited act is tied to a body (:mod:`linter.facts.attribution`) before any calendar is
consulted; an act no evidence ties to one body is left unattributed and never checked.
"""

from __future__ import annotations

import re
from functools import cache, cached_property
from typing import Generic, TypeVar

from linter.facts.attribution import BodyResolver, bodies_with_scheme
from linter.facts.grammars import _data
from linter.facts.grammars.acts import ResolutionNumber, find_resolution_numbers, parse_act_number
from linter.facts.grammars.dates import DateMatch, find_dates
from linter.facts.grammars.malformed_symbols import MalformedSymbol, find_malformed_symbols
from linter.facts.grammars.numerals import NumeralMatch, find_session_numerals
from linter.facts.grammars.records import RecordsCitation, find_official_records
from linter.parse.model import Document, MappedText, Paragraph, Span, SubParagraph
from linter.source.frozen import record

__all__ = [
    "Citations",
    "CitedAct",
    "Found",
    "OwnNumber",
    "TextUnit",
    "citations",
    "list_ends",
    "own_number",
]

T = TypeVar("T")


@record
class TextUnit:
    """One piece of the resolution's text: a heading line, a paragraph, a note, ...

    ``kind`` is ``heading``, ``paragraph``, ``subparagraph``, ``note`` or ``adoption``.
    """

    kind: str
    body: MappedText

    @property
    def text(self) -> str:
        return self.body.text

    def span(self, start: int, end: int) -> Span:
        """The file span of ``text[start:end]``."""
        return self.body.source_span(start, end)


@record
class Found(Generic[T]):
    """A grammar match (offsets into its unit) with its span in the file."""

    item: T
    span: Span
    unit: int


@record
class CitedAct:
    """A cited resolution or decision, tied to its body and its date.

    ``act`` carries offsets into unit ``unit``; ``span`` is the number in the file.
    ``body`` is the body id the act was attributed to (None: unknown, never checked) and
    ``body_reason`` says how: ``named``, ``own-body``, ``heading`` or ``numbering``.
    ``date``/``date_span`` are the act's date as the text gives it beside the number.
    """

    act: ResolutionNumber
    span: Span
    unit: int
    body: str | None
    body_reason: str
    date: DateMatch | None
    date_span: Span | None


@record
class OwnNumber:
    """The resolution's own number, parsed, with the body it belongs to."""

    act: ResolutionNumber
    span: Span
    body: str | None


def _mapped_lines(doc: Document, span: Span) -> MappedText:
    """A heading's text over one or more lines, mapped piece by piece."""
    pieces: list[tuple[int, int, int]] = []
    parts: list[str] = []
    length = 0
    join = _line_join(doc.language)
    source = doc.source
    first, _ = source.position(span.start)
    last, _ = source.position(span.end)
    for line in source.lines[first - 1 : last]:
        start, end = max(line.start, span.start), min(line.end, span.end)
        text = source.text[start:end]
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        if not text:
            continue
        if parts:
            parts.append(join)
            length += len(join)
        pieces.append((length, start + lead, start + lead + len(text)))
        parts.append(text)
        length += len(text)
    return MappedText("".join(parts), tuple(pieces))


@cache
def _line_join(language: str) -> str:
    from linter.source.lexicon import lexicon_for

    return lexicon_for(language).line_join


def _subunits(subs: tuple[SubParagraph, ...]) -> list[TextUnit]:
    out: list[TextUnit] = []
    for sub in subs:
        out.append(TextUnit("subparagraph", sub.body))
        out.extend(_subunits(sub.children))
    return out


def _join(first: MappedText, second: MappedText, separator: str) -> MappedText:
    """One text of two, the second's pieces shifted after the first and a separator."""
    shift = len(first.text) + len(separator)
    pieces = first.pieces + tuple((at + shift, start, end) for at, start, end in second.pieces)
    return MappedText(first.text + separator + second.text, pieces)


def _paragraph_units(paragraphs: tuple[Paragraph, ...], separator: str) -> list[TextUnit]:
    """Paragraphs and sub-paragraphs; a paragraph that opens with neither a number nor a
    lead phrase is read as the continuation of the one before (a list of acts wrapped
    onto a line the parser took for a new paragraph)."""
    out: list[TextUnit] = []
    last: int | None = None  # index in ``out`` of the last paragraph unit
    for paragraph in paragraphs:
        continues = paragraph.number is None and paragraph.lead is None and last is not None
        if continues and last is not None and not paragraph.subparagraphs and last == len(out) - 1:
            out[last] = TextUnit("paragraph", _join(out[last].body, paragraph.body, separator))
            continue
        last = len(out)
        out.append(TextUnit("paragraph", paragraph.body))
        out.extend(_subunits(paragraph.subparagraphs))
    return out


def text_units(doc: Document) -> tuple[TextUnit, ...]:
    """The resolution's text in pieces, in file order; page furniture is not in any."""
    units: list[TextUnit] = [TextUnit("heading", _mapped_lines(doc, h.span)) for h in doc.headings]
    units += [TextUnit("heading", _mapped_lines(doc, h.span)) for h in doc.sections]
    units += _paragraph_units(doc.paragraphs, _line_join(doc.language))
    units += [TextUnit("note", note.body) for note in doc.notes]
    for index, role in enumerate(doc.line_roles):
        if role in ("adoption", "adoption-continuation"):
            line = doc.source.lines[index]
            units.append(TextUnit("adoption", _mapped_lines(doc, Span(line.start, line.end))))
    units = [unit for unit in units if unit.text]
    units.sort(key=lambda unit: unit.body.span.start)
    return tuple(units)


def list_ends(acts: list[ResolutionNumber]) -> list[int | None]:
    """For each act, where the list it belongs to ends, if a body named after that list
    is the act's: every item's when only the last item has a date, else the last item's.
    """
    lists: dict[int, list[int]] = {}
    for index, act in enumerate(acts):
        lists.setdefault(act.phrase_start, []).append(index)
    ends: list[int | None] = [None] * len(acts)
    for members in lists.values():
        last = acts[members[-1]]
        end = last.date.end if last.date is not None else last.end
        shared = all(acts[i].date is None for i in members[:-1])
        for i in members if shared else members[-1:]:
            ends[i] = end
    return ends


_DIGIT = re.compile(r"\d")


def _has_digit(text: str) -> bool:
    return _DIGIT.search(text) is not None


# -- the index -------------------------------------------------------------------------------


class Citations:
    """The facts a resolution cites, each kind computed on first use."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.language = doc.language

    @cached_property
    def units(self) -> tuple[TextUnit, ...]:
        return text_units(self.doc)

    @cached_property
    def scannable(self) -> bool:
        """Whether the grammars know this language (an unknown one has no data)."""
        return _data.has_numerals(self.language)

    @cached_property
    def _figured(self) -> tuple[bool, ...]:
        """Whether each unit holds a figure: dates and acts both ask (asked once)."""
        return tuple(_has_digit(unit.text) for unit in self.units)

    @cached_property
    def _unit_dates(self) -> tuple[list[DateMatch], ...]:
        """The dates of each unit (acts need them too: found once, used twice)."""
        if not self.scannable:
            return tuple([] for _ in self.units)
        return tuple(
            find_dates(unit.text, self.language) if figured else []
            for unit, figured in zip(self.units, self._figured, strict=True)
        )

    @cached_property
    def dates(self) -> tuple[Found[DateMatch], ...]:
        """Every date, range and month-year in the text."""
        return tuple(
            Found(date, self.units[index].span(date.start, date.end), index)
            for index, found in enumerate(self._unit_dates)
            for date in found
        )

    @cached_property
    def acts(self) -> tuple[CitedAct, ...]:
        """Every cited resolution and decision (paragraphs and notes; not headings)."""
        if not self.scannable:
            return ()
        heading = " ".join(u.text for u in self.units if u.kind == "heading")
        resolver = BodyResolver(self.doc.body, heading, self.language)
        out = []
        for index, unit in enumerate(self.units):
            if unit.kind in ("heading", "adoption") or not self._figured[index]:
                continue
            acts = find_resolution_numbers(unit.text, self.language, self._unit_dates[index])
            for act, list_end in zip(acts, list_ends(acts), strict=True):
                body_id, reason = resolver.resolve(act, unit.text, list_end)
                date_span = unit.span(act.date.start, act.date.end) if act.date else None
                out.append(
                    CitedAct(
                        act=act,
                        span=unit.span(act.start, act.end),
                        unit=index,
                        body=body_id,
                        body_reason=reason,
                        date=act.date,
                        date_span=date_span,
                    )
                )
        return tuple(out)

    @cached_property
    def records(self) -> tuple[Found[RecordsCitation], ...]:
        """Every Official Records citation."""
        if not self.scannable:
            return ()
        out = []
        for index, unit in enumerate(self.units):
            for citation in find_official_records(unit.text, self.language):
                out.append(Found(citation, unit.span(citation.start, citation.end), index))
        return tuple(out)

    @cached_property
    def session_numerals(self) -> tuple[Found[NumeralMatch], ...]:
        """Every session (or year) ordinal, in words, Chinese numerals or figures."""
        if not self.scannable:
            return ()
        out = []
        for index, unit in enumerate(self.units):
            for numeral in find_session_numerals(unit.text, self.language):
                out.append(Found(numeral, unit.span(numeral.start, numeral.end), index))
        return tuple(out)

    @cached_property
    def malformed_symbols(self) -> tuple[Found[MalformedSymbol], ...]:
        """Symbols of trusted series that break the symbol grammar."""
        out = []
        for index, unit in enumerate(self.units):
            if "/" not in unit.text:
                continue
            for bad in find_malformed_symbols(unit.text):
                out.append(Found(bad, unit.span(bad.start, bad.end), index))
        return tuple(out)

    @cached_property
    def own(self) -> OwnNumber | None:
        return own_number(self.doc)


def own_number(doc: Document) -> OwnNumber | None:
    """The resolution's own number and body (``doc.body``, else the numbering scheme)."""
    if doc.number is None or doc.number_span is None or not _data.has_numerals(doc.language):
        return None  # a language without grammar data (``--language und``) is not read
    act = parse_act_number(doc.number, doc.language)
    if act is None:
        return None
    fitting = bodies_with_scheme(act.scheme)
    body_id = doc.body if doc.body in fitting else None
    if body_id is None and len(fitting) == 1:
        body_id = fitting[0]
    return OwnNumber(act, doc.number_span, body_id)


_LAST: list[tuple[Document, Citations]] = []


def citations(doc: Document) -> Citations:
    """The :class:`Citations` of ``doc``, shared by every rule that runs on it."""
    for cached_doc, found in _LAST:
        if cached_doc is doc:
            return found
    found = Citations(doc)
    _LAST[:] = [(doc, found)]
    return found
