"""Dates in running text: ``19 December 2011``, ``2011 年 12 月 19 日``, ranges, month-years.

The D rules need every date a resolution cites, as written (D001 reports ``30 February``, so
impossible dates are kept and flagged by :attr:`DateMatch.is_valid`), with its exact span,
even when extraction wrapped it over a line break or a blank line (seed lines 181–183:
``2010 年 10 月 22`` / blank / ``日第 5/5 号决议``).

How each language writes dates is data: the templates in
``rules/data/numerals/<lang>.toml`` (``[dates]``), month names and date units in the lexicon
(``rules/data/lang/<lang>.toml``). A regular expression compiled from the templates finds
candidates; a pyparsing grammar compiled from the same templates reads each candidate. The
grammar is built on first use, so importing this module does not import pyparsing; and
it is used only where the fast path cannot answer: the scan's regular expression has a
named group for each slot, read with the value functions the grammar's actions use
(``tests/grammars/test_fast_paths.py`` holds both to the same answers).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from linter.facts.grammars import _chinese_numerals, _data
from linter.facts.grammars._template import (
    NO_LETTER_AFTER,
    Slot,
    first_char,
    for_pyparsing,
    located,
    scan_pattern,
    slot_names,
    to_parser,
    to_regex,
)
from linter.facts.grammars.date_format import format_date, format_date_range
from linter.source.frozen import record
from linter.source.lexicon import lexicon

if TYPE_CHECKING:
    import pyparsing as pp

__all__ = ["DateMatch", "find_dates", "format_date", "format_date_range", "parse_date"]

_SECTIONS = ("ranges", "single", "partial")


@record
class DateMatch:
    """A date, a date range or a month-year, as written in a text.

    ``start``/``end`` are code-point offsets into the scanned string; ``text`` is
    ``string[start:end]`` (line breaks included when the date was wrapped). ``year``,
    ``month`` and ``day`` are the numbers as written, valid or not; ``day`` is None for a
    month-year (``September 2025``). For a range the ``end_*`` fields hold the last day; a
    part written once ("15–19 September 2025") belongs to both ends.
    """

    start: int
    end: int
    text: str
    year: int
    month: int
    day: int | None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    language: str = ""

    @property
    def kind(self) -> str:
        """``range``, ``date`` or ``month`` (a month-year without a day)."""
        if self.end_day is not None:
            return "range"
        return "date" if self.day is not None else "month"

    @property
    def is_range(self) -> bool:
        return self.end_day is not None

    @property
    def is_partial(self) -> bool:
        """True for a month-year: there is no day to check or compare."""
        return self.day is None

    @property
    def is_valid(self) -> bool:
        """Whether the date (both ends of a range) exists: no 30 February, no month 13."""
        if not _exists(self.year, self.month, self.day):
            return False
        if self.is_range:
            assert self.end_year is not None and self.end_month is not None
            return _exists(self.end_year, self.end_month, self.end_day)
        return True

    @property
    def is_ordered(self) -> bool:
        """For a valid range, whether it ends on or after its start; True otherwise."""
        first, last = self.as_date(), self.end_as_date()
        return first is None or last is None or first <= last

    def as_date(self) -> dt.date | None:
        """The (first) day as a :class:`datetime.date`; None if invalid or partial."""
        if self.day is None or not _exists(self.year, self.month, self.day):
            return None
        return dt.date(self.year, self.month, self.day)

    def end_as_date(self) -> dt.date | None:
        """The last day of a range; None if not a range or invalid."""
        if self.end_year is None or self.end_month is None or self.end_day is None:
            return None
        if not _exists(self.end_year, self.end_month, self.end_day):
            return None
        return dt.date(self.end_year, self.end_month, self.end_day)

    def iso(self) -> str | None:
        """``YYYY-MM-DD`` (``YYYY-MM`` for a month-year); None when the date is invalid."""
        if not _exists(self.year, self.month, self.day):
            return None
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def end_iso(self) -> str | None:
        """``YYYY-MM-DD`` of the last day of a range; None otherwise."""
        last = self.end_as_date()
        return None if last is None else last.isoformat()


def _exists(year: int, month: int, day: int | None) -> bool:
    if year < 1 or not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def _number_slot(digits: str, *, lead: bool, language: str | None = None) -> Slot:
    """Figures (``\\d`` reads Arabic-Indic digits too); with ``language``, also that
    language's numeral characters (``一九六六年十一月二十九日``)."""
    pattern, first = rf"\d{digits}", r"\d"
    if language is not None:
        numerals = _chinese_numerals.character_class(language)
        pattern, first = f"(?:{pattern}|{numerals}{digits})", rf"\d|{numerals}"

    def value(text: str) -> int | None:
        if text.isdecimal():
            return int(text)
        return _chinese_numerals.parse(text, language or "")

    def build() -> pp.ParserElement:
        import pyparsing as pp

        return pp.Regex(pattern).set_parse_action(lambda tok: value(str(tok[0])))

    lead_pattern = r"(?<!\d)" if lead else ""
    return Slot(pattern=pattern, build=build, lead=lead_pattern, value=value, first=first)


