"""Round trips the D rules rely on: write a random valid citation in each style, read it back.

Dates, symbols, act numbers and session ordinals have their own round trips in the other
grammar test modules; here: Official Records citations, cited acts with their dates (both
word orders), old General Assembly numbering, numbers in words beside figures, and the
spans the scans give (no white space, nothing cut off by the keyword windows).
"""

from __future__ import annotations

import datetime as dt

import pytest
from grammar_helpers import filler
from hypothesis import given
from hypothesis import strategies as st

from linter.facts.grammars.acts import find_resolution_numbers, parse_act_number
from linter.facts.grammars.dates import find_dates, format_date
from linter.facts.grammars.numerals import (
    find_session_numerals,
    find_words_with_figures,
    to_cardinal_words,
    to_chinese_numeral,
    to_ordinal_words,
)
from linter.facts.grammars.records import find_official_records

days = st.dates(min_value=dt.date(1946, 1, 1), max_value=dt.date(2099, 12, 31))
ZH_STYLES = ["spaced", "compact", "mixed"]
ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


# --- Official Records -------------------------------------------------------------------


@given(
    session=st.integers(1, 99),
    supplement=st.integers(1, 60),
    special=st.booleans(),
    gap=st.sampled_from([" ", "\n", " \n"]),
    data=st.data(),
)
def test_records_ga_en(
    session: int, supplement: int, special: bool, gap: str, data: st.DataObject
) -> None:
    ordinal = to_ordinal_words(session, capitalize=True)
    period = f"{ordinal} Special Session" if special else f"{ordinal} Session"
    symbol = f"A/{'S-' if special else ''}{session}/{supplement}"
    before = data.draw(filler("en")) + " "
    text = (
        f"{before}Official Records of the General Assembly,{gap}{period}, Supplement No. "
        f"{supplement} ({symbol}), para. 3."
    )
    [record] = find_official_records(text, "en")
    assert (record.body_id, record.period_value, record.supplement) == ("ga", session, supplement)
    assert record.period_kind == ("special_session" if special else "session")
    assert text[record.period_span[0] : record.period_span[1]] == period
    assert [s.text for s in record.symbols] == [symbol]
    assert record.disagreeing_symbols() == ()


@given(session=st.integers(1, 99), supplement=st.integers(1, 60), data=st.data())
def test_records_ga_zh(session: int, supplement: int, data: st.DataObject) -> None:
    period = f"第{to_chinese_numeral(session)}届会议"
    symbol = f"A/{session}/{supplement}"
    before = data.draw(filler("zh")) + "见"
    text = f"{before}《大会正式记录，{period}，补编第 {supplement} 号》({symbol})。"
    [record] = find_official_records(text, "zh")
    assert (record.body_id, record.session, record.supplement) == ("ga", session, supplement)
    assert text[record.period_span[0] : record.period_span[1]] == period
    assert record.disagreeing_symbols() == ()


@given(
    year=st.integers(1978, 2099),
    other=st.integers(1978, 2099),
    language=st.sampled_from(["en", "zh"]),
)
def test_records_ecosoc_year(year: int, other: int, language: str) -> None:
    if language == "en":
        text = (
            f"Official Records of the Economic and Social Council, {year}, Supplement No. 10 "
            f"(E/{other}/30)"
        )
        period = str(year)
    else:
        period = f"{year} 年"
        text = f"见《经济及社会理事会正式记录，{period}，补编第 10 号》(E/{other}/30)"
    [record] = find_official_records(text, language)
    assert (record.year, text[record.period_span[0] : record.period_span[1]]) == (year, period)
    assert [s.text for s in record.disagreeing_symbols()] == (
        [] if year == other else [f"E/{other}/30"]
    )


# --- cited acts with their dates --------------------------------------------------------


@given(
    session=st.integers(31, 99),
    number=st.integers(1, 350),
    day=days,
    body=st.sampled_from(["General Assembly", "Human Rights Council", "its"]),
    data=st.data(),
)
def test_act_with_date_en(
    session: int, number: int, day: dt.date, body: str, data: st.DataObject
) -> None:
    date = format_date(day.year, day.month, day.day, "en")
    label = f"{session}/{number}"
    before = data.draw(filler("en")) + " "
    text = f"{before}{body} resolution {label} of {date}, {data.draw(filler('en'))}"
    [act] = find_resolution_numbers(text, "en")
    assert (act.label, act.start, act.session, act.number) == (
        label,
        text.index(label),
        session,
        number,
    )
    assert act.date is not None and act.date.as_date() == day
    assert text[act.date.start : act.date.end] == date
    assert act.body_ids == (
        ()
        if body == "its"
        else {"General Assembly": ("ga",), "Human Rights Council": ("hrc",)}[body]
    )


