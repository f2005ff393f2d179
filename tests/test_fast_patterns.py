"""Patterns rewritten for speed find exactly what their plainer forms found.

A pattern that opens with a look-behind makes the regular-expression engine try that
look-behind at every position of the text; one that opens with the character it consumes
lets the engine skip ahead to such characters. The marker pass's patterns were rewritten
that way (the look-behind moved after the first character). Each is compared here with
its plainer form, match for match, groups included, on text made of the pieces those
patterns care about.
"""

from __future__ import annotations

import importlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.parse import marker_shapes


def _joined(pieces: list[str], max_size: int) -> st.SearchStrategy[str]:
    """Texts of up to ``max_size`` of the ``pieces``, in any order."""
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PLAIN = {
    "OLD_STYLE": r"(?:(?<=\s)|(?<=[^\W\d_])|(?<=[,.;:”’)]))(\d{1,3})/(?![\d/\w])",
    "GLUED": (
        rf"(?<=[^\W\d_]|[,.;:”’)\]，。；：》」』）،؛])(\d{{1,3}})"
        rf"(?=[\s,.;:)\]”’，。；、،؛{_CJK}]|$)"
    ),
    "SPACED": r"(?<=[^\W\d_]|[,.;:”’)])(\s{1,3})(\d{1,3})(?=\s+\S|\s*$)",
    "SPACED_AFTER_YEAR": r"(?:(?<=\s)|^)(?:19|20)\d\d(\s{1,3})(\d{1,3})(?=\s+\S|\s*$)",
    "SPACED_AFTER_SYMBOL": (
        r"(?:(?<=\s)|^)(?:[A-Z]{1,4}/[\w./-]*\d|(?:Add|Corr|Rev|Amend)\.\d+)(\s{1,3})(\d{1,3})"
        r"(?=\s*$|\s+[a-z])"
    ),
}
_SHORT_PIECES = "1 2 12 123 1234 19 20 1991 2024 / a word Add Corr Rev Amend A S RES . , ; : ) ”"
_PIECES = st.sampled_from(
    [
        *_SHORT_PIECES.split(),
        *(" ", "  ", "   ", "\t", "’", "，", "。", "会", "-", "x1", "٣", "_"),
        *(", 12 ", "word 5 ", "1991 295 and", "S/10352 46", "Add.1 1 c", "Declaration4 "),
        *("2024,1", "1/ ", " S/", ".\t7\tthe", "word   7 x", "Amend.2 3 of", "Corr.1  4"),
    ]
)
_LINES = st.lists(_PIECES, max_size=16).map("".join)


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[object, ...]]:
    return [(match.span(), match.groups()) for match in pattern.finditer(text)]


@pytest.mark.parametrize("name", sorted(_PLAIN))
@settings(max_examples=600, deadline=None)
@given(line=_LINES)
def test_marker_patterns_find_what_their_plain_forms_find(name: str, line: str) -> None:
    fast = getattr(marker_shapes, name)
    assert _found(fast, line) == _found(re.compile(_PLAIN[name]), line)


@pytest.mark.parametrize(
    "line",
    [
        "Declaration4 and 2024,1 then",
        "Countries, 11  the report",
        "of 8 October 1991 295 and",
        "document S/10352 46",
        "S/4279 and Add.1 1 concerning",
        "1/ See the report 2/",
        "12 the line opens with a figure",
        "会议3，",
    ],
)
def test_marker_patterns_on_known_shapes(line: str) -> None:
    for name, plain in _PLAIN.items():
        assert _found(getattr(marker_shapes, name), line) == _found(re.compile(plain), line), name


_A006_PLAIN = {
    "_RUN": re.compile(r"(?<=\S)(?: {2,}|\t[ \t]*| ?\t)(?=\S)"),
    "_TRAILING_LINES": re.compile(r"(?<![ \t\u3000\u00a0])[ \t\u3000\u00a0]+$", re.MULTILINE),
}
_WHITESPACE_TEXT = st.text(st.sampled_from([" ", "\t", "\u3000", "\u00a0", "a", "\n", "1", "."]))


