"""The fast paths read what the grammars read.

Dates and act numbers are read from the named groups of the scan's own regular
expression (generated from the same templates and building blocks as the pyparsing
grammars) instead of being parsed again by pyparsing. The grammars stay the reference:
on texts generated from every template of every language, in every spacing and
wrapping, with valid and impossible values, both paths must give the same answers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.facts.grammars import _data, act_numbers, dates
from linter.facts.grammars.act_numbers import _fast_fields, _grammar_fields, parse_act_number
from linter.facts.grammars.dates import DateMatch
from linter.source.lexicon import lexicon

LANGUAGES = ["en", "zh", "fr", "es", "ru", "ar"]
GAPS = [" ", "  ", "\n", " \n ", "\u00a0", "\u3000", "\n\n", "\t", " \n\n "]
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_SLOT = re.compile(r"\{([^{}]+)\}|<([^<>]*)>| +")


def _templates(language: str) -> list[str]:
    table = _data.numerals(language)["dates"]
    return [t for section in ("ranges", "single", "partial") for t in table.get(section, [])]


@st.composite
def _number(draw: st.DrawFn, language: str, digits: int) -> str:
    if digits == 4:
        value = str(draw(st.sampled_from([1946, 1966, 1999, 2011, 2012, 2025, 999, 2100])))
    else:
        value = str(draw(st.integers(0, 40 if digits == 2 else 120)))
    if language == "ar" and draw(st.booleans()):
        value = value.translate(ARABIC_INDIC)
    if language == "zh" and draw(st.integers(0, 3)) == 0:
        value = draw(st.sampled_from(["十一", "二十九", "三十一", "一九六六", "二〇一一", "十三"]))
    return value


@st.composite
def date_text(draw: st.DrawFn, language: str) -> str:
    """A text holding a date written from one of the language's templates."""
    template = draw(st.sampled_from(_templates(language)))
    units = lexicon(language).extra.get("date_units", {})
    months = list(lexicon(language).months)
    by_name = _data.numerals(language)["dates"]["month"] != "number"
    out, at = [], 0
    for match in _SLOT.finditer(template):
        out.append(template[at : match.start()])
        at = match.end()
        slot, choices = match.group(1), match.group(2)
        if slot is not None:
            name = slot.split(".")[-1]
            if slot.startswith("unit."):
                out.append(units[name])
            elif name.startswith("month") and by_name:
                out.append(draw(st.sampled_from(months)))
            else:
                out.append(draw(_number(language, 4 if name.startswith("year") else 2)))
        elif choices is not None:
            out.append(draw(st.sampled_from(choices.split("|"))))
        else:
            out.append(draw(st.sampled_from(GAPS)))
        if draw(st.integers(0, 4)) == 0:  # a gap where the template has none
            out.append(draw(st.sampled_from(["", " ", "\n"])))
    out.append(template[at:])
    prefix = draw(st.sampled_from(["", "adopted on ", "du ", "2011 ", "(", "第"]))
    suffix = draw(st.sampled_from(["", ".", " and ", ")", "的第 66/181 号决议"]))
    return prefix + "".join(out) + suffix


@contextmanager
def grammar_only(module: Any) -> Iterator[None]:
    """The module reads with its pyparsing grammar only, for the block."""
    module.FAST_PATH = False
    try:
        yield
    finally:
        module.FAST_PATH = True


def _both(text: str, language: str) -> tuple[list[DateMatch], list[DateMatch]]:
    fast = dates.find_dates(text, language)
    with grammar_only(dates):
        reference = dates.find_dates(text, language)
    return fast, reference


