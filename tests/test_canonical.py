"""``reslint fix`` produces canonical text: the seed, A/RES/80/7 and the whole corpus.

Canonical text must lint clean for the A rules, parse to the same Document (paragraphs,
numbers, notes and their texts, markers, adoption) as the damaged original, and come back
unchanged from a second fix.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from linter.engine.lint import lint_text
from linter.engine.registry import all_rules
from linter.fix.fixer import FixOutcome, fix_text
from linter.fix.signature import differences, text_signature
from linter.parse.structure import parse
from linter.source.text import Source
from tests.conftest import A_RES_80_7_RAW, FIRST_CORPUS, SEED

CORPUS_FILES = FIRST_CORPUS
RAW_FILES = [SEED, *(path for path in CORPUS_FILES if "raw" in path.name)]
_INLINE_MARKER = re.compile(r"\[\^(\d+)\](?!:)")
_NOTE_LINE = re.compile(r"^\[\^(\d+)\]: ", re.MULTILINE)


@cache
def fixed(path: Path) -> FixOutcome:
    return fix_text(path.read_text(encoding="utf-8"), all_rules(), path=path.name)


def _lines(text: str) -> list[str]:
    return text.split("\n")


# -- the seed ------------------------------------------------------------------------------


def test_seed_is_fixed() -> None:
    outcome = fixed(SEED)
    assert outcome.error is None
    assert outcome.changed
    assert outcome.passes <= 3


def test_seed_has_no_repeated_phrase_left_and_keeps_real_reduplication() -> None:
    text = fixed(SEED).text
    for damaged in ("回顾回顾", "强调强调", "邀邀", "请请", "认识到认识到", "经济及社会理事会经济"):
        assert damaged not in text
    for legitimate in ("方方面面", "研究所所作", "应对对环境", "强调指出有必要"):
        assert legitimate in text


def test_seed_blocks_are_lines() -> None:
    lines = _lines(fixed(SEED).text)
    assert "经济及社会理事会，" in lines
    numbered = [line for line in lines if re.match(r"^\d+\. ", line)]
    assert [int(line.split(".")[0]) for line in numbered] == list(range(1, 18))
    assert numbered[0].startswith("1. 重申呼吁尚未批准") and numbered[0].endswith("法律文书；")
    assert numbered[-1] == "17. 请秘书长向委员会第二十二届会议提交一份本决议执行情况报告。"
    # The paragraph split by the page-2 notes is one line again.
    assert any("加强合作与协调，努力打击人口贩运" in line for line in lines)


def test_seed_markers_inline_and_notes_at_the_end() -> None:
    text = fixed(SEED).text
    assert len(_INLINE_MARKER.findall(text)) == 16
    assert [int(n) for n in _NOTE_LINE.findall(text)] == list(range(1, 11))
    body, _, notes = text.partition("\n[^1]: ")
    assert not _NOTE_LINE.search(body), "no note before the notes section"
    assert all(block.startswith("[^") for block in notes.split("\n\n")[1:])
    assert text.rstrip("\n").split("\n\n")[-1].startswith("[^10]: E/CN.15/2012/15")
    assert "议定书[^1]作为国际社会" in text


def test_seed_has_one_digit_spacing_style_and_no_trailing_spaces() -> None:
    text = fixed(SEED).text
    cjk = "\u4e00-\u9fff"
    assert not re.search(f"[0-9][{cjk}]|[{cjk}][0-9]", text), "figures touch characters"
    assert "2011 年 12 月 19 日" in text and "第 20/3 号决议" in text
    assert not re.search(r"[ \t]+$", text, re.MULTILINE)
    assert text.endswith("\n") and not text.endswith("\n\n")


# -- A/RES/80/7 ----------------------------------------------------------------------------


def test_a_res_80_7_raw_is_canonical() -> None:
    outcome = fixed(A_RES_80_7_RAW)
    assert outcome.error is None
    lines = _lines(outcome.text)
    assert (
        "1. Takes note with appreciation of the report of the International Atomic Energy Agency;"
        in lines
    )
    for residue in ("_____", "25-18769", "2/2", "*2518769*"):
        assert residue not in outcome.text
    assert lines.count("A/RES/80/7") == 1, "the masthead symbol stays, the running one goes"
    paragraph_2 = next(line for line in lines if line.startswith("2. "))
    assert "safeguards agreement between the Agency and the Democratic" in paragraph_2
    assert paragraph_2.endswith("of the General Conference;")
    assert "2024,[^1]" in outcome.text
    assert "[^1]: See A/80/348." in lines
    assert lines[-2].startswith("[^3]: ") and lines[-1] == ""


# -- every corpus file ---------------------------------------------------------------------


@pytest.mark.parametrize("path", CORPUS_FILES, ids=[p.name for p in CORPUS_FILES])
def test_fix_never_crashes_and_the_content_guard_holds(path: Path) -> None:
    outcome = fixed(path)
    # A correct fix never trips the content guard; the only refusals the corpus may give
    # are texts whose parse the fix would change (a wrapped adoption line that the
    # damaged text hides from the parser), and never for the seed or a raw extraction.
    if outcome.error is not None:
        assert "content guard" not in outcome.error
        assert outcome.error.startswith("fixing would change the structure"), outcome.error
        assert path not in RAW_FILES, outcome.error
        assert outcome.text == outcome.original


@pytest.mark.parametrize("path", CORPUS_FILES, ids=[p.name for p in CORPUS_FILES])
def test_fixed_text_is_settled_and_clean(path: Path) -> None:
    outcome = fixed(path)
    if outcome.error is not None:
        pytest.skip(f"refused: {outcome.error}")
    again = fix_text(outcome.text, all_rules(), path=path.name)
    assert again.error is None
    assert again.text == outcome.text, "a second fix changes nothing"
    result = lint_text(outcome.text, path.name, all_rules())
    fixable = [(f.rule, f.line, f.message) for f in result.findings if f.fix is not None]
    assert not fixable, fixable[:5]
    if path in RAW_FILES:
        # What the damage hid is all repaired: no artifact, numbering or footnote finding.
        left = [(f.rule, f.line, f.message) for f in result.findings if f.rule[0] in "ANF"]
        assert not left, left[:5]


@pytest.mark.parametrize("path", RAW_FILES, ids=[p.name for p in RAW_FILES])
def test_canonical_text_parses_to_the_same_document(path: Path) -> None:
    outcome = fixed(path)
    assert outcome.error is None, outcome.error
    before = parse(Source.from_path(path))
    after = parse(Source.from_text(outcome.text, language=before.language))
    assert not differences(text_signature(before), text_signature(after))
    assert len(after.markers) == len(before.markers)
    assert [n.number for n in after.notes] == [n.number for n in before.notes]
    assert after.adoption.date == before.adoption.date
    assert after.adoption.meeting == before.adoption.meeting