@pytest.mark.parametrize("name", sorted(_A006_PLAIN))
@settings(max_examples=600, deadline=None)
@given(text=_WHITESPACE_TEXT)
def test_a006_patterns_find_what_their_plain_forms_find(name: str, text: str) -> None:
    a006 = importlib.import_module("linter.rules.artifacts.A006_whitespace")
    assert _found(getattr(a006, name), text) == _found(_A006_PLAIN[name], text)


# -- patterns written to open with one character class (linter.source.scanning) ------------

_CLASS_PLAIN = {
    ("linter.source.text", "LINE_BREAK"): "\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]",
    (
        "linter.rules.artifacts.A008_compatibility_form",
        "_ALWAYS",
    ): "[\ufb00-\ufb06]+|[\u2160-\u2188]+",
    ("linter.rules.artifacts.A008_compatibility_form", "_FULLWIDTH"): (
        "[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+"
    ),
    ("linter.rules.artifacts.A011_visual_order", "_MARKS"): (
        "[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]+"
    ),
    ("linter.parse.marker_shapes", "DIGIT_RUN"): r"\d+",
}
_CLASS_TEXT = st.text(
    st.sampled_from(
        [
            *"\r\n\x0b\x0c\x85\u2028\u2029",
            *"\ufb01\ufb02\u2163\u2160",
            *"\uff21\uff41\uff10",
            *"\u200e\u200f\u202b",
            *"12٣a .",
        ]
    )
)


@pytest.mark.parametrize("where", sorted(_CLASS_PLAIN))
@settings(max_examples=400, deadline=None)
@given(text=_CLASS_TEXT)
def test_class_led_patterns_find_what_their_plain_forms_find(
    where: tuple[str, str], text: str
) -> None:
    module, name = where
    fast = getattr(importlib.import_module(module), name)
    assert _found(fast, text) == _found(re.compile(_CLASS_PLAIN[where]), text)


@settings(max_examples=400, deadline=None)
@given(text=_CLASS_TEXT)
def test_a008_looks_for_either_form_in_one_scan(text: str) -> None:
    a008 = importlib.import_module("linter.rules.artifacts.A008_compatibility_form")
    either = bool(a008._ALWAYS.search(text) or a008._FULLWIDTH.search(text))
    assert bool(a008._ANY_FORM.search(text)) == either


def test_language_scripts_count_runs_as_before() -> None:
    language = importlib.import_module("linter.source.language")
    text = "会议 Recalling Société ссылаясь على 会"
    for pattern in language._SCRIPTS.values():
        plain = re.compile(pattern.pattern.rsplit("[", 1)[0] + "+")
        assert pattern.findall(text) == plain.findall(text)


# -- a paragraph's final mark, read backwards -------------------------------------------------

_PLAIN_TRAILING_MARKER = re.compile(r"([^\w\s/])\s*(?:\d{1,3}/?|/)$")
_PLAIN_TRAILING_SPECK = re.compile(r"([,;.:，；。：])[\s‘’'\"°*^]+\d{0,3}$")
_ENDINGS = _joined([*"a1/ ,;.:，。‘’'\"°*^”)-", "12", "1234", "  ", "word"], 12)


def _plain_final_mark(text: str) -> str:
    stripped = text.rstrip().rstrip("\"'”’」』»").rstrip()
    found = _PLAIN_TRAILING_SPECK.search(stripped) or _PLAIN_TRAILING_MARKER.search(stripped)
    return found.group(1) if found else stripped[-1:]


@settings(max_examples=2000, deadline=None)
@given(text=_ENDINGS)
def test_final_mark_reads_as_the_plain_patterns_did(text: str) -> None:
    numbering = importlib.import_module("linter.parse.numbering")
    assert numbering.final_mark(text) == _plain_final_mark(text)


# -- lead phrases: a text whose first characters open no lead is passed by ---------------


