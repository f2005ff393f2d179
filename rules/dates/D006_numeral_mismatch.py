"""D006 numeral-mismatch."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.facts.attribution import body_named_before
from linter.facts.citations import Citations, citations, own_number
from linter.facts.grammars.bodies import body_for_series
from linter.facts.grammars.numerals import find_words_with_figures
from linter.facts.grammars.symbols import SymbolParts, find_symbols, parse_symbol
from linter.facts.periods import as_written
from linter.parse.model import Document

# A session phrase, then (after at most a comma) a symbol in brackets: "(A/66/25)".
_BRACKET = re.compile(r"[ \u00a0]*[,，]?[ \u00a0]*[(（]")
# What a number in words followed by its figure ends with: "(30)".
_FIGURE_IN_BRACKETS = re.compile(r"[(（]\d{1,4}[)）]")
# Session kinds of the numeral grammar and of symbols, paired.
_KINDS = {
    "session": "regular",
    "special_session": "special",
    "emergency_special_session": "emergency_special",
}


def _is_year_aside(value: int, figure: int) -> bool:
    """A year in brackets after a word that ends in a numeral: 统一(2016), "one (1995)"."""
    return figure >= 1000 and value < 100


def _own_session(doc: Document) -> tuple[int, str, str] | None:
    """``(session, kind, evidence)`` of the resolution itself, from its number or symbol."""
    own = own_number(doc)
    if own is not None and own.act.session is not None and own.act.scheme == "session/number":
        return own.act.session, own.act.session_type or "regular", own.act.label
    parts = parse_symbol(doc.symbol) if doc.symbol else None
    if parts is not None and parts.session_number is not None and doc.symbol is not None:
        return parts.session_number, parts.session_kind or "regular", doc.symbol
    return None


def _symbol_after(text: str, end: int) -> tuple[SymbolParts, str] | None:
    bracket = _BRACKET.match(text, end)
    if bracket is None:
        return None
    rest = text[bracket.end() : bracket.end() + 80]
    symbols = find_symbols(rest)
    if not symbols or symbols[0].start != 0:
        return None
    return symbols[0].parts, symbols[0].text


def _session_hits(doc: Document, found: Citations) -> Iterator[Hit]:
    own = _own_session(doc)
    for item in found.session_numerals:
        numeral = item.item
        kind = _KINDS.get(numeral.kind)
        if numeral.form != "words" or kind is None:
            continue
        unit = found.units[item.unit]
        expected: tuple[int, str] | None = None
        after = _symbol_after(unit.text, numeral.end)
        if after is not None:
            parts, text = after
            # Only when the session is the symbol's body's: "the International Law
            # Commission on the work of its seventy-third session (A/77/10)" is right.
            owner = body_for_series(parts.series)
            named = body_named_before(unit.text, numeral.start, doc.language)
            if (
                parts.session_number is not None
                and parts.session_kind == kind
                and owner is not None
                and owner in named
            ):
                expected = parts.session_number, f"the symbol {text} beside it"
        elif unit.kind == "heading" and own is not None and own[1] == kind:
            expected = own[0], f"the resolution's own number {own[2]}"
        if expected is None or expected[0] == numeral.value:
            continue
        span = unit.span(numeral.value_start, numeral.value_end)
        words = as_written(unit.text[numeral.value_start : numeral.value_end])
        yield Hit(
            span.start,
            span.end,
            f"'{words}' is {numeral.value}, but {expected[1]} says session {expected[0]}",
        )


@rule("D006", "numeral-mismatch", Severity.ERROR, requires_structure=True)
def numeral_mismatch(doc: Document) -> Iterator[Hit]:
    """A number in words or Chinese numerals disagrees with the figure it stands for.

    Why:
        Sessions are named in words ("Eightieth session", "sixty-sixth session") or Chinese
        numerals (``第六十六届会议``) beside figures that say the same thing: the
        resolution's own number under the heading (``Eightieth session`` above ``80/1``), a
        symbol in brackets right after the session (``sixty-sixth session (A/66/…)``), a
        figure in brackets after a number in words (``thirty (30) days``). When the two
        disagree, one of them was mistyped. The finding points at the words. Official
        Records citations are checked by D005.

    Example:
        Resolution adopted by the General Assembly on 19 September 2025

        Seventy-ninth session
        Agenda item 123

        80/1. Revitalization of the work of the General Assembly

        The General Assembly,

        1. Decides to remain seized of the matter.

        3rd plenary meeting
        19 September 2025

    Use instead:
        Resolution adopted by the General Assembly on 19 September 2025

        Eightieth session
        Agenda item 123

        80/1. Revitalization of the work of the General Assembly

        The General Assembly,

        1. Decides to remain seized of the matter.

        3rd plenary meeting
        19 September 2025
    """
    found = citations(doc)
    yield from _session_hits(doc, found)
    if not found.scannable:
        return  # no numeral data for this language: nothing to read the words with
    for unit in found.units:
        if _FIGURE_IN_BRACKETS.search(unit.text) is None:
            continue
        for item in find_words_with_figures(unit.text, doc.language):
            if item.value == item.figure or _is_year_aside(item.value, item.figure):
                continue
            span = unit.span(item.value_start, item.value_end)
            words = as_written(unit.text[item.value_start : item.value_end])
            yield Hit(
                span.start,
                span.end,
                f"'{words}' is {item.value}, but the figure beside it is {item.figure}",
            )
