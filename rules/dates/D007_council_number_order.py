"""D007 council-number-order."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.facts.citations import citations, own_number
from linter.facts.grammars.calendars import council_numbers_grow, council_year_bounds
from linter.parse.model import Document, Span
from linter.source.frozen import record


@record(slots=False)
class _Council:
    number: int
    year: int
    label: str
    span: Span | None  # None for the resolution's own number (never reported here)


def _conflict(a: _Council, b: _Council) -> bool:
    return (a.number - b.number) * (a.year - b.year) < 0


def _acts(doc: Document) -> list[_Council]:
    out = []
    own = own_number(doc)
    adopted = doc.adoption.date
    # An own number whose year is not the adoption's is D003's finding; every cited
    # resolution would contradict it here too.
    if (
        own is not None
        and own.body == "sc"
        and own.act.year is not None
        and (adopted is None or adopted[:4] == str(own.act.year))
    ):
        out.append(_Council(own.act.number, own.act.year, own.act.label, None))
    for cited in citations(doc).acts:
        act = cited.act
        if cited.body == "sc" and act.scheme == "number (year)" and act.year is not None:
            out.append(_Council(act.number, act.year, act.label, cited.span))
    return out


@rule("D007", "council-number-order", Severity.ERROR, requires_structure=True)
def council_number_order(doc: Document) -> Iterator[Hit]:
    """Two cited Security Council resolutions have numbers and years in contradicting order.

    Why:
        Security Council resolutions are numbered in the order of their adoption, so of two
        resolutions the higher number never has the earlier year: ``678 (1990)`` cannot
        follow ``686 (1995)``. A pair that contradicts this has a wrong number or year. The
        resolution's own number counts as one of the pair, and so do the Council
        resolutions whose year is on record (``[security_council]`` anchors in
        ``rules/data/calendars.toml``: 660 is of 1990, 1454 of 2002, …), so one cited
        resolution alone can contradict them. When several pairs contradict each other the
        resolution that contradicts the most others is reported (on its number and year),
        at each place it is cited, naming one it contradicts.

    Example:
        The Security Council,

        Recalling its resolutions 660 (1990) of 2 August 1990, 678 (1989) of
        29 November 1990 and 686 (1991) of 2 March 1991,

        1. Decides to remain seized of the matter.

        Adopted at the 2981st meeting.

    Use instead:
        The Security Council,

        Recalling its resolutions 660 (1990) of 2 August 1990, 678 (1990) of
        29 November 1990 and 686 (1991) of 2 March 1991,

        1. Decides to remain seized of the matter.

        Adopted at the 2981st meeting.
    """
    if not council_numbers_grow():
        return
    acts = _acts(doc)
    left: dict[tuple[int, int], _Council] = {}
    for act in acts:
        left.setdefault((act.number, act.year), act)
    order = {key: i for i, key in enumerate(left)}
    out_of_bounds = {key: bounds for key in left if (bounds := _outside(*key)) is not None}
    culprits: dict[tuple[int, int], str] = {}
    while True:
        conflicts = {
            key: [other for other in left.values() if _conflict(act, other)]
            for key, act in left.items()
            if act.span is not None  # the own number is D003's; blame the cited one
        }
        scores = {k: len(v) + (k in out_of_bounds) for k, v in conflicts.items()}
        worst = max(scores, key=lambda key: (scores[key], order[key]), default=None)
        if worst is None or not scores[worst]:
            break
        culprits[worst] = _why(left[worst], conflicts[worst], out_of_bounds.get(worst))
        del left[worst]
    for act in acts:
        key = (act.number, act.year)
        if key in culprits and act.span is not None:
            yield Hit(act.span.start, act.span.end, culprits[key])


def _outside(number: int, year: int) -> tuple[int, int | None] | None:
    """The recorded bounds of resolution ``number``'s year, if ``year`` is outside them."""
    bounds = council_year_bounds(number)
    if bounds is None:
        return None
    low, high = bounds
    return bounds if year < low or (high is not None and year > high) else None


def _why(act: _Council, others: list[_Council], bounds: tuple[int, int | None] | None) -> str:
    if others:
        other = others[0]
        order = "higher" if act.number > other.number else "lower"
        when = "an earlier" if act.year < other.year else "a later"
        which = "this resolution, " if other.span is None else "resolution "
        return (
            f"Security Council resolution {act.label} has a {order} number than {which}"
            f"{other.label}, but {when} year: Council resolutions are numbered in order of "
            "adoption"
        )
    assert bounds is not None
    low, high = bounds
    between = (
        f"in {low}"
        if low == high
        else (f"between {low} and {high}" if high is not None else f"in {low} or later")
    )
    return (
        f"Security Council resolution {act.label} cannot be of {act.year}: Council "
        f"resolutions are numbered in order of adoption, and the recorded numbers put "
        f"resolution {act.number} {between}"
    )