def _lead_without_shortcut(ctx: object, text: str) -> tuple[str | None, str | None]:
    """ParseContext._lead_of as it was: every text's repeats collapsed first."""
    context = importlib.import_module("linter.parse.context")
    saved = ctx._may_open_lead  # type: ignore[attr-defined]
    ctx._may_open_lead = lambda text: True  # type: ignore[attr-defined]
    try:
        result: tuple[str | None, str | None] = context.ParseContext._lead_of(ctx, text)
        return result
    finally:
        ctx._may_open_lead = saved  # type: ignore[attr-defined]


_LEAD_PIECES = st.sampled_from(
    [
        *("Recalling", "Recall", "RRee", "ccaalllliinngg", "Bearing in mind", "in", "mind"),
        *(" ", "  ", "also", "R", "e", "回顾", "回", "顾", "会员国", "又", "，", "1. "),
        *("W", "We", "Welcoming", "请请", "a a a ", "\t", "Re", "B", "Be", "RReeccaalllliinngg"),
    ]
)


@pytest.mark.parametrize("language", ["en", "zh"])
@settings(max_examples=800, deadline=None)
@given(pieces=st.lists(_LEAD_PIECES, max_size=8))
def test_lead_of_skips_only_texts_that_open_no_lead(language: str, pieces: list[str]) -> None:
    context = importlib.import_module("linter.parse.context")
    structure = importlib.import_module("linter.parse.structure")
    source = importlib.import_module("linter.source.text").Source.from_text(
        "x\n", language=language
    )
    lexicon = importlib.import_module("linter.source.lexicon").lexicon_for(language)
    ctx = context.ParseContext(source, structure.classify(source), lexicon)
    text = "".join(pieces).lstrip()[: ctx.lead_window]
    assert ctx._lead_of(text) == _lead_without_shortcut(ctx, text)


# -- glued repeats over several words: only the split the copy allows is tried -------------

_L = r"A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff"
_PLAIN_GLUED = re.compile(f"(?<![{_L}])([{_L}]{{3,}}?(?:[ \\t]+[{_L}]+){{0,3}}?)\\1+(?![{_L}])")
_WORDS = st.sampled_from(["in", "mind", "Bearing", "abab", "ab", "abc", "é", "a", "mindin"])
_GAPS = st.sampled_from([" ", "\t", "  ", " \t"])


@st.composite
def _repeated_units(draw: st.DrawFn, glued: bool) -> str:
    """Text around a unit of one to five words drawn one to four times, glued or spaced."""
    words = draw(st.lists(_WORDS, min_size=1, max_size=5))
    unit = "".join(word + draw(_GAPS) for word in words[:-1]) + words[-1]
    copies = [unit] * draw(st.integers(1, 4))
    before = draw(st.sampled_from(["", "x ", "mind ", ", ", "ab"]))
    after = draw(st.sampled_from(["", " x", "in", ",", " mind"]))
    return before + ("" if glued else draw(_GAPS)).join(copies) + after


@settings(max_examples=1500, deadline=None)
@given(text=_repeated_units(glued=True))
def test_glued_repeats_find_what_the_plain_pattern_found(text: str) -> None:
    repeats = importlib.import_module("linter.parse.repeats")
    assert list(repeats._glued_repeats(text)) == [m.span() for m in _PLAIN_GLUED.finditer(text)]


# -- the adoption pass looks only near lines holding the word for a meeting ----------------

_ADOPTION_LINES = st.lists(
    st.sampled_from(
        [
            "Adopted at the",
            "3003rd",
            "meeting",
            "meeting.",
            "",
            "on 12 May 1990.",
            "text,",
            "1. Decides;",
            "Adopted at its 12th meet-",
            "ing on 3 June 2001",
            "通过",
            "次会议",
        ]
    ),
    max_size=9,
)


@pytest.mark.parametrize("language", ["en", "zh"])
@settings(max_examples=400, deadline=None)
@given(lines=_ADOPTION_LINES)
def test_adoption_pass_finds_what_it_found_looking_everywhere(
    language: str, lines: list[str]
) -> None:
    adoption = importlib.import_module("linter.parse.adoption")
    context = importlib.import_module("linter.parse.context")
    structure = importlib.import_module("linter.parse.structure")
    text = "\n".join(["The Security Council,", *lines]) + "\n"
    source = importlib.import_module("linter.source.text").Source.from_text(text, language=language)
    lexicon = importlib.import_module("linter.source.lexicon").lexicon_for(language)

    def found(near: object) -> object:
        ctx = context.ParseContext(source, structure.classify(source), lexicon)
        saved = adoption._near_meeting_word
        adoption._near_meeting_word = near
        try:
            return adoption.find_adoption(ctx, 1)
        finally:
            adoption._near_meeting_word = saved

    everywhere = found(lambda ctx: lambda index: True)
    assert found(adoption._near_meeting_word) == everywhere


