"""D002 date-after-adoption."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from linter.citations import citations
from linter.model import Document
from linter.periods import as_written, body_label, describe_day
from linter.registry import Hit, Severity, rule


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
        not errors. The finding points at the date. Nothing is checked when the adoption
        date is unknown (see D009).

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
