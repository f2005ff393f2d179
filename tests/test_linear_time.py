"""The super-linear paths once found by ``benchmarks/bench_scaling.py`` stay repaired.

No test here measures time (timings belong in the benchmark). Each repair replaced a
rescan per item with an index built once; the tests check that the index gives exactly
what the old rescan gave (against the old code, kept here as the reference) and, where
it can be observed, that the index is built once per line or text, not once per item.
"""

from __future__ import annotations

import bisect
import importlib
import re
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.scaling_inputs import figures_one_line, markers_one_line, own_line_markers
from linter.engine.registry import Edit, Fix
from linter.fix import fixer, guard
from linter.parse import markers
from linter.parse.context import ParseContext
from linter.parse.layout import Kind, Layout
from linter.parse.model import MappedText, Span
from linter.parse.structure import parse_text
from linter.source.lexicon import lexicon_for
from linter.source.text import Line, Source

_NO_LAYOUT = Layout(kinds=(), pages=(), notes=(), page_breaks=frozenset(), front_matter={})

# -- markers: what is read around each figure, not the whole line ----------------------------

_LINE_PIECES_FOR_MARKERS = st.lists(
    st.sampled_from(
        [
            "word",
            "Word",
            " ",
            "  ",
            ",",
            ".",
            ";",
            "1",
            "12",
            "199",
            "1991",
            "November",
            "and",
            "paragraph",
            "No.",
            "G20",
            "S/1234",
            "Add.1",
            "(a)",
            "per cent",
            "年",
            "第",
            "\t",
            "”",
            ")",
            "A.2",
            "of",
            "[^3]",
            "*",
            "1/",
            "to",
            "-",
            "million",
            "x",
        ]
    ),
    max_size=16,
).map("".join)


def _candidates(text: str, language: str, continuation: bool) -> list[object]:
    line = Line(2, 0, len(text), text)
    previous = Line(1, 0, 9, "Recalling")
    found = markers.find_inline_markers(
        line, lexicon_for(language), continuation, previous, "and more"
    )
    return [*found, *markers.find_asterisk_markers(line)]


@settings(max_examples=500, deadline=None)
@given(_LINE_PIECES_FOR_MARKERS, st.sampled_from(["en", "zh", "fr", "ru"]), st.booleans())
def test_marker_windows_decide_as_the_whole_line(
    text: str, language: str, continuation: bool
) -> None:
    # The reference is the same code reading the whole text before and after each figure.
    windowed = _candidates(text, language, continuation)
    with (
        patch.object(markers, "_before", lambda line, end: line[:end]),
        patch.object(markers, "_after", lambda line, start: line[start:]),
    ):
        assert _candidates(text, language, continuation) == windowed


def test_a_line_of_figures_is_read_near_each_figure_not_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read = 0
    real_before, real_after = markers._before, markers._after

    def counted_before(line: str, end: int) -> str:
        nonlocal read
        window = real_before(line, end)
        read += len(window)
        return window

    def counted_after(line: str, start: int) -> str:
        nonlocal read
        window = real_after(line, start)
        read += len(window)
        return window

    monkeypatch.setattr(markers, "_before", counted_before)
    monkeypatch.setattr(markers, "_after", counted_after)
    text = figures_one_line(2000)
    parse_text(text)
    assert 0 < read < 200 * 2000  # the whole line each time: 2,000 x 30,000 characters


def test_a_line_with_no_space_is_read_near_each_figure_not_back_to_its_start() -> None:
    # Chinese runs whole clauses together: "the token before" a figure was the whole
    # paragraph before it (the fix joins a wrapped paragraph into one line: quadratic).
    from linter.parse import windows

    line = "".join(f"第{i % 90 + 1}段和{2000 + i % 20}年的报告，" for i in range(3000))
    middle = len(line) // 2
    assert len(windows.before(line, middle)) <= windows.REACH
    assert len(windows.after(line, middle)) <= windows.REACH + 32
    # A short line is read as before: whole tokens, back to the line's start.
    short = "见第66/181号决议，2"
    assert windows.before(short, len(short) - 1) == "见第66/181号决议，"