# -- the paragraph holding a fact, by bisection when paragraphs are in file order ----------


@st.composite
def _extents(draw: st.DrawFn) -> list[tuple[int, int]]:
    """Paragraph extents: in file order (gaps and empty ones included) or shuffled."""
    spans, position = [], 0
    for length, gap in draw(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 3)))):
        spans.append((position + gap, position + gap + length))
        position += gap + length
    if draw(st.booleans()):
        spans = draw(st.permutations(spans))
    return spans


@settings(max_examples=500, deadline=None)
@given(extents=_extents())
def test_the_owner_of_an_offset_is_the_first_extent_holding_it(
    extents: list[tuple[int, int]],
) -> None:
    versions = importlib.import_module("linter.facts.versions")
    span = importlib.import_module("linter.parse.model").Span
    owner = versions._owner_finder([span(start, end) for start, end in extents])
    for offset in range(-1, 40):
        holding = [i for i, (start, end) in enumerate(extents) if start <= offset < end]
        assert owner(offset) == (holding[0] if holding else None)


def test_per_lexicon_memoises_by_identity_then_by_value() -> None:
    lexicons = importlib.import_module("linter.source.lexicon")
    built: list[str] = []

    @lexicons.per_lexicon
    def build(lex: object) -> str:
        built.append(lex.language)  # type: ignore[attr-defined]
        return f"built for {lex.language}"  # type: ignore[attr-defined]

    english, chinese = lexicons.lexicon("en"), lexicons.lexicon("zh")
    assert build(english) == build(english) == "built for en"
    assert build(chinese) == "built for zh"
    assert build(english) == "built for en"  # by value, after another lexicon
    empty_a, empty_b = lexicons.empty_lexicon("xx"), lexicons.empty_lexicon("xx")
    assert empty_a is not empty_b and build(empty_a) == build(empty_b) == "built for xx"
    assert built == ["en", "zh", "xx"]


# -- the marker pass runs each shape only where its figures are -----------------------------

_MARKER_LINES = _joined(
    [
        *"1234567890",
        " ",
        "  ",
        ",",
        ".",
        ";",
        "/",
        "a",
        "word",
        "May",
        "1991",
        "203412",
        "[^3]",
        "paragraph",
        "S/10352",
        "Add.1",
        "–",
        "会",
        "，",
        "(",
        ")",
        "of",
        "and",
    ],
    14,
)


@settings(max_examples=1500, deadline=None)
@given(
    text=_MARKER_LINES,
    previous=st.sampled_from(["", "on 7", "report of 8 October", "the Congo,", "all"]),
)
def test_inline_markers_are_found_as_if_every_shape_ran(text: str, previous: str) -> None:
    markers = importlib.import_module("linter.parse.markers")
    line_type = importlib.import_module("linter.source.text").Line
    lexicon = importlib.import_module("linter.source.lexicon").lexicon_for("en")
    before = line_type(1, 0, len(previous), previous)
    line = line_type(2, len(previous) + 1, len(previous) + 1 + len(text), text)

    def found() -> list[object]:
        return markers.find_inline_markers(line, lexicon, bool(previous), before, "the end")

    fast = found()
    saved = markers._figure_runs
    markers._figure_runs = lambda text: (True, True, True, True)
    try:
        assert fast == found()
    finally:
        markers._figure_runs = saved


# -- joins: the end-anchored patterns run only after a dash or a slash ---------------------


