"""The fast paths read what the grammars read.

Dates, act numbers and Official Records citations are read from the named groups of the
scan's own regular expression (generated from the same templates and building blocks as
the pyparsing grammars) instead of being parsed again by pyparsing; symbols by following
the symbol grammar's steps with its own regular expressions; numbers in words and
Chinese numerals by their place values, checked by writing the value again. The
grammars stay the reference: on texts generated from every template of every language,
in every spacing and wrapping, with valid and impossible values, and on the corpus, both
paths must give the same answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.facts.grammars import (
    _chinese_numerals,
    _data,
    _word_numerals,
    act_numbers,
    dates,
    records,
    symbols,
)
from linter.facts.grammars._table_numerals import _forms as _table_forms
from linter.facts.grammars.act_numbers import _fast_fields, _grammar_fields, parse_act_number
from linter.facts.grammars.dates import DateMatch
from linter.facts.grammars.numerals import to_chinese_numeral, to_ordinal_words
from linter.source.lexicon import lexicon
from linter.source.text import Source

LANGUAGES = ["en", "zh", "fr", "es", "ru", "ar"]
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
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


def _fast_and_grammar(module: Any, read: Callable[..., Any], *args: Any) -> tuple[Any, Any]:
    """What ``read`` gives with the module's fast path, and with its grammar only."""
    fast = read(*args)
    with grammar_only(module):
        return fast, read(*args)


def _both(text: str, language: str) -> tuple[list[DateMatch], list[DateMatch]]:
    return _fast_and_grammar(dates, dates.find_dates, text, language)


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
    fast, reference = _fast_and_grammar(act_numbers, parse_act_number.__wrapped__, text, language)
    assert fast == reference, text


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


#: No tab: pyparsing expands tabs before parsing (``parse_string`` without
#: ``parse_with_tabs``), so the grammar's spans of a citation with a tab inside are off
#: (or out of the text: an IndexError); the fast path's spans are right there.
RECORDS_GAPS = [gap for gap in GAPS if "\t" not in gap]


def _ordinal_words(language: str, value: int) -> list[str]:
    """Ways a text writes the ordinal ``value`` in words: canonical, and as extraction
    leaves it (other case, a wrap at the hyphen, a space for the hyphen)."""
    if language == "zh":
        return [to_chinese_numeral(value), to_chinese_numeral(value).replace("十", "十 ", 1)]
    if language == "en":
        words = to_ordinal_words(value, capitalize=True)
        return [
            words,
            words.lower(),
            words.upper(),
            words.replace("-", "-\n"),
            words.replace("-", " "),
            words.replace("-", " - "),
            words.replace(" ", "  "),
            words.replace("-", "\u2011"),
            words.replace(" ", "-", 1),
        ]
    forms = [form for form, number in _table_forms(language, "ordinals").items() if number == value]
    return forms or [str(value)]


@st.composite
def records_text(draw: st.DrawFn, language: str) -> str:
    """A text holding an Official Records citation written from one of the templates."""
    table = _data.numerals(language)["records"]
    template = draw(st.sampled_from(table["templates"]))
    period = draw(st.sampled_from(table["periods"]))["template"]
    template = template.replace("{period}", period)
    units = lexicon(language).extra.get("date_units", {})
    out, at = [], 0
    for match in _SLOT.finditer(template):
        out.append(template[at : match.start()])
        at = match.end()
        slot, choices = match.group(1), match.group(2)
        if slot == "body":
            out.append(draw(st.sampled_from(list(records._body_titles(language)))))
        elif slot == "ordinal":
            value = draw(st.sampled_from([1, 5, 12, 21, 27, 33, 47, 66, 80, 100, 106, 166]))
            figures = [str(value), f"{value}th", f"{value}e", f"{value} th", f"{value}-й"]
            out.append(draw(st.sampled_from(_ordinal_words(language, value) + figures)))
        elif slot == "year":
            out.append(str(draw(st.sampled_from([1960, 2010, 2011, 999]))))
        elif slot == "supplement":
            out.append(str(draw(st.sampled_from([1, 10, 25, 255, 1234]))))
        elif slot == "symbols":
            out.append(
                draw(
                    st.sampled_from(
                        [
                            "A/66/25",
                            "E/2010/30",
                            "A/66/25 and A/66/26",
                            "A/66/25 (Part I)",
                            "S/2011/1, A/65/25",
                            "A/47/27 和 A/47/28",
                        ]
                    )
                )
            )
        elif slot is not None:
            out.append(units.get(slot.split(".")[-1], ""))
        elif choices is not None:
            out.append(draw(st.sampled_from(choices.split("|"))))
        else:
            out.append(draw(st.sampled_from(RECORDS_GAPS)))
        if draw(st.integers(0, 5)) == 0:  # a gap where the template has none
            out.append(draw(st.sampled_from(["", " ", "\n"])))
    out.append(template[at:])
    prefix = draw(st.sampled_from(["", "See ", "见", "(", "3 "]))
    suffix = draw(st.sampled_from(["", ".", ", para. 76.", ")", "。"]))
    return prefix + "".join(out) + suffix


