"""D003 own-number-mismatch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.facts.citations import own_number
from linter.facts.periods import act_window, body_label, describe_day, period_and_window
from linter.parse.model import Document


@rule("D003", "own-number-mismatch", Severity.ERROR, requires_structure=True)
def own_number_mismatch(doc: Document) -> Iterator[Hit]:
    """The resolution's own number does not fit its adoption date.

    Why:
        A resolution's number carries its year or session: Economic and Social Council
        ``2012/19`` is of its 2012 session (which ran into January 2013; since 2015 a
        session runs from July to July), General Assembly ``66/181`` of the sixty-sixth
        session (September 2011 to September 2012), Security Council ``1454 (2002)`` of
        2002. A
        number that does not fit the adoption date means one of the two was mistyped or
        misread. The finding points at the number; the body's calendar is data
        (``rules/data/calendars.toml``), and a body or session it does not know is not
        checked.

    Example:
        经济及社会理事会决议

        2012/19. 加强国际合作打击一切形式和表现的跨国有组织犯罪

        经济及社会理事会，

        1. 请秘书长提交报告。

        2013 年 7 月 26 日
        第 46 次全体会议

    Use instead:
        经济及社会理事会决议

        2012/19. 加强国际合作打击一切形式和表现的跨国有组织犯罪

        经济及社会理事会，

        1. 请秘书长提交报告。

        2012 年 7 月 26 日
        第 46 次全体会议
    """
    own = own_number(doc)
    if own is None or doc.adoption.date is None:
        return
    window = act_window(own.body, own.act)
    if window is None:
        return
    adopted = dt.date.fromisoformat(doc.adoption.date)
    if window[0] <= adopted <= window[1]:
        return
    of = period_and_window(own.act, window)
    yield Hit(
        own.span.start,
        own.span.end,
        f"this {body_label(own.body)} resolution is numbered {own.act.label}, which is of "
        f"{of}, but it was adopted on {describe_day(adopted)}",
    )