# -- context.mapped: the cuts inside each piece ----------------------------------------------


def _old_segments(pieces: list[tuple[int, int]], cuts: list[Span]) -> list[list[tuple[int, int]]]:
    """The segments of each piece as ``ParseContext.mapped`` cut them before the repair."""
    if pieces and cuts:
        low, high = pieces[0][0], pieces[-1][1]
        cuts = [cut for cut in cuts if cut.end > low and cut.start < high]
    found = []
    for start, end in pieces:
        segments = [(start, end)]
        for cut in cuts:
            next_segments = []
            for seg_start, seg_end in segments:
                if cut.end <= seg_start or cut.start >= seg_end:
                    next_segments.append((seg_start, seg_end))
                    continue
                if seg_start < cut.start:
                    next_segments.append((seg_start, cut.start))
                if cut.end < seg_end:
                    next_segments.append((cut.end, seg_end))
            segments = next_segments
        found.append(segments)
    return found


@st.composite
def _pieces_and_cuts(draw: st.DrawFn) -> tuple[list[tuple[int, int]], list[Span]]:
    """Pieces in order (lines of a paragraph, some empty) and ordered, disjoint cuts."""
    bounds = sorted(draw(st.lists(st.integers(0, 60), min_size=2, max_size=12)))
    pieces = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds) - 1, 2)]
    edges = sorted(set(draw(st.lists(st.integers(0, 60), max_size=12))))
    cuts = [Span(edges[i], edges[i + 1]) for i in range(0, len(edges) - 1, 2)]
    return pieces, cuts


@settings(max_examples=300, deadline=None)
@given(_pieces_and_cuts())
def test_mapped_cuts_each_piece_as_before(case: tuple[list[tuple[int, int]], list[Span]]) -> None:
    pieces, cuts = case
    text = "abcdefghij" * 7
    ctx = ParseContext(Source.from_text(text, language="en"), _NO_LAYOUT, lexicon_for("en"))
    body = ctx.mapped(pieces, cuts, " ")
    expected = []
    for number, segments in enumerate(_old_segments(pieces, cuts)):
        for position, (start, end) in enumerate(segments):
            if position == 0 and number > 0 and expected:
                expected.append(" ")
            if expected and expected[-1][-1:].isspace():
                while start < end and text[start].isspace():
                    start += 1
            if start < end:
                expected.append(text[start:end])
    assert body.text == "".join(expected).rstrip()


class _CountingList(list[Span]):
    """A list that counts the items read from it (by index, slice or iteration)."""

    reads = 0

    def __getitem__(self, index: Any) -> Any:
        found = super().__getitem__(index)
        _CountingList.reads += len(found) if isinstance(index, slice) else 1
        return found

    def __iter__(self) -> Any:
        _CountingList.reads += len(self)
        return super().__iter__()


def test_mapped_reads_the_cuts_near_each_piece_not_all_of_them() -> None:
    text = "word " * 20_000
    ctx = ParseContext(Source.from_text(text, language="en"), _NO_LAYOUT, lexicon_for("en"))
    cuts = _CountingList(Span(i, i + 1) for i in range(0, len(text), 5))  # 20,000 markers
    _CountingList.reads = 0
    body = ctx.mapped([(50_000, 50_020)], cuts, " ")
    assert body.text == "ord ord ord ord"
    assert _CountingList.reads < 100  # a few bisection probes and the 4 cuts inside


# -- guard.is_repetition: a search with a budget, not every state ----------------------------