def _records_both(text: str, language: str) -> tuple[list[Any], list[Any]]:
    return _fast_and_grammar(records, records.find_official_records, text, language)


@pytest.mark.parametrize("language", LANGUAGES)
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_records_fast_path_agrees_with_the_grammar(language: str, data: st.DataObject) -> None:
    text = data.draw(records_text(language))
    fast, reference = _records_both(text, language)
    assert fast == reference, text


def _grammar_value(module: Any, *args: Any, **kwargs: Any) -> Any:
    with grammar_only(module):
        return module.parse.__wrapped__(*args, **kwargs)


@pytest.mark.parametrize("ordinal", [True, False])
def test_number_words_fast_path_reads_every_form_as_the_grammar(ordinal: bool) -> None:
    for value in range(1, 1000):
        written = _word_numerals.format_number(value, "en", ordinal=ordinal)
        for form in {
            written,
            written.upper(),
            written.capitalize(),
            written.replace("-", " "),
            written.replace("-", "-\n"),
            written.replace("-", "\u2011"),
            f" {written.replace(' ', '  ')} ",
        }:
            assert _word_numerals.fast_parse(form, "en", ordinal=ordinal) == value, form
            assert _grammar_value(_word_numerals, form, "en", ordinal=ordinal) == value, form


_WORDS = [
    "one",
    "two",
    "six",
    "ten",
    "twelve",
    "twenty",
    "sixty",
    "first",
    "sixth",
    "twelfth",
    "sixtieth",
    "hundred",
    "hundredth",
    "and",
    "-",
    " ",
    "\n",
    "x",
    "Six",
]


@settings(max_examples=2000, deadline=None)
@given(words=st.lists(st.sampled_from(_WORDS), max_size=7), ordinal=st.booleans())
def test_number_words_fast_path_never_disagrees(words: list[str], ordinal: bool) -> None:
    text = " ".join(words) if len(words) % 2 else "".join(words)
    fast = _word_numerals.fast_parse(text, "en", ordinal=ordinal)
    if fast is not None:
        assert fast == _grammar_value(_word_numerals, text, "en", ordinal=ordinal), text


def test_chinese_numerals_fast_path_reads_every_canonical_form_as_the_grammar() -> None:
    for value in [*range(0, 12000), 20000, 99999, 100001, 1234567, 99999999]:
        written = to_chinese_numeral(value)
        assert _chinese_numerals.fast_parse(written, "zh") == value, written
        assert _grammar_value(_chinese_numerals, written, "zh") == value, written


_CHINESE = list("零〇○一二三四五六七八九十百千万萬两 ")


@settings(max_examples=3000, deadline=None)
@given(text=st.text(alphabet=_CHINESE, min_size=1, max_size=8))
def test_chinese_numerals_fast_path_never_disagrees(text: str) -> None:
    fast = _chinese_numerals.fast_parse(text, "zh")
    if fast is not None:
        assert fast == _grammar_value(_chinese_numerals, text, "zh"), text


_COMPONENTS = [
    "A",
    "E",
    "S",
    "RES",
    "HRC",
    "CN.15",
    "C.3",
    "L.5",
    "L",
    "Rev.1",
    "Corr.1",
    "Add.2",
    "PV.89",
    "66",
    "2012",
    "S-27",
    "ES-10",
    "181",
    "66181",
    "PRST",
    "GC",
    "(69)",
    "",
    "a",
    "12A",
    "INF.3",
    "WP.1",
    "1/",
]


@st.composite
def symbol_text(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.sampled_from(_COMPONENTS), min_size=1, max_size=6))
    text = draw(st.sampled_from(["/", "/", "/", "//", " /"])).join(parts)
    tail = draw(st.sampled_from(["", "", " (2016)", "(XV)", "\u00a0(ES-X)", "（2011）", " x"]))
    return draw(st.sampled_from(["", " ", "A/"])) + text + tail


@settings(max_examples=3000, deadline=None)
@given(text=symbol_text())
def test_symbols_fast_path_agrees_with_the_grammar(text: str) -> None:
    fast, reference = _fast_and_grammar(symbols, symbols.parse_symbol.__wrapped__, text)
    assert fast == reference, text


def test_symbols_fast_path_on_the_corpus() -> None:
    texts = {
        match.group("symbol")
        for path in sorted(CORPUS.rglob("*.txt"))
        for match in symbols._scanner().finditer(path.read_text("utf-8", errors="replace"))
    }
    assert len(texts) > 100
    for text in texts:
        fast, reference = _fast_and_grammar(symbols, symbols.parse_symbol.__wrapped__, text)
        assert fast == reference, text


def test_records_fast_path_on_the_corpus() -> None:
    """Every citation of the corpus: read alike, and mostly without pyparsing."""
    fast_reads = 0
    for path in sorted(CORPUS.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        language = Source.from_text(text, path=str(path)).language
        if language not in LANGUAGES:
            continue
        fast, reference = _records_both(text, language)
        assert fast == reference, path
        for match in records._scanner(language).finditer(text):
            index = int((match.lastgroup or "t0")[1:])
            fast_reads += records._fast(match, language, index) is not None
    assert fast_reads >= 100
