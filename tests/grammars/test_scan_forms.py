"""The scans written for speed find what their plain forms find.

Python's regular expressions skip fast only to a character of a leading class or literal;
a pattern that opens with a look-behind, or an alternation under IGNORECASE, is tried at
every position. Some scans are therefore written differently from how one would state
them (:func:`~linter.facts.grammars._template.initial_scan`, a look-ahead of the first
characters from :func:`~linter.facts.grammars._template.scan_pattern`, one match for the
last punctuation of a stretch). Each is held here to its plain form on texts built from
the words it looks for, mixed with letters that fold to others ("ſ", "K", "ı", "İ").
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.facts.grammars import _data, acts, numerals
from linter.facts.grammars._template import NO_LETTER_AFTER, NO_LETTER_BEFORE, SP, plain_first
from linter.facts.grammars.act_numbers import acts_table, words_regex

LANGUAGES = ["en", "zh", "fr", "es", "ru", "ar"]
FOLDS = ["ſ", "K", "ı", "İ", "S", "s", "Y", "y", "R", "D", "-", ",", ".", "(", " ", "\n", "1"]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@st.composite
def _text(draw: st.DrawFn, words: list[str]) -> str:
    """Words of the scan in random case, cut or glued, among folding letters."""
    piece = st.one_of(
        st.sampled_from(words).map(lambda w: w),
        st.sampled_from(words).map(str.upper),
        st.sampled_from(words).map(str.title),
        st.sampled_from(words).map(lambda w: w[1:]),
        st.sampled_from(FOLDS),
        st.text(max_size=3),
    )
    return "".join(draw(st.lists(piece, max_size=10)))


def _ordinal_words(language: str) -> list[str]:
    table = _data.numerals(language)
    words = [*table.get("session_keywords", [])]
    words += [
        w for key in ("units", "tens", "unit_ordinals") for w in table.get("words", {}).get(key, [])
    ]
    words += list(table.get("table", {}).get("ordinals", {}))[:40]
    words += ["第", "届", "会议", "sixty-sixth", "Eightieth", "session", "第六十六", "66th"]
    return words


@pytest.mark.parametrize("language", LANGUAGES)
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_session_keywords_scan_is_the_plain_one(language: str, data: st.DataObject) -> None:
    words = _data.numerals(language).get("session_keywords", [])
    plain = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    text = data.draw(_text(words))
    assert _spans(numerals._session_prefilter(language), text) == _spans(plain, text), text


@pytest.mark.parametrize("language", LANGUAGES)
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_session_windows_and_scan_are_the_plain_ones(language: str, data: st.DataObject) -> None:
    words = _ordinal_words(language)
    keywords = [*_data.numerals(language).get("session_keywords", []), "special session"]
    phrase = st.tuples(
        st.sampled_from(words), st.sampled_from(["", " ", "\n"]), st.sampled_from(keywords)
    )
    text = "".join(data.draw(st.lists(st.one_of(phrase.map("".join), _text(words)), max_size=4)))
    windows = numerals._windows(text, language)
    covered = 0
    prefilter = numerals._session_prefilter(language)
    expected = []
    for keyword in prefilter.finditer(text):  # the loop over every mark it replaced
        if keyword.start() < covered:
            continue
        lo = max(0, keyword.start() - numerals._REACH)
        for mark in numerals._PUNCTUATION.finditer(text, lo, keyword.start()):
            lo = mark.end()
        lo = max(lo, covered)
        stop = numerals._PUNCTUATION.search(text, keyword.end(), keyword.end() + numerals._REACH)
        hi = stop.start() if stop is not None else min(len(text), keyword.end() + numerals._REACH)
        expected.append((lo, hi))
        covered = hi
    assert windows == expected, text
    scanner = numerals._session_scanner(language)[0]
    plain = (
        re.compile(scanner.pattern.split(")(?:", 1)[1][:-1])
        if scanner.pattern.startswith("(?=")
        else scanner
    )
    for lo, hi in [(0, len(text)), *windows]:
        found = [m.groupdict() | {"": m.span()} for m in scanner.finditer(text, lo, hi)]
        assert found == [m.groupdict() | {"": m.span()} for m in plain.finditer(text, lo, hi)]


@pytest.mark.parametrize("language", LANGUAGES)
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_act_noun_scan_is_the_plain_one(language: str, data: st.DataObject) -> None:
    nouns = list(acts_table(language)["nouns"])
    plain = re.compile(rf"{NO_LETTER_BEFORE}(?i:{words_regex(nouns, False)}){NO_LETTER_AFTER}{SP}")
    text = data.draw(_text([f"{n} " for n in nouns] + [f"x{n}\n" for n in nouns]))
    fast = acts._noun_before_scanners(language)[0]
    assert _spans(fast, text) == _spans(plain, text), text
    assert _spans(fast, text[1:]) == _spans(plain, text[1:]), text


def test_plain_first_reads_only_plain_openings() -> None:
    assert plain_first("第(?:a|b)") == "第"
    assert plain_first(r"ab[|]\|c") == "a"
    for pattern in ["第a|b", "a[]|]b", "a*", "a{0,2}", "(ab)", "[ab]", "_a", "", r"\d"]:
        assert plain_first(pattern) is None, pattern


_SYMBOL_PIECES = st.sampled_from(
    ["A", "S", "RES", "A/RES/66/181", "S/2024/12", "E/CN.4/2005/L.10", "/", "-", ".", ")",
     "(2016)", "Add.1", " and ", "Corr.2", "a", "_", "1", "x-", "ST/SGB", " ", "A.", "(XV)"]
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(text=st.lists(_SYMBOL_PIECES, max_size=10).map("".join))
def test_symbol_scan_is_the_plain_one(text: str) -> None:
    from linter.facts.grammars import symbols

    comp = symbols._component()
    joiner = rf"\s*(?:{symbols._words('joiners')})\s*"
    plain = re.compile(
        rf"{symbols.NOT_AFTER}(?P<symbol>{symbols._ALPHA}(?:/{comp})+){symbols._NOT_BEFORE}"
        rf"(?P<paren>[ \u00a0]?[(（](?:\d{{4}}|{symbols._ROMAN})[)）])?"
        rf"(?P<more>{joiner}(?:{symbols._words('suffixes')})\.\d{{1,3}}"
        rf"(?:{joiner}\d{{1,3}}{symbols._NOT_BEFORE})*)?"
    )
    fast = symbols._scanner()
    assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [
        (m.span(), m.groups()) for m in plain.finditer(text)
    ]
