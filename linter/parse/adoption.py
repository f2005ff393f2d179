"""The adoption pass: the meeting line and its date, or the date in the heading.

"45th plenary meeting" / "3 December 2025", "Adopted at the 2963rd meeting by 12 votes
to 2", "Adopted unanimously at the" / "1382nd meeting.", or for texts that give it in
the heading, "Resolution adopted by the General Assembly on 14 November 2025".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace

from linter.facts.grammars.dates import DateMatch, find_dates
from linter.facts.grammars.numerals import parse_meeting_number
from linter.parse.context import ParseContext
from linter.parse.layout import Kind
from linter.parse.model import (
    Adoption,
    Span,
)

_DIGIT = re.compile(r"\d")


#: An adoption block is at most this many lines ("Adopted at the 2963rd meeting by" /
#: "12 votes to 2 (Cuba and Yemen)," / ...); its meeting is read from the first lines.
_WINDOW = 3
_NOT_DIGIT = re.compile(r"\D")


def find_adoption(ctx: ParseContext, start: int) -> tuple[set[int], Adoption]:
    """The adoption block: the meeting line, its date, the rest of the vote.

    The meeting is read from the block's first lines joined (so "at the 3003rd" /
    "meeting." and "meet-" / "ing" read as one line). A block that is plainly an adoption
    line but whose meeting number cannot be read ("at the 179Ist meeting") is still
    the adoption block, not a paragraph, with no meeting. A second copy of the block (a
    volume that printed it twice) is taken out of the text too.
    """
    lines_used: set[int] = set()
    adoption: Adoption | None = None
    near_word = _near_meeting_word(ctx)
    index = start
    while index < len(ctx.lines):
        block = _adoption_block(ctx, index) if ctx.is_text(index) and near_word(index) else None
        if block is None:
            index += 1
            continue
        lines, found = block
        lines_used |= lines
        if adoption is None or (adoption.meeting is None and found.meeting is not None):
            adoption = found
        index = max(lines) + 1
    return lines_used, adoption or Adoption(None, None, None, None, None, "none")


def _near_meeting_word(ctx: ParseContext) -> Callable[[int], bool]:
    """Whether a line's adoption window (:func:`_window`: the line and at most four after
    it) can hold the lexicon's word for a meeting, from the word's places in the text: a word
    without spaces is inside one line of the window's joined text. With a spaced word
    (or none), every line may."""
    words = ctx.lex.meeting_words
    if not words or any(not word or any(ch.isspace() for ch in word) for word in words):
        return lambda index: True
    # Found in the whole text: a word without spaces never runs over a line break.
    text, starts = ctx.source.text, ctx.source.line_starts
    lines: set[int] = set()
    for word in words:
        at = text.find(word)
        while at != -1:
            lines.add(bisect.bisect_right(starts, at) - 1)
            at = text.find(word, at + 1)
    holding = sorted(lines)
    return lambda index: (
        bisect.bisect_left(holding, index) < bisect.bisect_right(holding, index + _WINDOW + 1)
    )


def _meeting_number(ctx: ParseContext, text: str) -> int | None:
    """The meeting number as printed: figures, with the volumes' OCR slips ("3O93",
    "273 1"), or the language's numerals (第一四八一次)."""
    cleaned = text.replace("O", "0")
    if any(char.isdigit() for char in cleaned):
        return int(_NOT_DIGIT.sub("", cleaned))
    return parse_meeting_number(text, ctx.lex.language)


def _window(ctx: ParseContext, index: int) -> list[int]:
    """The line and the text lines after it that an adoption line may run on to (one blank
    line may fall inside it)."""
    window = [index]
    probe = index + 1
    blanks = 0
    while probe < len(ctx.lines) and len(window) < _WINDOW:
        if ctx.is_text(probe):
            window.append(probe)
        elif ctx.kinds[probe] is Kind.BLANK and blanks == 0:
            blanks += 1
        else:
            break
        probe += 1
    return window


