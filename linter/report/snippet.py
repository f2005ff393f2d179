"""A source line with a caret under a span, for terminals: CJK characters are two columns.

Columns on a terminal are not code points: a Chinese character takes two, a combining
accent none. ``wcwidth`` (the Unicode East Asian Width and zero-width tables, already
installed with ftfy) gives each character's width, so the carets stand exactly under the
span. Characters a terminal would not show as one column of text (tabs, control
characters) are drawn as visible one-column symbols; a line longer than the terminal is
cut around the span with ``…``.

Importing ``wcwidth`` costs some 8 ms, a twentieth of a pre-commit hook's run, and most
characters of a resolution are in a few blocks whose width is not in doubt: those are
answered from :data:`KNOWN_WIDTHS` (``tests/report/test_snippet_widths.py`` holds every
character of them to wcwidth's answer), and wcwidth is imported for the first other one.
"""

from __future__ import annotations

#: Columns kept before the span when a long line must be cut.
CONTEXT = 16

#: ``(first, last, width)``: blocks whose every character has this width in wcwidth.
KNOWN_WIDTHS = (
    (0x20, 0x7E, 1),  # printable ASCII
    (0xA0, 0x2FF, 1),  # Latin-1 to spacing modifiers
    (0x300, 0x36F, 0),  # combining diacritical marks
    (0x370, 0x482, 1),  # Greek, Cyrillic (0x483-0x489 combine)
    (0x2010, 0x2027, 1),  # dashes, quotation marks, bullets, ellipsis
    (0x2030, 0x205E, 1),  # per mille, primes, other punctuation
    (0x3000, 0x3029, 2),  # CJK symbols and punctuation (0x302A-0x302F combine: 0)
    (0x3030, 0x303E, 2),
    (0x3400, 0x4DBF, 2),  # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF, 2),  # CJK Unified Ideographs
    (0xFF01, 0xFF60, 2),  # fullwidth forms
)


def char_width(code: int) -> int:
    """wcwidth's width of the character ``code`` (-1: not printable)."""
    for first, last, width in KNOWN_WIDTHS:
        if first <= code <= last:
            return width
    from wcwidth import wcwidth

    return int(wcwidth(chr(code)))


def display(char: str) -> tuple[str, int]:
    """How ``char`` is drawn and how many columns it takes."""
    if char == "\t":
        return "→", 1
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code), 1  # control pictures: ␀ … ␟
    if code == 0x7F:
        return "␡", 1
    width = char_width(code)
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
