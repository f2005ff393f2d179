"""The shared state of one parse: the lines, their classes and roles, and the lexicon.

Every pass of the structure parser (``heading``, ``adoption``, ``blocks``, ``stray_notes``,
``marker_pass``, ``paragraphs``) reads and updates one :class:`ParseContext`: the layout's
line classes (``kinds``, refined as passes learn more, e.g. a lone figure becomes a
marker) and the role of each line in the Document (``roles``). The helpers here are the
questions every pass asks of a line: is it text, what does it open, which lead phrase.
"""

from __future__ import annotations

import bisect
import re

from linter.parse.layout import Kind, Layout
from linter.parse.model import MappedText, Span
from linter.parse.repeats import collapse
from linter.source.lexicon import Lexicon, per_lexicon
from linter.source.text import Source

#: "7, Requests": the printed volumes' OCR read a paragraph number's full stop as a comma.
_COMMA_LABEL = re.compile(r"^\s*(\d{1,3}),\s+(?=[A-Z])")


def _cut_start(cut: Span) -> int:
    return cut.start


def _cut_end(cut: Span) -> int:
    return cut.end


@per_lexicon
def _lead_shapes(lexicon: Lexicon) -> tuple[int, frozenset[str], frozenset[str]]:
    """What the lead phrases look like, once per lexicon: enough text to hold the longest
    drawn four times ("Taking into consideration" x 4 is 100 characters; 表示赞赏地注意到
    x 4 is 32), their first characters and their first two."""
    leads = lexicon.lead_phrases
    window = 4 * max((len(lead) for lead in leads), default=8) + 8
    initials = frozenset(lead[:1] for lead in leads) - {""}
    return window, initials, frozenset(lead[:2] for lead in leads) - {""}


