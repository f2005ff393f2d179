"""An adoption line without a date takes the date its heading gives (parser, for D002/D003)."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.parse.structure import parse, parse_text
from linter.source.text import Source

CORPUS = Path(__file__).parent / "corpus" / "en"


@pytest.mark.parametrize(
    ("name", "date", "meeting"),
    [
        # "38 (1948). Resolution of 17 January 1948" ... "Adopted at the 229th meeting".
        ("S_RES_0038_1948.cr-unsc-gold-ocr.txt", "1948-01-17", 229),
        # "Resolution 660 (1990)" / "of 2 August 1990" ... "Adopted at the 2932nd meeting".
        ("S_RES_0660_1990.cr-unsc-gold-ocr.txt", "1990-08-02", 2932),
    ],
)
def test_council_resolutions(name: str, date: str, meeting: int) -> None:
    doc = parse(Source.from_path(CORPUS / name))
    assert (doc.adoption.date, doc.adoption.meeting, doc.adoption.source) == (
        date,
        meeting,
        "adoption-line",
    )
    assert doc.adoption.date_span is not None
    assert doc.source.position(doc.adoption.date_span.start)[0] <= 2  # in the heading


def test_a_dated_adoption_line_is_kept() -> None:
    text = (
        "Resolution 1 (1946)\nof 25 January 1946\n\nThe Security Council,\n\n"
        "1. Decides to remain seized of the matter.\n\n"
        "Adopted at the 2nd meeting on 26 January 1946.\n"
    )
    doc = parse_text(text)
    assert (doc.adoption.date, doc.adoption.meeting) == ("1946-01-26", 2)
