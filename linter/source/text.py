"""Bytes to text, with a line index that maps offsets to (line, column in code points).

Every finding reslint reports points back into the original file, so the text is kept
exactly as decoded: no newline translation, no normalisation. Offsets are indices into the
Python string (code points); lines and columns are 1-based.

A line ends at LF, CRLF, CR, and at the other line and page breaks PDF extraction leaves:
vertical tab, form feed (a page break), NEL (U+0085), and the line and paragraph
separators U+2028 and U+2029. Each is one break, so a run of them makes blank lines: no
rule and no fix may read two lines as one word (``matter\f\fand`` is two lines).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import field
from pathlib import Path

from linter.source.frozen import record

#: One line break (CRLF counts once).
# Written to open with one character class (``\r\n|[...]`` is the plain form; see
# ``linter.source.scanning``): a CR takes the LF after it.
LINE_BREAK = re.compile("[\n\r\x0b\x0c\x85\u2028\u2029](?:(?<=\r)\n)?")
#: The characters that end a line, LF included.
LINE_BREAK_CHARS = frozenset("\n\r\x0b\x0c\x85\u2028\u2029")


class DecodeError(Exception):
    """The bytes are not UTF-8 (or not in the encoding named). ``offset`` is the first bad
    byte."""

    def __init__(self, offset: int, reason: str, encoding: str = "UTF-8") -> None:
        super().__init__(f"not valid {encoding} at byte {offset}: {reason}")
        self.offset = offset
        self.reason = reason
        self.encoding = encoding


@record
class Line:
    """One physical line: ``start``..``end`` excludes the line break."""

    number: int
    start: int
    end: int
    text: str


@record(slots=False)
class Source:
    """A decoded text and its line index."""

    text: str
    path: str = "<text>"
    language: str = "und"
    line_starts: tuple[int, ...] = field(default=(), repr=False)
    lines: tuple[Line, ...] = field(default=(), repr=False)

    @classmethod
    def from_text(cls, text: str, path: str = "<text>", language: str | None = None) -> Source:
        lines = split_lines(text)
        if language is None:
            from linter.source.language import detect_language

            language = detect_language(text)
        return cls(
            text=text,
            path=path,
            language=language,
            line_starts=tuple(line.start for line in lines),
            lines=lines,
        )

    @classmethod
    def from_bytes(cls, data: bytes, path: str = "<bytes>", language: str | None = None) -> Source:
        return cls.from_text(decode(data), path=path, language=language)

    @classmethod
    def from_path(cls, path: Path | str, language: str | None = None) -> Source:
        return cls.from_bytes(Path(path).read_bytes(), path=str(path), language=language)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset; the end of text is allowed."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self.line_starts, offset) - 1
        index = max(index, 0)
        return index + 1, offset - self.line_starts[index] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of :meth:`position`."""
        return self.line_starts[line - 1] + column - 1

    def line_at(self, offset: int) -> Line:
        return self.lines[self.position(offset)[0] - 1]


def decode(data: bytes, encoding: str | None = None) -> str:
    """Strict UTF-8 (a leading BOM is kept as text so offsets match the file), or strictly
    the ``encoding`` named (``--encoding``; a codec Python knows)."""
    try:
        return data.decode(encoding or "utf-8")
    except UnicodeDecodeError as error:
        raise DecodeError(error.start, error.reason, encoding or "UTF-8") from None


def split_lines(text: str) -> tuple[Line, ...]:
    """Lines with their offsets (every break of :data:`LINE_BREAK` ends one); a final break
    adds no line."""
    lines: list[Line] = []
    start = 0
    number = 1
    for match in LINE_BREAK.finditer(text):
        lines.append(Line(number, start, match.start(), text[start : match.start()]))
        start = match.end()
        number += 1
    if start < len(text) or not lines:
        lines.append(Line(number, start, len(text), text[start:]))
    return tuple(lines)


def spaced_script(char: str) -> bool:
    """Whether ``char`` is a letter or figure of a script written with spaces between
    words (Latin, Cyrillic, Greek, Arabic...; not Chinese or Japanese, whose characters are
    wide). Two such characters never meet across a line break without a space."""
    return char.isalnum() and unicodedata.east_asian_width(char) not in ("W", "F")
