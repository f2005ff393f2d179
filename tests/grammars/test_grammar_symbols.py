"""Document symbols: parsing, finding, malformed symbols, round trips, negatives."""

from __future__ import annotations

import pytest
from grammar_helpers import filler, seed_text, separator
from hypothesis import given
from hypothesis import strategies as st

from linter.facts.grammars.malformed_symbols import find_malformed_symbols
from linter.facts.grammars.symbols import (
    SymbolParts,
    find_symbols,
    format_symbol,
    parse_symbol,
)


@pytest.mark.parametrize(
    ("text", "series", "res", "session", "number", "suffixes", "year", "session_number"),
    [
        ("A/RES/66/181", "A", True, "66", "181", (), None, 66),
        ("A/66/25", "A", False, "66", "25", (), None, 66),
        ("E/2012/30", "E", False, "2012", "30", (), 2012, None),
        ("E/RES/2012/19", "E", True, "2012", "19", (), 2012, None),
        ("E/CN.15/2012/15", "E/CN.15", False, "2012", "15", (), 2012, None),
        ("CTOC/COP/2010/17", "CTOC/COP", False, "2010", "17", (), 2010, None),
        ("S/2002/515", "S", False, "2002", "515", (), 2002, None),
        ("A/HRC/RES/19/1", "A/HRC", True, "19", "1", (), None, 19),
        ("A/C.3/66/L.20/Rev.1", "A/C.3", False, "66", None, ("L.20", "Rev.1"), None, 66),
        ("A/RES/S-27/2", "A", True, "S-27", "2", (), None, 27),
        ("A/RES/ES-10/19", "A", True, "ES-10", "19", (), None, 10),
        ("A/80/L.7", "A", False, "80", None, ("L.7",), None, 80),
        ("A/66/89/Corr.1", "A", False, "66", "89", ("Corr.1",), None, 66),
        ("A/58/874/Add.1", "A", False, "58", "874", ("Add.1",), None, 58),
        ("E/2012/30/Amend.1", "E", False, "2012", "30", ("Amend.1",), 2012, None),
        ("A/66/L.15", "A", False, "66", None, ("L.15",), None, 66),
        ("S/PV.89", "S", False, None, None, ("PV.89",), None, None),
        ("A/80/PV.89", "A", False, "80", None, ("PV.89",), None, 80),
        ("S/4387", "S", False, None, "4387", (), None, None),
    ],
)
def test_parse_symbol(
    text: str,
    series: str,
    res: bool,
    session: str | None,
    number: str | None,
    suffixes: tuple[str, ...],
    year: int | None,
    session_number: int | None,
) -> None:
    parts = parse_symbol(text)
    assert parts is not None
    assert (parts.series, parts.resolution, parts.session, parts.number, parts.suffixes) == (
        series,
        res,
        session,
        number,
        suffixes,
    )
    assert (parts.year, parts.session_number) == (year, session_number)
    assert format_symbol(parts) == text == str(parts)


def test_council_resolution_symbol_carries_its_year() -> None:
    parts = parse_symbol("S/RES/2334 (2016)")
    assert parts == SymbolParts("S", True, None, "2334", (), "2016")
    assert parts.year == 2016 and format_symbol(parts) == "S/RES/2334 (2016)"
    [match] = find_symbols("Recalling S/RES/2334 (2016), and")
    assert match.text == "S/RES/2334 (2016)" and match.parts.year == 2016


def test_special_session_kinds() -> None:
    assert parse_symbol("A/RES/S-27/2").session_kind == "special"  # type: ignore[union-attr]
    assert parse_symbol("A/RES/ES-10/19").session_kind == (  # type: ignore[union-attr]
        "emergency_special"
    )
    assert parse_symbol("A/66/25").session_kind == "regular"  # type: ignore[union-attr]


def test_seed_symbols_with_joined_corrigenda() -> None:
    # Seed line 3: "(E/2012/30 和 Corr.1 和 2)".
    found = find_symbols(seed_text())
    assert [s.text for s in found] == [
        "E/2012/30",
        "E/2010/30",
        "E/2011/30",
        "CTOC/COP/2010/17",
        "E/CN.15/2012/15",
    ]
    first = found[0]
    assert first.additions == ("Corr.1", "Corr.2")
    text = seed_text()
    assert text[first.start : first.extent_end] == "E/2012/30 和 Corr.1 和 2"