def _old_is_repetition(copies: str, phrase: str) -> bool:
    """The exhaustive search ``guard.is_repetition`` made before the repair."""
    copies, phrase = guard._sequence(copies), guard._sequence(phrase)
    if not phrase:
        return not copies
    reachable: dict[int, set[int]] = {0: {0}}
    for j in range(len(phrase)):
        for i in sorted(reachable.get(j, ())):
            for end in range(j + 1, len(phrase) + 1):
                unit = phrase[j:end]
                times, position = 0, i
                while copies.startswith(unit, position):
                    position += len(unit)
                    times += 1
                    if times >= 2:
                        reachable.setdefault(end, set()).add(position)
    return len(copies) in reachable.get(len(phrase), set())


@settings(max_examples=400, deadline=None)
@given(
    st.text(st.sampled_from("ab回顾 "), min_size=1, max_size=4),
    st.lists(st.integers(1, 4), min_size=1, max_size=4),
    st.text(st.sampled_from("ab回顾"), max_size=3),
)
def test_is_repetition_answers_as_the_exhaustive_search(
    phrase: str, counts: list[int], noise: str
) -> None:
    # Copies built from pieces of the phrase, sometimes with a stray tail.
    cut = max(1, len(phrase) // len(counts))
    pieces = [phrase[i : i + cut] for i in range(0, len(phrase), cut)]
    copies = "".join(piece * counts[n % len(counts)] for n, piece in enumerate(pieces)) + noise
    assert guard.is_repetition(copies, phrase) == _old_is_repetition(copies, phrase)


def test_is_repetition_on_a_long_run_of_one_letter() -> None:
    # 100,000 copies: the exhaustive search visited every (piece, position) pair and
    # walked every run again from each (hours); the first path tried settles it now.
    assert guard.is_repetition("x" * 100_000, "xxxx")
    assert guard.is_repetition("xxxx" * 25_000 + "yyy", "xxxxy")
    assert not guard.is_repetition("x" * 20_000 + "y", "xxxx")  # refused within its budget


# -- fixer.choose_fixes: each span against its neighbours, not every chosen span -----------


def _old_choose_fixes(fixes: list[Fix], unsafe: bool = False) -> list[Fix]:
    """``fixer.choose_fixes`` before the repair: every span against every chosen one."""
    taken: list[tuple[int, int]] = []
    chosen: list[Fix] = []
    for fix in sorted(fixes, key=fixer._position):
        if fix.applicability == "unsafe" and not unsafe:
            continue
        spans = [(e.start, e.end) for e in fix.edits]
        if any(fixer._overlaps(span, other) for span in spans for other in taken):
            continue
        taken.extend(spans)
        chosen.append(fix)
    return chosen


_EDIT = st.builds(
    lambda start, length, text: Edit(start, start + length, text),
    st.integers(0, 40),
    st.sampled_from([0, 0, 1, 2, 5]),
    st.sampled_from(["", " ", "x"]),
)
_FIX = st.builds(
    lambda edits, unsafe: Fix(tuple(edits), "unsafe" if unsafe else "safe"),
    st.lists(_EDIT, min_size=1, max_size=3),
    st.booleans(),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_FIX, max_size=30), st.booleans(), st.sampled_from([1, 2, 512]))
def test_choose_fixes_chooses_as_before(fixes: list[Fix], unsafe: bool, block: int) -> None:
    with patch.object(fixer._TakenSpans, "_BLOCK", block):  # small blocks split often
        assert fixer.choose_fixes(fixes, unsafe) == _old_choose_fixes(fixes, unsafe)


def test_choose_fixes_compares_each_span_with_its_neighbours_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = 0
    original = fixer._overlaps

    def counting(first: tuple[int, int], second: tuple[int, int]) -> bool:
        nonlocal calls
        calls += 1
        return original(first, second)

    monkeypatch.setattr(fixer, "_overlaps", counting)
    # 5,000 fixes, each with a far edit at the end of the text (a note moved there).
    fixes = [
        Fix((Edit(i * 4, i * 4 + 2, " "), Edit(90_000 + i, 90_000 + i, "x"))) for i in range(5_000)
    ]
    assert len(fixer.choose_fixes(fixes)) == 5_000
    assert calls <= 4 * len(fixes)  # the old loop made 5,000 x 5,000 x 2 comparisons


