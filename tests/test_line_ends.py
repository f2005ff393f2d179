"""Every line end and page break is a line end, for the parser and for the fixer (issue 15).

CR, CRLF, VT, FF, NEL, U+2028 and U+2029, alone or in runs, end lines; the fixer turns
them into LF and never joins the words on either side, whatever the language.
"""

from __future__ import annotations

import re

import pytest

from benchmarks.scaling_inputs import LINE_ENDS, line_end_style
from linter.engine.registry import Edit, all_rules
from linter.fix.canonical import join_pieces
from linter.fix.fixer import fix_text
from linter.fix.guard import GuardError, check_joins
from linter.source.text import Source, spaced_script, split_lines

BREAKS = ["\n", "\r", "\r\n", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"]
HEAD = "The General Assembly,\n\n"
TAIL = "\n\n1. Decides to remain seized of the matter.\n\n99th plenary meeting\n1 December 2025\n"


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


@pytest.mark.parametrize("end", BREAKS, ids=repr)
def test_each_break_ends_a_line_and_a_run_makes_blank_lines(end: str) -> None:
    assert [line.text for line in split_lines(f"one{end}two")] == ["one", "two"]
    assert [line.text for line in split_lines(f"one{end}{end}two")] == ["one", "", "two"]
    source = Source.from_text(f"one{end}two", language="en")
    assert source.position(len(f"one{end}")) == (2, 1)


@pytest.mark.parametrize(
    "damaged",
    [
        "Eightieth session\rAgenda item 99",  # a lone CR: the CR fix removed it
        "matter\x0c\x0cand the rest",  # two form feeds in a row
        "the Congo,7\x0b\x0b2 and",  # two vertical tabs
        "the matter\x85\x85and",  # two NEL
        "the matter\u2028\u2029and",
    ],
    ids=["lone-cr", "ff-ff", "vt-vt", "nel-nel", "ls-ps"],
)
def test_fix_never_glues_the_words_around_a_line_end(damaged: str) -> None:
    outcome = fix_text(HEAD + damaged + TAIL, all_rules(), language="en")
    assert outcome.error is None, outcome.error
    assert _words(outcome.text) == _words(HEAD + damaged + TAIL)
    assert not set("\r\x0b\x0c\x85\u2028\u2029") & set(outcome.text)


@pytest.mark.parametrize("style", sorted(LINE_ENDS))
def test_a_whole_document_in_each_line_end_style_fixes_to_lf_with_the_same_words(
    style: str,
) -> None:
    text = line_end_style(style)(6)
    outcome = fix_text(text, all_rules())
    assert outcome.error is None, outcome.error
    assert _words(outcome.text) == _words(text)
    assert not set("\r\x0b\x0c\x85\u2028\u2029") & set(outcome.text)


def test_chinese_joins_keep_a_space_between_words_of_any_alphabet() -> None:
    assert join_pieces("Société", "Générale", "") == " "
    assert join_pieces("Организация", "Объединённых", "") == " "
    assert join_pieces("E/2012/30", "Corr.1", "") == " "
    assert join_pieces("联合国", "大会", "") == ""
    assert join_pieces("2012", "年", "") == ""
    assert spaced_script("é") and spaced_script("Ж") and not spaced_script("中")


def test_the_guard_refuses_an_edit_that_glues_two_words() -> None:
    text = "the matter\x0c\x0cand"
    with pytest.raises(GuardError, match="'matter' and 'and'"):
        check_joins(text, [Edit(10, 11, ""), Edit(11, 12, "")])  # together they glue
    check_joins(text, [Edit(10, 11, " "), Edit(11, 12, "")])
    check_joins("inter-\nnational", [Edit(5, 7, "")])  # A010: a hyphen is no whitespace
    check_joins("inter\u200bnational", [Edit(5, 6, "")])  # A007: nor a zero-width space
    with pytest.raises(GuardError):
        check_joins("Société\nGénérale", [Edit(7, 8, "")])


def test_a_chinese_paragraph_wrapped_between_two_french_words_keeps_them_apart() -> None:
    text = (
        "经济及社会理事会，\n\n"
        "1. 欢迎兴业银行（Société\nGénérale）和 Организация\nОбъединённых 的合作；\n\n"
        "2. 决定继续审议这个问题。\n\n"
        "2012 年 7 月 26 日\n\n第 46 次全体会议\n"
    )
    outcome = fix_text(text, all_rules(), language="zh")
    assert outcome.error is None, outcome.error
    assert "Société Générale" in outcome.text
    assert "Организация Объединённых" in outcome.text
