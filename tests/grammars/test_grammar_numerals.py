"""Chinese numerals, English number words and session ordinals."""

from __future__ import annotations

import pytest
from grammar_helpers import filler, seed_text
from hypothesis import given
from hypothesis import strategies as st

from linter.facts.grammars.numerals import (
    find_session_numerals,
    parse_cardinal_words,
    parse_chinese_numeral,
    parse_ordinal_words,
    to_cardinal_words,
    to_chinese_numeral,
    to_ordinal_words,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("二十二", 22),
        ("六十六", 66),
        ("一百零五", 105),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("一百一十", 110),
        ("一百十", 110),
        ("二千零一十", 2010),
        ("两千", 2000),
        ("零", 0),
        ("二〇一二", 2012),
        ("一万零一十", 10010),
        ("八十", 80),
    ],
)
def test_parse_chinese_numeral(text: str, value: int) -> None:
    assert parse_chinese_numeral(text) == value


@pytest.mark.parametrize("text", ["", "十十", "百", "二十二a", "22", "第二十二"])
def test_not_chinese_numerals(text: str) -> None:
    assert parse_chinese_numeral(text) is None


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (10, "十"),
        (12, "十二"),
        (22, "二十二"),
        (105, "一百零五"),
        (110, "一百一十"),
        (1005, "一千零五"),
        (2010, "二千零一十"),
        (0, "零"),
    ],
)
def test_to_chinese_numeral(value: int, text: str) -> None:
    assert to_chinese_numeral(value) == text


@given(st.integers(0, 99_999_999))
def test_chinese_round_trip(n: int) -> None:
    assert parse_chinese_numeral(to_chinese_numeral(n)) == n


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sixty-sixth", 66),
        ("eightieth", 80),
        ("twenty-sixth", 26),
        ("Fifteenth", 15),
        ("sixty sixth", 66),
        ("SIXTY-SIXTH", 66),
        ("first", 1),
        ("Twelfth", 12),
        ("one hundredth", 100),
        ("one hundred and first", 101),
        ("sixty\u2011ninth", 69),
    ],
)
def test_parse_ordinal_words(text: str, value: int) -> None:
    assert parse_ordinal_words(text) == value


@pytest.mark.parametrize("text", ["sixty", "sixty-six", "firsts", "twenty-tenth", "", "66th"])
def test_not_ordinal_words(text: str) -> None:
    assert parse_ordinal_words(text) is None


def test_cardinal_words() -> None:
    assert parse_cardinal_words("sixty-six") == 66
    assert parse_cardinal_words("one hundred and five") == 105
    assert to_cardinal_words(66) == "sixty-six"


@given(st.integers(1, 999))
def test_words_round_trip(n: int) -> None:
    assert parse_ordinal_words(to_ordinal_words(n)) == n
    assert parse_ordinal_words(to_ordinal_words(n, capitalize=True)) == n
    assert parse_cardinal_words(to_cardinal_words(n)) == n


def test_to_ordinal_words_style() -> None:
    assert to_ordinal_words(66, capitalize=True) == "Sixty-sixth"
    assert to_ordinal_words(80) == "eightieth"


def test_seed_session_numerals() -> None:
    found = find_session_numerals(seed_text(), "zh")
    assert [(n.text, n.value, n.kind, n.form) for n in found] == [
        ("第十二届", 12, "edition", "words"),  # line 68, the Twelfth Congress
        ("第六届会议", 6, "session", "words"),  # line 191
        ("第二十二届\n\n会议", 22, "session", "words"),  # lines 216-218, wrapped
        ("第二届会议", 2, "session", "words"),  # line 270
        ("第二十二届会议", 22, "session", "words"),  # line 305
    ]
    text = seed_text()
    for n in found:
        assert text[n.start : n.end] == n.text
        assert parse_chinese_numeral(text[n.value_start : n.value_end]) == n.value


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        # corpus/real/en/A_RES_80_7.railcar-pymupdf-raw-v1.0.0.txt, line 84.
        ("at its sixty-ninth regular session, held", 69, "session"),
        # A_RES_80_7 header: "Eightieth session".
        ("Eightieth session\nAgenda item 89", 80, "session"),
        # A_RES_80_13, line 63: Official Records.
        ("General Assembly, Eightieth Session, Supplement", 80, "session"),
        ("Official Records of the General Assembly, Sixty-sixth Session,", 66, "session"),
        # A_RES_80_18, line 63.
        ("General Assembly, Twelfth Special Session, Supplement No. 2", 12, "special_session"),
        # S_RES_0143_1960, line 34.
        ("Official Records of the Security Council, Fifteenth Year, 873rd", 15, "year"),
        ("its tenth emergency special session", 10, "emergency_special_session"),
        ("at its 66th session", 66, "session"),
        ("the sixty-\nsixth session", 66, "session"),
    ],
)
def test_en_session_numerals(text: str, value: int, kind: str) -> None:
    [n] = find_session_numerals(text, "en")
    assert (n.value, n.kind) == (value, kind)
    assert text[n.start : n.end] == n.text


def test_zh_session_numerals_forms() -> None:
    text = "第 66 届会议、第六十六届会议、第十二届特别会议、第十五年、第六十\n六届会议"
    found = find_session_numerals(text, "zh")
    assert [(n.value, n.kind, n.form) for n in found] == [
        (66, "session", "figures"),
        (66, "session", "words"),
        (12, "special_session", "words"),
        (15, "year", "words"),
        (66, "session", "words"),
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("the first substantive session", "en"),
        ("sixty member States", "en"),
        ("Session 2025", "en"),
        ("第 46 次全体会议", "zh"),
        ("第一章", "zh"),
        ("2010 年", "zh"),
    ],
)
def test_not_session_numerals(text: str, language: str) -> None:
    assert find_session_numerals(text, language) == []


@given(
    n=st.integers(1, 199),
    capitalize=st.booleans(),
    noun=st.sampled_from(["session", "Session", "special session", "Special Session"]),
    data=st.data(),
)
def test_session_round_trip_en(n: int, capitalize: bool, noun: str, data: st.DataObject) -> None:
    words = to_ordinal_words(n, capitalize=capitalize)
    before = data.draw(filler("en")) + " "
    [found] = find_session_numerals(f"{before}{words} {noun}, {data.draw(filler('en'))}", "en")
    assert (found.start, found.value_end, found.value) == (len(before), len(before) + len(words), n)
    assert found.kind == ("special_session" if "pecial" in noun else "session")


@given(n=st.integers(1, 199), data=st.data())
def test_session_round_trip_zh(n: int, data: st.DataObject) -> None:
    text = f"第{to_chinese_numeral(n)}届会议"
    before = data.draw(filler("zh"))
    [found] = find_session_numerals(before + text + data.draw(filler("zh")), "zh")
    assert (found.start, found.text, found.value) == (len(before), text, n)
