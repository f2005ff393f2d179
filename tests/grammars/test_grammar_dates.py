"""Dates: every written form, wrapped forms, ranges, invalid dates, round trips."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from grammar_helpers import GAPS, filler, seed_text, separator
from hypothesis import given
from hypothesis import strategies as st

from linter.facts.grammars.dates import (
    DateMatch,
    find_dates,
    format_date,
    format_date_range,
    parse_date,
)


def only(text: str, language: str) -> DateMatch:
    found = find_dates(text, language)
    assert len(found) == 1, found
    return found[0]


# --- Chinese -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2011年12月19日",
        "2011 年 12 月 19 日",
        "2011年 12月 19日",
        "2011 年 12月 19 日",
        "2011年 12 月19日",
        "2011\u3000年\u300012\u3000月\u300019\u3000日",
    ],
)
def test_zh_spacing_variants(text: str) -> None:
    date = only(f"大会{text}题为", "zh")
    assert (date.year, date.month, date.day) == (2011, 12, 19)
    assert date.text == text and date.start == 2 and date.end == 2 + len(text)
    assert date.iso() == "2011-12-19" and date.kind == "date"


def test_zh_wrapped_over_blank_line() -> None:
    # Seed lines 181-183 (tests/grammars/data/E-RES-2012-19.zh.txt).
    text = "缔约方会议 2010 年 10 月 22\n\n日第 5/5 号决议"
    date = only(text, "zh")
    assert date.text == "2010 年 10 月 22\n\n日"
    assert text[date.start : date.end] == date.text and date.iso() == "2010-10-22"


@pytest.mark.parametrize(
    "text",
    [
        "2010\n年 5 月 21 日",
        "2010 年\n\n5 月 21 日",
        "2010 年 5\n月 21 日",
    ],
)
def test_zh_wrapped_between_any_two_tokens(text: str) -> None:
    assert only(text, "zh").iso() == "2010-05-21"


def test_zh_two_blank_lines_break_the_date() -> None:
    # Two blank lines are a paragraph break, not a wrap: only the month-year remains.
    date = only("2010 年 5 月\n\n\n21 日", "zh")
    assert date.kind == "month" and date.text == "2010 年 5 月"


def test_zh_range_same_month() -> None:
    # Seed line 152.
    date = only("政府 2011 年 10月 26 日至 28 日在莫斯科", "zh")
    assert date.text == "2011 年 10月 26 日至 28 日"
    assert (date.iso(), date.end_iso(), date.kind) == ("2011-10-26", "2011-10-28", "range")


def test_zh_ranges_across_months_and_years() -> None:
    date = only("2024年10月23日至11月2日", "zh")
    assert (date.iso(), date.end_iso()) == ("2024-10-23", "2024-11-02")
    date = only("2024 年 12 月 30 日至 2025 年 1 月 2 日", "zh")
    assert (date.iso(), date.end_iso()) == ("2024-12-30", "2025-01-02")


def test_zh_month_year() -> None:
    date = only("于 2025 年 9 月举行", "zh")
    assert date.kind == "month" and date.is_partial and date.iso() == "2025-09"
    assert date.day is None and date.as_date() is None


def test_zh_year_alone_is_not_a_date() -> None:
    # Seed line 120: the Official Records year.
    assert find_dates("《经济及社会理事会正式记录，2010 年，补编第 10 号》", "zh") == []


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("2012 年 13 月 5 日", (2012, 13, 5)),
        ("2011 年 2 月 30 日", (2011, 2, 30)),
        ("2011 年 6 月 31 日", (2011, 6, 31)),
        ("2011 年 0 月 3 日", (2011, 0, 3)),
    ],
)
def test_zh_invalid_dates_are_kept_as_written(text: str, fields: tuple[int, int, int]) -> None:
    date = only(text, "zh")
    assert (date.year, date.month, date.day) == fields
    assert not date.is_valid and date.iso() is None and date.as_date() is None


def test_zh_leap_day() -> None:
    assert only("2012 年 2 月 29 日", "zh").is_valid
    assert not only("2011 年 2 月 29 日", "zh").is_valid


# --- English -----------------------------------------------------------------------------


def test_en_wrapped_date() -> None:
    # corpus/real/en/A_RES_80_7.railcar-pymupdf-raw-v1.0.0.txt, lines 53-54.
    text = "in the annex to its resolution 1145 (XII) of 14 November \n1957, "
    date = only(text, "en")
    assert date.text == "14 November \n1957" and date.iso() == "1957-11-14"
    assert text[date.start : date.end] == date.text


def test_en_wrapped_after_day() -> None:
    # corpus/real/en/S_RES_1454_2002.cr-unsc-gold-ocr.txt, lines 18-19.
    text = "and in particular, 1447 (2002) of 4\nDecember 2002,"
    date = only(text, "en")
    assert date.text == "4\nDecember 2002" and date.iso() == "2002-12-04"


def test_en_ranges() -> None:
    # corpus/real/en/A_RES_80_7.railcar-pymupdf-raw-v1.0.0.txt, line 85.
    date = only("sixty-ninth regular session, held from 15 to 19 September 2025;2 and", "en")
    assert date.text == "from 15 to 19 September 2025"
    assert (date.iso(), date.end_iso()) == ("2025-09-15", "2025-09-19")
    for text, first, last in [
        ("15–19 September 2025", "2025-09-15", "2025-09-19"),
        ("15-19 September 2025", "2025-09-15", "2025-09-19"),
        ("4 to 6 November 2025", "2025-11-04", "2025-11-06"),
        ("23 October to 2 November 2024", "2024-10-23", "2024-11-02"),
        ("from 23 October to 2 November 2024", "2024-10-23", "2024-11-02"),
        ("30 December 2024 to 3 January 2025", "2024-12-30", "2025-01-03"),
        ("From 1 to 3 May 2020", "2020-05-01", "2020-05-03"),
    ]:
        date = only(f"held {text}, in", "en")
        assert (date.text, date.iso(), date.end_iso(), date.kind) == (text, first, last, "range")


def test_en_reversed_range_is_not_ordered() -> None:
    date = only("from 19 to 15 September 2025", "en")
    assert date.is_valid and not date.is_ordered


def test_en_us_style_and_month_year() -> None:
    assert only("on December 19, 2011, the", "en").iso() == "2011-12-19"
    date = only("in September 2025 the", "en")
    assert date.kind == "month" and date.iso() == "2025-09"


@pytest.mark.parametrize("text", ["30 February 2012", "31 June 2011", "0 March 2011"])
def test_en_invalid_dates(text: str) -> None:
    date = only(text, "en")
    assert not date.is_valid and date.iso() is None


def test_en_year_with_glued_footnote_marker() -> None:
    # corpus/real/en/A_RES_80_17.railcar-pymupdf+heuristic-clean-v1.1.0.txt, line 77:
    # "of 10 October 19904 or" is 1990 followed by footnote marker 4.
    date = only("the Secretary-General of 10 October 19904 or other", "en")
    assert date.text == "10 October 1990" and date.iso() == "1990-10-10"


@pytest.mark.parametrize(
    "text",
    [
        "2/18",
        "25-17700 (E)",
        "Decade 2024–\n203412",
        "in 2021 and 2022",
        "item 89",
        "paragraphs 4 to 6",
        "It may be 2025",
        "Mayor 2025",
        "Agenda item 8",
        "2024–2034",
        "S/RES/1454 (2002)",
        "A/RES/66/181",
    ],
)
def test_en_not_dates(text: str) -> None:
    assert find_dates(text, "en") == []


@pytest.mark.parametrize(
    "text",
    [
        "第 2225、2237、2241 和 2326 卷，第 39574 号",
        "第 46 次全体会议",
        "E/2012/30",
        "第 66/181 号决议",
        "12345678",
    ],
)
def test_zh_not_dates(text: str) -> None:
    assert find_dates(text, "zh") == []


# --- The seed ----------------------------------------------------------------------------

SEED_DATES = [
    # (text as extracted, ISO first day, ISO last day of a range)
    ("2011年 12月 19日", "2011-12-19", None),  # line 18, GA 66/181
    ("2010 年 5 月 21 日", "2010-05-21", None),  # line 48, CCPCJ 19/1
    ("2011 年 12 月 19 日", "2011-12-19", None),  # line 58, GA 66/180
    ("2010 年 5 月 21 日", "2010-05-21", None),  # line 82, CCPCJ 19/2
    ("2012年7月26日", "2012-07-26", None),  # line 92, ECOSOC 2012/18
    ("2010 年 7月 30 日", "2010-07-30", None),  # line 106, GA 64/293
    ("2010年 12月 21日", "2010-12-21", None),  # line 108, GA 65/232
    ("2011年 4月 15日", "2011-04-15", None),  # line 110, CCPCJ 20/3
    ("2011年 4月15日", "2011-04-15", None),  # line 142, CCPCJ 20/6
    ("2011 年 10月 26 日至 28 日", "2011-10-26", "2011-10-28"),  # line 152, Moscow meeting
    ("2010 年 5月 21 日", "2010-05-21", None),  # line 156, CCPCJ decision 19/1
    ("2010 年 10 月 22\n\n日", "2010-10-22", None),  # lines 181-183, COP 5/5
    ("2011 年 4月 15 日", "2011-04-15", None),  # line 266, CCPCJ 20/7
    ("2012 年 7 月 26 日", "2012-07-26", None),  # line 311, adoption
]


def test_every_seed_date_is_found() -> None:
    text = seed_text()
    found = find_dates(text, "zh")
    assert [(d.text, d.iso(), d.end_iso()) for d in found] == SEED_DATES
    for date in found:
        assert text[date.start : date.end] == date.text and date.is_valid


# --- parse_date and format_date ----------------------------------------------------------


def test_parse_date_whole_string_only() -> None:
    assert parse_date("19 December 2011", "en") is not None
    assert parse_date("  19 December 2011\n", "en") is not None
    assert parse_date("19 December 2011 and", "en") is None
    assert parse_date("on 19 December 2011", "en") is None
    date = parse_date("2011 年 10 月 26 日至 28 日", "zh")
    assert date is not None and date.end_iso() == "2011-10-28"


def test_format_date_styles() -> None:
    assert format_date(2011, 12, 19, "zh") == "2011 年 12 月 19 日"
    assert format_date(2011, 12, 19, "zh", "compact") == "2011年12月19日"
    assert format_date(2011, 12, 19, "zh", "mixed") == "2011年 12月 19日"
    assert format_date(2011, 12, 19, "en") == "19 December 2011"
    assert format_date(2011, 12, 19, "en", "us") == "December 19, 2011"
    assert format_date(2025, 9, None, "en") == "September 2025"
    assert format_date(2025, 9, None, "zh") == "2025 年 9 月"
    assert format_date_range((2025, 9, 15), (2025, 9, 19), "en", "from") == (
        "from 15 to 19 September 2025"
    )
    with pytest.raises(ValueError, match="no date style"):
        format_date(2011, 12, 19, "en", "baroque")


# --- Round trips -------------------------------------------------------------------------

STYLES = {"zh": ["spaced", "compact", "mixed"], "en": ["standard", "from", "us"]}
days = st.dates(min_value=dt.date(1946, 1, 1), max_value=dt.date(2099, 12, 31))


def wrap(text: str, language: str, gaps: list[str]) -> str:
    """Re-wrap a formatted date: each gap (or, in Chinese, each token boundary) gets a gap."""
    # Chinese wraps at any token boundary, English at its spaces.
    chinese = language == "zh"
    pieces = re.findall(r"\d+|\D", text.replace(" ", "")) if chinese else text.split(" ")
    out = pieces[0]
    for i, piece in enumerate(pieces[1:]):
        out += gaps[i % len(gaps)] + piece
    return out


@given(language=st.sampled_from(["zh", "en"]), day=days, data=st.data())
def test_round_trip_single(language: str, day: dt.date, data: st.DataObject) -> None:
    style = data.draw(st.sampled_from(STYLES[language]))
    text = format_date(day.year, day.month, day.day, language, style)
    if data.draw(st.booleans()):
        gaps = data.draw(
            st.lists(
                st.sampled_from(GAPS if language == "zh" else GAPS[:5]), min_size=1, max_size=8
            )
        )
        text = wrap(text, language, gaps)
    before = data.draw(filler(language)) + data.draw(separator())
    after = data.draw(separator()) + data.draw(filler(language))
    found = find_dates(before + text + after, language)
    assert len(found) == 1
    date = found[0]
    assert (date.start, date.end, date.text) == (len(before), len(before) + len(text), text)
    assert date.as_date() == day and date.kind == "date"
    assert parse_date(text, language) == DateMatch(
        0, len(text), text, day.year, day.month, day.day, language=language
    )


@given(
    language=st.sampled_from(["zh", "en"]), first=days, length=st.integers(1, 90), data=st.data()
)
def test_round_trip_range(language: str, first: dt.date, length: int, data: st.DataObject) -> None:
    last = first + dt.timedelta(days=length)
    style = data.draw(st.sampled_from(STYLES[language]))
    text = format_date_range(
        (first.year, first.month, first.day), (last.year, last.month, last.day), language, style
    )
    before = data.draw(filler(language)) + data.draw(separator())
    after = data.draw(separator()) + data.draw(filler(language))
    found = find_dates(before + text + after, language)
    assert len(found) == 1
    date = found[0]
    assert (date.start, date.text) == (len(before), text)
    assert (date.as_date(), date.end_as_date(), date.kind) == (first, last, "range")


@given(language=st.sampled_from(["zh", "en"]), day=days, data=st.data())
def test_round_trip_month_year(language: str, day: dt.date, data: st.DataObject) -> None:
    text = format_date(
        day.year, day.month, None, language, data.draw(st.sampled_from(STYLES[language]))
    )
    before = data.draw(filler(language)) + data.draw(separator())
    found = find_dates(before + text + "。" if language == "zh" else before + text + ".", language)
    assert [(d.start, d.text, d.year, d.month, d.day) for d in found] == [
        (len(before), text, day.year, day.month, None)
    ]