def _adoption_block(ctx: ParseContext, index: int) -> tuple[set[int], Adoption] | None:
    text = ctx.text_of(index)
    stripped = text.strip()
    if len(stripped) > 300:  # an adoption line with its vote fits; a paragraph not
        return None
    meeting_words = ctx.lex.meeting_words or ("",)
    window = _window(ctx, index)
    # Every adoption block holds the lexicon's word for a meeting: most lines are passed
    # by without trying the patterns, or mapping the window (its text is the stripped
    # lines joined by a space, which is what is looked at here).
    plain = " ".join(ctx.text_of(i).strip() for i in window).rstrip()
    if not any(word in plain for word in meeting_words):
        return None
    joined = ctx.mapped([ctx.stripped_piece(i) for i in window], [], " ")
    meeting: int | None = None
    meeting_span: Span | None = None
    match_end = 0
    for regex in ctx.lex.meeting_regexes:
        match = regex.match(joined.text)
        if match and match.start("meeting") < len(stripped) + 80:
            meeting = _meeting_number(ctx, match.group("meeting"))
            meeting_span = joined.source_span(match.start("meeting"), match.end("meeting"))
            match_end = match.end()
            break
    else:
        unreadable = next(
            (m for r in ctx.lex.adoption_line_regexes if (m := r.match(joined.text))), None
        )
        if unreadable is None:
            return None
        match_end = unreadable.end()
    last = joined.source_offset(max(match_end - 1, 0))
    lines = {i for i in window if ctx.lines[i].start <= last}
    date, date_span, date_line = None, None, None
    for probe in nearby_text(ctx, max(lines), 3):
        if probe in lines:
            continue
        line_text = ctx.text_of(probe)
        found = first_date(ctx, line_text)
        if found and not (line_text[: found.start] + line_text[found.end :]).strip():
            date = found.iso()
            offset = ctx.lines[probe].start
            date_span = Span(offset + found.start, offset + found.end)
            date_line = probe
            lines.add(probe)
            break
    # The rest of an adoption paragraph ("by 8 votes to none, ..."): it continues the
    # meeting line, so canonical text keeps it in the same block.
    probe = max(lines) + 1
    continued: set[int] = set()
    while probe < len(ctx.lines) and ctx.is_text(probe) and probe != date_line:
        if date_line is not None or not continues_adoption(ctx, probe):
            break
        continued.add(probe)
        probe += 1
    if date is None:
        # "Adopted at the 2nd meeting on 26 January 1946.": the date in the line itself.
        own = ctx.mapped([ctx.stripped_piece(i) for i in sorted(lines)], [], " ")
        found = first_date(ctx, own.text)
        if found:
            date = found.iso()
            date_span = own.source_span(found.start, found.end)
    for line in lines:
        ctx.roles[line] = "adoption"
    for line in continued:
        ctx.roles[line] = "adoption-continuation"
    return lines | continued, Adoption(
        date=date,
        date_span=date_span,
        meeting=meeting,
        meeting_span=meeting_span,
        line=index + 1,
        source="adoption-line",
    )


def first_date(ctx: ParseContext, text: str) -> DateMatch | None:
    """The first full date (day, month, year) in ``text``."""
    for found in find_dates(text, ctx.lex.language):
        if found.kind == "date":
            return found
    return None


def continues_adoption(ctx: ParseContext, index: int) -> bool:
    """A line of the adoption paragraph ("by 14 votes to none. One member" /
    "(Yemen) did not participate in the vote.")."""
    text = ctx.text_of(index).strip()
    if not text or ctx.number_label(text):
        return False
    previous = ctx.text_of(index - 1).strip()
    return text[:1].islower() or not previous.endswith(".")


def nearby_text(ctx: ParseContext, index: int, reach: int) -> list[int]:
    """Up to ``reach`` text lines after, then before ``index``."""
    found: list[int] = []
    for step in (1, -1):
        probe, seen = index + step, 0
        while 0 <= probe < len(ctx.lines) and seen < reach:
            if ctx.is_text(probe):
                found.append(probe)
                seen += 1
            probe += step
    return found


def adoption_from_heading(ctx: ParseContext, first: int, end: int) -> Adoption:
    """ "Resolution adopted by the General Assembly on 14 November 2025", "Adopted by the
    Security Council at its 3106th meeting," / "on 13 August 1992"."""
    for index in range(first, min(end + 1, len(ctx.lines))):
        if not ctx.is_text(index) and ctx.kinds[index] is not Kind.MARKER:
            continue
        # The sentence may go on in the next line of text, past a blank line
        # (canonical text puts each heading line in a block of its own).
        following = next(
            (i for i in range(index + 1, min(index + 3, len(ctx.lines))) if ctx.is_text(i)),
            None,
        )
        line_only = ctx.mapped([ctx.stripped_piece(index)], [], " ")
        joined = line_only
        if following is not None:
            joined = ctx.mapped([ctx.stripped_piece(index), ctx.stripped_piece(following)], [], " ")
        for regex in ctx.lex.adoption_heading_regexes:
            # The line alone first: a pattern anchored at its end must see the end.
            mapped, match = line_only, regex.search(line_only.text)
            if not match:
                mapped, match = joined, regex.search(joined.text)
            if not match:
                continue
            found = first_date(ctx, match.group("date"))
            meeting = match.groupdict().get("meeting")
            if not found and meeting:
                # "at its 3263rd meeting," / "on 10 Auqust 1993": the meeting stands, the
                # date OCR damaged (D009 reports it).
                return Adoption(
                    date=None,
                    date_span=None,
                    meeting=_meeting_number(ctx, meeting),
                    meeting_span=mapped.source_span(match.start("meeting"), match.end("meeting")),
                    line=index + 1,
                    source="heading",
                )
            if not found:
                continue
            offset = match.start("date") + found.start
            return Adoption(
                date=found.iso(),
                date_span=mapped.source_span(offset, offset + found.end - found.start),
                meeting=_meeting_number(ctx, meeting) if meeting else None,
                meeting_span=(
                    mapped.source_span(match.start("meeting"), match.end("meeting"))
                    if meeting
                    else None
                ),
                line=index + 1,
                source="heading",
            )
    return Adoption(None, None, None, None, None, "none")


def merge(line: Adoption, heading: Adoption) -> Adoption:
    """The adoption line's date and meeting, completed from the heading's."""
    if line.source == "none":
        return heading
    if line.date is None and heading.date is not None:
        line = replace(line, date=heading.date, date_span=heading.date_span)
    if line.meeting is None and heading.meeting is not None:
        line = replace(line, meeting=heading.meeting, meeting_span=heading.meeting_span)
    return line
