"""Official Records citations: the year or session they name, and the symbol beside it.

Rule D005: "Official Records of the Economic and Social Council, 2010, Supplement No. 10
(E/2010/30)" names its year twice, and a GA citation "Sixty-sixth Session … (A/66/25)" its
session twice; the two must agree. The parser returns the body, the period as written
(``Sixty-sixth Session`` → session 66, ``2010 年`` → year 2010), the supplement number and
the parsed symbols, each with its span, so a rule can point at the contradicting part.

The phrasing is data (``[records]`` in ``rules/data/numerals/<lang>.toml``, records titles
in ``rules/data/bodies.toml``), compiled like the dates: a regex finds candidates, and the
values are read from its named groups (the body's title, which period template matched,
the ordinal or year, the supplement, the symbols' span) by the functions the grammar's own
parse actions use. The pyparsing grammar stays the reference, and reads a candidate only
when the fast path cannot be sure it reads it the same way (:mod:`records_fast`):
``tests/grammars/test_fast_paths.py`` holds both to the same answers in six languages.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from linter.facts.grammars import _data, records_fast
from linter.facts.grammars._template import (
    GAP,
    SP,
    Slot,
    for_pyparsing,
    located,
    to_parser,
    to_regex,
)
from linter.facts.grammars.bodies import all_bodies
from linter.facts.grammars.numerals import ordinal_slot
from linter.facts.grammars.records_fast import Period as _Period
from linter.facts.grammars.symbols import SymbolMatch, find_symbols
from linter.source.frozen import record
from linter.source.lexicon import lexicon
from linter.source.variants import variants_of

if TYPE_CHECKING:
    import pyparsing as pp

__all__ = ["RecordsCitation", "find_official_records"]

Span = tuple[int, int]


@record
class RecordsCitation:
    """An Official Records citation.

    ``period_kind``: ``session``, ``special_session``, ``emergency_special_session``,
    ``year`` (the Security Council's "Fifteenth Year", 第十五年) or ``calendar_year``
    (ECOSOC's "2010", 2010 年); ``period_value`` the number it names. Spans are
    ``(start, end)`` code-point offsets into the scanned text.
    """

    start: int
    end: int
    text: str
    body_id: str
    body_span: Span
    period_kind: str
    period_value: int
    period_span: Span
    supplement: int | None = None
    supplement_span: Span | None = None
    symbols: tuple[SymbolMatch, ...] = ()

    @property
    def session(self) -> int | None:
        """The session named, for session periods."""
        return self.period_value if self.period_kind.endswith("session") else None

    @property
    def year(self) -> int | None:
        """The calendar year named, for year periods (ECOSOC)."""
        return self.period_value if self.period_kind == "calendar_year" else None

    def disagreeing_symbols(self) -> tuple[SymbolMatch, ...]:
        """Symbols whose session or year contradicts the period (what D005 reports)."""
        return tuple(s for s in self.symbols if self._disagrees(s))

    def _disagrees(self, symbol: SymbolMatch) -> bool:
        parts = symbol.parts
        if self.year is not None and parts.year is not None:
            return parts.year != self.year
        if self.session is not None and parts.session_number is not None:
            return parts.session_number != self.session
        return False


def _wrap(language: str) -> bool:
    return bool(_data.numerals(language).get("wraps_within_words", False))


def _phrase_regex(phrase: str, wrap: bool) -> str:
    if wrap:
        return GAP.join(re.escape(c) for c in phrase if not c.isspace())
    return SP.join(re.escape(w) for w in phrase.split())


@cache
def _body_titles(language: str) -> dict[str, str]:
    """Every records title of ``language`` (and its Traditional form: 大會) → body id,
    longest first (the grammar's order of choice)."""
    tables = lexicon(language).variant_tables
    titles: dict[str, str] = {}
    for b in all_bodies():
        if language in b.records_title:
            title = b.records_title[language]
            titles.update(dict.fromkeys([title, *variants_of(title, tables)], b.id))
    return {title: titles[title] for title in sorted(titles, key=len, reverse=True)}


def _body_slot(language: str) -> Slot:
    titles = _body_titles(language)
    ordered = list(titles)
    wrap = _wrap(language)

    def build() -> pp.ParserElement:
        import pyparsing as pp

        options = []
        for title in ordered:
            pieces = (
                [pp.Literal(c) for c in title if not c.isspace()]
                if wrap
                else [pp.CaselessLiteral(w) for w in title.split()]
            )
            options.append(pp.And(pieces).set_parse_action(pp.replace_with(titles[title])))
        return pp.MatchFirst(options)

    pattern = "|".join(_phrase_regex(t, wrap) for t in ordered) or "(?!)"
    return Slot(pattern=pattern, build=build)


def _number_slot(digits: str) -> Slot:
    def build() -> pp.ParserElement:
        import pyparsing as pp

        return pp.Regex(rf"\d{digits}").set_parse_action(lambda tok: int(tok[0]))

    return Slot(pattern=rf"\d{digits}", build=build)


def _symbols_slot() -> Slot:
    symbol = r"[A-Z]{1,10}(?:\.[0-9A-Z]{1,8})*(?:/[A-Za-z0-9.\-]+)+"
    part = rf"(?:{GAP}[(（]Part{SP}[IVX]+[)）])?"
    joiner = r"(?:and|和|及|,|、)"
    pattern = rf"{symbol}{part}(?:{GAP}{joiner}{GAP}{symbol}{part})*"

    def build() -> pp.ParserElement:
        import pyparsing as pp

        return pp.Regex(pattern)

    return Slot(pattern=pattern, build=build)


def _base_slots(language: str) -> dict[str, Slot]:
    slots = {"ordinal": ordinal_slot(language), "year": _number_slot("{4}")}
    for name, unit in lexicon(language).extra.get("date_units", {}).items():
        slots[f"unit.{name}"] = Slot(pattern=re.escape(unit), build=_literal(unit))
    return slots


def _literal(text: str) -> Any:
    def build() -> pp.ParserElement:
        import pyparsing as pp

        return pp.Literal(text).suppress()

    return build


def _period_action(kind: str, name: str) -> Any:
    # A closure, not a lambda with defaults: pyparsing reads a callable's arity.
    def action(tokens: pp.ParseResults) -> _Period:
        return _Period(kind, int(tokens[name][1][0]))

    return action


def _period_slot(language: str, groups: str | None = None) -> Slot:
    """The ``{period}`` slot; with ``groups``, each period template is a named group
    ``<groups>p<j>`` around its own named slots (the fast path reads which matched)."""
    periods = _data.numerals(language)["records"]["periods"]
    slots = _base_slots(language)
    wrap = _wrap(language)
    if groups is None:
        pattern = "|".join(to_regex(p["template"], slots, wrap_within_words=wrap) for p in periods)
    else:
        slots = records_fast.valued(slots)
        pattern = "|".join(
            f"(?P<{groups}p{j}>"
            f"{to_regex(p['template'], slots, wrap_within_words=wrap, groups=f'{groups}p{j}_')})"
            for j, p in enumerate(periods)
        )

    def build() -> pp.ParserElement:
        import pyparsing as pp

        options = []
        for period in periods:
            element = to_parser(period["template"], slots, wrap_within_words=wrap)
            name = "ordinal" if "{ordinal}" in period["template"] else "year"
            options.append(element.add_parse_action(_period_action(period["kind"], name)))
        return pp.MatchFirst(options)

    return Slot(pattern=pattern, build=build, value=str if groups is not None else None)


@cache
def _slots(language: str) -> dict[str, Slot]:
    return {
        **_base_slots(language),
        "body": _body_slot(language),
        "period": _period_slot(language),
        "supplement": _number_slot("{1,3}"),
        "symbols": _symbols_slot(),
    }


@cache
def _templates(language: str) -> tuple[str, ...]:
    return tuple(_data.numerals(language)["records"]["templates"])


@cache
def _scanner(language: str) -> re.Pattern[str]:
    """Every template as the named group ``t<i>``; inside, named groups ``r<i>_<slot>``
    around the slots the fast path reads (and the period templates, see _period_slot)."""
    slots = records_fast.valued(_slots(language))
    wrap = _wrap(language)
    branches = []
    for i, template in enumerate(_templates(language)):
        own = {**slots, "period": _period_slot(language, f"r{i}_")}
        regex = to_regex(template, own, wrap_within_words=wrap, groups=f"r{i}_")
        branches.append(f"(?P<t{i}>{regex})")
    return re.compile("|".join(branches))


@cache
def _parser(language: str, index: int) -> pp.ParserElement:
    return to_parser(
        _templates(language)[index], _slots(language), wrap_within_words=_wrap(language)
    )


_Slot = tuple[Any, int, int]
_Parsed = tuple[_Slot, _Slot, _Slot | None, _Slot | None]


@lru_cache(maxsize=2048)
def _parse(language: str, index: int, candidate: str) -> _Parsed | None:
    """Body, period, supplement and symbols slots of a candidate (memoized), or None."""
    import pyparsing as pp

    try:
        r = _parser(language, index).parse_string(for_pyparsing(candidate), parse_all=True)
    except pp.ParseException:
        return None
    body = located(r, "body", candidate)
    period = located(r, "period", candidate)
    if body is None or period is None:
        return None
    return body, period, located(r, "supplement", candidate), located(r, "symbols", candidate)


#: False in tests that compare the fast path with the grammar.
FAST_PATH = True


def _fast(match: re.Match[str], language: str, index: int) -> _Parsed | None:
    """What :func:`_parse` gives, read from the scan's groups; None when unsure."""
    periods = _data.numerals(language)["records"]["periods"]
    symbols = _slots(language)["symbols"].pattern
    titles = _body_titles(language)
    return records_fast.read(match, language, index, _templates(language), periods, titles, symbols)


@cache
def _prefilter(language: str) -> re.Pattern[str]:
    words = _data.numerals(language)["records"].get("keywords", [])
    return re.compile("|".join(re.escape(w) for w in words) or r"\w", re.IGNORECASE)


def find_official_records(text: str, language: str) -> list[RecordsCitation]:
    """Every Official Records citation in ``text``, in order, with the spans of its parts."""
    if _prefilter(language).search(text) is None:
        return []
    found = []
    for m in _scanner(language).finditer(text):
        index = int((m.lastgroup or "t0")[1:])
        parsed = _fast(m, language, index) if FAST_PATH else None
        if parsed is None:
            parsed = _parse(language, index, m.group())
        if parsed is None:
            continue
        body, period, supplement, symbols_slot = parsed
        base = m.start()
        symbols: tuple[SymbolMatch, ...] = ()
        if symbols_slot is not None:
            _, s_start, s_end = symbols_slot
            symbols = tuple(
                _shift(s, base + s_start) for s in find_symbols(m.group()[s_start:s_end])
            )
        found.append(
            RecordsCitation(
                start=m.start(),
                end=m.end(),
                text=m.group(),
                body_id=body[0],
                body_span=(base + body[1], base + body[2]),
                period_kind=period[0].kind,
                period_value=period[0].value,
                period_span=(base + period[1], base + period[2]),
                supplement=supplement[0] if supplement else None,
                supplement_span=(base + supplement[1], base + supplement[2])
                if supplement
                else None,
                symbols=symbols,
            )
        )
    return found


def _shift(symbol: SymbolMatch, offset: int) -> SymbolMatch:
    return SymbolMatch(
        symbol.start + offset,
        symbol.end + offset,
        symbol.text,
        symbol.parts,
        symbol.additions,
        symbol.extent_end + offset,
    )
