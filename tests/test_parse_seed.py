"""The structure of the seed (E/RES/2012/19, Chinese, double-spaced, damaged)."""

from __future__ import annotations

import pytest

from linter.parse.model import Document, MarkerStyle
from linter.parse.structure import parse
from linter.source.text import Source
from tests.conftest import SEED


@pytest.fixture(scope="module")
def doc() -> Document:
    return parse(Source.from_path(SEED))


def test_heading(doc: Document) -> None:
    assert doc.language == "zh"
    assert doc.number == "2012/19"
    assert doc.symbol == "E/RES/2012/19"
    assert doc.body == "ecosoc"
    # The title wraps onto an indented second line (seed lines 5-6).
    assert doc.title == "加强国际合作打击一切形式和表现的跨国有组织犯罪"
    assert doc.author is not None and doc.author.endswith("经济及社会理事会，")


def test_operative_paragraphs_one_to_seventeen(doc: Document) -> None:
    assert [p.number for p in doc.operative] == list(range(1, 18))
    assert doc.operative[0].line == 176
    assert (
        doc.operative[16].text == "请请请请秘书长向委员会第二十二届会议提交一份本决议执行情况报告。"
    )


def test_preamble(doc: Document) -> None:
    # Every preambular paragraph of the seed opens indented with a damaged lead phrase;
    # line 114 ("强调指出有…", not indented, not drawn four times) continues line 106.
    assert [p.line for p in doc.preamble] == [
        10,
        14,
        18,
        32,
        48,
        58,
        68,
        82,
        96,
        106,
        138,
        142,
        156,
        162,
        166,
        168,
        174,
    ]
    # Paragraph at line 106 runs over the page-2 notes and is joined again: it ends
    # "…加强合作与协调，努力打击人口贩运…" with the notes taken out.
    joined = next(p for p in doc.preamble if p.line == 106)
    assert "加强合作与协调，努力打击人口贩运" in joined.text
    assert "见《经济及社会理事会正式记录" not in joined.text


def test_notes_one_to_ten(doc: Document) -> None:
    assert [n.number for n in doc.notes] == list(range(1, 11))
    assert doc.notes[7].text == "同上，第 2237 卷，第 39574 号。"
    assert [n.page for n in doc.notes] == [0, 0, 1, 1, 1, 1, 2, 2, 2, 3]


def test_sixteen_markers(doc: Document) -> None:
    assert [(m.number, m.line) for m in doc.markers] == [
        (1, 23),
        (2, 35),
        (3, 51),
        (4, 71),
        (3, 85),
        (5, 97),
        (6, 113),
        (7, 131),
        (8, 135),
        (6, 145),
        (3, 159),
        (1, 179),
        (9, 184),
        (10, 253),
        (6, 267),
        (2, 298),
    ]
    assert doc.markers[11].style is MarkerStyle.LINE_START
    # Marker 1 on line 23 annotates the end of line 22, "…及其各项议定书".
    anchor_line, _ = doc.source.position(doc.markers[0].anchor)
    assert anchor_line == 22
    assert doc.text[doc.markers[0].anchor - 3 : doc.markers[0].anchor] == "议定书"


def test_adoption(doc: Document) -> None:
    assert doc.adoption.date == "2012-07-26"
    assert doc.adoption.meeting == 46
    assert doc.adoption.source == "adoption-line"