@pytest.mark.parametrize("language", LANGUAGES)
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_dates_fast_path_agrees_with_the_grammar(language: str, data: st.DataObject) -> None:
    text = data.draw(date_text(language))
    fast, reference = _both(text, language)
    assert fast == reference, text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("19 December 2011", "en"),
        ("from 30 November to 2 December 2011", "en"),
        ("2010 年 10 月 22\n\n日第 5/5 号决议", "zh"),
        ("一九六六年十一月二十九日", "zh"),
        ("1er janvier 2012", "fr"),
        ("19 de diciembre de 2011", "es"),
        ("19 декабря 2011 года", "ru"),
        ("١٨ كانون الأول/ديسمبر ٢٠٠٩", "ar"),
        ("30 February 2012", "en"),
    ],
)
def test_dates_fast_path_on_written_examples(text: str, language: str) -> None:
    fast, reference = _both(text, language)
    assert fast and fast == reference


ROMAN = ["XXI", "S-VI", "ES-X", "IV", "XVII"]


@st.composite
def act_text(draw: st.DrawFn) -> str:
    space = draw(st.sampled_from(["", " ", "\u00a0", "  "]))
    number = str(draw(st.integers(0, 12000)))
    part = draw(st.sampled_from(["", "A", "B", "A to D", "A and B", "a", "AB"]))
    parts = f"{space}{part}" if part else ""
    shape = draw(st.integers(0, 3))
    if shape == 0:
        first = draw(st.sampled_from(["", "S-", "ES-"])) + str(draw(st.integers(0, 2030)))
        return f"{first}/{number}{parts}"
    if shape == 1:
        return (
            f"{number}{space}{draw(st.sampled_from(['(', '（']))}{draw(st.integers(1900, 2030))})"
        )
    if shape == 2:
        return f"{number}{parts}{space}({draw(st.sampled_from(ROMAN))})"
    return draw(st.text(alphabet="0123456789/() ASXIV-to", max_size=16))


@pytest.mark.parametrize("language", LANGUAGES)
@settings(max_examples=300, deadline=None)
@given(text=act_text())
def test_act_numbers_fast_path_agrees_with_the_grammar(language: str, text: str) -> None:
    fast = _fast_fields(text.strip(), language)
    if fast is not None:  # where the scan pattern takes the text, the grammar must agree
        assert fast == _grammar_fields(text.strip(), language), text
    parse = parse_act_number.__wrapped__
    with grammar_only(act_numbers):
        reference = parse(text, language)
    assert parse(text, language) == reference, text


def test_the_fast_paths_take_the_common_forms() -> None:
    """The fast path is not a fallback that never runs: it reads the usual forms."""
    for text in [
        "66/181",
        "S-27/2",
        "ES-10/19",
        "1454 (2002)",
        "2200 A (XXI)",
        "3419 A to D (XXI)",
    ]:
        assert _fast_fields(text, "en") is not None, text


def _scan(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> list[Any]:
    return [(m.span(), m.lastgroup, m.groupdict()) for m in pattern.finditer(text, lo, hi)]


@st.composite
def _scan_text(draw: st.DrawFn, language: str) -> str:
    """Dates among pieces that begin like one (figures, month names, from/du, 年) or not."""
    months = list(lexicon(language).months)
    noise = st.text(alphabet="0123456789 \n-–年月日一十二九FfDdSsJjMmАсمن.,()ſKk", max_size=12)
    pieces = st.one_of(date_text(language), noise, st.sampled_from([*months, "from ", "du "]))
    return "".join(draw(st.lists(pieces, max_size=6)))


@pytest.mark.parametrize("language", LANGUAGES)
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_dates_scan_look_ahead_keeps_every_match(language: str, data: st.DataObject) -> None:
    """The scan tries its templates only where one can begin (a look-ahead built from the
    templates' first tokens); it finds what the plain alternation finds, in every window."""
    scanner = dates._scanner(language)
    plain = re.compile("|".join(scanner.branches))
    assert scanner.regex.pattern != plain.pattern  # every language's templates say
    text = data.draw(_scan_text(language))
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    assert _scan(scanner.regex, text, lo, hi) == _scan(plain, text, lo, hi), text