# -- regular expressions: a match starts only where its run starts -------------------------

_SPACES_AND_WORDS = st.text(st.sampled_from([" ", "\t", "\u3000", "\u00a0", "a", "\n", "1"]))


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(_SPACES_AND_WORDS)
def test_a006_trailing_whitespace_patterns_match_as_before(text: str) -> None:
    a006 = importlib.import_module("linter.rules.artifacts.A006_whitespace")
    old_line = re.compile(r"[ \t\u3000\u00a0]+$")
    old_lines = re.compile(r"[ \t\u3000\u00a0]+$", re.MULTILINE)
    assert _spans(a006._TRAILING, text) == _spans(old_line, text)
    assert _spans(a006._TRAILING_LINES, text) == _spans(old_lines, text)


# -- A010: the compounds and lone words of the text, indexed once ---------------------------

_HYPHEN_TEXT = st.lists(
    st.sampled_from(["inter", "national", "-", "\u2010", " ", "\n", "x", "É", "İ"]), max_size=12
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_HYPHEN_TEXT, st.lists(st.tuples(_HYPHEN_TEXT, _HYPHEN_TEXT), min_size=1, max_size=4))
def test_a010_index_answers_as_the_text_searches(text: str, pairs: list[tuple[str, str]]) -> None:
    a010 = importlib.import_module("linter.rules.artifacts.A010_line_end_hyphenation")
    lower = text.lower()
    pairs = [(h.lower(), t.lower()) for h, t in pairs if h and t]
    words = a010._Words(lower, pairs)
    for head, tail in pairs:
        counted = lower.count(f"{head}-{tail}") + lower.count(f"{head}\u2010{tail}")
        assert words.has_compound(head, tail) == (counted > 0)
        for word in (head, head + tail):
            assert words.stands_alone(word) == a010._stands_alone(lower, word)


def test_f004_longest_run_is_the_old_pairwise_one() -> None:
    f004 = importlib.import_module("linter.rules.footnotes.F004_footnote_order")

    def old(numbers: list[int]) -> set[int]:
        count = len(numbers)
        best, before = [1] * count, [-1] * count
        for i in range(count):
            for j in range(i):
                if numbers[j] >= numbers[i]:
                    continue
                longer = best[j] + 1 > best[i]
                tie = best[j] + 1 == best[i] and numbers[j] < numbers[before[i]]
                if longer or tie:
                    best[i], before[i] = best[j] + 1, j
        if not count:
            return set()
        top = max(best)
        end = min((i for i in range(count) if best[i] == top), key=lambda i: numbers[i])
        keep = set()
        while end != -1:
            keep.add(end)
            end = before[end]
        return set(range(count)) - keep

    @settings(max_examples=500, deadline=None)
    @given(st.lists(st.integers(1, 12), max_size=14))
    def same(numbers: list[int]) -> None:
        assert f004._out_of_order(numbers) == old(numbers)

    same()


def test_gap_of_marker_is_the_gap_holding_it() -> None:
    canonical = importlib.import_module("linter.fix.canonical")
    text = markers_one_line(50).replace(" the", "\n50\nthe", 3)
    doc = parse_text(text)
    layout = canonical.plan(doc)
    assert doc.markers
    for marker in doc.markers:
        expected = next(
            (gap for gap in layout.gaps if gap.start <= marker.span.start < gap.end), None
        )
        assert layout.gap_of_marker(marker) == expected


def test_own_line_markers_anchor_at_the_line_before_them() -> None:
    # anchor_before and the check of unused marker lines now use bisection and a set.
    text = own_line_markers(40).replace("\n7\n;", "\n77\n;")  # 77: no note, text again
    doc = parse_text(text)
    numbers = [marker.number for marker in doc.markers]
    assert numbers == [n for n in range(1, 41) if n != 7]
    for marker in doc.markers:
        line = doc.source.lines[marker.line - 2]  # the paragraph's line before the marker
        assert marker.anchor == line.start + len(line.text.rstrip())
    seventy_seven = next(i for i, line in enumerate(doc.source.lines) if line.text == "77")
    assert doc.line_roles[seventy_seven] == "continuation"


