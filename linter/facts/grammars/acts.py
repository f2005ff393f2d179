"""Numbers of cited acts in running text: ``resolution 66/181``, ``第 66/181 号决议``.

Rules D002, D004 and D007 check cited resolutions and decisions against their dates and
each other; they need each number parsed by scheme (``66/181`` session/number, ``2012/18``
year/number, ``1454 (2002)`` Council number and year, ``2200 A (XXI)`` old Assembly number,
part and roman session), the date attached to it (``of 19 December 2011``,
``2011年 12月 19日…的第 66/181 号决议``) and the body named before it.

Numbers are only taken where a noun makes them acts ("resolution", 决议): a bare ``5/5`` is
as likely a page number. The nouns, list separators and where the noun stands are data
(``[acts]`` in ``rules/data/numerals/<lang>.toml``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from linter.facts.grammars import _data, dates
from linter.facts.grammars._template import (
    GAP,
    NO_LETTER_AFTER,
    NO_LETTER_BEFORE,
    SP,
    for_pyparsing,
)
from linter.facts.grammars.bodies import body_names_regex, lookup_body
from linter.facts.grammars.numerals import roman_value

if TYPE_CHECKING:
    import pyparsing as pp

__all__ = ["ResolutionNumber", "find_resolution_numbers", "parse_act_number"]

_OPEN, _CLOSE = "[(（]", "[)）]"
_ROMAN = r"(?:E?S-)?[IVXLC]{1,8}"


@dataclass(frozen=True, slots=True)
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


def _acts(language: str) -> dict[str, Any]:
    table: dict[str, Any] = _data.numerals(language)["acts"]
    return table


def _words(words: list[str], wrap: bool) -> str:
    out = []
    for word in sorted(words, key=len, reverse=True):
        if wrap:
            out.append(GAP.join(re.escape(c) for c in word))
        else:
            out.append(SP.join(re.escape(w) for w in word.split()))
    return "|".join(out)


def _listed(value: str | list[str]) -> list[str]:
    """A word or a list of its forms ("号", or ["号", "號"])."""
    return [value] if isinstance(value, str) else list(value)


def _wrap(language: str) -> bool:
    return bool(_data.numerals(language).get("wraps_within_words", False))


@cache
def _item_regex(language: str, named: bool = False) -> str:
    """The scan pattern of one act number; ``named``: with a named group for each field
    (``c_``, ``o_``, ``n_`` for the council, old and new schemes), for the fast path."""

    def field(prefix: str, name: str, pattern: str) -> str:
        return f"(?P<{prefix}_{name}>{pattern})" if named else f"(?:{pattern})"

    joiners = _words(_acts(language).get("part_joiners", []), False) or "(?!)"
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
    joiners = _words(_acts(language).get("part_joiners", []), False) or "(?!)"
    tokens = re.compile(rf"[A-Z](?![\w])|(?i:{joiners})")
    return re.compile(_item_regex(language, named=True)), tokens


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

    joiners = [j for j in _acts(language).get("part_joiners", [])]
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


def _place(act: ResolutionNumber, start: int, text: str, **extra: Any) -> ResolutionNumber:
    from dataclasses import replace

    return replace(act, start=start, end=start + len(act.text), text=text, **extra)


def _body_before(text: str, end: int, language: str) -> tuple[str | None, tuple[str, ...]]:
    window = text[max(0, end - 160) : end]
    gap = GAP if _wrap(language) else SP
    m = re.search(rf"(?:{body_names_regex(language)})(?:{gap})?\Z", window)
    if m is None:
        return None, ()
    name = m.group().strip()
    return name, lookup_body(name, language)


@cache
def _noun_before_scanners(language: str) -> tuple[re.Pattern[str], ...]:
    acts = _acts(language)
    nouns = _words(list(acts["nouns"]), False)
    separators = _words(acts.get("list_separators", []), False)
    # "resolution 66/181 of 19 December 2011"; "resolución 66/181, de 19 de diciembre".
    link = _words(_listed(acts.get("date_link", [])), False)
    return (
        re.compile(rf"{NO_LETTER_BEFORE}(?i:{nouns}){NO_LETTER_AFTER}{SP}"),
        re.compile(_item_regex(language)),
        re.compile(rf"(?:{SP}|{GAP},{GAP})(?:{link}){SP}" if link else "(?!)"),
        re.compile(rf"{GAP}(?:{separators}){GAP}"),
    )


def _find_noun_before(
    text: str, language: str, found_dates: Sequence[dates.DateMatch]
) -> list[ResolutionNumber]:
    """English and alike: "resolutions 53/199 of 15 December 1998 and 61/185"."""
    nouns = {k.lower(): v for k, v in _acts(language)["nouns"].items()}
    noun_re, item_re, link_re, sep_re = _noun_before_scanners(language)
    found: list[ResolutionNumber] = []
    for noun in noun_re.finditer(text):
        kind = nouns[re.sub(r"\s+", " ", noun.group()).strip().lower()]
        body_text, body_ids = _body_before(text, noun.start(), language)
        pos = noun.end()
        while (item := item_re.match(text, pos)) is not None:
            act = parse_act_number(item.group(), language, kind)
            if act is None:
                break
            pos = item.end()
            date = None
            link = link_re.match(text, pos)
            if link is not None:
                date = _date_at(found_dates, link.end())
                if date is not None:
                    pos = date.end
            found.append(
                _place(
                    act,
                    item.start(),
                    item.group(),
                    phrase_start=noun.start(),
                    phrase_end=item.end(),
                    body_text=body_text,
                    body_ids=body_ids,
                    date=date,
                )
            )
            sep = sep_re.match(text, pos)
            if sep is None or item_re.match(text, sep.end()) is None:
                break
            pos = sep.end()
    return found


def _date_at(found_dates: Sequence[dates.DateMatch], pos: int) -> dates.DateMatch | None:
    """The full date (or range) that starts at ``pos``, if any."""
    index = bisect.bisect_left([d.start for d in found_dates], pos)
    if index < len(found_dates):
        date = found_dates[index]
        if date.start == pos and date.kind != "month":
            return date
    return None


@cache
def _noun_after_scanner(language: str) -> re.Pattern[str]:
    acts = _acts(language)
    wrap = _wrap(language)
    item = _item_regex(language)
    prefix = _words(_listed(acts["number_prefix"]), wrap)
    suffix = _words(_listed(acts["number_suffix"]), wrap)
    separators = _words(acts.get("list_separators", []), wrap)
    nouns = _words(list(acts["nouns"]), wrap)
    return re.compile(
        rf"(?:{prefix}){GAP}(?P<items>{item}(?:{GAP}(?:{suffix})?{GAP}(?:{separators}){GAP}"
        rf"(?:(?:{prefix}){GAP})?{item})*){GAP}(?:{suffix}){GAP}(?P<noun>{nouns})"
    )


@cache
def _title_tail(language: str) -> re.Pattern[str]:
    acts = _acts(language)
    opening, closing = re.escape(acts["title_open"]), re.escape(acts["title_close"])
    links = [_words([w], True) for w in acts.get("title_links", [])]
    first = f"(?:(?:{links[0]}){GAP})?" if links else ""
    last = f"(?:(?:{links[-1]}){GAP})?" if len(links) > 1 else ""
    return re.compile(rf"{first}(?:{opening}[^{opening}{closing}]*{closing}{GAP})?{last}\Z")


def _find_noun_after(
    text: str, language: str, found_dates: Sequence[dates.DateMatch]
) -> list[ResolutionNumber]:
    """Chinese and alike: "2011年 12月 19日题为“…”的第 66/181 号决议"."""
    nouns = {k: v for k, v in _acts(language)["nouns"].items()}
    item_re = re.compile(_item_regex(language))
    found: list[ResolutionNumber] = []
    for m in _noun_after_scanner(language).finditer(text):
        kind = nouns[re.sub(r"\s+", "", m.group("noun"))]
        window_start = max(0, m.start() - 600)
        tail = _title_tail(language).search(text, window_start, m.start())
        cut = tail.start() if tail is not None else m.start()
        date = _date_before(found_dates, text, window_start, cut)
        body_text, body_ids = _body_before(text, date.start if date else cut, language)
        items = list(item_re.finditer(text, m.start("items"), m.end("items")))
        for item in items:
            act = parse_act_number(item.group(), language, kind)
            if act is not None:
                found.append(
                    _place(
                        act,
                        item.start(),
                        item.group(),
                        phrase_start=m.start(),
                        phrase_end=m.end(),
                        body_text=body_text,
                        body_ids=body_ids,
                        date=date if len(items) == 1 else None,
                    )
                )
    return found


def _date_before(
    found_dates: Sequence[dates.DateMatch], text: str, window_start: int, cut: int
) -> dates.DateMatch | None:
    """The full date that ends right before ``cut`` (white space between), if any."""
    for date in reversed(found_dates):
        if date.end > cut:
            continue
        if date.start < window_start or date.kind == "month" or text[date.end : cut].strip():
            return None
        return date
    return None


_STRATEGIES = {"before": _find_noun_before, "after": _find_noun_after}


def find_resolution_numbers(
    text: str, language: str, found_dates: Sequence[dates.DateMatch] | None = None
) -> list[ResolutionNumber]:
    """Every cited resolution or decision number in ``text``, in order, with exact spans.

    ``found_dates`` are the dates of ``text`` (:func:`linter.facts.grammars.dates.find_dates`)
    when the caller already has them; otherwise they are found here.
    """
    if found_dates is None:
        found_dates = dates.find_dates(text, language)
    strategy = _STRATEGIES[_acts(language)["noun_position"]]
    return sorted(strategy(text, language, found_dates), key=lambda act: act.start)
