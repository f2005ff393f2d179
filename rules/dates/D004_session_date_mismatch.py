"""D004 session-date-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.facts.citations import citations
from linter.facts.periods import act_window, as_written, body_label, period_and_window
from linter.parse.model import Document


@rule("D004", "session-date-mismatch", Severity.ERROR, requires_structure=True)
def session_date_mismatch(doc: Document) -> Iterator[Hit]:
    """A cited act's session or year does not fit its date, per the body's calendar.

    Why:
        A cited act's number says when it was adopted: General Assembly ``66/181`` in the
        sixty-sixth session (September 2011 to September 2012), Economic and Social Council
        ``2012/18`` in its 2012 session, Security Council ``1454 (2002)`` in 2002,
        Commission on Crime Prevention and Criminal Justice ``19/1`` in 2010. A date beside
        it that falls outside that window means the number or the date is wrong. The
        finding points at the date. The act must first be tied to a body: the one named
        before the number, or for a short name ("the Commission", 委员会) the one the
        document's heading or author line names, or for an act cited without a body the
        document's own body. An act whose body is unknown, or a session the calendars in
        ``rules/data/calendars.toml`` do not cover, is not checked.

    Example:
        The General Assembly,

        Recalling its resolution 66/181 of 19 December 2009,

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
    for cited in citations(doc).acts:
        date, span = cited.date, cited.date_span
        if date is None or span is None:
            continue
        day = date.as_date()
        window = act_window(cited.body, cited.act)
        if day is None or window is None or window[0] <= day <= window[1]:
            continue
        of = period_and_window(cited.act, window)
        yield Hit(
            span.start,
            span.end,
            f"{body_label(cited.body)} {cited.act.kind} {cited.act.label} is of {of} but is "
            f"dated {as_written(date.text)}",
        )
