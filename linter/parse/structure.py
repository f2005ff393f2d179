"""Rebuild the structure of a resolution from its classified lines.

The layout pass (``linter.parse.layout``) has already taken out page furniture and the notes of
each page. This pass finds the heading, the author line ("The General Assembly,"), the
adoption block, then joins the remaining lines into blocks (paragraphs, sub-paragraphs,
part and annex headings), locates footnote markers, and builds the immutable
:class:`~linter.parse.model.Document`.

Where a paragraph starts is decided from signals that survive extraction: a paragraph
number or sub-paragraph label, a lead phrase, the punctuation that ends the previous
block, indentation when the document indents paragraph starts (the seed), and blank lines
when the document separates paragraphs with them (most English extractions). A page
break (furniture or notes removed) never starts a paragraph by itself: a sentence
interrupted by a page's notes is joined again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from itertools import pairwise

from linter.facts.grammars.dates import DateMatch, find_dates
from linter.facts.grammars.numerals import parse_meeting_number, roman_value
from linter.parse.layout import FURNITURE, Kind, Layout, NoteDraft, classify
from linter.parse.markers import MarkerCandidate, find_inline_markers, select_markers
from linter.parse.model import (
    Adoption,
    Document,
    Heading,
    MappedText,
    Marker,
    MarkerStyle,
    Note,
    Paragraph,
    Span,
    SubParagraph,
    Zone,
)
from linter.parse.numbering import final_mark, letter_value
from linter.parse.repeats import collapse
from linter.source.lexicon import Lexicon, lexicon_for
from linter.source.text import Source

NUMBER_LABEL = re.compile(r"^\s*(\d{1,3})\s*[.．](?!\d)\s*")
SUB_LABEL = re.compile(r"^\s*[(（]([a-z]{1,2}|[ivxlcdm]{1,7})[)）]\s*")
_OWN_LINE_MARKER = re.compile(r"^\s*(\d{1,3})\s*$")
_TERMINATED = re.compile(
    r"[，；。：,;:.．!?！？،؛؟]['\"”’」』)）\]]*\s*(?:\d{1,3}|\[\^\d{1,3}\])?\s*$"
)
# Council titles; "66/181. Title" is built from the lexicon (_title_regex).
_TITLE_PATTERNS = (
    re.compile(r"^\s*(?P<number>\d{1,4}\s*\(\d{4}\))\s*\.?\s*(?P<title>Resolution\b.*?)\s*$"),
    re.compile(r"^\s*Resolution\s+(?P<number>\d{1,4}\s*\(\d{4}\))\s*(?P<title>.*?)\s*$"),
)


@cache
def _title_regex(separators: tuple[str, ...]) -> re.Pattern[str]:
    marks = "|".join(re.escape(mark) for mark in separators)
    number = r"(?P<number>(?:[A-Z]{1,2}-)?\d{1,4}/\d{1,4})"
    return re.compile(rf"^\s*{number}\s*(?:{marks})\s*(?P<title>.*?)\s*$")


_SYMBOL_PREFIX = {"ga": "A/RES/", "ecosoc": "E/RES/", "sc": "S/RES/", "hrc": "A/HRC/RES/"}
_STRAY_NOTE = re.compile(r"^\s*(\d{1,3})(/)?\s+(?=\S)")
# Enough text to hold the longest lead phrase drawn four times (表示赞赏地注意到 x4 = 32).
_LEAD_WINDOW = 48


@dataclass
class _Block:
    """Lines joined into one paragraph-like unit while the parser works."""

    lines: list[int] = field(default_factory=list)  # line indexes holding text
    marker_lines: list[int] = field(default_factory=list)  # own-line markers inside it
    kind: str = "paragraph"


class _Builder:
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

    # -- helpers ---------------------------------------------------------------------------

    @cached_property
    def titles(self) -> tuple[re.Pattern[str], ...]:
        """Number-and-title lines; the number ends as the lexicon's paragraph numbers do
        ("66/181. Title", Arabic "66/181 - Title")."""
        return (_title_regex(self.lex.number_separators), *_TITLE_PATTERNS)

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
        start = text.lstrip()[:_LEAD_WINDOW]
        match = self.lex.lead_regex.match(start)
        if match and not start[match.end() :].startswith(start[:2]):
            return start  # an intact lead phrase: nothing drawn twice here
        return collapse(start, self.lex.lead_set)

    def lead_of(self, text: str) -> tuple[str | None, str | None]:
        """The lead phrase ``text`` opens with and its kind (memoised per parse)."""
        key = text.lstrip()[:_LEAD_WINDOW]
        if key not in self._leads:
            self._leads[key] = self._lead_of(key)
        return self._leads[key]

    def _lead_of(self, text: str) -> tuple[str | None, str | None]:
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

    # -- the passes ------------------------------------------------------------------------

    def build(self) -> Document:
        count = len(self.lines)
        first = next((i for i in range(count) if self.kinds[i] is not Kind.FRONT_MATTER), count)
        author = self.find_author(first)
        title_index = self.find_title(first, author)
        body_start = self.body_start(first, author, title_index)
        heading_end = author if author is not None else body_start
        adoption_lines, adoption = self.find_adoption(body_start)
        for index in range(body_start, count):
            if self.is_text(index) and _OWN_LINE_MARKER.match(self.text_of(index)):
                self.kinds[index] = Kind.MARKER
                self.roles[index] = "marker"
        blocks = self.build_blocks(body_start, adoption_lines)
        trailing_after = max(adoption_lines) if adoption_lines else None
        extra_notes, blocks = self.split_stray_notes(blocks, trailing_after)
        note_drafts = sorted([*self.layout.notes, *extra_notes], key=lambda n: n.number_start)
        notes = tuple(self.make_note(draft) for draft in note_drafts)
        markers = self.find_markers(blocks, notes, title_index, sorted(adoption_lines))
        marker_spans = [marker.span for marker in markers]

        headings = self.heading_lines(first, heading_end, title_index)
        number, number_span, title, title_span = self.title_parts(title_index, author)
        body_id = self.body_id(first, heading_end, author)
        symbol = self.symbol(first, heading_end, number, body_id)
        if adoption.source == "none":
            adoption = self.adoption_from_heading(first, heading_end)
        elif adoption.date is None:
            # "Adopted at the 229th meeting" names no date; the heading may
            # ("38 (1948). Resolution of 17 January 1948"): D002/D003 need it.
            dated = self.adoption_from_heading(first, heading_end)
            if dated.date is not None:
                adoption = replace(adoption, date=dated.date, date_span=dated.date_span)

        preamble, operative, annexes, sections = self.paragraphs(blocks, marker_spans)
        author_span = None
        author_text = None
        if author is not None:
            start, end = self.stripped_piece(author)
            author_span = Span(start, end)
            author_text = self.source.text[start:end]
            self.roles[author] = "author"
        return Document(
            source=self.source,
            layout=self.layout,
            language=self.source.language,
            symbol=symbol,
            body=body_id,
            number=number,
            number_span=number_span,
            title=title,
            title_span=title_span,
            author=author_text,
            author_span=author_span,
            headings=headings,
            preamble=preamble,
            operative=operative,
            annexes=annexes,
            sections=sections,
            markers=markers,
            notes=notes,
            adoption=adoption,
            line_roles=tuple(self.roles),
        )

    def find_author(self, first: int) -> int | None:
        regex = self.lex.author_line_regex
        for index in range(first, min(len(self.lines), first + 250)):
            if self.is_text(index) and regex.match(self.text_of(index)):
                return index
        return None

    def find_title(self, first: int, author: int | None) -> int | None:
        limit = author if author is not None else min(len(self.lines), first + 80)
        for index in range(first, limit):
            if self.is_text(index) and any(p.match(self.text_of(index)) for p in self.titles):
                return index
        return None

    def body_start(self, first: int, author: int | None, title: int | None) -> int:
        """Where paragraphs begin: after the author line, else after the title."""
        if author is not None:
            return author + 1
        if title is not None:
            index = title + 1
            while index < len(self.lines) and self.is_text(index):
                index += 1
            return index
        for index in range(first, len(self.lines)):
            if not self.is_text(index):
                continue
            text = self.text_of(index)
            if self.lex.number_label_regex.match(text) or self.lead_of(text)[0]:
                return index
        return first

    # -- adoption --------------------------------------------------------------------------

    def find_adoption(self, start: int) -> tuple[set[int], Adoption]:
        """The meeting line and the date line next to it."""
        regexes = self.lex.meeting_regexes
        meeting_words = self.lex.meeting_words or ("",)
        for index in range(start, len(self.lines)):
            if not self.is_text(index):
                continue
            text = self.text_of(index)
            stripped = text.strip()
            if len(stripped) > 300:  # an adoption line with its vote fits; a paragraph not
                continue
            following = None
            if index + 1 < len(self.lines) and self.is_text(index + 1):
                following = index + 1
            # Every meeting line holds the lexicon's word for a meeting: most lines can be
            # passed by without trying the patterns. (Not a figure: older Chinese texts
            # write the meeting in numerals, 第一四八一次全体会议.)
            window = stripped if following is None else f"{stripped} {self.text_of(following)}"
            if not any(w in window for w in meeting_words):
                continue
            for regex in regexes:
                match = regex.match(stripped)
                lead = len(text) - len(text.lstrip())
                base = self.lines[index].start + lead
                lines = {index}
                if match:
                    meeting_span = Span(base + match.start("meeting"), base + match.end("meeting"))
                elif following is not None and len(stripped) < 60:
                    # "Adopted unanimously at the" / "1382nd meeting.": one line wrapped.
                    next_text = self.text_of(following)
                    next_stripped = next_text.strip()
                    match = regex.match(f"{stripped} {next_stripped}")
                    if not match or match.start("meeting") <= len(stripped):
                        continue
                    next_base = (
                        self.lines[following].start + len(next_text) - len(next_text.lstrip())
                    )
                    shift = next_base - len(stripped) - 1
                    meeting_span = Span(
                        shift + match.start("meeting"), shift + match.end("meeting")
                    )
                    lines.add(following)
                else:
                    continue
                date, date_span, date_line = None, None, None
                for probe in self.nearby_text(index, 3):
                    line_text = self.text_of(probe)
                    found = self.first_date(line_text)
                    if found and not (line_text[: found.start] + line_text[found.end :]).strip():
                        date = found.iso()
                        offset = self.lines[probe].start
                        date_span = Span(offset + found.start, offset + found.end)
                        date_line = probe
                        lines.add(probe)
                        break
                # The rest of an adoption paragraph ("by 8 votes to none, ..."): it continues
                # the meeting line, so canonical text keeps it in the same block.
                probe = index + 1
                continued: set[int] = set()
                while probe < len(self.lines) and self.is_text(probe) and probe != date_line:
                    if date_line is not None or not self.continues_adoption(probe):
                        break
                    continued.add(probe)
                    probe += 1
                if date is None:
                    found = self.first_date(stripped)
                    if found:
                        date = found.iso()
                        date_span = Span(base + found.start, base + found.end)
                for line in lines:
                    self.roles[line] = "adoption"
                for line in continued:
                    self.roles[line] = "adoption-continuation"
                return lines | continued, Adoption(
                    date=date,
                    date_span=date_span,
                    meeting=parse_meeting_number(match.group("meeting"), self.lex.language),
                    meeting_span=meeting_span,
                    line=index + 1,
                    source="adoption-line",
                )
        return set(), Adoption(None, None, None, None, None, "none")

    def first_date(self, text: str) -> DateMatch | None:
        """The first full date (day, month, year) in ``text``."""
        for found in find_dates(text, self.lex.language):
            if found.kind == "date":
                return found
        return None

    def continues_adoption(self, index: int) -> bool:
        """A line of the adoption paragraph ("by 14 votes to none. One member" /
        "(Yemen) did not participate in the vote.")."""
        text = self.text_of(index).strip()
        if not text or self.lex.number_label_regex.match(text):
            return False
        previous = self.text_of(index - 1).strip()
        return text[:1].islower() or not previous.endswith(".")

    def nearby_text(self, index: int, reach: int) -> list[int]:
        """Up to ``reach`` text lines after, then before ``index``."""
        found: list[int] = []
        for step in (1, -1):
            probe, seen = index + step, 0
            while 0 <= probe < len(self.lines) and seen < reach:
                if self.is_text(probe):
                    found.append(probe)
                    seen += 1
                probe += step
        return found

    def adoption_from_heading(self, first: int, end: int) -> Adoption:
        """ "Resolution adopted by the General Assembly on 14 November 2025"."""
        for index in range(first, min(end + 3, len(self.lines))):
            if not self.is_text(index) and self.kinds[index] is not Kind.MARKER:
                continue
            text = self.text_of(index)
            joined = text
            # The sentence may go on in the next line of text, past a blank line
            # (canonical text puts each heading line in a block of its own).
            following = next(
                (i for i in range(index + 1, min(index + 3, len(self.lines))) if self.is_text(i)),
                None,
            )
            if following is not None:
                joined = text + " " + self.text_of(following)
            for regex in self.lex.adoption_heading_regexes:
                # The line alone first: a pattern anchored at its end must see the end.
                match = regex.search(text) or regex.search(joined)
                if not match:
                    continue
                found = self.first_date(match.group("date"))
                if not found:
                    continue
                offset = match.start("date") + found.start
                if following is not None and offset > len(text):
                    start = self.lines[following].start + offset - len(text) - 1
                else:
                    start = self.lines[index].start + offset
                meeting, meeting_span = self.heading_meeting(match, index, text, following)
                return Adoption(
                    date=found.iso(),
                    date_span=Span(start, start + found.end - found.start),
                    meeting=meeting,
                    meeting_span=meeting_span,
                    line=index + 1,
                    source="heading",
                )
        return Adoption(None, None, None, None, None, "none")

    def heading_meeting(
        self, match: re.Match[str], index: int, text: str, following: int | None
    ) -> tuple[int | None, Span | None]:
        """The meeting of a heading adoption line that names one (安全理事会第8401次会议通过)."""
        if "meeting" not in match.re.groupindex or match.group("meeting") is None:
            return None, None
        meeting = parse_meeting_number(match.group("meeting"), self.lex.language)
        offset = match.start("meeting")
        if following is not None and offset > len(text):
            start = self.lines[following].start + offset - len(text) - 1
        else:
            start = self.lines[index].start + offset
        return meeting, Span(start, start + match.end("meeting") - match.start("meeting"))

    # -- blocks ----------------------------------------------------------------------------

    def style(self, body: list[int]) -> tuple[bool, bool]:
        """(double_spaced, indent_marks_start) for the body lines."""
        texts = [i for i in body if self.kinds[i] is Kind.TEXT]
        if len(texts) < 2:
            return False, False
        gaps = pairs = 0
        for a, b in pairwise(texts):
            between = [self.kinds[i] for i in range(a + 1, b)]
            if Kind.MARKER in between:
                # "议定书" / "1" / "作为…": one printed line cut by its superscript marker;
                # it says nothing about the spacing (small texts tipped over on it).
                continue
            pairs += 1
            gaps += Kind.BLANK in between
        double_spaced = pairs > 0 and gaps / pairs >= 0.8
        indented = sum(1 for i in texts if self.text_of(i)[:1].isspace()) / len(texts)
        return double_spaced, double_spaced and 0.05 <= indented <= 0.7

    def blocks_are_lines(self, body: list[int]) -> bool:
        """Whether each line is a whole block (canonical text), not a wrapped piece.

        Double spacing alone does not say it: the seed is double-spaced *and* hard-wrapped.
        In canonical text nearly every line ends a block: it is terminated, or the next
        line opens a paragraph, sub-paragraph, section or annex. In a wrapped text most
        lines stop in mid-sentence (the seed: 3 lines in 10 end a block).
        """
        texts = [i for i in body if self.kinds[i] is Kind.TEXT]
        if len(texts) < 2:
            return False
        ends = 1 + sum(
            1
            for a, b in pairwise(texts)
            if _TERMINATED.search(self.text_of(a)) or self.structural(self.text_of(b))
        )
        return ends / len(texts) >= 0.75

    def is_terminated(self, block: _Block) -> bool:
        if not block.lines:
            return False
        last = self.text_of(block.lines[-1])
        if len(block.lines) == 1:
            label = self.lex.number_label_regex.match(last) or self.lex.sub_label_regex.match(last)
            if label and not last[label.end() :].strip():
                return False  # "1. " alone: the paragraph's text follows
        return bool(_TERMINATED.search(last))

    def structural(self, text: str) -> str | None:
        """What a line opens: a paragraph, sub-paragraph, annex or section, or None."""
        if text in self._structural:
            return self._structural[text]
        kind = self._structural[text] = self._structural_kind(text)
        return kind

    def _structural_kind(self, text: str) -> str | None:
        stripped = text.strip()
        if self.lex.number_label_regex.match(text):
            return "paragraph"
        if self.lex.sub_label_regex.match(text):
            return "subparagraph"
        if self.lex.annex_regex.match(stripped):
            return "annex"
        if any(regex.match(stripped) for regex in self.lex.section_regexes):
            return "section"
        return None

    def build_blocks(self, start: int, skip: set[int]) -> list[_Block]:
        body = [
            i
            for i in range(start, len(self.lines))
            if i not in skip and self.kinds[i] in (Kind.TEXT, Kind.MARKER, Kind.BLANK)
        ]
        double_spaced, indent_marks = self.style(body)
        self.block_per_line = double_spaced and self.blocks_are_lines(body)
        blocks: list[_Block] = []
        current: _Block | None = None
        blank_before = False
        for index in body:
            kind = self.kinds[index]
            if kind is Kind.BLANK:
                blank_before = True
                continue
            if kind is Kind.MARKER:
                if current is not None:
                    current.marker_lines.append(index)
                continue
            page_break = index in self.layout.page_breaks or any(
                self.kinds[i] in FURNITURE or self.kinds[i] in (Kind.NOTE_TEXT, Kind.SEPARATOR)
                for i in range(max(start, index - 1), index)
            )
            if self.starts_block(
                index, current, blank_before, page_break, double_spaced, indent_marks
            ):
                current = _Block(lines=[index])
                blocks.append(current)
            else:
                assert current is not None
                current.lines.append(index)
            blank_before = False
        return blocks

    def starts_block(
        self,
        index: int,
        current: _Block | None,
        blank_before: bool,
        page_break: bool,
        double_spaced: bool,
        indent_marks: bool,
    ) -> bool:
        text = self.text_of(index)
        if current is None:
            return True
        kind = self.structural(text)
        terminated = self.is_terminated(current)
        if kind in ("paragraph", "subparagraph", "annex"):
            return True
        if kind == "section" and (terminated or blank_before):
            return True
        if self.block_per_line:
            # Canonical text: a blank line ends every block, wherever a page broke; a
            # new lead phrase after a terminated line opens one even without it.
            if blank_before:
                return terminated or not page_break
            return terminated and not page_break and self.lead_of(text)[0] is not None
        if indent_marks:
            return text[:1].isspace() and (terminated or self.lead_of(text)[0] is not None)
        if double_spaced:
            return terminated
        if blank_before:
            stripped = text.strip()
            if page_break and stripped[:1].islower():
                return False  # the sentence goes on over the page break ("safe," / "affordable")
            if terminated:
                return True
            return not (page_break or stripped[:1].islower())
        return terminated and not page_break and self.lead_of(text)[0] is not None

    def split_stray_notes(
        self, blocks: list[_Block], trailing_after: int | None
    ) -> tuple[list[NoteDraft], list[_Block]]:
        """Notes left in the body without a separator.

        Two cases from real extractions: notes printed after the adoption block (old
        Security Council texts), and note lines a cleaning step left between paragraphs.
        A block is taken for a note only if it opens with a plausible note number: the
        next after the last note seen, or after the adoption block any small number.
        """
        drafts: list[NoteDraft] = []
        kept: list[_Block] = []
        last = max((note.number for note in self.layout.notes), default=0)
        for block in blocks:
            first = block.lines[0]
            text = self.text_of(first)
            # "5 - تدعو": an Arabic paragraph number is no note number.
            labelled = "-" in self.lex.number_separators and self.lex.number_label_regex.match(text)
            match = None if labelled else _STRAY_NOTE.match(text)
            after_adoption = trailing_after is not None and first > trailing_after
            if match and self.note_like(block, match, after_adoption, last):
                number = int(match.group(1))
                line = self.lines[first]
                note_lines, rest = self.until_page_break(block.lines)
                pieces = [(line.start + match.end(), self.stripped_piece(first)[1])]
                pieces += [self.stripped_piece(i) for i in note_lines[1:]]
                drafts.append(
                    NoteDraft(
                        number=number,
                        number_start=line.start + match.start(1),
                        number_end=line.start + match.end(1),
                        line=line.number,
                        page=self.layout.pages[first],
                        pieces=tuple(pieces),
                        style="old-style" if match.group(2) else "inline",
                    )
                )
                for index in note_lines:
                    self.kinds[index] = Kind.NOTE_TEXT
                    self.roles[index] = "note-text"
                last = max(last, number)
                if rest and kept:
                    # The paragraph the notes interrupted goes on after the page break.
                    kept[-1].lines.extend(rest)
                elif rest:
                    kept.append(_Block(lines=rest))
                continue
            kept.append(block)
        return drafts, kept

    def until_page_break(self, lines: list[int]) -> tuple[list[int], list[int]]:
        """Split a block's lines where a page break falls: a note ends with its page."""
        for position, index in enumerate(lines[1:], start=1):
            if index in self.layout.page_breaks or self.kinds[index - 1] in FURNITURE:
                return lines[:position], lines[position:]
        return lines, []

    def note_like(
        self, block: _Block, match: re.Match[str], after_adoption: bool, last: int
    ) -> bool:
        number = int(match.group(1))
        rest = self.text_of(block.lines[0])[match.end() :]
        if self.lead_of(rest)[0] or rest[:1].islower() or rest[:1].isdigit():
            return False
        first_word = rest.split(" ", 1)[0].rstrip(",.")
        if first_word in self.lex.months or first_word in self.lex.number_suffix_units:
            return False
        if after_adoption:
            return number <= last + 60
        return last < number <= last + 2

    # -- markers ---------------------------------------------------------------------------

    def find_markers(
        self,
        blocks: list[_Block],
        notes: tuple[Note, ...],
        title: int | None,
        adoption_lines: list[int],
    ) -> tuple[Marker, ...]:
        candidates: list[MarkerCandidate] = []
        for block in blocks:
            for index in block.marker_lines:
                line = self.lines[index]
                match = _OWN_LINE_MARKER.match(line.text)
                assert match
                anchor = self.anchor_before(block, index)
                candidates.append(
                    MarkerCandidate(
                        number=int(match.group(1)),
                        start=line.start + match.start(1),
                        end=line.start + match.end(1),
                        line=index + 1,
                        anchor=anchor,
                        style=MarkerStyle.OWN_LINE,
                    )
                )
            for position, index in enumerate(block.lines):
                candidates.extend(
                    find_inline_markers(
                        self.lines[index],
                        self.lex,
                        continuation=position > 0,
                        previous_line=self.lines[block.lines[position - 1]] if position else None,
                    )
                )
        if title is not None:
            candidates.extend(find_inline_markers(self.lines[title], self.lex, False, None))
        for index in adoption_lines:
            # "Adopted at the 2nd meeting. 22": a note on the adoption itself.
            candidates.extend(find_inline_markers(self.lines[index], self.lex, False, None))
        candidates.sort(key=lambda candidate: candidate.start)
        note_numbers = {note.number for note in notes}
        old_style = any(note.style == "old-style" for note in notes)
        chosen = select_markers(candidates, note_numbers, old_style)
        markers = []
        for candidate in chosen:
            line_index = candidate.line - 1
            markers.append(
                Marker(
                    number=candidate.number,
                    span=Span(candidate.start, candidate.end),
                    line=candidate.line,
                    anchor=candidate.anchor,
                    style=candidate.style,
                    page=self.layout.pages[line_index],
                )
            )
        for block in blocks:
            for index in block.marker_lines:
                if not any(marker.line == index + 1 for marker in markers):
                    # A lone figure that is not a marker is text after all.
                    self.kinds[index] = Kind.TEXT
                    self.roles[index] = "continuation"
        return tuple(markers)

    def anchor_before(self, block: _Block, marker_index: int) -> int:
        previous = [i for i in block.lines if i < marker_index]
        if not previous:
            return self.lines[marker_index].start
        return self.stripped_piece(previous[-1])[1]

    # -- notes -----------------------------------------------------------------------------

    def make_note(self, draft: NoteDraft) -> Note:
        body = self.mapped(list(draft.pieces), [], separator=self.lex.line_join)
        return Note(
            number=draft.number,
            number_span=Span(draft.number_start, draft.number_end),
            text=body.text,
            body=body,
            line=draft.line,
            page=draft.page,
            style=draft.style,
        )

    # -- paragraphs ------------------------------------------------------------------------

    def mapped(self, pieces: list[tuple[int, int]], cuts: list[Span], separator: str) -> MappedText:
        """Assemble text from source pieces, leaving out the ``cuts`` (marker spans)."""
        text_parts: list[str] = []
        triples: list[tuple[int, int, int]] = []
        length = 0
        source_text = self.source.text
        if pieces and cuts:
            low, high = pieces[0][0], pieces[-1][1]
            cuts = [cut for cut in cuts if cut.end > low and cut.start < high]
        for number, (start, end) in enumerate(pieces):
            segments = [(start, end)]
            for cut in cuts:
                next_segments = []
                for seg_start, seg_end in segments:
                    if cut.end <= seg_start or cut.start >= seg_end:
                        next_segments.append((seg_start, seg_end))
                        continue
                    if seg_start < cut.start:
                        next_segments.append((seg_start, cut.start))
                    if cut.end < seg_end:
                        next_segments.append((cut.end, seg_end))
                segments = next_segments
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

    def block_pieces(self, block: _Block, label_end: int | None) -> list[tuple[int, int]]:
        pieces = [self.stripped_piece(index) for index in block.lines]
        if label_end is not None and pieces:
            start, end = pieces[0]
            pieces[0] = (max(start, label_end), end)
        return pieces

    def paragraphs(
        self, blocks: list[_Block], cuts: list[Span]
    ) -> tuple[
        tuple[Paragraph, ...], tuple[Paragraph, ...], tuple[Paragraph, ...], tuple[Heading, ...]
    ]:
        preamble: list[Paragraph] = []
        operative: list[Paragraph] = []
        annexes: list[Paragraph] = []
        sections: list[Heading] = []
        zone = Zone.PREAMBLE
        scope = ""
        part: str | None = None
        last: Paragraph | None = None
        last_list: list[Paragraph] | None = None
        subs: list[SubParagraph] = []
        separator = self.lex.line_join

        def flush() -> None:
            nonlocal last
            if last is not None and last_list is not None and subs:
                last_list[-1] = _with_subparagraphs(last, subs)
                last = last_list[-1]

        for position, block in enumerate(blocks):
            first = block.lines[0]
            line = self.lines[first]
            text = line.text
            kind = self.structural(text)
            joined = " ".join(self.text_of(i).strip() for i in block.lines)
            if kind == "annex" or (kind is None and self.is_heading(block, blocks, position)):
                start, end = self.stripped_piece(first)
                end = self.stripped_piece(block.lines[-1])[1]
                if kind == "annex":
                    match = self.lex.annex_regex.match(text.strip())
                    label = match.group("label") if match else None
                    scope = f"annex {label}" if label else "annex"
                    zone = Zone.ANNEX
                    part = None
                    sections.append(Heading(joined, Span(start, end), first + 1, "annex", label))
                    role = "annex"
                else:
                    sections.append(Heading(joined, Span(start, end), first + 1, "heading"))
                    role = "heading"
                for index in block.lines:
                    self.roles[index] = role
                continue
            if kind == "section":
                label, _title = self.section_label(joined.strip(), part)
                start, end = self.stripped_piece(first)
                end = self.stripped_piece(block.lines[-1])[1]
                heading_kind = (
                    "part"
                    if len(label) == 1
                    and label.isalpha()
                    and (label not in "IVX" or (part or "") >= "H")
                    else "section"
                )
                sections.append(Heading(joined, Span(start, end), first + 1, heading_kind, label))
                part = label
                for index in block.lines:
                    self.roles[index] = heading_kind
                continue
            if kind == "subparagraph" and last is not None:
                match = self.lex.sub_label_regex.match(text)
                assert match
                label = match.group(1)
                label_start = line.start + match.start(1)
                pieces = self.block_pieces(block, line.start + match.end())
                subs.append(
                    SubParagraph(
                        label=label,
                        level=1,
                        label_span=Span(label_start, label_start + len(label)),
                        body=self.mapped(pieces, cuts, separator),
                        line=first + 1,
                    )
                )
                for index in block.lines:
                    self.roles[index] = "continuation"
                self.roles[first] = "subparagraph"
                continue
            flush()
            subs = []
            number: int | None = None
            number_span: Span | None = None
            label_end: int | None = None
            match = self.lex.number_label_regex.match(text)
            if match:
                number = int(match.group(1))
                number_span = Span(line.start + match.start(1), line.start + match.end(1))
                label_end = line.start + match.end()
            body = self.mapped(self.block_pieces(block, label_end), cuts, separator)
            lead, lead_style = self.lead_of(body.text)
            if zone is Zone.PREAMBLE and (
                lead_style == "operative"
                or (number is not None and not self.stays_preambular(body.text, lead_style))
            ):
                zone = Zone.OPERATIVE
            paragraph = Paragraph(
                number=number,
                number_span=number_span,
                body=body,
                line=first + 1,
                end_line=block.lines[-1] + 1,
                lead=lead,
                lead_style=lead_style,
                zone=zone,
                scope=scope,
                part=part,
            )
            target = {Zone.PREAMBLE: preamble, Zone.OPERATIVE: operative}.get(zone, annexes)
            target.append(paragraph)
            last, last_list = paragraph, target
            for index in block.lines:
                self.roles[index] = "continuation"
            self.roles[first] = "paragraph"
        flush()
        return tuple(preamble), tuple(operative), tuple(annexes), tuple(sections)

    def stays_preambular(self, text: str, lead_style: str | None) -> bool:
        """Whether a numbered paragraph is still a preambular one (a misplaced number).

        It is when it ends like a preambular paragraph (a comma) or opens with a
        preambular phrase and does not end like an operative one: ``3. Recalling ...,``
        stays in the preamble; ``1. Acting under Article 34 ..., requests ...;`` opens
        the operative part.
        """
        end = final_mark(text)
        if end in self.lex.preamble_terminators:
            return True
        ends_operative = end in self.lex.operative_terminators or end in self.lex.final_terminators
        return lead_style == "preambular" and not ends_operative

    def section_label(self, text: str, part: str | None) -> tuple[str, str | None]:
        for regex in self.lex.section_regexes:
            match = regex.match(text)
            if match:
                title = match.groupdict().get("title")
                return match.group("label"), title
        return text, None

    def is_heading(self, block: _Block, blocks: list[_Block], position: int) -> bool:
        """An unlabelled heading: a short unterminated block before a paragraph.

        Judged on the block's text, not on its lines, so that a heading wrapped over two
        lines and the same heading on one line (canonical text) read alike. The title
        right under an annex or section label may be longer.
        """
        if len(block.lines) > 3 or self.is_terminated(block):
            return False
        text = " ".join(self.text_of(index).strip() for index in block.lines)
        under_label = position > 0 and self.structural(
            self.text_of(blocks[position - 1].lines[0])
        ) in ("annex", "section")
        if len(text) > (200 if under_label else 100) or self.lead_of(text)[0]:
            return False
        if position + 1 >= len(blocks):
            return False
        following = self.text_of(blocks[position + 1].lines[0])
        return self.structural(following) in ("paragraph", "section", "annex")

    # -- heading ---------------------------------------------------------------------------

    def heading_lines(self, first: int, end: int, title: int | None) -> tuple[Heading, ...]:
        headings = []
        for index in range(first, end):
            if self.kinds[index] is Kind.TEXT:
                start, stop = self.stripped_piece(index)
                kind = "title" if index == title else "heading"
                headings.append(
                    Heading(self.source.text[start:stop], Span(start, stop), index + 1, kind)
                )
                if self.roles[index] == "text":
                    self.roles[index] = kind
        return tuple(headings)

    def title_parts(
        self, title_index: int | None, author: int | None
    ) -> tuple[str | None, Span | None, str | None, Span | None]:
        if title_index is None:
            return None, None, None, None
        line = self.lines[title_index]
        for pattern in self.titles:
            match = pattern.match(line.text)
            if match:
                break
        else:
            return None, None, None, None
        number = re.sub(r"\s+", " ", match.group("number"))
        number_span = Span(line.start + match.start("number"), line.start + match.end("number"))
        pieces = [(line.start + match.start("title"), line.start + match.end("title"))]
        index = title_index + 1
        limit = author if author is not None else len(self.lines)
        while index < limit and self.is_text(index):
            pieces.append(self.stripped_piece(index))
            self.roles[index] = "title"
            index += 1
        body = self.mapped(pieces, [], self.lex.line_join)
        self.roles[title_index] = "title"
        return number, number_span, body.text or None, body.span

    def body_id(self, first: int, end: int, author: int | None) -> str | None:
        candidates = ([author] if author is not None else []) + list(range(first, end))
        for index in candidates:
            text = self.text_of(index)
            for name in self.lex.author_bodies:
                if name in text and name in self.lex.body_ids:
                    return self.lex.body_ids[name]
        return None

    def symbol(self, first: int, end: int, number: str | None, body: str | None) -> str | None:
        front = self.layout.front_matter.get("symbol")
        if front:
            return front
        for index in range(first, end):
            text = self.text_of(index).strip()
            is_symbol = self.kinds[index] is Kind.SYMBOL or (
                "/RES/" in text and " " not in text.replace(" (", "(")
            )
            if is_symbol and (number is None or number.replace(" ", "") in text.replace(" ", "")):
                return text
        if number and body in _SYMBOL_PREFIX:
            return _SYMBOL_PREFIX[body] + number
        return None


