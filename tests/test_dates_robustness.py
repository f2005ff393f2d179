"""The D rules never crash: random pieces of resolutions, glued any way, lint or stay silent."""

from __future__ import annotations

from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.engine.lint import lint_text
from linter.engine.registry import RuleSpec, all_rules

# Pieces of real citations (seed and corpus) and damage: the rules meet them in any order.
PIECES = [
    "The General Assembly,\n\n",
    "经济及社会理事会，\n\n",
    "1. Decides ",
    " 1. 请秘书长",
    "resolution ",
    "resolutions ",
    "decision ",
    "its ",
    "Council ",
    "Commission ",
    "Security Council ",
    "General Assembly ",
    "Human Rights Council ",
    "大会",
    "委员会",
    "第 ",
    "号决议",
    "号决定",
    "、",
    " and ",
    ", ",
    " of ",
    " of the ",
    "题为“",
    "”的",
    "66/181",
    "2012/18",
    "1454 (2002)",
    "2200 A (XXI)",
    "S-27/2",
    "ES-10/19",
    "0/0",
    "9999/9999",
    "19 December 2011",
    "30 February 2012",
    "31 June",
    "2011 年 12 月 19 日",
    "2011年13月45日",
    "至 28 日",
    "from 15 to 19 September 2025",
    "May 2012",
    "0000",
    "Sixty-sixth Session",
    "第六十六届会议",
    "第零届会议",
    "one hundred and first session",
    "thirty (30)",
    "三十（300）",
    "(A/66/25)",
    "A/RES//66/1",
    "E/2012 /30",
    "E/201030",
    "Official Records of the General Assembly, ",
    ", Supplement No. 25 ",
    "《大会正式记录，",
    "，补编第 25 号》",
    "\n",
    "\n\n",
    "   ",
    "\u3000",
    "(",
    ")",
    "40th plenary meeting\n14 November 2025\n",
    "2012 年 7 月 26 日\n\n第 46 次全体会议\n",
    "_______________\n1 ",
    "[^1]",
    "draft resolution\n",
]


@cache
def d_rules() -> tuple[RuleSpec, ...]:
    return tuple(r for r in all_rules() if r.family == "D")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.sampled_from([None, "en", "zh"]))
def test_random_citations_never_crash(pieces: list[str], language: str | None) -> None:
    text = "".join(pieces)
    result = lint_text(text, "<fuzz>", d_rules(), raise_errors=True, language=language)
    for finding in result.findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert finding.message


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_never_crashes(text: str) -> None:
    lint_text(text, "<fuzz>", d_rules(), raise_errors=True)