def test_english_joined_corrigenda_and_lists() -> None:
    # corpus/real/en/A_RES_80_13.railcar-pymupdf+heuristic-clean-v1.1.0.txt, line 39.
    found = find_symbols("Supplement No. 45 and corrigendum (A/34/45 and A/34/45/Corr.1).")
    assert [s.text for s in found] == ["A/34/45", "A/34/45/Corr.1"]
    [one] = find_symbols("(E/2012/30 and Corr.1 and 2)")
    assert one.additions == ("Corr.1", "Corr.2")


def test_joint_symbols_split() -> None:
    found = find_symbols("(A/57/759-S/2003/332)")
    assert [s.text for s in found] == ["A/57/759", "S/2003/332"]


def test_symbols_touching_chinese_text() -> None:
    found = find_symbols("见文件E/2012/30号和A/66/25。")
    assert [s.text for s in found] == ["E/2012/30", "A/66/25"]


def test_spans_in_page_header() -> None:
    # corpus/real/en/S_RES_1454_2002.cr-unsc-gold-ocr.txt, a running header after a form feed.
    text = "02-75941 (E)\n\x0cS/RES/1454 (2002)\n\n2. Decides"
    [match] = find_symbols(text)
    assert text[match.start : match.end] == "S/RES/1454 (2002)"


@pytest.mark.parametrize(
    "text",
    [
        "GC(69)/RES/7",
        "GC(69)/RES/9 A.2",
        "GC(69)/DEC/10",
        "2/18",
        "25-17700 2/18",
        "1/ on his",
        "2024–2034",
        "HIV/AIDS",
        "UN/CEFACT",
        "19 December 2011",
        "and/or",
        "TCP/IP",
        "UNEP/OzL.Pro.31/9",
        "AU-PSC/PR/1",
        "(5/2002/1005)",
        "66/181",
        "page 5/5",
    ],
)
def test_not_symbols(text: str) -> None:
    assert find_symbols(text) == []
    assert find_malformed_symbols(text) == []


def test_iaea_symbols_in_corpus_are_silent() -> None:
    # corpus/real/en/A_RES_80_7.railcar-pymupdf-raw-v1.0.0.txt, lines 60-61.
    text = (
        "Takes note of resolutions GC(69)/RES/7, entitled \u201cNuclear and radiation \n"
        "safety\u201d; GC(69)/RES/8, entitled \u201cNuclear security\u201d; GC(69)/RES/9, "
        "comprising GC(69)/RES/9 A.2"
    )
    assert find_symbols(text) == [] and find_malformed_symbols(text) == []


def test_old_footnote_markers_and_symbols() -> None:
    # corpus/real/en/S_RES_0902_1994.cr-unsc-gold-ocr.txt, lines 47-49 ("S/26G26" is an OCR
    # slip for S/26026 in the gold text: a real malformed symbol).
    text = "1/ S/1994/262.\n\n2/ S/26G26.\n"
    assert [s.text for s in find_symbols(text)] == ["S/1994/262"]
    [bad] = find_malformed_symbols(text)
    assert (bad.text, bad.reason, bad.suggestion) == ("S/26G26", "bad-component", None)
    assert text[bad.start : bad.end] == bad.text


