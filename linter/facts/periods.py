"""When a numbered act can have been adopted, and how to say it in a message.

Rules D003 and D004 compare a date with the window its number allows; their messages carry
the evidence ("resolution 66/181 is of session 66 (September 2011 to September 2012) but
is dated 19 December 2009"). The windows come from the body calendars
(:mod:`linter.facts.grammars.calendars`, data in ``rules/data/calendars.toml``); messages are
written in English whatever the language of the document, like every reslint message.
"""

from __future__ import annotations

import datetime as dt
import re

from linter.facts.grammars.acts import ResolutionNumber
from linter.facts.grammars.bodies import body
from linter.facts.grammars.calendars import session_years

__all__ = [
    "act_window",
    "as_written",
    "body_label",
    "describe_day",
    "describe_period",
    "describe_window",
    "month_name",
    "period_and_window",
]

Window = tuple[dt.date, dt.date]

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def act_window(body_id: str | None, act: ResolutionNumber) -> Window | None:
    """When act ``act`` of body ``body_id`` can have been adopted.

    ``1454 (2002)``: the year in brackets is the year of adoption (that numbering says so,
    whatever the body). ``2012/18``: the year, per the body's calendar. ``66/181``,
    ``2200 A (XXI)``: the session's window. None when the body or the session is not in
    the calendars: reslint never guesses.
    """
    if act.scheme == "number (year)" and act.year is not None:
        return dt.date(act.year, 1, 1), dt.date(act.year, 12, 31)
    if body_id is None:
        return None
    if act.scheme == "year/number" and act.year is not None:
        return session_years(body_id, act.year)
    if act.session is not None:
        return session_years(body_id, act.session, act.session_type or "regular")
    return None


def month_name(month: int) -> str:
    """The English name of month ``month`` (1-12), whatever the locale."""
    return _MONTHS[month - 1]


def describe_day(day: dt.date) -> str:
    """``19 December 2011``."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _month_end(day: dt.date) -> dt.date:
    following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def describe_window(window: Window) -> str:
    """``2012``, ``1980 to 1982``, ``September 2011 to September 2012``, or exact days."""
    first, last = window
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return str(first.year) if first.year == last.year else f"{first.year} to {last.year}"
    if first.day == 1 and last == _month_end(last):
        return f"{_MONTHS[first.month - 1]} {first.year} to {_MONTHS[last.month - 1]} {last.year}"
    return f"{describe_day(first)} to {describe_day(last)}"


def describe_period(act: ResolutionNumber) -> str:
    """What the number says of the act's time: ``session 66``, ``special session 27``,
    ``the 2012 session`` (a year-numbered body), ``2002`` (a Council year)."""
    if act.scheme == "number (year)":
        return str(act.year)
    if act.scheme == "year/number":
        return f"the {act.year} session"
    kind = {"special": "special session", "emergency_special": "emergency special session"}
    return f"{kind.get(act.session_type or '', 'session')} {act.session}"


def period_and_window(act: ResolutionNumber, window: Window) -> str:
    """``session 66 (September 2011 to September 2012)``, or ``2012`` when they coincide."""
    period, where = describe_period(act), describe_window(window)
    return period if period == where else f"{period} ({where})"


def as_written(text: str) -> str:
    """A span of the text for a message: line breaks and runs of space made one space."""
    return re.sub(r"\s+", " ", text).strip()


def body_label(body_id: str | None) -> str:
    """A body's English name for messages (``General Assembly``)."""
    if body_id is None:
        return "an unattributed"
    names = body(body_id).names.get("en", ())
    return names[0] if names else body_id
