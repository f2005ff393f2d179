"""The cited-acts index: what the D rules read, found once per Document."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.facts.attribution import BodyResolver
from linter.facts.citations import citations, list_ends, own_number, text_units
from linter.facts.grammars.acts import find_resolution_numbers
from linter.parse.model import Document
from linter.parse.structure import parse_text

CORPUS = Path(__file__).parent / "corpus"
SEED = CORPUS / "seed" / "E-RES-2012-19.zh.txt"

# Every act the seed cites, in file order: label, kind, body it is tied to, how, date.
SEED_ACTS = [
    ("66/181", "resolution", "ga", "named", "2011-12-19"),
    ("19/1", "resolution", "ccpcj", "named", "2010-05-21"),
    ("66/180", "resolution", "ga", "named", "2011-12-19"),
    ("19/2", "resolution", "ccpcj", "heading", "2010-05-21"),  # 委员会, the recommendation line
    ("2012/18", "resolution", "ecosoc", "named", "2012-07-26"),
    ("64/293", "resolution", "ga", "named", "2010-07-30"),
    ("65/232", "resolution", "ga", "named", "2010-12-21"),
    ("20/3", "resolution", "ccpcj", "heading", "2011-04-15"),
    ("65/230", "resolution", "ga", "named", None),  # note 4
    ("55/2", "resolution", "ga", "named", None),  # note 5
    ("20/6", "resolution", "ccpcj", "heading", "2011-04-15"),
    ("19/1", "decision", "ccpcj", "heading", "2010-05-21"),
    ("5/5", "resolution", "cop_untoc", "named", "2010-10-22"),
    ("20/7", "resolution", "ccpcj", "heading", "2011-04-15"),
]


def seed_doc() -> Document:
    return parse_text(SEED.read_text(encoding="utf-8"), path=str(SEED))


def test_every_seed_act_is_recognised_tied_and_dated() -> None:
    doc = seed_doc()
    found = citations(doc)
    got = [
        (a.act.label, a.act.kind, a.body, a.body_reason, a.date.iso() if a.date else None)
        for a in found.acts
    ]
    assert got == SEED_ACTS
    for act in found.acts:
        # The span is the number in the file, the date span the date in the file.
        assert doc.text[act.span.start : act.span.end] == act.act.label
        if act.date_span is not None and act.date is not None:
            written = doc.text[act.date_span.start : act.date_span.end]
            assert "".join(written.split()) == "".join(act.date.text.split())


def test_seed_dates_records_and_sessions() -> None:
    doc = seed_doc()
    found = citations(doc)
    # 12 dates of acts, the range of the Moscow conference, the adoption date.
    assert len(found.dates) == 14
    assert [d.item.kind for d in found.dates].count("range") == 1
    wrapped = next(d for d in found.dates if d.item.iso() == "2010-10-22")
    assert doc.source.position(wrapped.span.start)[0] == 181
    assert doc.source.position(wrapped.span.end)[0] == 183  # "日" after a blank line
    assert [(r.item.year, [s.text for s in r.item.symbols]) for r in found.records] == [
        (2010, ["E/2010/30"]),
        (2011, ["E/2011/30"]),
    ]
    assert [n.item.value for n in found.session_numerals] == [12, 6, 22, 2, 22]
    assert found.malformed_symbols == ()


def test_own_number() -> None:
    own = own_number(seed_doc())
    assert own is not None and (own.act.label, own.body) == ("2012/19", "ecosoc")
    council = parse_text("Resolution 1454 (2002)\n\nThe Security Council,\n\n1. Decides.\n")
    own = own_number(council)
    assert own is not None and (own.act.label, own.body) == ("1454 (2002)", "sc")


def test_the_index_is_built_once_per_document() -> None:
    doc = seed_doc()
    assert citations(doc) is citations(doc)
    other = seed_doc()
    assert citations(other) is not citations(doc)


def test_furniture_is_not_scanned() -> None:
    # A/RES/80/10, raw PyMuPDF: a page break with its running header, job number and page
    # number ("A/RES/80/10", "25-19432", "2/3") and the notes of the page.
    path = CORPUS / "en" / "A_RES_80_10.railcar-pymupdf-raw-v1.0.0.txt"
    doc = parse_text(path.read_text(encoding="utf-8"), path=str(path))
    units = text_units(doc)
    assert not any("25-19432" in unit.text for unit in units)
    assert not any(unit.text.strip() == "2/3" for unit in units)
    found = citations(doc)
    # The paragraph after the page break (line 93) and its acts.
    assert [(a.act.label, a.body) for a in found.acts if a.unit == found.acts[3].unit] == [
        ("53/199", "ga"),
        ("61/185", "ga"),
        ("1980/67", "ecosoc"),
    ]
    assert doc.source.position(found.acts[3].span.start)[0] == 93


def test_a_list_split_by_the_parser_is_read_as_one() -> None:
    # A/RES/80/13 (heuristic clean), lines 26-29: the list of earlier resolutions wraps
    # onto lines the parser takes for new paragraphs; the acts on them are still cited.
    text = (
        "The General Assembly,\n\n"
        "Recalling the Declaration, contained in its resolution 2832 (XXVI) of 16 December "
        "1971, and recalling also its resolutions 54/47 of 1 December 1999,\n"
        "60/48 of 8 December 2005, 62/14 of 5 December 2007,\n"
        "66/22 of 2 December 2011 and 78/13 of 4 December 2023,\n\n"
        "1. Decides to remain seized of the matter.\n\n52nd plenary meeting\n1 December 2025\n"
    )
    found = citations(parse_text(text))
    assert [(a.act.label, a.body) for a in found.acts] == [
        ("2832 (XXVI)", "ga"),
        ("54/47", "ga"),
        ("60/48", "ga"),
        ("62/14", "ga"),
        ("66/22", "ga"),
        ("78/13", "ga"),
    ]
    assert all(a.date is not None for a in found.acts)


def _tie(sentence: str, own: str | None, heading: str = "", language: str = "en") -> list[object]:
    resolver = BodyResolver(own, heading, language)
    acts = find_resolution_numbers(sentence, language)
    return [
        resolver.resolve(act, sentence, end) for act, end in zip(acts, list_ends(acts), strict=True)
    ]


@pytest.mark.parametrize(
    ("sentence", "own", "expected"),
    [
        # The body named before the number.
        ("Recalling Human Rights Council resolution 19/1,", "ga", [("hrc", "named")]),
        # "its" with no other body: the document's own.
        ("Recalling its resolution 66/181 of 19 December 2011,", "ga", [("ga", "own-body")]),
        # The body named after the list.
        (
            "Recalling resolutions 5/1 and 5/2 of 18 June 2007 of the Human Rights Council,",
            "ga",
            [("hrc", "named"), ("hrc", "named")],
        ),
        # A body named after a list of acts with their own dates is the last one's only.
        (
            "Recalling resolutions 60/251 of 15 March 2006 and 5/1 of 18 June 2007 of the "
            "Human Rights Council,",
            "ga",
            [("ga", "own-body"), ("hrc", "named")],
        ),
        # A body named just before an act cited with "its".
        (
            "approved by the General Assembly in its resolution 58/318 of 13 September 2004,",
            "sc",
            [("ga", "nearby")],
        ),
        # A numbering only one body uses.
        (
            "Recalling resolutions 1325 (2000) and 2012/18,",
            "ga",
            [("sc", "numbering"), ("ecosoc", "numbering")],
        ),
        # A short name narrowed by the numbering: the only Council numbered by session.
        ("Recalling Council resolution 19/1,", "ga", [("hrc", "named")]),
        # A short name that stays ambiguous: three commissions are numbered by session.
        ("Recalling Commission resolution 19/1,", "ga", [(None, "")]),
        # Another body is the subject of "in its": not the document's own.
        (
            "Recalling that the Commission on Narcotic Drugs, at its sixty-fifth session, in "
            "its resolution 65/1 of 18 March 2022,",
            "ga",
            [(None, "")],
        ),
        # The document's body is unknown and the number fits several bodies.
        ("Recalling resolution 66/181,", None, [(None, "")]),
    ],
)
def test_attribution(sentence: str, own: str | None, expected: list[object]) -> None:
    assert _tie(sentence, own) == expected


def test_short_name_resolved_by_the_heading_zh() -> None:
    heading = "[根据预防犯罪和刑事司法委员会的建议(E/2012/30 和 Corr.1 和 2)通过]"
    sentence = "回顾委员会 2011年 4月 15日题为“执行《行动计划》”的第 20/3号决议，"
    assert _tie(sentence, "ecosoc", heading, "zh") == [("ccpcj", "heading")]
    assert _tie(sentence, "ecosoc", "", "zh") == [(None, "")]


def test_language_without_grammar_data_is_skipped_not_crashed() -> None:
    # German: no lexicon and no numeral data (the six United Nations languages all have some).
    doc = parse_text(
        "Die Generalversammlung,\n\n1. beschließt: Resolution A/RES//66/1 vom 30. Februar 2012.\n",
        language="de",
    )
    found = citations(doc)
    assert (found.dates, found.acts, found.records, found.session_numerals) == ((), (), (), ())
    # Symbols are the same in every language.
    assert [m.item.text for m in found.malformed_symbols] == ["A/RES//66/1"]
