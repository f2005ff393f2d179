"""The adoption pass: the meeting line and its date, or the date in the heading.

"45th plenary meeting" / "3 December 2025", "Adopted at the 2963rd meeting by 12 votes
to 2", "Adopted unanimously at the" / "1382nd meeting.", or for texts that give it in
the heading, "Resolution adopted by the General Assembly on 14 November 2025".
"""

from __future__ import annotations

import re

from linter.facts.grammars.dates import DateMatch, find_dates
from linter.parse.context import NUMBER_LABEL, ParseContext
from linter.parse.layout import Kind
from linter.parse.model import (
    Adoption,
    Span,
)

_DIGIT = re.compile(r"\d")


def find_adoption(ctx: ParseContext, start: int) -> tuple[set[int], Adoption]:
    """The meeting line and the date line next to it."""
    regexes = ctx.lex.meeting_regexes
    meeting_words = ctx.lex.meeting_words or ("",)
    for index in range(start, len(ctx.lines)):
        if not ctx.is_text(index):
            continue
        text = ctx.text_of(index)
        stripped = text.strip()
        if len(stripped) > 300:  # an adoption line with its vote fits; a paragraph not
            continue
        following = None
        if index + 1 < len(ctx.lines) and ctx.is_text(index + 1):
            following = index + 1
        # Every meeting line holds a number and the lexicon's word for a meeting: most
        # lines can be passed by without trying the patterns.
        window = stripped if following is None else f"{stripped} {ctx.text_of(following)}"
        if not _DIGIT.search(window) or not any(w in window for w in meeting_words):
            continue
        for regex in regexes:
            match = regex.match(stripped)
            lead = len(text) - len(text.lstrip())
            base = ctx.lines[index].start + lead
            lines = {index}
            if match:
                meeting_span = Span(base + match.start("meeting"), base + match.end("meeting"))
            elif following is not None and len(stripped) < 60:
                # "Adopted unanimously at the" / "1382nd meeting.": one line wrapped.
                next_text = ctx.text_of(following)
                next_stripped = next_text.strip()
                match = regex.match(f"{stripped} {next_stripped}")
                if not match or match.start("meeting") <= len(stripped):
                    continue
                next_base = ctx.lines[following].start + len(next_text) - len(next_text.lstrip())
                shift = next_base - len(stripped) - 1
                meeting_span = Span(shift + match.start("meeting"), shift + match.end("meeting"))
                lines.add(following)
            else:
                continue
            date, date_span, date_line = None, None, None
            for probe in nearby_text(ctx, index, 3):
                line_text = ctx.text_of(probe)
                found = first_date(ctx, line_text)
                if found and not (line_text[: found.start] + line_text[found.end :]).strip():
                    date = found.iso()
                    offset = ctx.lines[probe].start
                    date_span = Span(offset + found.start, offset + found.end)
                    date_line = probe
                    lines.add(probe)
                    break
            # The rest of an adoption paragraph ("by 8 votes to none, ..."): it continues
            # the meeting line, so canonical text keeps it in the same block.
            probe = index + 1
            continued: set[int] = set()
            while probe < len(ctx.lines) and ctx.is_text(probe) and probe != date_line:
                if date_line is not None or not continues_adoption(ctx, probe):
                    break
                continued.add(probe)
                probe += 1
            if date is None:
                found = first_date(ctx, stripped)
                if found:
                    date = found.iso()
                    date_span = Span(base + found.start, base + found.end)
            for line in lines:
                ctx.roles[line] = "adoption"
            for line in continued:
                ctx.roles[line] = "adoption-continuation"
            return lines | continued, Adoption(
                date=date,
                date_span=date_span,
                meeting=int(match.group("meeting")),
                meeting_span=meeting_span,
                line=index + 1,
                source="adoption-line",
            )
    return set(), Adoption(None, None, None, None, None, "none")


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
    if not text or NUMBER_LABEL.match(text):
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
    """ "Resolution adopted by the General Assembly on 14 November 2025"."""
    for index in range(first, min(end + 3, len(ctx.lines))):
        if not ctx.is_text(index) and ctx.kinds[index] is not Kind.MARKER:
            continue
        text = ctx.text_of(index)
        joined = text
        # The sentence may go on in the next line of text, past a blank line
        # (canonical text puts each heading line in a block of its own).
        following = next(
            (i for i in range(index + 1, min(index + 3, len(ctx.lines))) if ctx.is_text(i)),
            None,
        )
        if following is not None:
            joined = text + " " + ctx.text_of(following)
        for regex in ctx.lex.adoption_heading_regexes:
            # The line alone first: a pattern anchored at its end must see the end.
            match = regex.search(text) or regex.search(joined)
            if not match:
                continue
            found = first_date(ctx, match.group("date"))
            if not found:
                continue
            offset = match.start("date") + found.start
            if following is not None and offset > len(text):
                start = ctx.lines[following].start + offset - len(text) - 1
            else:
                start = ctx.lines[index].start + offset
            return Adoption(
                date=found.iso(),
                date_span=Span(start, start + found.end - found.start),
                meeting=None,
                meeting_span=None,
                line=index + 1,
                source="heading",
            )
    return Adoption(None, None, None, None, None, "none")
