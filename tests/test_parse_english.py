"""The structure of raw English extractions, and a parse of every corpus file."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.parse.model import MarkerStyle
from linter.parse.structure import parse
from linter.source.text import Source
from tests.conftest import A_RES_80_7_RAW, CORPUS, EN


def test_a_res_80_7_raw() -> None:
    doc = parse(Source.from_path(A_RES_80_7_RAW))
    assert doc.language == "en"
    assert doc.symbol == "A/RES/80/7"
    assert doc.number == "80/7"
    assert doc.title == "Report of the International Atomic Energy Agency"
    assert [p.number for p in doc.operative] == [1, 2, 3, 4, 5]
    # "1. " alone on line 58, its text on lines 59-60.
    assert doc.operative[0].text == (
        "Takes note with appreciation of the report of the International Atomic Energy Agency;"
    )
    # Paragraph 2 runs over the page break (separator, note 1, running header, 2/2).
    second = doc.operative[1].text
    assert "safeguards agreement between the Agency and the Democratic" in second
    assert "25-18769" not in second and "See A/80/348" not in second
    assert [n.number for n in doc.notes] == [1, 2, 3]
    assert doc.notes[0].text == "See A/80/348."
    assert [(m.number, m.line) for m in doc.markers] == [(1, 44), (2, 91), (3, 93)]
    assert doc.markers[0].style is MarkerStyle.GLUED  # "2024,1"
    assert doc.adoption.date == "2025-11-14"
    assert doc.adoption.meeting == 40
    assert len(doc.preamble) == 4


def test_a_res_80_5_annex_and_fused_marker() -> None:
    doc = parse(Source.from_path(EN / "A_RES_80_5.railcar-pymupdf-raw-v1.0.0.txt"))
    # One unnumbered operative paragraph ("Adopts ..."), then the declaration in the
    # annex numbers its own paragraphs from 1.
    assert [p.number for p in doc.operative] == [None]
    assert doc.operative[0].lead == "Adopts"
    numbers = [p.number for p in doc.annexes if p.number is not None]
    assert numbers[:5] == [1, 2, 3, 4, 5]
    assert doc.adoption.date == "2025-11-04"
    by_number = {m.number: m for m in doc.markers}
    # "Countries, 11  the Awaza" (spaced) and "2024–\n203412" (2034 + marker 12).
    assert by_number[11].style is MarkerStyle.SPACED
    assert by_number[12].style is MarkerStyle.FUSED
    assert doc.text[by_number[12].span.start - 4 : by_number[12].span.end] == "203412"


def _council_text(body: str, notes: range) -> str:
    return (
        "Resolution 244 (1967)\n\nThe Security Council,\n\n"
        f"{body}\n\n1. Decides to remain seized of the matter.\n\n"
        "Adopted unanimously at the 1386th meeting.\n\n"
        + "\n\n".join(f"{n} Ibid., document S/8248/Add.{n}." for n in notes)
        + "\n"
    )


@pytest.mark.parametrize(
    ("body", "notes", "markers"),
    [
        # S/RES/244 (1967), lines 7-8: each date of a list is whole ("24 November"), so
        # the figure after it is no day of a range "22 and 3".
        (
            "Noting the appeals addressed to the Governments on 22 November, 21 24 November 22"
            " and 3\nDecember 23 and the report of the Secretary-General,",
            range(21, 24),
            [21, 22, 23],
        ),
        # S/RES/474 (1980), line 18: the same after a day and month, before "and".
        (
            "Noting the letters addressed to the Council on 8 May, 43 17 May 44 and 27 May"
            " 1980, 45",
            range(43, 46),
            [43, 44, 45],
        ),
        # Ranges and dates in the other order stay text: a day after its month, and the
        # first figure of "22 and 23 November".
        (
            "Noting the letters of November 22 and 23 and the meetings of 22 and 23 November 1967,",
            range(22, 24),
            [],
        ),
    ],
    ids=["list-of-dates", "day-month-marker-and", "ranges-stay-text"],
)
def test_a_figure_after_a_whole_date_and_before_the_next_is_a_marker(
    body: str, notes: range, markers: list[int]
) -> None:
    # A figure after a day and its month is no day, whatever follows it: before "and"
    # and another date ("24 November 22 and 3 December") it was read as the first day
    # of a range and the marker was lost (three documents of the Council corpus).
    doc = parse(Source.from_text(_council_text(body, notes), language="en"))
    assert [m.number for m in doc.markers] == markers


def _corpus() -> list[Path]:
    return sorted(CORPUS.rglob("*.txt"))


@pytest.mark.parametrize("path", _corpus(), ids=lambda p: p.name)
def test_every_corpus_file_parses_sanely(path: Path) -> None:
    doc = parse(Source.from_path(path))
    text = doc.text
    # Paragraph and note texts come from the file, never from nowhere.
    paragraphs = doc.preamble + doc.operative + doc.annexes
    for paragraph in paragraphs:
        span = paragraph.body.span
        assert 0 <= span.start <= span.end <= len(text)
        for piece in paragraph.body.pieces:
            assert paragraph.text.find(text[piece[1] : piece[2]].strip()) >= 0
    # Numbers a resolution uses stay small; markers point at digits in the text.
    assert all(p.number is None or 0 < p.number < 400 for p in paragraphs)
    for marker in doc.markers:
        assert marker.label in text[marker.span.start : marker.span.end]
    assert len({(n.number, n.line) for n in doc.notes}) == len(doc.notes)
    if doc.adoption.date is not None:
        assert doc.adoption.date[:2] in ("19", "20")
    # Every corpus file is a resolution or a draft of one: some structure is found.
    assert paragraphs, path.name