_LINE_PIECES = st.lists(
    st.sampled_from(
        [
            " ",
            "  ",
            "\t",
            "\u3000",
            "1",
            "12",
            "/",
            ".",
            ",",
            "[^3]:",
            "Resolution",
            " (1948)",
            "12/34",
            "a",
            "word",
            "”",
            ")",
            "；",
            "\x0b",
            "\x85",
        ]
    ),
    max_size=10,
).map("".join)


def _groups(match: re.Match[str] | None) -> tuple[object, ...] | None:
    return None if match is None else (match.span(), match.groups())


@settings(max_examples=500, deadline=None)
@given(_LINE_PIECES)
def test_parse_line_patterns_match_as_before(line: str) -> None:
    notes = importlib.import_module("linter.parse.notes")
    page_notes = importlib.import_module("linter.parse.page_notes")
    stray_notes = importlib.import_module("linter.parse.stray_notes")
    heading = importlib.import_module("linter.parse.heading")
    blocks = importlib.import_module("linter.parse.blocks")
    old_notes = {
        notes.NUMBERED_START: r"^\s*(?P<number>\d{1,3})(?P<old>/)?\s+(?P<text>\S.*?)\s*$",
        notes.ASTERISK_START: r"^\s*(?P<mark>\*{1,3})\s*(?P<text>[^\s*\d].*?)\s*$",
        page_notes._NOTE_MARKDOWN: r"^\s*\[\^(\d{1,3}|\*{1,3})\]:\s*(.*?)\s*$",
        stray_notes._GLUED_NOTE: r"^\s*(?P<number>\d{1,3})\.?(?P<text>[A-Z][a-z].*?)\s*$",
    }
    for new, old in old_notes.items():
        assert _groups(new.match(line)) == _groups(re.match(old, line))
    lex = lexicon_for("en")
    marks = "|".join(re.escape(mark) for mark in lex.number_separators)
    old_titles = (
        rf"^\s*(?P<number>(?:[A-Z]{{1,2}}-)?\d{{1,4}}/\d{{1,4}})\s*(?:{marks})\s*(?P<title>.*?)\s*$",
        r"^\s*(?P<number>\d{1,4}\s*\(\d{4}\))\s*\.?\s*(?P<title>Resolution\b.*?)\s*$",
        r"^\s*(?i:resolution)\s+(?P<number>\d{1,4}\s*\(\d{4}\))\s*(?P<title>.*?)\s*$",
    )
    for new, old in zip(heading._titles(lex), old_titles, strict=True):
        assert _groups(new.match(line)) == _groups(re.match(old, line))
    old_terminated = r"[，；。：,;:.．!?！？،؛؟]['\"”’」』)）\]]*\s*(?:\d{1,3}|\[\^\d{1,3}\])?\s*$"
    assert bool(blocks._TERMINATED.search(line)) == bool(re.search(old_terminated, line))


# -- repeats: glued and letter-by-letter repeats without backtracking -----------------------

_L = r"A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff"
_OLD_GLUED = re.compile(f"(?<![{_L}])([{_L}]{{3,}}?(?:[ \\t]+[{_L}]+){{0,3}}?)\\1+(?![{_L}])")
_OLD_LETTER_BY_LETTER = re.compile(f"(?<![{_L}])(?:([{_L}])\\1+){{3,}}(?![{_L}])")
_REPEAT_TEXT = st.lists(
    st.sampled_from(["a", "b", "ab", "abc", "aa", "Re", "mind", " ", "\t", "  ", ",", "é"]),
    max_size=14,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_REPEAT_TEXT)
def test_repeat_scanners_find_what_the_old_patterns_found(text: str) -> None:
    repeats = importlib.import_module("linter.parse.repeats")
    assert list(repeats._glued_repeats(text)) == _spans(_OLD_GLUED, text)
    assert list(repeats._letter_by_letter(text)) == _spans(_OLD_LETTER_BY_LETTER, text)


