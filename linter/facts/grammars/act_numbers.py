"""One act number (``66/181``, ``1454 (2002)``, ``2200 A (XXI)``): its scan pattern, its
grammar and the fast path that reads it from the pattern's named groups.

The pyparsing grammar (:func:`_item_grammar`) is the reference; the scan pattern
(:func:`item_regex`) finds numbers in running text, and with named groups gives their
fields without a second parse; ``tests/grammars/test_fast_paths.py`` holds both to the same
answers. :mod:`linter.facts.grammars.acts` finds the numbers in running text.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from linter.facts.grammars import _data, dates
from linter.facts.grammars._template import GAP, SP, for_pyparsing
from linter.facts.grammars.numerals import roman_value
from linter.source.frozen import record

if TYPE_CHECKING:
    import pyparsing as pp

__all__ = ["ResolutionNumber", "parse_act_number"]

_OPEN, _CLOSE = "[(（]", "[)）]"
_ROMAN = r"(?:E?S-)?[IVXLC]{1,8}"


@record
class ResolutionNumber:
    """A cited resolution or decision number.

    ``start``/``end``/``text``: the number as written (``66/181``, ``1454 (2002)``,
    ``2200 A (XXI)``); ``phrase_start``/``phrase_end``: the whole citation (``resolution
    66/181``, ``第 66/181 号决议``). ``kind``: ``resolution`` or ``decision``. ``scheme``:
    ``session/number``, ``year/number``, ``number (year)`` or ``number (roman)``.
    ``session`` and ``session_type`` (``regular``, ``special``, ``emergency_special``)
    come from ``S-27/2``, ``ES-10/19``, ``(XXI)``, ``(S-VI)``; ``year`` from ``2012/18`` and
    ``1454 (2002)``. ``body_text``/``body_ids``: the body named just before, if any (short
    names give several ids). ``date``: the act's date when the text gives it beside it.
    """

    start: int
    end: int
    text: str
    kind: str
    scheme: str
    number: int
    session: int | None = None
    session_type: str | None = None
    year: int | None = None
    parts: tuple[str, ...] = ()
    roman: str | None = None
    phrase_start: int = -1
    phrase_end: int = -1
    body_text: str | None = None
    body_ids: tuple[str, ...] = ()
    date: dates.DateMatch | None = None

    @property
    def label(self) -> str:
        """The canonical short form: ``66/181``, ``2012/18``, ``1454 (2002)``, ``2200 (XXI)``."""
        if self.scheme == "number (year)":
            return f"{self.number} ({self.year})"
        if self.scheme == "number (roman)":
            return f"{self.number} ({self.roman})"
        first = self.year if self.scheme == "year/number" else self.session
        prefix = {"special": "S-", "emergency_special": "ES-"}.get(self.session_type or "", "")
        return f"{prefix}{first}/{self.number}"


def acts_table(language: str) -> dict[str, Any]:
    table: dict[str, Any] = _data.numerals(language)["acts"]
    return table


def words_regex(words: list[str], wrap: bool) -> str:
    out = []
    for word in sorted(words, key=len, reverse=True):
        if wrap:
            out.append(GAP.join(re.escape(c) for c in word))
        else:
            out.append(SP.join(re.escape(w) for w in word.split()))
    return "|".join(out)


def word_initials(words: list[str]) -> list[tuple[str, str]]:
    """``words_regex(words, False)`` as (first character, regex of the rest) pairs, in its
    order: what :func:`~linter.facts.grammars._template.initial_scan` takes."""
    out = []
    for word in sorted(words, key=len, reverse=True):
        first, *rest = word.split()
        out.append((first[0], SP.join([re.escape(first[1:]), *map(re.escape, rest)])))
    return out


def listed(value: str | list[str]) -> list[str]:
    """A word or a list of its forms ("号", or ["号", "號"])."""
    return [value] if isinstance(value, str) else list(value)


def wraps_within_words(language: str) -> bool:
    return bool(_data.numerals(language).get("wraps_within_words", False))


@cache
def item_regex(language: str, named: bool = False) -> str:
    """The scan pattern of one act number; ``named``: with a named group for each field
    (``c_``, ``o_``, ``n_`` for the council, old and new schemes), for the fast path."""

    def field(prefix: str, name: str, pattern: str) -> str:
        return f"(?P<{prefix}_{name}>{pattern})" if named else f"(?:{pattern})"

    joiners = words_regex(acts_table(language).get("part_joiners", []), False) or "(?!)"
    part = rf"[A-Z](?![\w])(?:{SP}(?:{joiners}){SP}[A-Z](?![\w]))?"
    digits, year, first = r"\d{1,4}", r"\d{4}", r"(?:E?S-)?\d{1,4}"
    council = f"{field('c', 'number', digits)}[ \u00a0]?{_OPEN}{field('c', 'year', year)}{_CLOSE}"
    old = (
        f"{field('o', 'number', digits)}(?:[ \u00a0]?{field('o', 'parts', part)})?"
        f"[ \u00a0]?{_OPEN}{field('o', 'roman', _ROMAN)}{_CLOSE}"
    )
    new = (
        f"{field('n', 'first', first)}/{field('n', 'number', digits)}"
        rf"(?![\d/])(?:[ \u00a0]?{field('n', 'parts', part)})?"
    )
    # Not after a Latin letter or digit; after a Han character it may be ("第20/6号").
    return rf"(?<![0-9A-Za-z/.])(?:{council}|{old}|{new})"


@cache
def _item_fast(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The item pattern with named groups, and what splits a field of parts into the
    tokens the grammar gives (letters and joiners)."""
    joiners = words_regex(acts_table(language).get("part_joiners", []), False) or "(?!)"
    tokens = re.compile(rf"[A-Z](?![\w])|(?i:{joiners})")
    return re.compile(item_regex(language, named=True)), tokens


