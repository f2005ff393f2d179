"""Line classification: which lines are page furniture, footnotes, markers or text.

PDF extraction interleaves three streams: the resolution text, the footnotes of each page
(below a separator), and page furniture (running headers and footers, page and job
numbers, barcodes). This module separates them line by line, before any paragraph is
built, and records where pages end, so that the structure parser sees only text lines
and the rules can point at every piece of furniture they want removed.

The classification is deliberately conservative: a line becomes furniture only on strong
evidence (a job number, a barcode, a page number ``2/18``, a symbol line) or when it sits
in such a cluster and repeats the document's own heading text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from linter.facts.grammars._data import has_numerals
from linter.facts.grammars.dates import parse_date
from linter.parse.notes import goes_on, note_start
from linter.source.lexicon import Lexicon, lexicon_or_none
from linter.source.text import Line, Source


class Kind(StrEnum):
    """What a physical line is."""

    BLANK = "blank"
    FRONT_MATTER = "front-matter"
    SEPARATOR = "separator"
    NOTE_NUMBER = "note-number"
    NOTE_TEXT = "note-text"
    MARKER = "marker"
    RUNNING_HEADER = "running-header"
    PAGE_NUMBER = "page-number"
    JOB_NUMBER = "job-number"
    BARCODE = "barcode"
    SYMBOL = "symbol"
    TEXT = "text"


#: Kinds that are page furniture: never part of the resolution's text.
FURNITURE = frozenset(
    {Kind.RUNNING_HEADER, Kind.PAGE_NUMBER, Kind.JOB_NUMBER, Kind.BARCODE, Kind.SYMBOL}
)

_JOB_NUMBER = re.compile(r"^\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?$")
_BARCODE = re.compile(r"^\*\d{6,}\*$")
_PAGE_OF = re.compile(r"^(\d{1,3})\s?/\s?(\d{1,3})$")
_PAGE_DASHED = re.compile(r"^[-–]\s*\d{1,3}\s*[-–]$")
_LONE_NUMBER = re.compile(r"^\d{1,3}$")
_PAGE_WORD = re.compile(r"^(?:Page|page)\s+\d{1,3}$")
_SYMBOL_LINE = re.compile(
    r"^(?:[A-Z]{1,5}(?:\.\d+)?/)+(?:RES/)?[A-Z0-9.\-]+(?:/[A-Za-z0-9.\-]+)*(?:\s*\(\d{4}\))?$"
)
# ``---`` alone is the Markdown rule some pipelines put above the notes.
_SEPARATOR = re.compile(r"^\s*(?:_{5,}|-{10,}|—{5,}|-{3}|\*{3})\s*$")
_WIDE_BLANK = 20  # a whitespace-only line this wide is the separator drawn as spaces
_NOTE_ALONE = re.compile(r"^\s*(\d{1,3})\s*$")
_NOTE_MARKDOWN = re.compile(r"^\s*\[\^(\d{1,3}|\*{1,3})\]:\s*(.*?)\s*$")
_SPACES = re.compile(r"\s+")
#: The number that opens a title line: "80/27. ", "2012/19. ".
_TITLE_NUMBER = re.compile(r"^(?:[A-Z]{1,2}-)?\d{1,4}/\d{1,4}\s*[.．]\s*")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class NoteDraft:
    """A footnote as found on its page: number, where the number is, the text lines."""

    number: int
    number_start: int
    number_end: int
    line: int
    page: int
    pieces: tuple[tuple[int, int], ...]  # (start, end) offsets of the text on each line
    style: str  # "own-line", "inline", "old-style", "asterisk", "markdown"
    mark: str = ""  # "*", "**" for an asterisk note (whose number is 0)


@dataclass(frozen=True, slots=True)
class Layout:
    """The classification of every line of a source."""

    kinds: tuple[Kind, ...]  # one per line, index = line number - 1
    pages: tuple[int, ...]  # page index (0-based) of every line
    notes: tuple[NoteDraft, ...]
    page_breaks: frozenset[int]  # line indexes whose text follows removed furniture/notes
    front_matter: dict[str, str]

    def kind(self, line_number: int) -> Kind:
        return self.kinds[line_number - 1]


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _front_matter(lines: tuple[Line, ...]) -> tuple[int, dict[str, str]]:
    """A YAML block some pipelines prepend (``---`` ... ``---``): its length and keys."""
    if not lines or lines[0].text.strip() != "---":
        return 0, {}
    for index in range(1, min(len(lines), 60)):
        if lines[index].text.strip() == "---":
            fields: dict[str, str] = {}
            for line in lines[1:index]:
                key, sep, value = line.text.partition(":")
                if sep:
                    fields[key.strip()] = value.strip().strip('"')
            return index + 1, fields
    return 0, {}


def _is_blank(line: Line) -> bool:
    return not line.text.strip()


def _strong_furniture(text: str) -> Kind | None:
    if _JOB_NUMBER.match(text):
        return Kind.JOB_NUMBER
    if _BARCODE.match(text):
        return Kind.BARCODE
    match = _PAGE_OF.match(text)
    if match and 1 <= int(match.group(1)) <= int(match.group(2)):
        return Kind.PAGE_NUMBER
    if _PAGE_DASHED.match(text):
        return Kind.PAGE_NUMBER
    return None


def _is_separator(lines: tuple[Line, ...], index: int) -> bool:
    text = lines[index].text
    if _SEPARATOR.match(text):
        return True
    if text and not text.strip() and len(text) >= _WIDE_BLANK:
        # A wide run of spaces is a separator only when a note follows it.
        following = _next_nonblank(lines, index + 1)
        return following is not None and bool(
            _NOTE_ALONE.match(lines[following].text) or note_start(lines[following].text)
        )
    return False


def _next_nonblank(lines: tuple[Line, ...], index: int) -> int | None:
    while index < len(lines):
        if not _is_blank(lines[index]):
            return index
        index += 1
    return None


def _text_piece(line: Line) -> tuple[int, int]:
    stripped = line.text.strip()
    if not stripped:
        return line.start, line.start
    lead = len(line.text) - len(line.text.lstrip())
    return line.start + lead, line.start + lead + len(stripped)


def classify(source: Source) -> Layout:
    """Classify every line of ``source``."""
    lines = source.lines
    count = len(lines)
    kinds: list[Kind] = [Kind.BLANK if _is_blank(line) else Kind.TEXT for line in lines]
    skip, front = _front_matter(lines)
    for index in range(skip):
        kinds[index] = Kind.FRONT_MATTER

    author_line = _author_line(lines, skip, lexicon_or_none(source.language))
    body_start = skip if author_line is None else author_line
    heading_text = _heading_text(lines, skip, author_line)
    for index in range(skip, count):
        if kinds[index] is Kind.TEXT:
            strong = _strong_furniture(lines[index].text.strip())
            if strong is not None:
                kinds[index] = strong
    _mark_symbol_clusters(
        lines, kinds, heading_text, body_start, source.language, author_line is None
    )
    if author_line is not None:
        _mark_running_titles(lines, kinds, heading_text, author_line)

    notes: list[NoteDraft] = []
    page_breaks: set[int] = set()
    pages = [0] * count
    page = 0
    index = skip
    while index < count:
        if _is_separator(lines, index):
            kinds[index] = Kind.SEPARATOR
            end = _read_notes(lines, kinds, index + 1, page, notes, source.text)
            for i in range(index, end):
                pages[i] = page
            page += 1
            resume = _next_nonblank(lines, end)
            # Furniture right after the notes still belongs to the page that ended.
            while resume is not None and kinds[resume] in FURNITURE:
                for i in range(end, resume + 1):
                    pages[i] = page - 1
                end = resume + 1
                resume = _next_nonblank(lines, end)
            if resume is not None:
                page_breaks.add(resume)
            index = end
            continue
        if kinds[index] in FURNITURE and index > body_start:
            # A page break without notes: the furniture cluster ends the page.
            end = index
            while end < count and (kinds[end] in FURNITURE or kinds[end] is Kind.BLANK):
                pages[end] = page
                end += 1
            page += 1
            if end < count:
                page_breaks.add(end)
            index = end
            continue
        pages[index] = page
        index += 1

    _mark_markdown_notes(lines, kinds, notes, pages)
    _mark_asterisk_notes(lines, kinds, notes, pages, source.text, skip)
    notes.sort(key=lambda note: note.number_start)
    return Layout(
        kinds=tuple(kinds),
        pages=tuple(pages),
        notes=tuple(notes),
        page_breaks=frozenset(page_breaks),
        front_matter=front,
    )


def _author_line(lines: tuple[Line, ...], skip: int, lex: Lexicon | None) -> int | None:
    """Index of the author line ("The General Assembly,"), if any: the first page's
    masthead, with its job number and barcode, ends there and is not running furniture."""
    if lex is None:
        return None
    author = lex.author_line_regex
    for index in range(skip, min(len(lines), skip + 200)):
        if author.match(lines[index].text):
            return index
    return None


def _heading_text(lines: tuple[Line, ...], skip: int, author_line: int | None) -> str:
    """The opening lines, against which running headers are recognised.

    They end at the author line when there is one: the body of the first page (its
    sentences, its separator, its notes) is no heading, and a line that merely repeats
    it near a page number must not be taken for a running header.
    """
    end = skip + 60 if author_line is None else author_line
    return _norm(" ".join(line.text for line in lines[skip:end]))


def _mark_symbol_clusters(
    lines: tuple[Line, ...],
    kinds: list[Kind],
    heading_text: str,
    skip: int,
    language: str,
    masthead_unknown: bool = False,
) -> None:
    """Symbol lines, lone page numbers and running titles around strong furniture.

    A running header repeats the symbol and the short title of the document. Such a line
    is furniture only inside a cluster that holds strong evidence (a job number, page
    number or symbol line), so a body line that happens to repeat the title survives.
    When no author line tells where the first page's masthead ends (drafts, amendments),
    a line is a running header or a page's symbol only as a repeat of an earlier line:
    the masthead itself ("General Assembly", "Distr.: Limited", "A/80/L.29") is kept.
    """
    count = len(lines)
    seen: set[str] = set()
    first_seen: dict[int, bool] = {}
    for index in range(skip, count):
        text = _norm(lines[index].text)
        first_seen[index] = masthead_unknown and text not in seen
        seen.add(text)
    for index in range(skip, count):
        text = lines[index].text.strip()
        if first_seen[index]:
            continue
        if kinds[index] is Kind.TEXT and _SYMBOL_LINE.match(text) and "/" in text:
            # "...document" / "S/12230.": a symbol on a line of its own is page furniture
            # only when it is the document's own, which the heading shows ("A/RES/80/15",
            # or "1454 (2002)" for S/RES/1454 (2002)); any other is text (a note's end).
            if not _own_symbol(text, heading_text):
                continue
            kinds[index] = Kind.SYMBOL
    changed = True
    while changed:
        changed = False
        for index in _next_to_furniture(kinds, skip):
            if first_seen[index]:
                continue
            text = lines[index].text.strip()
            neighbours = _cluster_neighbours(kinds, index)
            if not neighbours:
                continue
            lone_page = _LONE_NUMBER.match(text) and any(
                kinds[n] is Kind.SYMBOL for n in neighbours
            )
            if lone_page or _PAGE_WORD.match(text):
                kinds[index] = Kind.PAGE_NUMBER
                changed = True
            elif (
                len(_norm(text)) >= 8
                and _norm(text) in heading_text
                and _touches_strong(kinds, index)
                and not _is_date_line(text, language)
            ):
                kinds[index] = Kind.RUNNING_HEADER
                changed = True


def _mark_running_titles(
    lines: tuple[Line, ...], kinds: list[Kind], heading_text: str, author_line: int
) -> None:
    """Running titles a cleaning step left alone in the body, without the page furniture
    that would prove them (``Open-ended working group on security of and in the use of``).

    A line is one when it stands between blank lines, ends with no punctuation, and
    repeats the title word for word (``80/27. Regional disarmament`` / ... /
    ``Regional disarmament``), or repeats a line of the heading and cuts a sentence: the
    text before it is unfinished, or the text after it opens with a small letter.
    """
    titles = {
        _TITLE_NUMBER.sub("", _norm(line.text))
        for line in lines[:author_line]
        if _TITLE_NUMBER.match(_norm(line.text))
    }
    for index in range(author_line + 1, len(lines)):
        if kinds[index] is not Kind.TEXT:
            continue
        text = _norm(lines[index].text)
        if len(text) < 12 or text[-1] in ".,;:" or text not in heading_text:
            continue
        before = _previous_nonblank(lines, index - 1)
        after = _next_nonblank(lines, index + 1)
        if before is None or after is None or before == index - 1 or after == index + 1:
            continue
        if text in titles:
            kinds[index] = Kind.RUNNING_HEADER  # the whole title, word for word
            continue
        if len(text) < 20 or kinds[before] is not Kind.TEXT or kinds[after] is not Kind.TEXT:
            continue
        # The sentence is cut: the line before stops on a small word ("... in the use
        # of"), or the line after goes on with a small letter. A date, a heading or the
        # end of a paragraph before it is no cut sentence (an annex's title repeats the
        # resolution's title after the adoption date).
        unfinished = lines[before].text.rstrip()[-1:].islower()
        if unfinished or lines[after].text.lstrip()[:1].islower():
            kinds[index] = Kind.RUNNING_HEADER


def _previous_nonblank(lines: tuple[Line, ...], index: int) -> int | None:
    while index >= 0:
        if not _is_blank(lines[index]):
            return index
        index -= 1
    return None


def _is_date_line(text: str, language: str) -> bool:
    """A line that is one date: the adoption date above the last page's footer, which the
    heading repeats ("adopted ... on 19 December 2011") but no running header is."""
    if not _DIGIT.search(text) or not has_numerals(language):
        return False
    return parse_date(text, language) is not None


def _own_symbol(text: str, heading_text: str) -> bool:
    """Whether a symbol line names the document itself: the heading holds it, or holds its
    number or last part ("A/RES/80/7": "80/7."; "S/RES/1454 (2002)": "1454 (2002)";
    "A/80/L.7": "L.7")."""
    symbol = text.rstrip(".,;")
    if symbol in heading_text:
        return True
    number = symbol.split("/RES/", 1)[-1].strip() if "/RES/" in symbol else ""
    if number and re.search(rf"(?:^|\s){re.escape(number)}\b", heading_text):
        return True  # "A/RES/80/7" under "80/7. Report of ..."
    own = symbol.rsplit("/", 1)[-1].strip()
    return len(own) >= 3 and own in heading_text


def _next_to_furniture(kinds: list[Kind], skip: int) -> list[int]:
    """Text lines with furniture next to them (past blank lines), in order."""
    found: set[int] = set()
    for index in range(skip, len(kinds)):
        if kinds[index] not in FURNITURE:
            continue
        for step in (-1, 1):
            probe = index + step
            while skip <= probe < len(kinds) and kinds[probe] is Kind.BLANK:
                probe += step
            if skip <= probe < len(kinds) and kinds[probe] is Kind.TEXT:
                found.add(probe)
    return sorted(found)


def _cluster_neighbours(kinds: list[Kind], index: int) -> list[int]:
    """Furniture lines next to ``index``, looking past blank lines."""
    found = []
    for step in (-1, 1):
        probe = index + step
        while 0 <= probe < len(kinds) and kinds[probe] is Kind.BLANK:
            probe += step
        if 0 <= probe < len(kinds) and kinds[probe] in FURNITURE:
            found.append(probe)
    return found


def _touches_strong(kinds: list[Kind], index: int) -> bool:
    """Whether a job, page or symbol line is within a few furniture/blank lines."""
    strong = {Kind.JOB_NUMBER, Kind.PAGE_NUMBER, Kind.SYMBOL, Kind.BARCODE}
    for step in (-1, 1):
        probe = index + step
        for _ in range(6):
            if not 0 <= probe < len(kinds):
                break
            if kinds[probe] in strong:
                return True
            if kinds[probe] is not Kind.BLANK and kinds[probe] not in FURNITURE:
                break
            probe += step
    return False


def _read_notes(
    lines: tuple[Line, ...],
    kinds: list[Kind],
    start: int,
    page: int,
    notes: list[NoteDraft],
    text: str,
) -> int:
    """Read the notes below a separator; return the index of the first line after them.

    The notes of a page run until its furniture, or until a line that opens no note
    where a note could start (after a blank line, or after a note that ended its
    sentence): the page's text going on (a running title, the seed's body).
    """
    index = start
    count = len(lines)
    last_number = max((note.number for note in notes), default=0)
    while index < count:
        line = lines[index]
        if _is_blank(line):
            index += 1
            continue
        if kinds[index] in FURNITURE:
            break
        alone = _NOTE_ALONE.match(line.text)
        opened = None if alone else note_start(line.text)
        if alone and index + 1 < count and not _is_blank(lines[index + 1]):
            number = int(alone.group(1))
            kinds[index] = Kind.NOTE_NUMBER
            number_start = line.start + alone.start(1)
            number_end = line.start + alone.end(1)
            text_index = index + 1
            pieces = [_text_piece(lines[text_index])]
            kinds[text_index] = Kind.NOTE_TEXT
            style, mark = "own-line", ""
        elif opened and (opened.mark or _plausible_note_number(opened.number, last_number)):
            number = opened.number
            kinds[index] = Kind.NOTE_TEXT
            number_start = line.start + opened.number_start
            number_end = line.start + opened.number_end
            text_index = index
            pieces = [(line.start + opened.text_start, line.start + opened.text_end)]
            style, mark = opened.style, opened.mark
        else:
            break
        probe = text_index + 1
        while (
            probe < count
            and kinds[probe] is Kind.TEXT
            and not _NOTE_ALONE.match(lines[probe].text)
            and not _opens_note(lines[probe].text, max(last_number, number))
            and goes_on(" ".join(text[a:b] for a, b in pieces), lines[probe].text)
        ):
            kinds[probe] = Kind.NOTE_TEXT
            pieces.append(_text_piece(lines[probe]))
            probe += 1
        notes.append(
            NoteDraft(
                number=number,
                number_start=number_start,
                number_end=number_end,
                line=lines[index].number,
                page=page,
                pieces=tuple(pieces),
                style=style,
                mark=mark,
            )
        )
        last_number = max(last_number, number)
        index = probe
    return index


def _opens_note(text: str, last: int) -> bool:
    """Whether ``text`` opens the next note (a number that fits, or an asterisk)."""
    opened = note_start(text)
    return opened is not None and (bool(opened.mark) or last < opened.number <= last + 2)


def _plausible_note_number(number: int, last: int) -> bool:
    """Notes count up; a figure far from the last note number is text, not a note."""
    return 0 < number <= last + 10


def _mark_markdown_notes(
    lines: tuple[Line, ...], kinds: list[Kind], notes: list[NoteDraft], pages: list[int]
) -> None:
    """Notes already in canonical Markdown form: ``[^3]: text``."""
    for index, line in enumerate(lines):
        if kinds[index] is not Kind.TEXT:
            continue
        match = _NOTE_MARKDOWN.match(line.text)
        if not match:
            continue
        kinds[index] = Kind.NOTE_TEXT
        start = line.start + match.start(1)
        pieces = [(line.start + match.start(2), line.start + match.end(2))]
        probe = index + 1
        # A wrapped note continues on the following non-blank lines of text.
        while (
            probe < len(lines)
            and kinds[probe] is Kind.TEXT
            and not _NOTE_MARKDOWN.match(lines[probe].text)
        ):
            kinds[probe] = Kind.NOTE_TEXT
            pieces.append(_text_piece(lines[probe]))
            probe += 1
        label = match.group(1)
        notes.append(
            NoteDraft(
                number=0 if label.startswith("*") else int(label),
                number_start=start,
                number_end=start + len(label),
                line=line.number,
                page=pages[index],
                pieces=tuple(pieces),
                style="markdown",
                mark=label if label.startswith("*") else "",
            )
        )


def _mark_asterisk_notes(
    lines: tuple[Line, ...],
    kinds: list[Kind],
    notes: list[NoteDraft],
    pages: list[int],
    text: str,
    skip: int,
) -> None:
    """Asterisk notes printed without a separator above them (``* Any changes to the list
    of sponsors ...`` under a draft's first page): a line that opens with asterisks and a
    capital is a note wherever it stands, with the lines right under it that go on with it."""
    for index in range(skip, len(lines)):
        if kinds[index] is not Kind.TEXT:
            continue
        opened = note_start(lines[index].text)
        if opened is None or not opened.mark:
            continue
        line = lines[index]
        if not line.text[opened.text_start : opened.text_start + 1].isupper():
            continue
        kinds[index] = Kind.NOTE_TEXT
        pieces = [(line.start + opened.text_start, line.start + opened.text_end)]
        probe = index + 1
        while (
            probe < len(lines)
            and kinds[probe] is Kind.TEXT
            and note_start(lines[probe].text) is None
            and goes_on(" ".join(text[a:b] for a, b in pieces), lines[probe].text)
        ):
            kinds[probe] = Kind.NOTE_TEXT
            pieces.append(_text_piece(lines[probe]))
            probe += 1
        notes.append(
            NoteDraft(
                number=0,
                number_start=line.start + opened.number_start,
                number_end=line.start + opened.number_end,
                line=line.number,
                page=pages[index],
                pieces=tuple(pieces),
                style=opened.style,
                mark=opened.mark,
            )
        )
