"""The fuzzing suite (issue 15): resolution-like documents in every language the generator
knows, mutated (``tests/fuzz.py``), checked for what must hold on any input.

- no exception, on text and on bytes (rules raise under tests: a crash fails here);
- every finding's span lies inside the text, and its line and column are the span's;
- ``fix`` is idempotent, loses no word outside proven furniture (lines the parse of the
  original classed as page furniture or separator, and the extra copies of repeated
  emphasis), glues no two words, and leaves no fixable finding for ``check``.

CI runs a bounded number of examples. A long run, a million inputs per property::

    pytest tests/test_fuzz_documents.py --hypothesis-profile=long -p no:cacheprovider -x

(the profile is registered in ``tests/conftest.py``; it also drops the per-example
deadline). Inputs that failed are kept in ``.hypothesis/`` and replayed first.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter

from hypothesis import HealthCheck, example, given, settings

from linter.engine.lint import FileResult, lint_bytes, lint_text
from linter.engine.registry import all_rules
from linter.fix.fixer import fix_text
from linter.fix.guard import _words_and_gaps
from linter.parse.layout import FURNITURE, Kind
from linter.parse.repeats import collapse, find_repeats
from linter.source.lexicon import lexicon_for
from linter.source.text import LINE_BREAK_CHARS, Source, split_lines
from tests.fuzz import fuzzed_bytes, fuzzed_texts

RULES = all_rules()
_SPACE = re.compile(r"\s+")
#: The long profile's number of examples, else RESLINT_FUZZ_EXAMPLES, else a bounded
#: number for CI.
EXAMPLES = (
    settings.default.max_examples
    if settings.default.max_examples > 1000
    else int(os.environ.get("RESLINT_FUZZ_EXAMPLES", "40"))
)
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
#: Generous: these texts are a few kilobytes; a budget spent here means a stall.
BUDGET = 20.0
_DROPPED_KINDS = FURNITURE | {Kind.SEPARATOR}
_WORD = re.compile(r"[^\W_]")


def _spans_inside(result: FileResult, length: int) -> None:
    source = result.source
    for finding in result.findings:
        assert 0 <= finding.start <= finding.end <= length, finding
        if source is not None:
            assert source.position(finding.start) == (finding.line, finding.column), finding
            assert source.position(finding.end) == (finding.end_line, finding.end_column)
    assert not [f for f in result.findings if f.rule == "E003"], "a budget ran out"


@FUZZ
@given(fuzzed_texts())
def test_check_never_fails_and_spans_lie_inside(text: str) -> None:
    result = lint_text(text, "<fuzz>", RULES, budget=BUDGET)
    _spans_inside(result, len(text))


@FUZZ
@given(fuzzed_bytes())
def test_check_of_any_bytes_never_fails(data: bytes) -> None:
    result = lint_bytes(data, "<fuzz>", RULES, budget=BUDGET)
    if result.source is None:  # not UTF-8: E001 gives the byte offset
        for finding in result.findings:
            assert 0 <= finding.start <= finding.end <= len(data)
        return
    _spans_inside(result, len(result.source.text))


def _word_chars(text: str) -> Counter[str]:
    return Counter(_WORD.findall(unicodedata.normalize("NFKC", text)))


def _droppable(original: FileResult) -> Counter[str]:
    """Word characters a fix may drop: furniture and separator lines, and the copies of
    repeated emphasis beyond the one kept. A fix may uncover repeats: removing a control
    character (``回\x00回顾顾``), joining a wrapped line (``回`` / ``回顾顾``) or writing a
    compatibility form as its letters (A008: ``ﬁnancial`` three times, a word the repeat
    scan does not read with its ligature) makes a run; so repeats are also looked for once
    those are gone."""
    allowed: Counter[str] = Counter()
    assert original.document is not None and original.source is not None
    kinds = original.document.layout.kinds
    for line, kind in zip(original.source.lines, kinds, strict=True):
        if kind in _DROPPED_KINDS:
            allowed += _word_chars(line.text)
    text = original.source.text
    lexicon = lexicon_for(original.language or "und")
    leads = lexicon.lead_set
    visible = "".join(
        c for c in text if unicodedata.category(c) not in ("Cc", "Cf") or c in LINE_BREAK_CHARS
    )
    lines = [line.text for line in split_lines(visible) if line.text.strip()]
    joined = lexicon.line_join.join(line.strip() for line in lines)
    # Lines repaired one by one, then joined (a fix collapses a line's repeats first).
    repaired = lexicon.line_join.join(collapse(line.strip(), leads) for line in lines)
    compatible = unicodedata.normalize("NFKC", joined)
    for version in (text, visible, joined, repaired, compatible):
        # A collapse can uncover another (回回顾顾会员国 x3 -> 回顾会员国 x3): to a fixpoint.
        for _ in range(10):
            found = find_repeats(version, leads)
            if not found:
                break
            for repeat in found:
                span = version[repeat.start : repeat.end]
                allowed += _word_chars(span) - _word_chars(repeat.phrase)
            version = collapse(version, leads)
    return allowed


def _glued(original: str, fixed: str, leads: frozenset[str]) -> list[str]:
    """Words of the fixed text made of two words only whitespace separated, beyond what the
    original held (also once its repeats are collapsed: ``N\toting`` beside
    ``NotingNoting`` fixes to ``N oting`` and ``Noting``) and what removing a character
    between two words (a NUL, a zero-width space, a hyphen at a line end) explains. The
    guard's tokenizer, on the whole texts (the guard itself looks at edit windows)."""
    words, gaps = _words_and_gaps(unicodedata.normalize("NFKC", original))
    spaced: Counter[str] = Counter()
    joined_by_a_character: Counter[str] = Counter()
    for first, second, gap in zip(words, words[1:], gaps, strict=False):
        if gap.isspace():
            spaced[first + second] += 1
        elif gap:
            joined_by_a_character[first + second] += 1
    collapsed = collapse(unicodedata.normalize("NFKC", original), leads)
    before = Counter(words) | Counter(_words_and_gaps(collapsed)[0])
    after = Counter(_words_and_gaps(unicodedata.normalize("NFKC", fixed))[0])
    return [word for word in spaced if after[word] - before[word] > joined_by_a_character[word]]