def _month_slot(language: str) -> Slot:
    if _data.numerals(language)["dates"]["month"] == "number":
        words = language if _data.numerals(language)["dates"].get("numerals", False) else None
        return _number_slot("{1,2}", lead=True, language=words)
    names = lexicon(language).months
    values = {name: i + 1 for i, name in enumerate(names)}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))

    def build() -> pp.ParserElement:
        import pyparsing as pp

        return pp.one_of(list(names)).set_parse_action(lambda tok: values[tok[0]])

    initials = sorted({name[:1] for name in names})
    return Slot(
        pattern=f"(?:{alternatives}){NO_LETTER_AFTER}",
        build=build,
        lead=r"(?<![^\W\d_])",
        value=values.get,
        first=f"[{''.join(map(re.escape, initials))}]" if "" not in initials else None,
    )


def _unit_slot(unit: str) -> Slot:
    def build() -> pp.ParserElement:
        import pyparsing as pp

        return pp.Literal(unit).suppress()

    return Slot(pattern=re.escape(unit), build=build, first=re.escape(unit[:1]) or None)


@cache
def _slots(language: str) -> dict[str, Slot]:
    month = _month_slot(language)
    # Older Chinese texts write dates in numerals: the data says whether to read them.
    words = language if _data.numerals(language)["dates"].get("numerals", False) else None
    day = _number_slot("{1,2}" if words is None else "{1,3}", lead=True, language=words)
    year = _number_slot("{4}", lead=True, language=words)
    slots = {
        "day": day,
        "day2": day,
        "month": month,
        "month2": month,
        "year": year,
        "year2": year,
    }
    units: dict[str, str] = lexicon(language).extra.get("date_units", {})
    for name, unit in units.items():
        slots[f"unit.{name}"] = _unit_slot(unit)
    return slots


@record(slots=False)
class _Scanner:
    language: str
    templates: tuple[str, ...]
    regex: re.Pattern[str]
    wrap_within_words: bool
    #: For each template, its value slots: (slot name, named group, value of a text).
    groups: tuple[tuple[tuple[str, str, Callable[[str], Any]], ...], ...] = ()
    #: One named group per template; ``regex`` tries them only where one can begin.
    branches: tuple[str, ...] = ()

    def parser(self, index: int) -> pp.ParserElement:
        return _parser(self.language, index)


@cache
def _scanner(language: str) -> _Scanner:
    data = _data.numerals(language)
    templates = tuple(t for section in _SECTIONS for t in data["dates"].get(section, []))
    wrap = bool(data.get("wraps_within_words", False))
    slots = _slots(language)
    branches = tuple(
        f"(?P<t{i}>{to_regex(t, slots, wrap_within_words=wrap, groups=f't{i}_')})"
        for i, t in enumerate(templates)
    )
    groups = tuple(
        tuple(
            (name, f"t{i}_{name}", value)
            for name in dict.fromkeys(slot_names(t))
            if (value := slots[name].value) is not None
        )
        for i, t in enumerate(templates)
    )
    regex = re.compile(scan_pattern(list(branches), [first_char(t, slots) for t in templates]))
    return _Scanner(language, templates, regex, wrap, groups, branches)