@pytest.mark.parametrize(
    ("text", "bad", "reason", "suggestion"),
    [
        ("see A/RES/66181 of", "A/RES/66181", "missing-separator", None),
        ("see E/RES/201219.", "E/RES/201219", "missing-separator", "E/RES/2012/19"),
        # A year glued to the number: the seed's E/2010/30 and CTOC/COP/2010/17.
        ("(E/201030)", "E/201030", "missing-separator", "E/2010/30"),
        ("见 CTOC/COP/201017，", "CTOC/COP/201017", "missing-separator", "CTOC/COP/2010/17"),
        ("E/CN.15/201215。", "E/CN.15/201215", "missing-separator", "E/CN.15/2012/15"),
        ("(S/2003332)", "S/2003332", "missing-separator", "S/2003/332"),
        ("(E/2012 /30)", "E/2012 /30", "space-in-symbol", "E/2012/30"),
        ("(E/ 2012/30)", "E/ 2012/30", "space-in-symbol", "E/2012/30"),
        ("A/RES/66 / 181", "A/RES/66 / 181", "space-in-symbol", "A/RES/66/181"),
        ("see A/RES//66/1.", "A/RES//66/1", "double-slash", "A/RES/66/1"),
        ("S/2O02/515", "S/2O02/515", "bad-component", None),
    ],
)
def test_malformed_symbols(text: str, bad: str, reason: str, suggestion: str | None) -> None:
    [found] = find_malformed_symbols(text)
    assert (found.text, found.reason, found.suggestion) == (bad, reason, suggestion)
    assert text[found.start : found.end] == bad
    assert all(s.text != bad for s in find_symbols(text))


@pytest.mark.parametrize(
    "text",
    [
        "A/RES/1514 (XV)",
        "A/RES/217A (III)",
        "A/RES/80/7 / Report of the",
        "A / 4",
        "E/CN.15/2012/15 / E/2012/30",
        "https://example.org//A/1",
        "A/RES/80",
        "S/RES/2334",
        "A/RES/80/7 \n",
        "A/66/25, A/66/26",
        # Old symbols without a year: four-figure numbers, or not a year series.
        "E/5715",
        "S/26026",
        "S/20113",
        "A/10034",
    ],
)
def test_well_formed_or_unknown_is_not_malformed(text: str) -> None:
    assert find_malformed_symbols(text) == []


# --- Round trips -------------------------------------------------------------------------

sessions = st.one_of(
    st.integers(1, 99).map(str),
    st.integers(1946, 2099).map(str),
    st.integers(1, 32).map(lambda n: f"S-{n}"),
    st.integers(1, 11).map(lambda n: f"ES-{n}"),
)
suffixes = st.lists(
    st.one_of(
        st.sampled_from(["Rev", "Corr", "Add", "Amend"]).flatmap(
            lambda s: st.integers(1, 9).map(lambda n: f"{s}.{n}")
        ),
        st.integers(1, 99).map(lambda n: f"L.{n}"),
    ),
    max_size=2,
).map(tuple)


@st.composite
def symbols(draw: st.DrawFn) -> SymbolParts:
    series = draw(
        st.sampled_from(
            ["A", "E", "S", "A/HRC", "E/CN.15", "E/CN.7", "CTOC/COP", "A/C.3", "CAC/COSP"]
        )
    )
    resolution = draw(st.booleans())
    session = draw(sessions)
    number = str(draw(st.integers(1, 999)))
    tail = draw(suffixes) if not resolution else ()
    return SymbolParts(series, resolution, session, number, tail)


@given(parts=symbols(), data=st.data())
def test_round_trip(parts: SymbolParts, data: st.DataObject) -> None:
    text = format_symbol(parts)
    assert parse_symbol(text) == parts
    language = data.draw(st.sampled_from(["en", "zh"]))
    before = data.draw(filler(language)) + data.draw(separator())
    after = data.draw(st.sampled_from([".", ")", " ", "，", "。"])) + data.draw(filler(language))
    found = find_symbols(before + "(" + text + after)
    assert [(s.start, s.end, s.parts) for s in found] == [
        (len(before) + 1, len(before) + 1 + len(text), parts)
    ]
    assert find_malformed_symbols(before + text + after) == []


@given(number=st.integers(1, 2800), year=st.integers(1946, 2099), data=st.data())
def test_round_trip_council(number: int, year: int, data: st.DataObject) -> None:
    parts = SymbolParts("S", True, None, str(number), (), str(year))
    text = format_symbol(parts)
    before = data.draw(filler("en")) + " "
    [found] = find_symbols(before + text + ", " + data.draw(filler("en")))
    assert (found.start, found.text, found.parts) == (len(before), text, parts)
