"""Official Records citations, body calendars and import cost."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from grammar_helpers import seed_text

from linter.facts.grammars.bodies import body, body_for_series, lookup_body
from linter.facts.grammars.calendars import (
    council_numbers_grow,
    council_year_bounds,
    session_for_date,
    session_years,
)
from linter.facts.grammars.records import find_official_records


def test_seed_records() -> None:
    text = seed_text()
    found = find_official_records(text, "zh")
    assert [
        (r.body_id, r.period_kind, r.year, r.supplement, [s.text for s in r.symbols]) for r in found
    ] == [
        ("ecosoc", "calendar_year", 2010, 10, ["E/2010/30"]),
        ("ecosoc", "calendar_year", 2011, 10, ["E/2011/30"]),
    ]
    first = found[0]
    assert text[first.period_span[0] : first.period_span[1]] == "2010 年"
    assert text[first.body_span[0] : first.body_span[1]] == "经济及社会理事会"
    assert first.supplement_span is not None
    assert text[first.supplement_span[0] : first.supplement_span[1]] == "10"
    assert first.disagreeing_symbols() == ()


def test_zh_session_record_and_mismatch() -> None:
    text = "见《大会正式记录，第六十六届会议，补编第 25 号》(A/65/25)。"
    [record] = find_official_records(text, "zh")
    assert (record.body_id, record.session, record.supplement) == ("ga", 66, 25)
    [bad] = record.disagreeing_symbols()
    assert text[bad.start : bad.end] == "A/65/25"
    assert text[record.period_span[0] : record.period_span[1]] == "第六十六届会议"


def test_en_records() -> None:
    # corpus/real/en/A_RES_80_19.railcar-pymupdf+heuristic-clean-v1.1.0.txt, lines 69-70.
    text = (
        "3 See Official Records of the General Assembly, Forty-seventh Session, Supplement "
        "No. 27\n(A/47/27), para. 76."
    )
    [record] = find_official_records(text, "en")
    assert (record.body_id, record.session, record.supplement) == ("ga", 47, 27)
    assert [s.text for s in record.symbols] == ["A/47/27"]
    assert text[record.start : record.end].endswith("(A/47/27)")
    # corpus/real/en/A_RES_80_18.railcar-pymupdf+heuristic-clean-v1.1.0.txt, line 63.
    [record] = find_official_records(
        "Official Records of the General Assembly, Twelfth Special Session, Supplement No. 2 "
        "(A/S-12/2), sect. III.C.",
        "en",
    )
    assert (record.period_kind, record.session) == ("special_session", 12)
    assert record.disagreeing_symbols() == ()
    # corpus/real/en/S_RES_0143_1960.cr-unsc-gold-ocr.txt, line 34.
    [record] = find_official_records(
        "6 Official Records of the Security Council, Fifteenth Year, 873rd\nmeeting", "en"
    )
    assert (record.body_id, record.period_kind, record.period_value) == ("sc", "year", 15)
    [record] = find_official_records(
        "Official Records of the Economic and Social Council, 2010, Supplement No. 10 (E/2011/30)",
        "en",
    )
    assert record.year == 2010 and [s.text for s in record.disagreeing_symbols()] == ["E/2011/30"]


def test_records_with_corrigendum_and_parts() -> None:
    # corpus/real/en/A_RES_80_9.railcar-pymupdf-raw-v1.0.0.txt, lines 143-144.
    text = (
        "Official Records of the General Assembly, Seventy-third Session, Supplement No. 12 "
        "(A/73/12 \n(Part I) and A/73/12 (Part II)), part II."
    )
    [record] = find_official_records(text, "en")
    assert [s.text for s in record.symbols] == ["A/73/12", "A/73/12"]
    # corpus/real/en/A_RES_80_13.railcar-pymupdf+heuristic-clean-v1.1.0.txt, line 39.
    [record] = find_official_records(
        "Official Records of the General Assembly, Thirty-fourth Session, Supplement No. 45 and "
        "corrigendum (A/34/45 and A/34/45/Corr.1).",
        "en",
    )
    assert record.session == 34 and len(record.symbols) == 2


def test_not_records() -> None:
    # corpus/real/en/A_RES_80_7.railcar-pymupdf-raw-v1.0.0.txt, lines 97-98.
    assert (
        find_official_records(
            "all as reflected in the official records \nof the General Conference;", "en"
        )
        == []
    )


# --- Bodies ------------------------------------------------------------------------------


def test_bodies() -> None:
    assert lookup_body("大会", "zh") == ("ga",)
    assert lookup_body("安理会", "zh") == ("sc",)
    assert set(lookup_body("理事会", "zh")) == {"ecosoc", "sc", "hrc"}
    assert lookup_body("《联合国打击跨国有组织犯罪公约》缔约方会议", "zh") == ("cop_untoc",)
    assert lookup_body("Human Rights Council", "en") == ("hrc",)
    assert lookup_body("Nobody", "en") == ()
    assert body_for_series("A/HRC") == "hrc" and body_for_series("A/C.3") == "ga"
    assert body_for_series("E/CN.15") == "ccpcj" and body_for_series("CTOC/COP") == "cop_untoc"
    assert body_for_series("GC") is None
    assert body("ga").numbering_scheme(1970) == "number (roman)"
    assert body("ga").numbering_scheme(2011) == "session/number"
    assert body("ecosoc").numbering_scheme(2012) == "year/number"
    with pytest.raises(KeyError):
        body("nobody")


# --- Calendars ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body_id", "session", "first", "last"),
    [
        ("ga", 66, dt.date(2011, 9, 1), dt.date(2012, 9, 30)),
        ("ga", 1, dt.date(1946, 1, 1), dt.date(1946, 12, 31)),
        ("hrc", 19, dt.date(2012, 1, 1), dt.date(2012, 12, 31)),
        ("hrc", 4, dt.date(2007, 1, 1), dt.date(2007, 12, 31)),
        ("hrc", 1, dt.date(2006, 6, 19), dt.date(2006, 6, 30)),
        ("ccpcj", 19, dt.date(2010, 1, 1), dt.date(2010, 12, 31)),
        ("ccpcj", 20, dt.date(2011, 1, 1), dt.date(2011, 12, 31)),
        ("cnd", 40, dt.date(1997, 1, 1), dt.date(1997, 12, 31)),
        ("csw", 40, dt.date(1996, 1, 1), dt.date(1996, 12, 31)),
        ("cop_untoc", 5, dt.date(2010, 1, 1), dt.date(2010, 12, 31)),
        ("cosp_uncac", 3, dt.date(2009, 1, 1), dt.date(2009, 12, 31)),
        ("ecosoc", 2012, dt.date(2012, 1, 1), dt.date(2013, 1, 31)),
        # Since 2015 the Council's session runs from July to July.
        ("ecosoc", 2025, dt.date(2024, 7, 1), dt.date(2025, 8, 31)),
    ],
)
def test_session_years(body_id: str, session: int, first: dt.date, last: dt.date) -> None:
    assert session_years(body_id, session) == (first, last)


@pytest.mark.parametrize(
    ("body_id", "session", "session_type"),
    [
        ("cnd", 39, "regular"),
        ("csw", 10, "regular"),
        ("cop_untoc", 3, "regular"),
        ("cosp_uncac", 2, "regular"),
        ("ecosoc", 1977, "regular"),
        ("sc", 1, "regular"),
        ("ga", 10, "emergency_special"),
        ("ga", 99, "special"),
        ("nobody", 1, "regular"),
        ("hrc", 27, "special"),
    ],
)
def test_unknown_sessions_are_none(body_id: str, session: int, session_type: str) -> None:
    assert session_years(body_id, session, session_type) is None


def test_special_sessions() -> None:
    assert session_years("ga", 27, "special") == (dt.date(2002, 1, 1), dt.date(2002, 12, 31))
    assert session_years("ga", 7, "emergency_special") == (
        dt.date(1980, 1, 1),
        dt.date(1982, 12, 31),
    )


def test_seed_dates_fit_their_sessions() -> None:
    # docs/domain.md: every cited act of the seed is consistent.
    assert session_for_date("ga", dt.date(2011, 12, 19)) == (66,)
    assert session_for_date("ga", dt.date(2010, 7, 30)) == (64,)
    assert session_for_date("ga", dt.date(2010, 12, 21)) == (65,)
    assert session_for_date("ccpcj", dt.date(2010, 5, 21)) == (19,)
    assert session_for_date("ccpcj", dt.date(2011, 4, 15)) == (20,)
    assert session_for_date("cop_untoc", dt.date(2010, 10, 22)) == (5,)
    assert session_for_date("ecosoc", dt.date(2012, 7, 26)) == (2012,)
    assert session_for_date("ecosoc", dt.date(2024, 10, 1)) == (2025,)
    assert session_for_date("ecosoc", dt.date(2024, 7, 20)) == (2024, 2025)


def test_session_for_date_ambiguity_and_unknowns() -> None:
    assert session_for_date("ga", dt.date(2011, 9, 15)) == (65, 66)
    assert session_for_date("hrc", dt.date(2012, 3, 1)) == (19, 20, 21)
    assert session_for_date("cop_untoc", dt.date(2011, 5, 1)) == ()
    assert session_for_date("sc", dt.date(2011, 5, 1)) == ()
    assert session_for_date("ga", dt.date(2002, 5, 9), "special") == (27,)


def test_council_numbers() -> None:
    assert council_numbers_grow()
    assert council_year_bounds(1454) == (2002, 2002)
    assert council_year_bounds(199) == (1964, 1964)
    assert council_year_bounds(200) == (1965, 1967)
    assert council_year_bounds(2722) == (2024, None)
    assert council_year_bounds(1) == (1946, 1946)
    assert council_year_bounds(0) is None


def test_importing_grammars_does_not_import_pyparsing() -> None:
    # reslint runs in pre-commit: pyparsing (~30 ms) is only imported when a candidate needs
    # the grammar; dates and act numbers in their usual forms are read by the fast path.
    code = (
        "import sys, linter.facts.grammars.dates, linter.facts.grammars.symbols, "
        "linter.facts.grammars.numerals, linter.facts.grammars.records, "
        "linter.facts.grammars.calendars; "
        "assert 'pyparsing' not in sys.modules, 'imported'; "
        "from linter.facts.grammars.dates import find_dates; "
        "from linter.facts.grammars.acts import find_resolution_numbers; "
        "find_dates('no dates here', 'en'); "
        "assert 'pyparsing' not in sys.modules, 'scanned'; "
        "assert find_dates('19 December 2011', 'en'); "
        "assert find_resolution_numbers('resolution 66/181 of 19 December 2011', 'en'); "
        "assert 'pyparsing' not in sys.modules, 'read'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
