"""F004 footnote-order."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.facts.footnotes import first_references, own_numbering
from linter.parse.model import Document


def _out_of_order(numbers: list[int]) -> set[int]:
    """Positions outside one longest increasing run (ties keep the smaller numbers).

    A marker moved far is the one outside the run; of two adjacent swapped markers the
    first is reported, as N003 does for swapped paragraph numbers.
    """
    count = len(numbers)
    best = [1] * count
    before = [-1] * count
    for i in range(count):
        for j in range(i):
            if numbers[j] >= numbers[i]:
                continue
            longer = best[j] + 1 > best[i]
            tie = best[j] + 1 == best[i] and numbers[j] < numbers[before[i]]
            if longer or tie:
                best[i], before[i] = best[j] + 1, j
    if not count:
        return set()
    top = max(best)
    end = min((i for i in range(count) if best[i] == top), key=lambda i: numbers[i])
    keep = set()
    while end != -1:
        keep.add(end)
        end = before[end]
    return set(range(count)) - keep


@rule("F004", "footnote-order", Severity.ERROR, requires_structure=True)
def footnote_order(doc: Document) -> Iterator[Hit]:
    """Footnote markers are not first used in increasing order (…3, 5, 4…).

    Why:
        Notes are numbered in the order their markers first appear; a later reference to
        the same source reuses its number. Notes numbered through a printed volume
        (Security Council resolutions of the annual volumes) are not checked: a
        resolution reuses numbers an earlier one set. A marker first used out of order was moved,
        mistyped, or misread by extraction, and points at another note than intended.

    Example:
        The General Assembly,

        Recalling the Convention,2 and its Protocols,1

        1. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025
        _______________

        1 Resolution 55/25, annexes I-III.
        2 United Nations, Treaty Series, vol. 2225, No. 39574.

    Use instead:
        The General Assembly,

        Recalling the Convention,1 and its Protocols,2

        1. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025
        _______________

        1 United Nations, Treaty Series, vol. 2225, No. 39574.
        2 Resolution 55/25, annexes I-III.
    """
    if not own_numbering(doc):
        return  # numbered through a printed volume: an earlier resolution set the order
    firsts = first_references(doc)
    numbers = [marker.number for marker in firsts]
    for index in sorted(_out_of_order(numbers)):
        marker = firsts[index]
        earlier = [m for m in firsts[:index] if m.number > marker.number]
        later = [m for m in firsts[index + 1 :] if m.number < marker.number]
        if earlier:
            other = earlier[-1]
            message = (
                f"marker {marker.number} is first used after marker {other.number} "
                f"(line {other.line}): first references must count up"
            )
        elif later:
            other = later[0]
            message = (
                f"marker {marker.number} is first used before marker {other.number} "
                f"(line {other.line}): first references must count up"
            )
        else:
            continue
        yield Hit(marker.span.start, marker.span.end, message)