def _with_subparagraphs(paragraph: Paragraph, subs: list[SubParagraph]) -> Paragraph:
    """Attach sub-paragraphs, nesting roman numerals under the letter before them.

    ``(i)``, ``(v)``, ``(x)``, ``(c)``, ``(d)``, ``(l)`` and ``(m)`` are letters and roman
    numerals at once. A label is a numeral under the letter before it when it goes on
    the numerals already open there (or opens them with ``(i)`` to ``(iii)``), unless it
    is the next letter and the following label does not go on as a numeral: ``(h)``,
    ``(i)``, ``(j)`` are letters; ``(h)``, ``(i)``, ``(ii)`` are a letter and its numerals.
    A list that opens with ``(i)`` is a list of numerals.
    """
    nested: list[SubParagraph] = []
    children: list[SubParagraph] = []
    top_roman = False
    for position, sub in enumerate(subs):
        label = sub.label
        if not nested:
            value = roman_value(label)
            top_roman = value is not None and value <= 3
            nested.append(_relevel(sub, 2) if top_roman else sub)
            continue
        if top_roman:
            nested.append(_relevel(sub, 2))
            continue
        following = subs[position + 1].label if position + 1 < len(subs) else None
        if _is_numeral(label, nested[-1].label, children, following):
            children.append(_relevel(sub, 2))
            continue
        if children:
            nested[-1] = _replace_children(nested[-1], children)
            children = []
        nested.append(sub)
    if nested and children:
        nested[-1] = _replace_children(nested[-1], children)
    return Paragraph(
        number=paragraph.number,
        number_span=paragraph.number_span,
        body=paragraph.body,
        line=paragraph.line,
        end_line=max([paragraph.end_line, *(sub.line for sub in subs)]),
        lead=paragraph.lead,
        lead_style=paragraph.lead_style,
        zone=paragraph.zone,
        scope=paragraph.scope,
        part=paragraph.part,
        subparagraphs=tuple(nested),
    )


