"""Offsets in code points to LSP positions and back.

reslint counts code points; the Language Server Protocol counts a line's characters in the
unit the client and server agreed on: UTF-16 code units unless both say otherwise (a
character outside the Basic Multilingual Plane, such as 𠮷, is two UTF-16 units but one
code point). Lines end at ``\\r\\n``, ``\\r`` or ``\\n``, as in the protocol and in
:mod:`linter.source.text`; a text ending with a line break has an empty last line, so the
end of the text is a position of its own (an edit that removes the final break ends there).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def _utf16_units(text: str) -> int:
    return len(text) + sum(1 for character in text if ord(character) > 0xFFFF)


_UNITS: dict[str, Callable[[str], int]] = {
    UTF8: lambda text: len(text.encode("utf-8", "surrogatepass")),
    UTF16: _utf16_units,
    UTF32: len,
}


class PositionMap:
    """Converts between code-point offsets of one text and (line, character) positions."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.units = _UNITS.get(encoding, _utf16_units)
        self.line_starts = [0, *(match.end() for match in _LINE_BREAK.finditer(text))]
        self.line_ends = [match.start() for match in _LINE_BREAK.finditer(text)] + [len(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """0-based (line, character in the agreed units) of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.line_starts, offset) - 1
        start = self.line_starts[line]
        end = min(offset, self.line_ends[line])
        return line, self.units(self.text[start:end])

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of a position; past a line's end, the line's end."""
        if line >= len(self.line_starts):
            return len(self.text)
        start = self.line_starts[max(line, 0)]
        end = self.line_ends[max(line, 0)]
        counted = 0
        for index in range(start, end):
            if counted >= character:
                return index
            counted += self.units(self.text[index])
        return end
