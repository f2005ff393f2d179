"""The first date on a line, for the adoption block.

The structure parser needs one thing from dates: the adoption date ("26 July 2012",
"2012 年 7 月 26 日") on or near the meeting line. This module answers that with the
lexicon's month names; the full date grammars used by the D rules live in
``linter.grammars``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from linter.lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class DateHit:
    start: int
    end: int
    iso: str | None  # None when the date cannot exist (30 February)
    whole_line: bool


@cache
def _patterns(
    language: str, months: tuple[str, ...], units: tuple[str, ...]
) -> list[tuple[re.Pattern[str], str]]:
    patterns: list[tuple[re.Pattern[str], str]] = []
    if len(units) == 3:
        year, month, day = (re.escape(unit) for unit in units)
        patterns.append(
            (
                re.compile(
                    rf"(?P<y>\d{{4}})\s*{year}\s*(?P<m>\d{{1,2}})\s*{month}\s*(?P<d>\d{{1,2}})\s*{day}"
                ),
                "ymd",
            )
        )
    if months and not months[0].isdigit():
        names = "|".join(re.escape(name) for name in months)
        patterns.append((re.compile(rf"(?P<d>\d{{1,2}})\s+(?P<m>{names})\s+(?P<y>\d{{4}})"), "dmy"))
    return patterns


def find_date(text: str, lexicon: Lexicon) -> DateHit | None:
    """The first date in ``text``, or None."""
    units_table = lexicon.extra.get("date_units", {})
    units = (
        tuple(units_table.get(key, "") for key in ("year", "month", "day")) if units_table else ()
    )
    for pattern, _order in _patterns(lexicon.language, lexicon.months, units):
        match = pattern.search(text)
        if not match:
            continue
        month_text = match.group("m")
        month = int(month_text) if month_text.isdigit() else lexicon.months.index(month_text) + 1
        try:
            iso: str | None = date(int(match.group("y")), month, int(match.group("d"))).isoformat()
        except ValueError:
            iso = None
        return DateHit(
            start=match.start(),
            end=match.end(),
            iso=iso,
            whole_line=not text[: match.start()].strip() and not text[match.end() :].strip(),
        )
    return None