@pytest.mark.parametrize(
    "text",
    [
        "RecallingRecalling",
        "Bearing in mindBearing in mind ",
        "xxxxxx",
        "RReeccaalllliinngg",
        "abcabcabcX abc abcabc abcabc, aaaaaaaaaaaaaaaaaaaaaab",
    ],
)
def test_repeat_scanners_on_known_shapes(text: str) -> None:
    repeats = importlib.import_module("linter.parse.repeats")
    assert list(repeats._glued_repeats(text)) == _spans(_OLD_GLUED, text)
    assert list(repeats._letter_by_letter(text)) == _spans(_OLD_LETTER_BY_LETTER, text)


def test_a_long_word_of_one_letter_is_no_longer_a_trap() -> None:
    # 'a' x 44 + 'b' made the old letter-by-letter pattern try every split of the run
    # (minutes; 'reslint check' of a one-line file hung). Now one pass per word.
    repeats = importlib.import_module("linter.parse.repeats")
    text = "a" * 100_000 + "b " + "x" * 100_000 + "y"
    assert repeats.find_repeats(text) == []
    assert [r.phrase for r in repeats.find_repeats("x" * 99_999)] == ["x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 9)), max_size=8), st.integers(0, 60))
def test_source_offset_is_the_old_lookup(steps: list[tuple[int, int]], index: int) -> None:
    # Pieces as the parser builds them: text offsets in order, source spans in order.
    pieces, text_offset, source = [], 0, 0
    for gap, length in steps:
        source += gap
        pieces.append((text_offset, source, source + length))
        text_offset += length + 1
        source += length
    mapped = MappedText("x" * text_offset, tuple(pieces))
    if not pieces:
        assert mapped.source_offset(index) == 0
        return
    keys = [piece[0] for piece in pieces]
    position = max(bisect.bisect_right(keys, index) - 1, 0)
    start_offset, start, end = pieces[position]
    assert mapped.source_offset(index) == min(start + (index - start_offset), end)


# -- notes of many pages; a fix carried by many findings ------------------------------------


class _CountingList(list):  # type: ignore[type-arg]
    iterations = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        type(self).iterations += 1
        return super().__iter__()


def test_the_notes_of_each_page_are_read_without_walking_the_earlier_ones() -> None:
    # The highest note number so far was taken again over every note at every page: a
    # text of many pages with notes paid pages x notes (many-markers parse, ratio 2.5).
    page_notes = importlib.import_module("linter.parse.page_notes")
    lines = Source.from_text("______\n1 A note.\n2 Another note.\n").lines
    kinds = [Kind.SEPARATOR, Kind.TEXT, Kind.TEXT]
    notes = _CountingList()
    end, last = page_notes.read_notes(lines, kinds, 1, 0, notes, "", 0)
    assert (end, last, [note.number for note in list.__iter__(notes)]) == (3, 2, [1, 2])
    assert _CountingList.iterations == 0


def test_a_fix_carried_by_many_findings_is_hashed_once() -> None:
    # Every finding of a shared fix (the notes' one fix) hashed all its edits again.
    fixer = importlib.import_module("linter.fix.fixer")
    finding_type = importlib.import_module("linter.engine.results").Finding
    shared = Fix(tuple(Edit(i, i + 1, "x") for i in range(1_000)))
    findings = [
        finding_type("A004", "page-residue", "warning", "m", 1, 1, 1, 1, i, i + 1, shared)
        for i in range(1_000)
    ]
    hashed = 0
    real_hash = Fix.__hash__

    def counting_hash(self: Fix) -> int:
        nonlocal hashed
        hashed += 1
        return real_hash(self)

    with patch.object(Fix, "__hash__", counting_hash):
        pending = fixer._pending(findings, unsafe=False)
    assert list(pending) == [shared] and len(pending[shared]) == 1_000
    assert hashed == 1
