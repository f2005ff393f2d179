"""Roman numerals: sub-paragraphs (i), (iv) and old Assembly sessions (XXI).

Apart from :mod:`linter.facts.grammars.numerals` (which re-exports them) to keep that
module small; the parser reads sub-paragraph labels with them.
"""

from __future__ import annotations

import re

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_FORM = re.compile(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


def roman_value(label: str) -> int | None:
    """The value of a roman numeral in canonical form (``iv``, ``XII``), else None."""
    label = label.lower()
    if not label or not _ROMAN_FORM.match(label):
        return None
    total = 0
    for char, following in zip(label, [*label[1:], ""], strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


def to_roman(value: int) -> str:
    """``4`` -> ``iv`` (for messages that name a missing numeral)."""
    pairs = (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    )
    out = []
    for amount, numeral in pairs:
        while value >= amount:
            out.append(numeral)
            value -= amount
    return "".join(out)