class ParseContext:
    """One text being parsed: what every pass reads and what they record."""

    def __init__(self, source: Source, layout: Layout, lexicon: Lexicon) -> None:
        self.source = source
        self.layout = layout
        self.lex = lexicon
        self.lines = source.lines
        self.kinds = list(layout.kinds)
        self.roles: list[str] = [kind.value for kind in layout.kinds]
        self._structural: dict[str, str | None] = {}
        self._leads: dict[str, tuple[str | None, str | None]] = {}
        self.block_per_line = False
        self.lead_window, self.lead_initials, self.lead_openings = _lead_shapes(lexicon)

    def text_of(self, index: int) -> str:
        return self.lines[index].text

    def is_text(self, index: int) -> bool:
        return self.kinds[index] is Kind.TEXT

    def stripped_piece(self, index: int) -> tuple[int, int]:
        line = self.lines[index]
        stripped = line.text.strip()
        lead = len(line.text) - len(line.text.lstrip())
        return line.start + lead, line.start + lead + len(stripped)

    def clean_start(self, text: str) -> str:
        """The text with extraction repeats collapsed, to recognise lead phrases."""
        start = text.lstrip()[: self.lead_window]
        match = self.lex.lead_regex.match(start)
        if match and not start[match.end() :].startswith(start[:2]):
            return start  # an intact lead phrase: nothing drawn twice here
        return collapse(start, self.lex.lead_set)

    def lead_of(self, text: str) -> tuple[str | None, str | None]:
        """The lead phrase ``text`` opens with and its kind (memoised per parse)."""
        key = text.lstrip()[: self.lead_window]
        if key not in self._leads:
            self._leads[key] = self._lead_of(key)
        return self._leads[key]

    def _lead_of(self, text: str) -> tuple[str | None, str | None]:
        if not self._may_open_lead(text):
            return None, None
        cleaned = self.clean_start(text)
        match = self.lex.lead_regex.match(cleaned)
        if not match:
            return None, None
        lead = match.group()
        # "Recalling" must not match "Recallings"; CJK has no word boundary to check.
        after = cleaned[match.end() : match.end() + 1]
        if after.isalpha() and lead[-1:].isascii():
            return None, None
        if lead in self.lex.preamble_leads and lead not in self.lex.operative_leads:
            return lead, "preambular"
        if lead in self.lex.operative_leads and lead not in self.lex.preamble_leads:
            return lead, "operative"
        return lead, "either"

    def _may_open_lead(self, text: str) -> bool:
        """Whether ``text`` (stripped at its start) can open a lead phrase once its repeats
        are collapsed, read from its first two characters: most lines are passed by
        without the scans. A collapsed run keeps its first copy, so the text keeps its
        first two characters unless a one-character unit opens it, drawn glued
        (``RReeccaall``, ``回回顾顾``: the second character is the first again) or spaced
        (``a a a``: the second is a space or tab)."""
        first, second = text[:1], text[1:2]
        if first not in self.lead_initials:
            return False
        return second in (first, " ", "\t") or text[:2] in self.lead_openings

    def number_label(self, text: str) -> re.Match[str] | None:
        """The paragraph number ``text`` opens with: ``7.`` (the lexicon's separators:
        ``7 -`` in Arabic), or ``7,`` before an operative lead phrase (OCR)."""
        match = self.lex.number_label_regex.match(text)
        if match is None:
            match = _COMMA_LABEL.match(text)
            if match is not None and self.lead_of(text[match.end() :])[1] != "operative":
                return None
        return match

    def sub_label(self, text: str) -> re.Match[str] | None:
        """The sub-paragraph label ``text`` opens with (``(a)``, ``a)``, ``(أ)``), label in
        group 1."""
        return self.lex.sub_label_regex.match(text)

    def structural(self, text: str) -> str | None:
        """What a line opens: a paragraph, sub-paragraph, annex or section, or None."""
        if text in self._structural:
            return self._structural[text]
        kind = self._structural[text] = self._structural_kind(text)
        return kind

    def _structural_kind(self, text: str) -> str | None:
        stripped = text.strip()
        if self.number_label(text):
            return "paragraph"
        if self.sub_label(text):
            return "subparagraph"
        if self.lex.annex_regex.match(stripped):
            return "annex"
        if any(regex.match(stripped) for regex in self.lex.section_regexes):
            return "section"
        return None

    def mapped(self, pieces: list[tuple[int, int]], cuts: list[Span], separator: str) -> MappedText:
        """Assemble text from source pieces, leaving out the ``cuts`` (marker spans).

        ``cuts`` are in order and do not overlap (the chosen markers): each piece looks
        up the cuts inside it by bisection and walks them once, so a paragraph of many
        lines and markers costs lines + markers, not lines x markers, and the document's
        markers are not all walked again for every paragraph."""
        text_parts: list[str] = []
        triples: list[tuple[int, int, int]] = []
        length = 0
        source_text = self.source.text
        for number, (start, end) in enumerate(pieces):
            inside = cuts[
                bisect.bisect_right(cuts, start, key=_cut_end) : bisect.bisect_left(
                    cuts, end, key=_cut_start
                )
            ]
            segments = [(start, end)] if not inside else []
            position = start
            for cut in inside:  # the piece between the cuts, in order
                if cut.start > position:
                    segments.append((position, cut.start))
                position = max(position, cut.end)
            if inside and position < end:
                segments.append((position, end))
            for position, (seg_start, seg_end) in enumerate(segments):
                if position == 0 and number > 0 and text_parts:
                    text_parts.append(separator)
                    length += len(separator)
                if text_parts and text_parts[-1][-1:].isspace():
                    while seg_start < seg_end and source_text[seg_start].isspace():
                        seg_start += 1
                if seg_start >= seg_end:
                    continue
                triples.append((length, seg_start, seg_end))
                part = source_text[seg_start:seg_end]
                text_parts.append(part)
                length += len(part)
        text = "".join(text_parts)
        stripped = text.rstrip()
        return MappedText(stripped, tuple(triples))
