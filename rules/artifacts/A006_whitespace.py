"""A006 whitespace."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from linter.engine.registry import Edit, Fix, FixAvailability, Hit, Severity, rule
from linter.fix.canonical import Gap, Owner, plan, rewritten_lines
from linter.parse.layout import FURNITURE, Kind
from linter.parse.model import Document
from linter.source.text import LINE_BREAK

# The look-behind starts a match only where a run starts: from inside a long run that
# does not end the line, each start would scan to the run's end again (quadratic).
_TRAILING = re.compile(r"(?<![ \t\u3000\u00a0])[ \t\u3000\u00a0]+$")
_INDENT = re.compile(r"^[ \t\u3000\u00a0]+(?=\S)")
# A run opens with the space or tab it consumes, and the look-behind follows it: the engine
# skips to spaces and tabs instead of trying the look-behind at every character. Plain
# form: (?<=\S)(?: {2,}|\t[ \t]*| ?\t)(?=\S) (tests/test_fast_patterns.py compares them).
_RUN = re.compile(r"[ \t](?<=\S[ \t])(?:(?<= ) +|(?<=\t)[ \t]*|(?<= )\t|(?<=\t))(?=\S)")
# Line ends other than LF: each is checked line by line (the whole-text scans below
# know only LF).
_OTHER_BREAK = re.compile("[\r\x0b\x0c\x85\u2028\u2029]")
_BREAK_NAMES = {
    "\x0b": "vertical tab",
    "\x0c": "form feed (a page break)",
    "\x85": "next-line character U+0085",
    "\u2028": "line separator U+2028",
    "\u2029": "paragraph separator U+2029",
}
# The same opening for trailing runs: (?<![ \t\u3000\u00a0])[ \t\u3000\u00a0]+$ written
# with its first character before the look-behind.
_TRAILING_LINES = re.compile(
    r"[ \t\u3000\u00a0](?<![ \t\u3000\u00a0]{2})[ \t\u3000\u00a0]*$", re.MULTILINE
)
_INDENT_LINES = re.compile(r"^[ \t\u3000\u00a0]+(?=\S)", re.MULTILINE)
# Separator lines and furniture are A004's business, not this rule's.
_SKIP = FURNITURE | {Kind.SEPARATOR, Kind.FRONT_MATTER}


def _whitespace_fix(start: int, end: int, replacement: str) -> Fix:
    return Fix((Edit(start, end, replacement),), removes="whitespace")


def _layout_message(doc: Document, gap: Gap) -> str | None:
    """What is wrong with the line breaks of a gap between blocks (None: only spaces,
    which the line checks report one by one)."""
    current = doc.text[gap.start : gap.end]
    breaks = len(LINE_BREAK.findall(current))
    wanted = len(LINE_BREAK.findall(gap.replacement))
    if breaks == wanted:
        return None
    if gap.kind == "head":
        # Blank lines above the first block carry nothing and harm nothing; reporting them
        # would make every baseline brittle against lines added at the top of a file.
        return None
    if gap.kind == "tail":
        if breaks == 0:
            return "no line break at the end of the text; end it with one"
        return f"{breaks - 1} blank line(s) at the end of the text; end it with one line break"
    if breaks < wanted:
        return "no blank line between two blocks; canonical text separates blocks with one"
    return f"{breaks - 1} blank lines between two blocks; use one"


@rule("A006", "whitespace", Severity.WARNING, FixAvailability.SAFE)
def whitespace(doc: Document) -> Iterator[Hit]:
    """Trailing spaces, stray indentation, runs of spaces, tabs, CR line ends, blank lines.

    Why:
        PDF extraction pads lines with spaces, indents paragraph starts and wrapped titles,
        leaves runs of spaces where a superscript or a column was, keeps CR line ends and
        scatters blank lines. None of it is text; all of it defeats diffs, searches and
        the structure of canonical text: one block per line, no indentation, one blank
        line between blocks, one line break at the end, one space after a paragraph
        number.

    Example:
        Recalling  its resolution 66/181 of
            19 December 2011,



        1.Decides to remain seized of the matter.

    Use instead:
        Recalling its resolution 66/181 of
        19 December 2011,

        1. Decides to remain seized of the matter.

    Fix safety:
        Safe: only whitespace is removed, replaced by one space or a line break, or
        inserted after a paragraph number.
    """
    text = doc.text
    kinds = doc.layout.kinds
    layout = plan(doc)
    rewritten = rewritten_lines(doc)  # furniture and notes A004 rewrites are its business
    skip = {i for i, kind in enumerate(kinds) if kind in _SKIP} | rewritten
    if _OTHER_BREAK.search(text):
        for index, line in enumerate(doc.source.lines):
            if index not in skip:
                yield from _line_hits(text, line.start, line.end, line.text)
    else:
        yield from _text_hits(doc, skip)
    yield from _label_hits(doc)
    for gap in layout.owned_by(Owner.WHITESPACE):
        message = _layout_message(doc, gap)
        if message is not None:
            yield Hit(gap.start, gap.end, message, gap.fix)


def _text_hits(doc: Document, skip: set[int]) -> Iterator[Hit]:
    """The line checks of :func:`_line_hits`, as three scans of the whole text (LF only):
    the regular-expression engine walks the lines, not Python."""
    text = doc.text
    starts = doc.source.line_starts

    def line_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1

    for match in _TRAILING_LINES.finditer(text):
        begin, end = match.span()
        index = line_of(begin)
        if index in skip or begin == end:
            continue
        what = "whitespace-only line" if begin == starts[index] else "trailing whitespace"
        yield Hit(begin, end, what, _whitespace_fix(begin, end, ""))
    for match in _INDENT_LINES.finditer(text):
        begin, end = match.span()
        if line_of(begin) in skip:
            continue
        yield Hit(
            begin,
            end,
            "stray indentation; lines of canonical text start at column 1",
            _whitespace_fix(begin, end, ""),
        )
    for run in _RUN.finditer(text):
        begin, stop = run.span()
        if line_of(begin) in skip:
            continue
        what = "tab" if "\t" in run.group() else f"run of {stop - begin} spaces"
        yield Hit(
            begin, stop, f"{what} inside a line; use one space", _whitespace_fix(begin, stop, " ")
        )


def _line_hits(text: str, start: int, end: int, content: str) -> Iterator[Hit]:
    yield from _line_end_hits(text, end)
    trailing = _TRAILING.search(content)
    if trailing:
        begin = start + trailing.start()
        what = "whitespace-only line" if not content.strip() else "trailing whitespace"
        yield Hit(begin, end, what, _whitespace_fix(begin, end, ""))
    if not content.strip():
        return
    indent = _INDENT.match(content)
    if indent:
        yield Hit(
            start,
            start + indent.end(),
            "stray indentation; lines of canonical text start at column 1",
            _whitespace_fix(start, start + indent.end(), ""),
        )
    for run in _RUN.finditer(content):
        begin, stop = start + run.start(), start + run.end()
        what = "tab" if "\t" in run.group() else f"run of {stop - begin} spaces"
        yield Hit(
            begin, stop, f"{what} inside a line; use one space", _whitespace_fix(begin, stop, " ")
        )


def _line_end_hits(text: str, end: int) -> Iterator[Hit]:
    """A line that ends with anything but LF: the break becomes LF, never nothing (a lone
    CR or a form feed removed would glue the words on either side)."""
    char = text[end : end + 1]
    if char == "\r":
        crlf = text[end + 1 : end + 2] == "\n"
        yield Hit(
            end, end + 1, "CR line end; use LF", _whitespace_fix(end, end + 1, "" if crlf else "\n")
        )
    elif char in _BREAK_NAMES:
        yield Hit(
            end,
            end + 1,
            f"{_BREAK_NAMES[char]} as a line end; use LF",
            _whitespace_fix(end, end + 1, "\n"),
        )


def _label_hits(doc: Document) -> Iterator[Hit]:
    """``1.Decides``: canonical text has one space after a paragraph number."""
    text = doc.text
    for paragraph in doc.paragraphs:
        if paragraph.number_span is None:
            continue
        end = paragraph.number_span.end
        if text[end : end + 1] not in (".", "．"):
            continue
        after = end + 1
        if after < len(text) and not text[after].isspace():
            yield Hit(
                paragraph.number_span.start,
                after,
                f"no space after paragraph number {paragraph.number}; write '{paragraph.number}. '",
                _whitespace_fix(after, after, " "),
            )