def _plain_join(before: str, after: str, line_join: str) -> str:
    joins = importlib.import_module("linter.fix.joins")
    spaced_script = importlib.import_module("linter.source.text").spaced_script
    if not before or not after:
        return ""
    if joins._LABEL_ONLY.match(before):
        return " "
    if before.endswith("\u00ad"):
        return ""
    if after[0].isalnum() and (
        joins._DASH_END.search(before) or joins._SYMBOL_SLASH_END.search(before)
    ):
        return ""
    if not line_join and spaced_script(before[-1]) and spaced_script(after[0]):
        return " "
    return line_join


_JOIN_PIECES = _joined([*"a-–/\n 1.", "S/Agenda/", "self-", "(a)", "会", "É", "\u00ad"], 6)


@settings(max_examples=1500, deadline=None)
@given(before=_JOIN_PIECES, after=_JOIN_PIECES, line_join=st.sampled_from([" ", ""]))
def test_join_pieces_joins_as_the_plain_patterns_did(
    before: str, after: str, line_join: str
) -> None:
    joins = importlib.import_module("linter.fix.joins")
    assert joins.join_pieces(before, after, line_join) == _plain_join(before, after, line_join)


# -- repeats: the scans that start at a word open with the non-letter before it ------------

_PLAIN_SPACED = re.compile(
    f"(?<![{_L}])([{_L}]++(?:[ \\t]+[{_L}]++){{0,3}}?)(?:[ \\t]+\\1)+(?![{_L}])"
)


@settings(max_examples=1500, deadline=None)
@given(text=_repeated_units(glued=False))
def test_spaced_repeats_are_found_where_the_plain_pattern_found_them(text: str) -> None:
    repeats = importlib.import_module("linter.parse.repeats")
    found = [
        (m.start(1) - 1, m.end() - 1, m.group(1))
        for m in repeats._SPACED_REPEAT.finditer(repeats._padded(text))
    ]
    assert found == [(m.start(), m.end(), m.group(1)) for m in _PLAIN_SPACED.finditer(text)]


# -- page furniture proved by the line alone: only lines opening with a figure, * or a dash --

_FURNITURE_LINES = _joined(
    [
        "12-34567",
        " (E)",
        " 120324",
        "*1234567*",
        "3/7",
        " / ",
        "– 3 –",
        "-",
        "٣",
        "a",
        "Page",
        " ",
        "2",
        "*",
        "x",
    ],
    5,
)


@settings(max_examples=1500, deadline=None)
@given(text=_FURNITURE_LINES)
def test_strong_furniture_is_read_as_by_its_four_patterns(text: str) -> None:
    furniture = importlib.import_module("linter.parse.furniture")
    kind = importlib.import_module("linter.parse.line_kinds").Kind
    expected = None
    if furniture._JOB_NUMBER.match(text):
        expected = kind.JOB_NUMBER
    elif furniture._BARCODE.match(text):
        expected = kind.BARCODE
    else:
        page = furniture._PAGE_OF.match(text)
        if (page and 1 <= int(page[1]) <= int(page[2])) or furniture._PAGE_DASHED.match(text):
            expected = kind.PAGE_NUMBER
    assert furniture.strong_furniture(text) == expected


# -- the canonical plan: plain gaps made directly are the gaps the drafts make -------------


def _plans(text: str) -> tuple[object, object]:
    planner = importlib.import_module("linter.fix.planner")
    document = importlib.import_module("linter.parse.structure").parse_text(text)
    direct = planner.Planner(document).build()
    drafted = planner.Planner(document)
    drafted.plain_gaps_directly = False
    return direct, drafted.build()


def test_plain_gaps_are_planned_as_drafts_plan_them_on_the_corpus() -> None:
    from tests.conftest import CORPUS

    compared = 0
    for path in sorted(CORPUS.rglob("*.txt")):
        direct, drafted = _plans(path.read_text(encoding="utf-8", errors="replace"))
        assert direct == drafted, path.name
        compared += 1
    assert compared > 500


@settings(max_examples=300, deadline=None)
@given(text=importlib.import_module("tests.fuzz").fuzzed_texts())
def test_plain_gaps_are_planned_as_drafts_plan_them_on_fuzzed_texts(text: str) -> None:
    direct, drafted = _plans(text)
    assert direct == drafted