#: False in tests that compare the fast path with the grammar.
FAST_PATH = True

_Fields = dict[str, Any]


def _fast_fields(text: str, language: str) -> _Fields | None:
    """The fields of an act number read from the scan pattern's named groups (None when
    the pattern does not take the whole text: the grammar decides those)."""
    pattern, tokens = _item_fast(language)
    match = pattern.fullmatch(text)
    if match is None:
        return None
    found = {name.split("_", 1)[1]: value for name, value in match.groupdict().items() if value}
    if "parts" in found:
        found["parts"] = tokens.findall(found["parts"])
    return found


def _grammar_fields(text: str, language: str) -> _Fields | None:
    """The fields of an act number as the pyparsing grammar reads them (the reference)."""
    import pyparsing as pp

    try:
        # No-break spaces, which the scan takes, are spaces to the grammar too.
        r = _item_grammar(language).parse_string(for_pyparsing(text), parse_all=True)
    except pp.ParseException:
        return None
    found: _Fields = {
        name: str(r[name]) for name in ("number", "year", "roman", "first") if name in r
    }
    if "parts" in r:
        found["parts"] = list(r["parts"][0])
    return found


@cache
def _item_grammar(language: str) -> pp.ParserElement:
    import pyparsing as pp

    joiners = [j for j in acts_table(language).get("part_joiners", [])]
    number = pp.Regex(r"\d{1,4}")
    letter = pp.Regex(r"[A-Z](?![\w])")
    joiner = pp.MatchFirst([pp.CaselessKeyword(j) for j in joiners]) if joiners else pp.NoMatch()
    parts = pp.Group(letter + pp.ZeroOrMore(joiner + letter))
    opening, closing = pp.one_of("( （").suppress(), pp.one_of(") ）").suppress()
    council = number("number") + opening + pp.Regex(r"\d{4}")("year") + closing
    old = number("number") + pp.Opt(parts)("parts") + opening + pp.Regex(_ROMAN)("roman") + closing
    new = (
        pp.Regex(r"(?:E?S-)?\d{1,4}")("first")
        + pp.Suppress("/")
        + number("number")
        + pp.Opt(parts)("parts")
    )
    return council | old | new


def _expand_parts(tokens: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if len(token) == 1 and token.isupper():
            out.append(token)
        elif token.lower() == "to" and out and i + 1 < len(tokens):
            # "3419 A to D (XXI)": every part from A to D.
            out += [chr(c) for c in range(ord(out[-1]) + 1, ord(tokens[i + 1]) + 1)]
            i += 1
        i += 1
    return tuple(out)


def _session_of(first: str) -> tuple[int, str]:
    if first.startswith("ES-"):
        return int(first[3:]), "emergency_special"
    if first.startswith("S-"):
        return int(first[2:]), "special"
    return int(first), "regular"


@lru_cache(maxsize=8192)
def parse_act_number(text: str, language: str, kind: str = "resolution") -> ResolutionNumber | None:
    """The act number that is the whole of ``text`` (``66/181``, ``1454 (2002)``), or None.

    Read from the scan pattern's named groups when it takes the whole text, else by the
    grammar. Memoized: a document cites the same numbers again and again, and so does an
    archive.
    """
    stripped = text.strip()
    r = _fast_fields(stripped, language) if FAST_PATH else None
    if r is None:
        r = _grammar_fields(stripped, language)
    if r is None:
        return None
    parts = _expand_parts(r["parts"]) if "parts" in r else ()
    common: dict[str, Any] = {
        "start": 0,
        "end": len(text),
        "text": text,
        "kind": kind,
        "number": int(r["number"]),
        "parts": parts,
    }
    if "year" in r:
        return ResolutionNumber(scheme="number (year)", year=int(r["year"]), **common)
    if "roman" in r:
        roman = str(r["roman"])
        session, session_type = _session_of(roman.rsplit("-", 1)[0] + "-0" if "-" in roman else "0")
        return ResolutionNumber(
            scheme="number (roman)",
            roman=roman,
            session=roman_value(roman.rsplit("-", 1)[-1]) or 0,
            session_type=session_type,
            **common,
        )
    first = str(r["first"])
    if first.isdigit() and len(first) == 4 and int(first) >= 1946:
        return ResolutionNumber(scheme="year/number", year=int(first), **common)
    session, session_type = _session_of(first)
    return ResolutionNumber(
        scheme="session/number", session=session, session_type=session_type, **common
    )