def _is_numeral(
    label: str, letter: str, children: list[SubParagraph], following: str | None
) -> bool:
    """Whether ``label`` after the letter ``letter`` (and its numerals) is a numeral."""
    value = roman_value(label)
    if value is None:
        return False
    last = roman_value(children[-1].label) if children else 0
    if last is None or not 1 <= value <= last + 3:
        return False
    letter_at = letter_value(letter)
    is_next_letter = letter_at is not None and letter_value(label) == letter_at + 1
    if not is_next_letter:
        return True
    if children and value == last + 1:
        return True
    following_value = roman_value(following) if following else None
    return following_value is not None and following_value == value + 1


def _relevel(sub: SubParagraph, level: int) -> SubParagraph:
    return SubParagraph(sub.label, level, sub.label_span, sub.body, sub.line, sub.children)


def _replace_children(sub: SubParagraph, children: list[SubParagraph]) -> SubParagraph:
    return SubParagraph(sub.label, sub.level, sub.label_span, sub.body, sub.line, tuple(children))


def parse(source: Source) -> Document:
    """Rebuild the Document of ``source``."""
    return _Builder(source, classify(source), lexicon_for(source.language)).build()


def parse_text(text: str, path: str = "<text>", language: str | None = None) -> Document:
    return parse(Source.from_text(text, path=path, language=language))


__all__ = ["NUMBER_LABEL", "SUB_LABEL", "parse", "parse_text"]
