"""When bodies meet: session ↔ date windows, and the order of Security Council numbers.

Rules D003 and D004 ask whether a date fits a session ("GA 66/181 of 19 December 2009" does
not); D007 whether two Council resolutions are in order. Every fact comes from
``rules/data/calendars.toml``, which names its sources. Where nothing is recorded the answer
is None (or empty): reslint never guesses a calendar, so an unknown session is never
reported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from linter.facts.grammars import _data

__all__ = ["council_numbers_grow", "council_year_bounds", "session_for_date", "session_years"]

Window = tuple[dt.date, dt.date]

# Which table holds the calendar of each kind of session of a body.
_SUFFIX = {"regular": "", "special": "_special", "emergency_special": "_emergency"}


def _rules(body_id: str, session_type: str) -> list[dict[str, Any]]:
    key = body_id + _SUFFIX.get(session_type, "?")
    rules: list[dict[str, Any]] = _data.calendars()["calendars"].get(key, [])
    return rules


def _year(year: int) -> Window:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _window(rule: dict[str, Any], session: int) -> Window | None:
    if session < rule.get("min_session", 1) or session > rule.get("max_session", 10**6):
        return None
    kind = rule["kind"]
    if kind == "table":
        for row in rule["windows"]:
            if row["session"] == session:
                return row["first"], row["last"]
        return None
    if kind == "ga":
        start = rule["offset"] + session
        return dt.date(start, 9, 1), dt.date(start + 1, 9, 30)
    if kind == "hrc":
        return _year(rule["base"] + (session - rule["first"]) // rule["per_year"])
    if kind == "linear":
        return _year(rule["offset"] + rule["factor"] * session)
    if kind == "year":
        return _year(session)
    if kind == "span":
        first, last = rule["first"], rule["last"]
        return (
            dt.date(session + first["years"], first["month"], first["day"]),
            dt.date(session + last["years"], last["month"], last["day"]),
        )
    raise ValueError(f"unknown calendar kind {kind!r}")


def session_years(body_id: str, session: int, session_type: str = "regular") -> Window | None:
    """``(first_date, last_date)`` within which session ``session`` of ``body_id`` met.

    ``session_type`` is ``regular``, ``special`` or ``emergency_special`` (GA). For ECOSOC
    the "session" is the year its resolution numbers carry (``2012/19`` → the 2012 session,
    which ran into January 2013; since 2015 a session runs from July to July). None when
    the calendar does not know (an unknown body, a session before the rule holds, an
    emergency special session still open).
    """
    for rule in _rules(body_id, session_type):
        window = _window(rule, session)
        if window is not None:
            return window
    return None


def _candidates(rule: dict[str, Any], year: int) -> Iterator[int]:
    kind = rule["kind"]
    if kind == "table":
        yield from (row["session"] for row in rule["windows"])
    elif kind == "ga":
        yield from (year - rule["offset"] - 1, year - rule["offset"])
    elif kind == "hrc":
        first = rule["first"] + (year - rule["base"]) * rule["per_year"]
        yield from range(first, first + rule["per_year"])
    elif kind == "linear":
        if (year - rule["offset"]) % rule["factor"] == 0:
            yield (year - rule["offset"]) // rule["factor"]
    elif kind == "year":
        yield year
    elif kind == "span":
        yield from range(year - rule["last"]["years"], year - rule["first"]["years"] + 1)


def session_for_date(body_id: str, day: dt.date, session_type: str = "regular") -> tuple[int, ...]:
    """Every session of ``body_id`` whose window holds ``day``, in order (empty: unknown).

    Several answers are normal: a September date falls in two GA sessions, a year holds
    three Human Rights Council sessions.
    """
    found: set[int] = set()
    for rule in _rules(body_id, session_type):
        for session in _candidates(rule, day.year):
            window = _window(rule, session)
            if window is not None and window[0] <= day <= window[1]:
                found.add(session)
    return tuple(sorted(found))


def council_numbers_grow() -> bool:
    """Whether Security Council numbers grow with time (the rule D007 relies on)."""
    return bool(_data.calendars()["security_council"]["numbers_grow_with_time"])


def council_year_bounds(number: int) -> tuple[int, int | None] | None:
    """``(earliest, latest)`` year of Council resolution ``number`` from the recorded anchors.

    Numbers grow with time, so each anchor (a number whose year is known) bounds the others;
    ``latest`` is None past the last anchor. None for numbers below 1.
    """
    if number < 1:
        return None
    council = _data.calendars()["security_council"]
    low, high = 1946, None
    for anchor in council.get("anchors", []):
        n, year, last = anchor["number"], anchor["year"], anchor.get("last_of_year", False)
        if n <= number:
            low = max(low, year + 1 if last and n < number else year)
        if n >= number:
            high = year if high is None else min(high, year)
    return low, high
