"""Chinese numerals (数字 and 位): 二十二 → 22, 一百零五 → 105, 二〇一二 → 2012.

The characters and their values come from the numeral table of a language
(``rules/data/numerals/zh.toml``, section ``[chinese]``), so the reader serves any language
that writes numbers this way.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from linter.facts.grammars import _data

if TYPE_CHECKING:
    import pyparsing as pp


def _table(language: str) -> dict[str, Any]:
    table: dict[str, Any] = _data.numerals(language)["chinese"]
    return table


def character_class(language: str) -> str:
    """A regex character class of every numeral character (for candidate scans)."""
    t = _table(language)
    chars = "".join([*t["digits"], *t["units"], *t["myriad"]])
    return f"[{chars}]"


@cache
def parser(language: str) -> pp.ParserElement:
    """A grammar for one Chinese numeral below 100 000 000; its token is the value."""
    import pyparsing as pp

    t = _table(language)
    digit_values: dict[str, int] = t["digits"]
    (ten,) = [u for u, v in t["units"].items() if v == 10]
    (hundred,) = [u for u, v in t["units"].items() if v == 100]
    (thousand,) = [u for u, v in t["units"].items() if v == 1000]
    # 万 and its Traditional form 萬 (the data is read in both forms).
    myriad = pp.one_of(list(t["myriad"]))

    nonzero = pp.one_of([c for c, v in digit_values.items() if v]).set_parse_action(
        lambda tok: digit_values[tok[0]]
    )
    zero = pp.one_of([c for c, v in digit_values.items() if not v]).suppress()

    def total(tok: pp.ParseResults) -> int:
        return sum(int(x) for x in tok)

    def times(unit: str, value: int) -> pp.ParserElement:
        return (nonzero + pp.Literal(unit).suppress()).set_parse_action(lambda tok: tok[0] * value)

    # 十二 (a leading 十 stands for 一十) and 二十二; inside a larger number 一十 or 十.
    tens = (pp.Opt(nonzero, default=1) + pp.Literal(ten).suppress()).set_parse_action(
        lambda tok: tok[0] * 10
    )
    below_100 = (tens + pp.Opt(nonzero)).set_parse_action(total) | nonzero
    below_1000 = (times(hundred, 100) + pp.Opt(zero + nonzero | below_100)).set_parse_action(
        total
    ) | below_100
    below_10000 = (times(thousand, 1000) + pp.Opt(zero + below_100 | below_1000)).set_parse_action(
        total
    ) | below_1000
    with_myriad = (
        (below_10000 + myriad.suppress()).set_parse_action(lambda tok: tok[0] * 10000)
        + pp.Opt(pp.Opt(zero) + below_10000)
    ).set_parse_action(total)
    # 二〇一二: digit by digit, as years are written.
    positional = pp.Word("".join(digit_values), min=2).set_parse_action(
        lambda tok: int("".join(str(digit_values[c]) for c in tok[0]))
    )
    only_zero = pp.one_of([c for c, v in digit_values.items() if not v]).set_parse_action(
        lambda tok: 0
    )
    # Positional first: a standard numeral never opens with two digit characters.
    return positional | with_myriad | below_10000 | only_zero


#: False in tests that compare the fast path with the grammar.
FAST_PATH = True


def fast_parse(text: str, language: str) -> int | None:
    """The value of ``text`` when it is sure without the grammar, else None: a run of
    digit characters (二〇一二, which the grammar reads digit by digit), or a numeral
    written exactly as :func:`format_number` writes its value (read by place values,
    then checked by writing it again; the grammar reads every canonical numeral so:
    ``tests/grammars/test_fast_paths.py``). Spares a short run pyparsing's import."""
    t = _table(language)
    digits: dict[str, int] = t["digits"]
    if len(text) >= 2 and all(c in digits for c in text):
        return int("".join(str(digits[c]) for c in text))
    units: dict[str, int] = t["units"]
    total = section = current = 0
    for char in text:
        if char in digits:
            current = digits[char]
        elif char in units:
            section += (current or 1) * units[char]
            current = 0
        elif char in t["myriad"]:
            total += (section + current) * 10000
            section = current = 0
        else:
            return None
    value = total + section + current
    if value < 100_000_000 and format_number(value, language) == text:
        return value
    return None


@lru_cache(maxsize=4096)
def parse(text: str, language: str) -> int | None:
    """The value of the numeral ``text`` (the whole string), or None (memoized)."""
    if FAST_PATH:
        value = fast_parse(text, language)
        if value is not None:
            return value
    import pyparsing as pp

    try:
        result = parser(language).parse_string(text, parse_all=True)
    except pp.ParseException:
        return None
    return int(result[0])


def _below_10000(n: int, t: dict[str, Any], *, leading: bool) -> str:
    digits: list[str] = t["canonical_digits"]
    units: list[str] = t["canonical_units"]
    out: list[str] = []
    started = zero_pending = False
    for place in (3, 2, 1, 0):
        d = n // 10**place % 10
        if d == 0:
            zero_pending = started
            continue
        if zero_pending:
            out.append(str(t["zero"]))
            zero_pending = False
        drop_one = (
            d == 1
            and place == 1
            and not started
            and leading
            and t.get("drop_leading_one_before_ten", False)
        )
        if not drop_one:
            out.append(digits[d])
        out.append(units[place])
        started = True
    return "".join(out)


def format_number(n: int, language: str) -> str:
    """The canonical numeral of ``n`` (0 ≤ n < 100 000 000): 22 → 二十二, 105 → 一百零五."""
    if not 0 <= n < 100_000_000:
        raise ValueError(f"{n} is outside what the Chinese numeral reader handles")
    t = _table(language)
    if n == 0:
        return str(t["canonical_digits"][0])
    high, low = divmod(n, 10000)
    if not high:
        return _below_10000(low, t, leading=True)
    myriad = next(iter(t["myriad"]))  # the canonical (Simplified) form comes first
    text = _below_10000(high, t, leading=True) + str(myriad)
    if low:
        if low < 1000:
            text += str(t["zero"])
        text += _below_10000(low, t, leading=False)
    return text