@given(
    session=st.integers(1, 99),
    number=st.integers(1, 350),
    day=days,
    style=st.sampled_from(ZH_STYLES),
    body=st.sampled_from(["大会", "委员会", "经济及社会理事会"]),
    title=st.text(alphabet="加强国际合作打击犯罪的行动计划，", min_size=0, max_size=20),
)
def test_act_with_date_zh(
    session: int, number: int, day: dt.date, style: str, body: str, title: str
) -> None:
    date = format_date(day.year, day.month, day.day, "zh", style)
    label = f"{session}/{number}"
    titled = f"题为“{title}”的" if title else ""
    text = f"回顾{body} {date}{titled}第 {label} 号决议，"
    [act] = find_resolution_numbers(text, "zh")
    assert (act.label, act.start) == (label, text.index(label))
    assert act.date is not None and act.date.as_date() == day
    assert text[act.date.start : act.date.end] == date
    assert act.body_text == body


@given(
    number=st.integers(1, 3541),
    part=st.sampled_from(["", "A", "B", "C"]),
    session=st.integers(1, 30),
    special=st.booleans(),
)
def test_old_assembly_numbering(number: int, part: str, session: int, special: bool) -> None:
    written = f"{'S-' if special else ''}{roman(session)}"
    label = f"{number}{' ' + part if part else ''} ({written})"
    text = f"Recalling its resolution {label} of 14 December 1960,"
    [act] = find_resolution_numbers(text, "en")
    assert (act.scheme, act.number, act.session, act.text) == (
        "number (roman)",
        number,
        session,
        label,
    )
    assert act.parts == ((part,) if part else ())
    assert act.session_type == ("special" if special else "regular")
    again = parse_act_number(label, "en")
    assert again is not None and (again.number, again.session) == (number, session)


def test_dates_given_by_the_caller_are_used() -> None:
    text = "resolution 66/181 of 19 December 2011 and decision 66/501"
    dates = find_dates(text, "en")
    assert find_resolution_numbers(text, "en", dates) == find_resolution_numbers(text, "en")
    # Without dates, no date can be tied to an act.
    [first, _] = find_resolution_numbers(text, "en", [])
    assert first.date is None


# --- numbers in words beside figures ------------------------------------------------------


@given(n=st.integers(1, 999), figure=st.integers(1, 999), data=st.data())
def test_words_with_figures_en(n: int, figure: int, data: st.DataObject) -> None:
    words = to_cardinal_words(n)
    before = data.draw(filler("en")) + " within "
    text = f"{before}{words} ({figure}) days"
    [found] = find_words_with_figures(text, "en")
    assert (found.value, found.figure) == (n, figure)
    assert (found.value_start, found.value_end) == (len(before), len(before) + len(words))


@given(n=st.integers(1, 9999), figure=st.integers(1, 9999))
def test_words_with_figures_zh(n: int, figure: int) -> None:
    text = f"在{to_chinese_numeral(n)}（{figure}）天内"
    [found] = find_words_with_figures(text, "zh")
    assert (found.value, found.figure, found.value_start) == (n, figure, 1)


@pytest.mark.parametrize(
    "text",
    ["Article 5 (a)", "resolution 2200 A (XXI)", "Kampala (2010)", "paragraph (12)", "一(a)"],
)
def test_not_words_with_figures(text: str) -> None:
    assert find_words_with_figures(text, "en" if text.isascii() else "zh") == []


# --- the keyword windows cut nothing off -------------------------------------------------


@given(n=st.integers(20, 99), filler_words=st.integers(0, 60))
def test_session_window_keeps_compound_ordinals(n: int, filler_words: int) -> None:
    # A long run of words before the phrase: the window must not start inside the ordinal.
    words = to_ordinal_words(n)
    text = "at " + "very " * filler_words + f"its {words} session"
    [found] = find_session_numerals(text, "en")
    assert (found.value, text[found.value_start : found.value_end]) == (n, words)


@given(day=days, spaces=st.integers(0, 40))
def test_date_window_reaches_a_wrapped_range(day: dt.date, spaces: int) -> None:
    last = day + dt.timedelta(days=3)
    first_month = format_date(day.year, day.month, None, "en")
    last_month = format_date(last.year, last.month, None, "en")
    text = f"held from {day.day} {first_month}\n{' ' * spaces}to {last.day} {last_month}"
    [found] = find_dates(text, "en")
    assert (found.as_date(), found.end_as_date()) == (day, last)
