"""D001 invalid-date."""

from __future__ import annotations

import calendar
from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.facts.citations import citations
from linter.facts.grammars.dates import DateMatch
from linter.facts.periods import as_written, month_name
from linter.parse.model import Document


def _why(year: int, month: int, day: int | None) -> str:
    """Why ``year``-``month``-``day`` does not exist."""
    if year < 1:
        return f"there is no year {year}"
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if day is None:
        return "it does not exist"
    if day < 1:
        return f"there is no day {day}"
    return f"{month_name(month)} {year} has {calendar.monthrange(year, month)[1]} days"


def _reason(date: DateMatch) -> str:
    first_ok = date.as_date() is not None or (
        date.day is None and date.year >= 1 and 1 <= date.month <= 12
    )
    if not first_ok:
        return _why(date.year, date.month, date.day)
    assert date.end_year is not None and date.end_month is not None
    return "its last day does not exist: " + _why(date.end_year, date.end_month, date.end_day)


@rule("D001", "invalid-date", Severity.ERROR, requires_structure=True)
def invalid_date(doc: Document) -> Iterator[Hit]:
    """A date cannot exist: 30 February, 31 June, month 13, day 0.

    Why:
        A date that does not exist is a typing slip or an extraction error (a digit lost or
        misread by OCR, a wrapped date joined to a footnote marker). It cannot be checked
        against anything else, and it will be copied into every dataset built from the text.
        Both ends of a range are checked (``29 February to 2 March 2011``).

    Example:
        The General Assembly,

        Recalling its resolution 66/181 of 30 February 2012,

        1. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025

    Use instead:
        The General Assembly,

        Recalling its resolution 66/181 of 19 December 2011,

        1. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025
    """
    for found in citations(doc).dates:
        date = found.item
        if date.is_valid:
            continue
        yield Hit(
            found.span.start,
            found.span.end,
            f"'{as_written(date.text)}' is not a date: {_reason(date)}",
        )
