"""Cited resolution and decision numbers, with their scheme, body and date."""

from __future__ import annotations

import pytest
from grammar_helpers import filler, seed_text
from hypothesis import given
from hypothesis import strategies as st

from linter.facts.grammars.acts import parse_act_number
from linter.facts.grammars.symbols import find_resolution_numbers

# Every act the seed cites, in order: (label, kind, body ids, ISO date or None).
SEED_ACTS = [
    ("66/181", "resolution", ("ga",), "2011-12-19"),
    ("19/1", "resolution", ("ccpcj",), "2010-05-21"),
    ("66/180", "resolution", ("ga",), "2011-12-19"),
    ("19/2", "resolution", ("ccpcj", "cnd", "csw"), "2010-05-21"),
    ("2012/18", "resolution", ("ecosoc",), "2012-07-26"),
    ("64/293", "resolution", ("ga",), "2010-07-30"),
    ("65/232", "resolution", ("ga",), "2010-12-21"),
    ("20/3", "resolution", ("ccpcj", "cnd", "csw"), "2011-04-15"),
    ("65/230", "resolution", ("ga",), None),  # note 4
    ("55/2", "resolution", ("ga",), None),  # note 5
    ("20/6", "resolution", ("ccpcj", "cnd", "csw"), "2011-04-15"),
    ("19/1", "decision", ("ccpcj", "cnd", "csw"), "2010-05-21"),
    ("5/5", "resolution", ("cop_untoc",), "2010-10-22"),
    ("20/7", "resolution", ("ccpcj", "cnd", "csw"), "2011-04-15"),
]


def test_every_seed_act_is_found() -> None:
    text = seed_text()
    found = find_resolution_numbers(text, "zh")
    assert [
        (a.label, a.kind, a.body_ids, a.date.iso() if a.date else None) for a in found
    ] == SEED_ACTS
    for act in found:
        assert text[act.start : act.end] == act.text
        assert text[act.phrase_start : act.phrase_end].startswith("第")


def test_seed_wrapped_citations() -> None:
    text = seed_text()
    found = {a.label: a for a in find_resolution_numbers(text, "zh")}
    # Lines 106-108: "的第" / blank / "64/293 号决议".
    phrase = text[found["64/293"].phrase_start : found["64/293"].phrase_end]
    assert phrase == "第\n\n64/293 号决议"
    # Lines 142-144: "第20/6" / blank / "号决议".
    phrase = text[found["20/6"].phrase_start : found["20/6"].phrase_end]
    assert phrase == "第20/6\n\n号决议"


@pytest.mark.parametrize(
    ("text", "label", "scheme"),
    [
        ("第 1454 (2002) 号决议", "1454 (2002)", "number (year)"),
        ("第 1454（2002）号决议", "1454 (2002)", "number (year)"),
        ("第 2200 A (XXI) 号决议", "2200 (XXI)", "number (roman)"),
        ("第 S-27/2 号决议", "S-27/2", "session/number"),
    ],
)
def test_zh_forms(text: str, label: str, scheme: str) -> None:
    [act] = find_resolution_numbers(f"大会{text}。", "zh")
    assert (act.label, act.scheme) == (label, scheme)


def test_zh_lists() -> None:
    found = find_resolution_numbers("大会第 45/54、46/32 和 47/50 号决议", "zh")
    assert [a.label for a in found] == ["45/54", "46/32", "47/50"]
    assert all(a.body_ids == ("ga",) for a in found)
    found = find_resolution_numbers("第 53/199 号和第 61/185 号决议", "zh")
    assert [a.label for a in found] == ["53/199", "61/185"]


def test_en_list_with_dates() -> None:
    # corpus/real/en/A_RES_80_10.railcar-pymupdf-raw-v1.0.0.txt, lines 93-95.
    text = (
        "Reaffirming also its resolutions 53/199 of 15 December 1998 and 61/185 of \n"
        "20 December 2006 on the proclamation of international years, and Economic and \n"
        "Social Council resolution 1980/67 of 25 July 1980 on international years"
    )
    found = find_resolution_numbers(text, "en")
    assert [(a.label, a.scheme, a.body_ids, a.date.iso() if a.date else None) for a in found] == [
        ("53/199", "session/number", (), "1998-12-15"),
        ("61/185", "session/number", (), "2006-12-20"),
        ("1980/67", "year/number", ("ecosoc",), "1980-07-25"),
    ]
    assert found[1].date is not None and found[1].date.text == "20 December 2006"


