"""A source line with a caret under a span, for terminals: CJK characters are two columns.

Columns on a terminal are not code points: a Chinese character takes two, a combining
accent none. ``wcwidth`` (the Unicode East Asian Width and zero-width tables, already
installed with ftfy) gives each character's width, so the carets stand exactly under the
span. Characters a terminal would not show as one column of text (tabs, control
characters) are drawn as visible one-column symbols; a line longer than the terminal is
cut around the span with ``…``.
"""

from __future__ import annotations

from wcwidth import wcwidth

#: Columns kept before the span when a long line must be cut.
CONTEXT = 16


def display(char: str) -> tuple[str, int]:
    """How ``char`` is drawn and how many columns it takes."""
    if char == "\t":
        return "→", 1
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code), 1  # control pictures: ␀ … ␟
    if code == 0x7F:
        return "␡", 1
    width = wcwidth(char)
    if width < 0:
        return "�", 1
    return char, width


def caret_lines(line: str, start: int, end: int, max_width: int) -> tuple[str, str]:
    """``(excerpt, carets)``: ``line`` (cut to ``max_width`` columns around the span) and
    a line of ``^`` under ``line[start:end]`` (at least one, also for an empty span).
    ``end`` may pass the end of the line (a span over several lines)."""
    drawn = [display(char) for char in line]
    start = min(max(start, 0), len(drawn))
    end = min(max(end, start), len(drawn))
    first, last = 0, len(drawn)
    if sum(width for _c, width in drawn) > max_width:
        budget = max_width - 2  # room for the ellipses
        first, before = start, 0
        while first > 0 and before + drawn[first - 1][1] <= CONTEXT:
            first -= 1
            before += drawn[first][1]
        last, used = first, 0
        while last < len(drawn) and used + drawn[last][1] <= budget:
            used += drawn[last][1]
            last += 1
    head = "…" if first > 0 else ""
    tail = "…" if last < len(drawn) else ""
    excerpt = head + "".join(text for text, _w in drawn[first:last]) + tail
    offset = len(head) + sum(width for _c, width in drawn[first:start])
    span = sum(width for _c, width in drawn[start : min(end, last)])
    return excerpt, " " * offset + "^" * max(span, 1)
