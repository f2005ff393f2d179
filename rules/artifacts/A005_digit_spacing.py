"""A005 digit-spacing."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.engine.registry import Edit, Fix, FixAvailability, Hit, Severity, rule
from linter.parse.layout import Kind
from linter.parse.model import Document, MarkerStyle
from linter.source.frozen import record

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Where a figure meets a CJK character, with or without one space between.
_BOUNDARY = re.compile(f"(?<=[0-9]) ?(?=[{_CJK}])|(?<=[{_CJK}]) ?(?=[0-9])")
_CHECKED = frozenset({Kind.TEXT, Kind.NOTE_TEXT})
_HAS_CJK = re.compile(f"[{_CJK}]")


@record
class _Boundary:
    start: int  # the space, or the point between the two characters
    spaced: bool


def _boundaries(doc: Document) -> list[_Boundary]:
    if not _HAS_CJK.search(doc.text):
        return []  # no figure can touch a CJK character: skip the slower boundary scan
    # Figures that are footnote markers or note numbers are not figures of the text.
    excluded = {
        offset
        for span in [m.span for m in doc.markers if m.style is not MarkerStyle.MARKDOWN]
        + [n.number_span for n in doc.notes]
        for offset in range(span.start, span.end)
    }
    found: list[_Boundary] = []
    kinds = doc.layout.kinds
    for match in _BOUNDARY.finditer(doc.text):
        start, end = match.start(), match.end()
        if kinds[doc.source.position(start)[0] - 1] not in _CHECKED:
            continue
        if start - 1 in excluded or end in excluded:
            continue
        found.append(_Boundary(start, match.group() == " "))
    return found


@rule("A005", "digit-spacing", Severity.WARNING, FixAvailability.SAFE)
def digit_spacing(doc: Document) -> Iterator[Hit]:
    """Chinese text mixes spacing styles between figures and characters.

    Why:
        United Nations Chinese texts put a space between a figure and a Chinese
        character (``2011 年 12 月 19 日``, ``第 66/181 号``); extraction and editing
        leave a mixture (``2011年 12月 19日`` beside ``2010 年 5 月 21 日``), which breaks
        searches for dates and symbols and makes parallel texts differ for no reason.
        The rule counts both styles in the document and reports every place that does
        not follow the majority; on a tie, the UN style (spaces) wins. A figure that is
        a footnote marker or a note number is not counted.

    Example:
        回顾大会 2011年 12月 19日第 66/181 号决议和 2010 年 5 月 21 日第 19/1 号决议，

    Use instead:
        回顾大会 2011 年 12 月 19 日第 66/181 号决议和 2010 年 5 月 21 日第 19/1 号决议，

    Fix safety:
        Safe: the fix inserts or removes one space between a figure and a character,
        nothing else.
    """
    boundaries = _boundaries(doc)
    if not boundaries:
        return
    spaced = sum(1 for boundary in boundaries if boundary.spaced)
    tight = len(boundaries) - spaced
    want_space = spaced >= tight
    style = f"{max(spaced, tight)} of {len(boundaries)} places"
    text = doc.text
    for boundary in boundaries:
        if boundary.spaced == want_space:
            continue
        start = boundary.start
        if want_space:
            shown = text[start - 1 : start + 1]
            yield Hit(
                start - 1,
                start + 1,
                f"no space in '{shown}'; this text puts a space between figures and "
                f"characters ({style})",
                Fix((Edit(start, start, " "),), removes="whitespace"),
            )
        else:
            shown = text[start - 1 : start + 2]
            yield Hit(
                start,
                start + 1,
                f"space in '{shown}'; this text writes figures and characters together ({style})",
                Fix((Edit(start, start + 1, ""),), removes="whitespace"),
            )