def test_en_council_list() -> None:
    # corpus/real/en/S_RES_1454_2002.cr-unsc-gold-ocr.txt, lines 15-19.
    text = (
        "Recalling its previous relevant resolutions, including resolution 661 (1990) of\n"
        "6 August 1990, 986 (1995) of 14 April 1995, 1284 (1999) of 17 December 1999,\n"
        "1352 (2001) of 1 June 2001, 1360 (2001) of 3 July 2001, 1382 (2001) of 29\n"
        "November 2001, 1409 (2002) of 14 May 2002, and in particular, 1447 (2002) of 4\n"
        "December 2002,"
    )
    found = find_resolution_numbers(text, "en")
    assert [(a.number, a.year, a.date.iso() if a.date else None) for a in found] == [
        (661, 1990, "1990-08-06"),
        (986, 1995, "1995-04-14"),
        (1284, 1999, "1999-12-17"),
        (1352, 2001, "2001-06-01"),
        (1360, 2001, "2001-07-03"),
        (1382, 2001, "2001-11-29"),
        (1409, 2002, "2002-05-14"),
        (1447, 2002, "2002-12-04"),
    ]


def test_en_old_assembly_numbers() -> None:
    # corpus/real/en/A_RES_80_7.railcar-pymupdf-raw-v1.0.0.txt, line 53;
    # A_RES_80_10.railcar-pymupdf-raw-v1.0.0.txt, line 60.
    [act] = find_resolution_numbers("its resolution 1145 (XII) of 14 November \n1957,", "en")
    assert (act.number, act.roman, act.session, act.scheme) == (1145, "XII", 12, "number (roman)")
    [act] = find_resolution_numbers("See resolution 2200 A (XXI), annex.", "en")
    assert (act.number, act.parts, act.session, act.text) == (2200, ("A",), 21, "2200 A (XXI)")
    [act] = find_resolution_numbers("resolutions 3419 A to D (XXX)", "en")
    assert act.parts == ("A", "B", "C", "D")
    [act] = find_resolution_numbers("resolution 3201 (S-VI)", "en")
    assert (act.session, act.session_type) == (6, "special")


def test_en_parts_bodies_and_decisions() -> None:
    # corpus/real/en/A_RES_80_12.railcar-pymupdf+heuristic-clean-v1.1.0.txt, line 32.
    [act] = find_resolution_numbers("its resolution 35/142 B of 12 December 1980, which", "en")
    assert (act.label, act.parts) == ("35/142", ("B",))
    found = find_resolution_numbers(
        "General Assembly resolution 60/180 and Security Council resolution 1645 (2005),", "en"
    )
    assert [(a.label, a.body_ids) for a in found] == [("60/180", ("ga",)), ("1645 (2005)", ("sc",))]
    [act] = find_resolution_numbers("its decision 19/1 of 21 May 2010", "en")
    assert (act.kind, act.label) == ("decision", "19/1")
    [act] = find_resolution_numbers("RESOLUTION 902 (1994)", "en")
    assert act.label == "902 (1994)"
    [act] = find_resolution_numbers("resolution ES-10/19 of 21 December 2017", "en")
    assert (act.session, act.session_type) == (10, "emergency_special")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("page 5/5", "en"),
        ("2/18", "en"),
        ("chap. I, resolution 1, annex", "en"),
        ("paragraphs 4 to 6", "en"),
        ("第 2225、2237、2241 和 2326 卷，第 39574 号", "zh"),
        ("第 46 次全体会议", "zh"),
        ("5/5", "zh"),
        ("2012/19. 加强国际合作", "zh"),
        ("A/RES/66/181", "en"),
        ("E/2012/30", "zh"),
    ],
)
def test_not_acts(text: str, language: str) -> None:
    assert find_resolution_numbers(text, language) == []


def test_parse_act_number() -> None:
    act = parse_act_number("2012/18", "en")
    assert act is not None and (act.year, act.number, act.scheme) == (2012, 18, "year/number")
    assert parse_act_number("12/ab", "en") is None


@given(
    session=st.integers(1, 99),
    number=st.integers(1, 400),
    kind=st.sampled_from(["resolution", "decision"]),
    data=st.data(),
)
def test_round_trip_en(session: int, number: int, kind: str, data: st.DataObject) -> None:
    label = f"{session}/{number}"
    before = data.draw(filler("en")) + " "
    found = find_resolution_numbers(f"{before}{kind} {label} {data.draw(filler('en'))}", "en")
    assert [(a.start, a.label, a.kind) for a in found] == [
        (len(before) + len(kind) + 1, label, kind)
    ]


@given(
    session=st.integers(1, 99),
    number=st.integers(1, 400),
    noun=st.sampled_from(["决议", "决定"]),
    gap=st.sampled_from(["", " ", "\n\n"]),
    data=st.data(),
)
def test_round_trip_zh(session: int, number: int, noun: str, gap: str, data: st.DataObject) -> None:
    label = f"{session}/{number}"
    before = data.draw(filler("zh")) + "第" + gap
    text = f"{before}{label}{gap}号{noun}{data.draw(filler('zh'))}"
    [act] = find_resolution_numbers(text, "zh")
    assert (act.start, act.label) == (len(before), label)
    assert act.kind == ("resolution" if noun == "决议" else "decision")
