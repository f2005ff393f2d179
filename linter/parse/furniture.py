"""Page furniture: running headers and footers, page and job numbers, barcodes, symbols.

A line becomes furniture only on strong evidence (a job number, a barcode, a page number
``2/18``, a symbol line) or when it sits in such a cluster and repeats the document's own
heading text; running titles a cleaning step left alone in the body are recognised by the
title they repeat word for word. Each pass marks lines in the ``kinds`` list of
:func:`linter.parse.layout.classify`.
"""

from __future__ import annotations

import re

from linter.facts.grammars._data import has_numerals
from linter.facts.grammars.dates import parse_date
from linter.parse.line_kinds import (
    FURNITURE,
    Kind,
    next_nonblank,
    norm,
    previous_nonblank,
)
from linter.source.lexicon import Lexicon
from linter.source.text import Line

_JOB_NUMBER = re.compile(r"^\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?$")
_BARCODE = re.compile(r"^\*\d{6,}\*$")
_PAGE_OF = re.compile(r"^(\d{1,3})\s?/\s?(\d{1,3})$")
_PAGE_DASHED = re.compile(r"^[-–]\s*\d{1,3}\s*[-–]$")
_LONE_NUMBER = re.compile(r"^\d{1,3}$")
_PAGE_WORD = re.compile(r"^(?:Page|page)\s+\d{1,3}$")
_SYMBOL_LINE = re.compile(
    r"^(?:[A-Z]{1,5}(?:\.\d+)?/)+(?:RES/)?[A-Z0-9.\-]+(?:/[A-Za-z0-9.\-]+)*(?:\s*\(\d{4}\))?$"
)
#: The number that opens a title line: "80/27. ", "2012/19. ".
_TITLE_NUMBER = re.compile(r"^(?:[A-Z]{1,2}-)?\d{1,4}/\d{1,4}\s*[.．]\s*")
_DIGIT = re.compile(r"\d")


def strong_furniture(text: str) -> Kind | None:
    """A kind proved by the line alone (job number, barcode, page number), else None."""
    if not (text[:1].isdecimal() or text[:1] in "*-–"):
        return None  # each opens with a figure, an asterisk or a dash; most lines, a letter
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


def author_line(lines: tuple[Line, ...], skip: int, lex: Lexicon | None) -> int | None:
    """Index of the author line ("The General Assembly,"), if any: the first page's
    masthead, with its job number and barcode, ends there and is not running furniture."""
    if lex is None:
        return None
    author = lex.author_line_regex
    for index in range(skip, min(len(lines), skip + 200)):
        if author.match(lines[index].text):
            return index
    return None


def heading_text(lines: tuple[Line, ...], skip: int, author_line: int | None) -> str:
    """The opening lines, against which running headers are recognised.

    They end at the author line when there is one: the body of the first page (its
    sentences, its separator, its notes) is no heading, and a line that merely repeats
    it near a page number must not be taken for a running header.
    """
    end = skip + 60 if author_line is None else author_line
    return norm(" ".join(line.text for line in lines[skip:end]))


def mark_symbol_clusters(
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
    first_seen = dict.fromkeys(range(skip, count), False)
    for index in range(skip, count) if masthead_unknown else ():
        text = norm(lines[index].text)
        first_seen[index] = text not in seen
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
                len(normed := norm(text)) >= 8
                and normed in heading_text
                and _touches_strong(kinds, index)
                and not _is_date_line(text, language)
            ):
                kinds[index] = Kind.RUNNING_HEADER
                changed = True


def mark_running_titles(
    lines: tuple[Line, ...],
    kinds: list[Kind],
    heading_text: str,
    author_line: int,
    lex: Lexicon | None = None,
) -> None:
    """Running titles a cleaning step left alone in the body, without the page furniture
    that would prove them (``Open-ended working group on security of and in the use of``).

    A line is one when it stands between blank lines, ends with no punctuation, and
    repeats the title word for word (``80/27. Regional disarmament`` / ... /
    ``Regional disarmament``), or repeats a line of the heading and cuts a sentence: the
    text before it is unfinished, or the text after it opens with a small letter.
    """
    titles = {
        _TITLE_NUMBER.sub("", norm(line.text))
        for line in lines[:author_line]
        if _TITLE_NUMBER.match(norm(line.text))
    }
    for index in range(author_line + 1, len(lines)):
        if kinds[index] is not Kind.TEXT:
            continue
        raw = lines[index].text.strip()  # as long as its norm or longer, the same last mark
        if len(raw) < 12 or raw[-1] in ".,;:":
            continue
        text = norm(raw)
        if len(text) < 12 or text not in heading_text:
            continue
        before = previous_nonblank(lines, index - 1)
        after = next_nonblank(lines, index + 1)
        if before is None or after is None or before == index - 1 or after == index + 1:
            continue
        if _titles_a_part(lines[before].text, lex):
            continue  # "Annex" / the title of the annexed text, which may be the same
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


def _titles_a_part(previous: str, lex: Lexicon | None) -> bool:
    """Whether the line before is an annex or section heading, or a date (the adoption's
    last line): the line after it is a title of its own, not a running title."""
    text = previous.strip()
    if lex is not None and lex.annex_regex.match(text):
        return True
    return lex is not None and _is_date_line(text, lex.language)


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