@FUZZ
@given(fuzzed_texts())
# Found by a 60,000-example run: a phrase with a ligature on three wrapped lines is a
# repeat only once A008 writes the ligature as letters and A002 joins the lines.
@example("The General Assembly,\nRecalling \ufb01nancial\nRecalling \ufb01nancial\n"
         "Recalling \ufb01nancial\nthe report the,\n1. Requests the report.\n")  # fmt: skip
def test_fix_is_idempotent_loses_no_word_and_glues_none(text: str) -> None:
    once = fix_text(text, RULES, budget=BUDGET)
    if once.error is not None:
        assert once.text == text and "time budget" not in once.error
        return
    language = once.first.language
    lost = (_word_chars(text) - _word_chars(once.text)) - _droppable(once.first)
    assert not lost, f"lost {''.join(sorted(lost.elements()))!r}"
    assert not _glued(text, once.text, lexicon_for(language or "und").lead_set)
    again = fix_text(once.text, RULES, language=language, budget=BUDGET)
    assert again.error is None and again.text == once.text
    left = lint_text(once.text, "<fuzz>", RULES, language=language, budget=BUDGET).findings
    assert not [f for f in left if f.fix is not None and f.fix.applicability == "safe"]


def test_the_generator_knows_at_least_chinese_and_english() -> None:
    from tests.fuzz import LANGUAGES

    assert {"en", "zh"} <= {language.code for language in LANGUAGES}
    assert Source.from_text("x").lines  # the suite's helpers import cleanly


def test_a_lone_figure_after_the_adoption_block_is_never_dropped() -> None:
    # Found by the fuzzer (20,000-example run): a date line cut to its first figure, "1",
    # after the meeting line. The parser takes it for an own-line marker and chooses no
    # marker there; the canonical plan dropped the line with the notes it moved to the end.
    text = (
        "The General Assembly,\n\n1. Decides the[^1] report the cooperation;\n"
        "2. Urges 19 December 2011[^2]\n_______________\n\n1 See A/80/348.\n"
        "2 Resolution 76/258, annex.\n\n25-18769\n2/2\n\n"
        "report agency cooperation.\n40th plenary meeting\n1"
    )
    outcome = fix_text(text, RULES)
    lost = (_word_chars(text) - _word_chars(outcome.text)) - _droppable(outcome.first)
    assert not lost, outcome.text


def test_a_repeat_split_by_a_paragraph_separator_may_collapse() -> None:
    # Found by the fuzzer: "Bearing in mindBearing\u2029 in mind" joins to the lead drawn
    # twice, which A001 collapses; the check now splits lines where the parser does.
    text = open_example("Bearing in mindBearing\u2029 in mind the report the report,")
    outcome = fix_text(text, RULES)
    assert outcome.error is None
    assert "Bearing in mind the report" in outcome.text
    lost = (_word_chars(text) - _word_chars(outcome.text)) - _droppable(outcome.first)
    assert not lost


def open_example(paragraph: str) -> str:
    return (
        "The General Assembly,\n\n" + paragraph + "\n\n1. Requests the report;\n\n"
        "40th plenary meeting\n\n14 November 2025\n"
    )