@cache
def _parser(language: str, index: int) -> pp.ParserElement:
    scanner = _scanner(language)
    return to_parser(
        scanner.templates[index], _slots(language), wrap_within_words=scanner.wrap_within_words
    )


_Values = tuple[int, int, int | None, int | None, int | None, int | None]


@lru_cache(maxsize=8192)
def _values(language: str, index: int, candidate: str) -> _Values | None:
    """The numbers of a candidate, parsed by template ``index``'s pyparsing grammar: the
    reference the fast path (:func:`_fast_values`) is tested against, and its fallback
    (memoized: the same date is written many times in a document and an archive)."""
    import pyparsing as pp

    try:
        results = _parser(language, index).parse_string(for_pyparsing(candidate), parse_all=True)
    except pp.ParseException:
        return None
    values: dict[str, Any] = {}
    for name in ("day", "month", "year", "day2", "month2", "year2"):
        found = located(results, name)
        if found is not None:
            values[name] = found[0]
    return _assemble(values)


def _fast_values(match: re.Match[str], language: str, index: int) -> _Values | None:
    """The numbers of a candidate read from the scan's named groups, with the same value
    functions the grammar's parse actions use: no second parse. None when a slot's text
    has no value (the grammar decides those)."""
    values: dict[str, Any] = {}
    for name, group, value in _scanner(language).groups[index]:
        text = match.group(group)
        if text is None:
            continue
        found = value(text)
        if found is None:
            return None
        values[name] = found
    return _assemble(values)


#: False in tests that compare the fast path with the grammar.
FAST_PATH = True


def _assemble(values: dict[str, Any]) -> _Values | None:
    if "year" not in values or "month" not in values:
        return None
    year, month = values["year"], values["month"]
    if "day2" not in values:
        return year, month, values.get("day"), None, None, None
    end_year, end_month = values.get("year2", year), values.get("month2", month)
    return year, month, values.get("day"), end_year, end_month, values["day2"]


def _read(match: re.Match[str], language: str) -> DateMatch | None:
    index = int((match.lastgroup or "t0")[1:])
    values = _fast_values(match, language, index) if FAST_PATH else None
    if values is None:
        values = _values(language, index, match.group())
    if values is None:
        return None
    year, month, day, end_year, end_month, end_day = values
    return DateMatch(
        start=match.start(),
        end=match.end(),
        text=match.group(),
        year=year,
        month=month,
        day=day,
        end_year=end_year,
        end_month=end_month,
        end_day=end_day,
        language=language,
    )


@cache
def _keywords(language: str) -> re.Pattern[str]:
    """What every date of ``language`` contains: a month name, or the month unit (月)."""
    if _data.numerals(language)["dates"]["month"] == "number":
        unit = lexicon(language).extra.get("date_units", {}).get("month", "")
        return re.compile(re.escape(unit) if unit else r"\d")
    names = sorted(lexicon(language).months, key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


#: How far from its month a date can start or end (a range's "from 30 ", a wrapped line's
#: indentation): the scan looks this far around each month.
_REACH = 80


def _windows(text: str, language: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` around its month names (or 月), overlapping ones merged.

    The date pattern is tried only there, not at every position of the text: most of a
    resolution holds no date, and the full scan was the slowest part of the D rules.
    """
    windows: list[tuple[int, int]] = []
    for keyword in _keywords(language).finditer(text):
        lo, hi = max(0, keyword.start() - _REACH), min(len(text), keyword.end() + _REACH)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def find_dates(text: str, language: str) -> list[DateMatch]:
    """Every date, date range and month-year in ``text``, in order, with exact spans."""
    windows = _windows(text, language)
    if not windows:
        return []
    regex = _scanner(language).regex
    found: list[DateMatch] = []
    for lo, hi in windows:
        for match in regex.finditer(text, lo, hi):
            if found and match.start() < found[-1].end:
                continue
            date = _read(match, language)
            if date is not None:
                found.append(date)
    return found


def parse_date(text: str, language: str) -> DateMatch | None:
    """The date that is the whole of ``text`` (surrounding white space allowed), or None."""
    start = len(text) - len(text.lstrip())
    match = _scanner(language).regex.match(text, start)
    if match is None or match.end() != len(text.rstrip()):
        return None
    return _read(match, language)
