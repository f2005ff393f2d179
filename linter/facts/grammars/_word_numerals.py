"""Numbers in words: "Sixty-sixth" → 66, "eightieth" → 80, "twenty-six" → 26.

The words come from the numeral table of a language (``rules/data/numerals/en.toml``,
section ``[words]``); the reader handles languages that build numbers from tens and units
words, joined by a hyphen or a space, with hundreds before them.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from linter.facts.grammars import _data
from linter.facts.grammars._template import GAP, NO_LETTER_AFTER, NO_LETTER_BEFORE, SP

if TYPE_CHECKING:
    import pyparsing as pp

# Hyphens that join compound number words ("sixty-sixth", "sixty‑sixth").
_HYPHENS = "-\u2010\u2011"
_TO_HYPHEN = str.maketrans({"\u2010": "-", "\u2011": "-"})


def _table(language: str) -> dict[str, Any]:
    table: dict[str, Any] = _data.numerals(language)["words"]
    return table


def _values(words: list[str], start: int, step: int = 1) -> dict[str, int]:
    return {w: start + i * step for i, w in enumerate(words)}


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def ordinal_regex(language: str) -> str:
    """A scan pattern for an ordinal in words (no capturing groups, any case)."""
    t = _table(language)
    sep = f"(?:[{_HYPHENS}]{GAP}|{SP})"
    units = _alternation(t["units"])
    below_100 = (
        f"(?:(?:{_alternation(t['tens'])}){sep}(?:{_alternation(t['unit_ordinals'])})"
        f"|{_alternation(t['ten_ordinals'])}|{_alternation(t['teen_ordinals'])}"
        f"|{_alternation(t['unit_ordinals'])})"
    )
    hundreds = f"(?:{units}){SP}{re.escape(t['hundred'])}(?:{SP}{re.escape(t['joiner'])})?{SP}"
    whole = f"(?:(?:{hundreds})?{below_100}|(?:{units}){SP}{re.escape(t['hundredth'])})"
    return f"{NO_LETTER_BEFORE}(?i:{whole}){NO_LETTER_AFTER}"


def ordinal_initials(language: str) -> str:
    """What :func:`ordinal_regex` can begin with: a first letter of a units or tens word or
    of an ordinal (any case)."""
    t = _table(language)
    keys = ("units", "tens", "unit_ordinals", "ten_ordinals", "teen_ordinals")
    firsts = sorted({word[0] for key in keys for word in t[key]})
    return f"(?i:[{''.join(map(re.escape, firsts))}])"


def cardinal_regex(language: str) -> str:
    """A scan pattern for a cardinal number in words ("twenty-two", "one hundred and five")."""
    t = _table(language)
    sep = f"(?:[{_HYPHENS}]{GAP}|{SP})"
    units = _alternation(t["units"])
    below_100 = (
        f"(?:(?:{_alternation(t['tens'])})(?:{sep}(?:{units}))?|{_alternation(t['teens'])}|{units})"
    )
    hundreds = f"(?:{units}){SP}{re.escape(t['hundred'])}(?:{SP}{re.escape(t['joiner'])})?{SP}"
    whole = f"(?:(?:{hundreds})?{below_100}|(?:{units}){SP}{re.escape(t['hundred'])})"
    return f"{NO_LETTER_BEFORE}(?i:{whole}){NO_LETTER_AFTER}"


def _keywords(values: dict[str, int]) -> pp.ParserElement:
    import pyparsing as pp

    lowered = {w.lower(): v for w, v in values.items()}
    return pp.one_of(list(values), caseless=True, as_keyword=True).set_parse_action(
        lambda tok: lowered[tok[0].lower()]
    )


@cache
def parsers(language: str) -> tuple[pp.ParserElement, pp.ParserElement]:
    """Grammars ``(cardinal, ordinal)`` for numbers below 1000 in words; token = value."""
    import pyparsing as pp

    t = _table(language)
    units = _keywords(_values(t["units"], 1))
    teens = _keywords(_values(t["teens"], 10))
    tens = _keywords(_values(t["tens"], 20, 10))
    unit_ordinals = _keywords(_values(t["unit_ordinals"], 1))
    teen_ordinals = _keywords(_values(t["teen_ordinals"], 10))
    ten_ordinals = _keywords(_values(t["ten_ordinals"], 20, 10))
    hyphen = pp.Opt(pp.one_of(list(_HYPHENS))).suppress()
    hundred = pp.CaselessKeyword(t["hundred"]).suppress()
    hundredth = pp.CaselessKeyword(t["hundredth"]).suppress()
    joiner = pp.Opt(pp.CaselessKeyword(t["joiner"])).suppress()

    def total(tok: pp.ParseResults) -> int:
        return sum(int(x) for x in tok)

    def hundreds(tok: pp.ParseResults) -> int:
        return int(tok[0]) * 100 + sum(int(x) for x in tok[1:])

    cardinal_below_100 = (tens + hyphen + units).set_parse_action(total) | tens | teens | units
    ordinal_below_100 = (
        (tens + hyphen + unit_ordinals).set_parse_action(total)
        | ten_ordinals
        | teen_ordinals
        | unit_ordinals
    )
    cardinal = (units + hundred + pp.Opt(joiner + cardinal_below_100)).set_parse_action(
        hundreds
    ) | cardinal_below_100
    ordinal = (
        (units + hundredth).set_parse_action(hundreds)
        | (units + hundred + joiner + ordinal_below_100).set_parse_action(hundreds)
        | ordinal_below_100
    )
    return cardinal, ordinal


#: False in tests that compare the fast path with the grammar.
FAST_PATH = True
#: The grammar skips white space around a hyphen (a wrapped "Twenty-\nseventh").
_AROUND_HYPHEN = re.compile(r"\s*-\s*")


def fast_parse(text: str, language: str, *, ordinal: bool) -> int | None:
    """The value of ``text`` when it is sure without the grammar, else None: the words
    written as :func:`format_number` writes their value (any case, any white space
    between words or around the hyphen, or a space for it: all of which the grammar
    skips), read by adding the words' values, then checked by writing the value again
    (the grammar reads every such form so: ``tests/grammars/test_fast_paths.py``)."""
    key = text.strip().translate(_TO_HYPHEN).lower()
    if not key.isascii():
        return None
    key = " ".join(_AROUND_HYPHEN.sub("-", key).split())
    t = _table(language)
    values = _word_values(language)
    value = 0
    for word in key.replace("-", " ").split(" "):
        if word in (t["hundred"], t["hundredth"]):
            value *= 100
        elif word != t["joiner"]:
            if word not in values:
                return None
            value += values[word]
    if not 1 <= value <= 999:
        return None
    written = format_number(value, language, ordinal=ordinal)
    return value if key in (written, written.replace("-", " ")) else None


@cache
def _word_values(language: str) -> dict[str, int]:
    t = _table(language)
    values: dict[str, int] = {}
    for key, start, step in (
        ("units", 1, 1),
        ("unit_ordinals", 1, 1),
        ("teens", 10, 1),
        ("teen_ordinals", 10, 1),
        ("tens", 20, 10),
        ("ten_ordinals", 20, 10),
    ):
        values.update((w.lower(), v) for w, v in _values(t[key], start, step).items())
    return values


@lru_cache(maxsize=4096)
def parse(text: str, language: str, *, ordinal: bool) -> int | None:
    """The value of ``text`` (the whole string, any case), or None."""
    if FAST_PATH:
        value = fast_parse(text, language, ordinal=ordinal)
        if value is not None:
            return value
    import pyparsing as pp

    grammar = parsers(language)[1 if ordinal else 0]
    try:
        result = grammar.parse_string(text.strip(), parse_all=True)
    except pp.ParseException:
        return None
    return int(result[0])


def _below_100(n: int, t: dict[str, Any], *, ordinal: bool) -> str:
    if n < 10:
        return str(t["unit_ordinals" if ordinal else "units"][n - 1])
    if n < 20:
        return str(t["teen_ordinals" if ordinal else "teens"][n - 10])
    tens, units = divmod(n, 10)
    if not units:
        return str(t["ten_ordinals" if ordinal else "tens"][tens - 2])
    last = t["unit_ordinals" if ordinal else "units"][units - 1]
    return f"{t['tens'][tens - 2]}{t['compound_separator']}{last}"


def format_number(n: int, language: str, *, ordinal: bool) -> str:
    """``n`` (1–999) in lower-case words: 66 → "sixty-sixth" (ordinal) or "sixty-six"."""
    if not 1 <= n <= 999:
        raise ValueError(f"{n} is outside 1–999")
    t = _table(language)
    hundreds, rest = divmod(n, 100)
    if not hundreds:
        return _below_100(rest, t, ordinal=ordinal)
    head = f"{t['units'][hundreds - 1]} "
    if not rest:
        return head + str(t["hundredth"] if ordinal else t["hundred"])
    return f"{head}{t['hundred']} {t['joiner']} {_below_100(rest, t, ordinal=ordinal)}"
