"""D002 date-after-adoption."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.facts.citations import CitedAct, citations
from linter.facts.periods import (
    act_window,
    as_written,
    body_label,
    describe_day,
    period_and_window,
)
from linter.parse.model import Document


def _name(body_id: str | None) -> str:
    return f"{body_label(body_id)} " if body_id is not None else ""


@rule("D002", "date-after-adoption", Severity.ERROR, requires_structure=True)
def date_after_adoption(doc: Document) -> Iterator[Hit]:
    """The date of a cited act is later than the resolution's adoption date.

    Why:
        A resolution can only cite acts adopted before it. A cited act dated after the
        adoption date is a wrong year or month (a typing slip, an OCR misreading). Only
        dates tied to a cited act count (``resolution 66/181 of 19 December 2011``,
        ``大会 2011 年 12 月 19 日…第 66/181 号决议``): resolutions also name future dates
        (deadlines, conferences "to be held in 2026", "from 1 January 2026"), and those are
        not errors. The finding points at the date. An act cited without a date is checked
        by its number: ``大会第 67/230 号决议`` cannot be cited on 26 July 2012, before the
        sixty-seventh session opened; the finding then points at the number (an act with
        a date whose number does not fit it is D004's). Nothing is checked when the
        adoption date is unknown (see D009).

    Example:
        The General Assembly,

        Recalling its resolution 80/5 of 4 December 2025,

        1. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025

    Use instead:
        The General Assembly,

        Recalling its resolution 80/5 of 4 November 2025,

        1. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025
    """
    if doc.adoption.date is None:
        return
    adopted = dt.date.fromisoformat(doc.adoption.date)
    for cited in citations(doc).acts:
        date, span = cited.date, cited.date_span
        if date is None or span is None:
            yield from _undated(cited, adopted)
            continue
        day = date.as_date()
        if day is None or day <= adopted:
            continue
        yield Hit(
            span.start,
            span.end,
            f"{_name(cited.body)}{cited.act.kind} {cited.act.label} is dated "
            f"{as_written(date.text)}, after the adoption of this resolution on "
            f"{describe_day(adopted)}",
        )


def _undated(cited: CitedAct, adopted: dt.date) -> Iterator[Hit]:
    """An act cited without a date whose number is of a session that began later."""
    window = act_window(cited.body, cited.act)
    if window is None or window[0] <= adopted:
        return
    yield Hit(
        cited.span.start,
        cited.span.end,
        f"{_name(cited.body)}{cited.act.kind} {cited.act.label} is of "
        f"{period_and_window(cited.act, window)}, which began after the adoption of this "
        f"resolution on {describe_day(adopted)}",
    )
