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

from linter.parse import markers

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PLAIN = {
    "_OLD_STYLE": r"(?:(?<=\s)|(?<=[^\W\d_])|(?<=[,.;:”’)]))(\d{1,3})/(?![\d/\w])",
    "_GLUED": (
        rf"(?<=[^\W\d_]|[,.;:”’)\]，。；：》」』）،؛])(\d{{1,3}})"
        rf"(?=[\s,.;:)\]”’，。；、،؛{_CJK}]|$)"
    ),
    "_SPACED": r"(?<=[^\W\d_]|[,.;:”’)])(\s{1,3})(\d{1,3})(?=\s+\S|\s*$)",
    "_SPACED_AFTER_YEAR": r"(?:(?<=\s)|^)(?:19|20)\d\d(\s{1,3})(\d{1,3})(?=\s+\S|\s*$)",
    "_SPACED_AFTER_SYMBOL": (
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
    fast = getattr(markers, name)
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
        assert _found(getattr(markers, name), line) == _found(re.compile(plain), line), name


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
