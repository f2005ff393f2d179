"""The heading pass: author line, title and number, heading lines, body and symbol.

Everything above the first paragraph: "The General Assembly," (the author line), the
title line with the resolution's number (``66/181. Title``, ``Resolution 678 (1990)``),
the lines in between, which body adopted it and the document symbol.
"""

from __future__ import annotations

import re

from linter.parse.context import ParseContext
from linter.parse.layout import Kind
from linter.parse.model import (
    Heading,
    Span,
)
from linter.source.lexicon import Lexicon, per_lexicon

# A title runs to its last non-space character, found in one pass: a lazy ``.*?`` before
# ``\s*$`` tried the end of the line after every character (quadratic on long spaces).
_TITLE_TEXT = r"(?:\S(?:.*\S)?)?"
# Council titles; "66/181. Title" is built from the lexicon's number separators (_titles).
_COUNCIL_TITLES = (
    re.compile(r"^\s*(?P<number>\d{1,4}\s*\(\d{4}\))\s*\.?\s*(?P<title>Resolution\b(?:.*\S)?)\s*$"),
    re.compile(
        r"^\s*(?i:resolution)\s+(?P<number>\d{1,4}\s*\(\d{4}\))\s*"
        rf"(?P<title>{_TITLE_TEXT})\s*$"
    ),
)


@per_lexicon
def _titles(lex: Lexicon) -> tuple[re.Pattern[str], ...]:
    """Number-and-title lines; the number ends as the lexicon's paragraph numbers do
    ("66/181. Title", Arabic "66/181 - Title")."""
    marks = "|".join(re.escape(mark) for mark in lex.number_separators)
    number = r"(?P<number>(?:[A-Z]{1,2}-)?\d{1,4}/\d{1,4})"
    own = re.compile(rf"^\s*{number}\s*(?:{marks})\s*(?P<title>{_TITLE_TEXT})\s*$")
    return (own, *_COUNCIL_TITLES)


#: How many lines from the top the heading of a draft may run (a long sponsor list).
_HEADING_REACH = 80
_SYMBOL_PREFIX = {"ga": "A/RES/", "ecosoc": "E/RES/", "sc": "S/RES/", "hrc": "A/HRC/RES/"}


def find_author(ctx: ParseContext, first: int) -> int | None:
    regex = ctx.lex.author_line_regex
    for index in range(first, min(len(ctx.lines), first + 250)):
        if ctx.is_text(index) and regex.match(ctx.text_of(index)):
            return index
    return None


def find_title(ctx: ParseContext, first: int, author: int | None) -> int | None:
    limit = author if author is not None else min(len(ctx.lines), first + 80)
    titles = _titles(ctx.lex)
    for index in range(first, limit):
        if ctx.is_text(index) and any(p.match(ctx.text_of(index)) for p in titles):
            return index
    return None


def body_start(ctx: ParseContext, first: int, author: int | None, title: int | None) -> int:
    """Where paragraphs begin: after the author line, else after the title."""
    if author is not None:
        return author + 1
    if title is not None:
        index = title + 1
        while index < len(ctx.lines) and ctx.is_text(index):
            index += 1
        return index
    for index in range(first, len(ctx.lines)):
        if not ctx.is_text(index):
            continue
        text = ctx.text_of(index)
        if ctx.number_label(text) or ctx.sub_label(text) or ctx.lead_of(text)[0]:
            return index
    return first


def heading_lines(
    ctx: ParseContext, first: int, end: int, title: int | None
) -> tuple[Heading, ...]:
    headings = []
    for index in range(first, end):
        if ctx.kinds[index] is Kind.TEXT:
            start, stop = ctx.stripped_piece(index)
            kind = "title" if index == title else "heading"
            headings.append(
                Heading(ctx.source.text[start:stop], Span(start, stop), index + 1, kind)
            )
            if ctx.roles[index] == "text":
                ctx.roles[index] = kind
    return tuple(headings)


def title_parts(
    ctx: ParseContext, title_index: int | None, author: int | None
) -> tuple[str | None, Span | None, str | None, Span | None]:
    if title_index is None:
        return None, None, None, None
    line = ctx.lines[title_index]
    for pattern in _titles(ctx.lex):
        match = pattern.match(line.text)
        if match:
            break
    else:
        return None, None, None, None
    number = re.sub(r"\s+", " ", match.group("number"))
    number_span = Span(line.start + match.start("number"), line.start + match.end("number"))
    pieces = [(line.start + match.start("title"), line.start + match.end("title"))]
    index = title_index + 1
    limit = author if author is not None else len(ctx.lines)
    while index < limit and ctx.is_text(index):
        pieces.append(ctx.stripped_piece(index))
        ctx.roles[index] = "title"
        index += 1
    body = ctx.mapped(pieces, [], ctx.lex.line_join)
    ctx.roles[title_index] = "title"
    return number, number_span, body.text or None, body.span


def body_id(ctx: ParseContext, first: int, end: int, author: int | None) -> str | None:
    candidates = ([author] if author is not None else []) + list(range(first, end))
    for index in candidates:
        text = ctx.text_of(index)
        for name in ctx.lex.author_bodies:
            if name in text and name in ctx.lex.body_ids:
                return ctx.lex.body_ids[name]
    return None


def symbol(
    ctx: ParseContext, first: int, end: int, number: str | None, body: str | None
) -> str | None:
    front = ctx.layout.front_matter.get("symbol")
    if front:
        return front
    for index in range(first, end):
        text = ctx.text_of(index).strip()
        is_symbol = ctx.kinds[index] is Kind.SYMBOL or (
            "/RES/" in text and " " not in text.replace(" (", "(")
        )
        if is_symbol and (number is None or number.replace(" ", "") in text.replace(" ", "")):
            return text
    if number and body in _SYMBOL_PREFIX:
        return _SYMBOL_PREFIX[body] + number
    return None


def is_amendment(ctx: ParseContext, first: int) -> bool:
    """Whether the heading names the text an amendment to a draft ("Brazil: amendment to
    draft resolution A/80/L.22"): a short line of the first page says so."""
    phrases = [phrase.lower() for phrase in ctx.lex.extra.get("amendment_phrases", [])]
    for index in range(first, min(first + _HEADING_REACH, len(ctx.lines))):
        text = ctx.text_of(index)
        if len(text) < 160:
            lowered = text.lower()  # once, not once per phrase
            if any(phrase in lowered for phrase in phrases):
                return True
    return False
