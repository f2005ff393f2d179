"""``reslint fix`` loses no word: an independent count of letters and digits on every corpus file.

The fixer has its own content guard (``linter.fix.guard``); this test does not use it. It
counts the letters and digits (after NFKC) of each original and of its fixed text, and
accepts only two kinds of loss, each proved here from the text itself:

* page furniture, recognised line by line with the issue's own list: a job number
  (``25-17051 (E)``), a barcode (``*2517051*``), a page number (``2/5``, ``- 3 -``,
  ``Page 2``), the document's own symbol repeated at a page break, and a running title:
  a line that repeats a line of the document's heading word for word;
* repeated emphasis: an A001 span that is its replacement drawn several times, phrase by
  phrase or character by character (checked here, not taken on trust).

Anything else that disappears, and anything that appears, fails the test with the
characters and the file.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from linter.engine.lint import lint_text
from linter.engine.registry import all_rules
from linter.fix.fixer import fix_text
from tests.conftest import CORPUS

FILES = sorted(CORPUS.rglob("*.txt"))
_FURNITURE = (
    re.compile(r"^\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?$"),  # job number
    re.compile(r"^\*\d{6,}\*$"),  # barcode
    re.compile(r"^\d{1,3}\s?/\s?\d{1,3}$"),  # page 2/5
    re.compile(r"^[-–]\s*\d{1,3}\s*[-–]$"),  # page - 3 -
    re.compile(r"^(?:Page|page)\s+\d{1,3}$"),  # Page 2
)
_SYMBOL = re.compile(r"^(?:[A-Z]{1,5}(?:\.\d+)?/)+[A-Z0-9.\-/()]+(?:\s*\(\d{4}\))?$")
_HEADING_LINES = 120


def _chars(text: str) -> Counter[str]:
    return Counter(ch for ch in unicodedata.normalize("NFKC", text) if ch.isalnum())


def _norm(text: str) -> str:
    return " ".join(text.split())


#: The author line that ends the heading: "The General Assembly,", "经济及社会理事会，",
#: "إن الجمعية العامة،": a few words and a comma, no figure.
_BODIES = (
    r"(?:Assembly|Council|Assemblée|Conseil|Asamblea|Consejo|Ассамблея|Совет|大会|理事会"
    r"|الجمعية|مجلس)"
)
_AUTHOR = re.compile(
    rf"^(?:The\s+[^\d,:]{{0,40}}{_BODIES}[,.]?"
    rf"|[^\d,،，:]{{0,20}}{_BODIES}[^\d,،，:]{{0,30}}[,،，])$"
)


def _heading(lines: list[str]) -> tuple[str, int]:
    """The first page's heading (up to the author line), normalised and joined, and the
    index of the line where it ends."""
    heading: list[str] = []
    for line in lines[:_HEADING_LINES]:
        text = _norm(line)
        if _AUTHOR.match(text):
            break
        heading.append(text)
    return " ".join(heading), len(heading)


def _furniture(line: str, heading: str) -> bool:
    text = _norm(line)
    if not text:
        return False
    if any(pattern.match(text) for pattern in _FURNITURE):
        return True
    if _SYMBOL.match(text):
        # The document's own symbol at a page break: the heading shows it, or its number
        # ("S/RES/1454 (2002)" under "RESOLUTION 1454 (2002)").
        return text in heading or text.rsplit("/", 1)[-1] in heading
    return len(text) >= 12 and text in heading  # a running title repeats the title


def _page_number(lines: list[str], index: int, heading: str) -> bool:
    """A lone figure next to (two lines at most from) the document's symbol at a page
    break: "S/RES/1454 (2002)" / "" / "10"."""
    if not re.fullmatch(r"\d{1,3}", _norm(lines[index])):
        return False
    near = lines[max(0, index - 2) : index] + lines[index + 1 : index + 3]
    return any(_SYMBOL.match(_norm(line)) and _furniture(line, heading) for line in near)


def _repetition(span: str, phrase: str) -> bool:
    """Whether ``span`` is ``phrase`` drawn two or more times: phrase by phrase (with or
    without spaces between), or piece by piece, each piece of the phrase drawn the same
    number of times (``强调强调强调强调指出指出指出指出``, ``邀邀邀邀请请请请``)."""
    compact, unit = "".join(span.split()), "".join(phrase.split())
    if not unit or len(compact) % len(unit) or len(compact) < 2 * len(unit):
        return False
    times = len(compact) // len(unit)
    return _pieces_drawn(compact, unit, times)


@cache
def _pieces_drawn(compact: str, unit: str, times: int) -> bool:
    """Whether ``compact`` is ``unit`` cut into pieces, each drawn ``times`` times."""
    if not unit:
        return not compact
    for size in range(1, len(unit) + 1):
        piece = unit[:size]
        if compact.startswith(piece * times) and _pieces_drawn(
            compact[size * times :], unit[size:], times
        ):
            return True
    return False


@cache
def _a001() -> tuple[object, ...]:
    return tuple(spec for spec in all_rules() if spec.code == "A001")


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.name}" for p in FILES])
def test_fix_loses_no_word(path: Path) -> None:
    original = path.read_text(encoding="utf-8")
    outcome = fix_text(original, all_rules(), path=path.name)
    fixed = outcome.text
    added = _chars(fixed) - _chars(original)
    assert not added, f"fix added {dict(added)}"
    lost = _chars(original) - _chars(fixed)
    if not lost:
        return
    lines = original.split("\n")
    heading, heading_end = _heading(lines)
    allowed: Counter[str] = Counter()
    for index, line in enumerate(lines):
        strong = any(pattern.match(_norm(line)) for pattern in _FURNITURE)
        # The masthead itself is no page furniture: only its job number and barcode are;
        # a symbol or a title line is, as a repeat on a later page.
        repeat = index >= heading_end
        if (_furniture(line, heading) and (strong or repeat)) or _page_number(
            lines, index, heading
        ):
            allowed += _chars(line)
    for finding in lint_text(original, path.name, _a001()).findings:  # type: ignore[arg-type]
        assert finding.fix is not None
        for edit in finding.fix.edits:
            span = original[edit.start : edit.end]
            assert _repetition(span, edit.replacement), (span, edit.replacement)
            allowed += _chars(span) - _chars(edit.replacement)
    unexplained = lost - allowed
    assert not unexplained, f"fix lost {dict(unexplained)} beyond furniture and repeats"
