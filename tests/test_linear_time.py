"""The super-linear paths once found by ``benchmarks/bench_scaling.py`` stay repaired.

No test here measures time (timings belong in the benchmark). Each repair replaced a
rescan per item with an index built once; the tests check that the index gives exactly
what the old rescan gave (against the old code, kept here as the reference) and, where
it can be observed, that the index is built once per line or text, not once per item.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.scaling_inputs import figures_one_line, markers_one_line
from linter.parse import markers
from linter.parse.structure import parse_text

# -- markers: the word before each figure (``markers._Words``) ------------------------------

_OLD_WORD_BEFORE = re.compile(r"([^\W\d_][\w.\-]*)\W*$")
_LINE_ALPHABET = st.sampled_from(list("ab Z.-,;:1 9_é中\u3000\t)”"))


def _old_word_before(text: str) -> str:
    match = _OLD_WORD_BEFORE.search(text)
    return match.group(1) if match else ""


@settings(max_examples=300, deadline=None)
@given(st.text(_LINE_ALPHABET, max_size=40), st.data())
def test_word_before_is_the_old_pattern_search(text: str, data: st.DataObject) -> None:
    words = markers._Words(text)
    end = data.draw(st.integers(0, len(text)))
    assert words.word_before(end) == _old_word_before(text[:end])
    tokens = text[:end].split()
    assert words.token_before(end) == (tokens[-1] if tokens else "")
    assert words.stripped_end(end) == len(text[:end].rstrip())


class _CountingPattern:
    """A compiled pattern that counts how often a whole line is scanned."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.scans = 0

    def finditer(self, text: str) -> Any:
        self.scans += 1
        return self.pattern.finditer(text)


@pytest.mark.parametrize("generate", [figures_one_line, markers_one_line])
def test_a_line_of_figures_is_indexed_once_not_once_per_figure(
    monkeypatch: pytest.MonkeyPatch, generate: Any
) -> None:
    counting = _CountingPattern(markers._WORD_RUN)
    monkeypatch.setattr(markers, "_WORD_RUN", counting)
    doc = parse_text(generate(300))
    lines_with_figures = sum(1 for line in doc.source.lines if any(c.isdigit() for c in line.text))
    # Each line is indexed at most once, however many figures it holds (300 here).
    assert 0 < counting.scans <= lines_with_figures
    if generate is markers_one_line:
        assert len(doc.markers) == 300
