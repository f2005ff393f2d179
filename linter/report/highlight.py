"""A text with spans marked, as an HTML fragment: the audit's document view, the editor page.

:func:`highlight` takes a text and marks (code-point spans with a key) and returns the
text as HTML where every character of a span sits in a ``<mark>`` whose ``data-f`` lists
the keys of the spans covering it. Spans may overlap or nest (a hard wrap inside a block
of page residue): the text is cut at every span boundary and each piece is marked with
all the spans over it, so the text of the marks carrying a key, in order, is exactly that
span's text. An empty span (a missing terminator) is an empty mark at its position.

Each line opens with an empty ``<i class="ln">`` anchor (CSS counts and numbers them), so
the text can be scrolled to a line; anchors add no text. Nothing else is added: the
fragment's ``textContent`` is the text itself (carriage returns are written ``&#13;``
so that the HTML parser does not turn them into line feeds).

:func:`highlight_findings` marks findings, keyed by their index, and is what the audit
and the validation service's editor page call.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from linter.engine.results import Finding
from linter.report.folding import is_layout
from linter.source.frozen import record
from linter.source.text import split_lines

#: How a finding's mark is drawn, by severity; layout findings weigh least.
_WEIGHTS = {"info": 1, "warning": 2, "error": 3}


@record
class Mark:
    """A span ``[start, end)`` of code points to mark; the heaviest mark over a piece
    of text gives it its CSS class."""

    start: int
    end: int
    key: str
    css: str = ""
    weight: int = 0


def _escape(piece: str) -> str:
    return escape(piece, quote=False).replace("\r", "&#13;")


def _open(active: dict[int, Mark]) -> str:
    marks = sorted(active.items())
    heaviest = max((mark for _i, mark in marks), key=lambda mark: mark.weight)
    keys = " ".join(mark.key for _i, mark in marks)
    css = f' class="{escape(heaviest.css)}"' if heaviest.css else ""
    return f'<mark{css} data-f="{escape(keys)}">'


def highlight(text: str, marks: Sequence[Mark], line_anchors: bool = True) -> str:
    """``text`` as an HTML fragment with ``marks`` drawn (see the module's docstring)."""
    length = len(text)
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    empty: dict[int, list[int]] = {}
    for index, mark in enumerate(marks):
        start = min(max(mark.start, 0), length)
        end = min(max(mark.end, start), length)
        if end == start:
            empty.setdefault(start, []).append(index)
        else:
            starts.setdefault(start, []).append(index)
            ends.setdefault(end, []).append(index)
    lines = {line.start for line in split_lines(text)} if line_anchors else set()
    cuts = sorted({0, length, *starts, *ends, *empty, *lines})
    out: list[str] = []
    active: dict[int, Mark] = {}
    for position, following in zip(cuts, [*cuts[1:], None], strict=True):
        for index in ends.get(position, ()):
            del active[index]
        for index in starts.get(position, ()):
            active[index] = marks[index]
        if position in lines and (position < length or position == 0):
            out.append('<i class="ln"></i>')
        for index in empty.get(position, ()):
            mark = marks[index]
            css = f' class="{escape(mark.css)} pt"' if mark.css else ' class="pt"'
            out.append(f'<mark{css} data-f="{escape(mark.key)}"></mark>')
        if following is None:
            break
        piece = _escape(text[position:following])
        out.append(f"{_open(active)}{piece}</mark>" if active else piece)
    return "".join(out)


def finding_mark(index: int, finding: Finding) -> Mark:
    """The mark of a finding: keyed by its index, classed by severity (``lay`` for layout)."""
    if is_layout(finding):
        return Mark(finding.start, finding.end, str(index), "lay", 0)
    severity = str(finding.severity)
    return Mark(finding.start, finding.end, str(index), severity, _WEIGHTS.get(severity, 1))


def highlight_findings(text: str, findings: Sequence[Finding]) -> str:
    """``text`` as HTML with each finding marked at its span, ``data-f`` = its index."""
    return highlight(text, [finding_mark(i, f) for i, f in enumerate(findings)])
