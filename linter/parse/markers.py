"""Footnote markers inside the text: find candidates, then keep the plausible ones.

Extraction leaves a superscript marker in many shapes: on a line of its own (the seed),
at the start of a wrapped line (``1 的会员国``), glued to a word or to punctuation
(``Declaration4``, ``2024,1``), spaced (``Countries, 11  the``), fused with a year
across a line break (``2024–`` / ``203412`` = 2034 + marker 12), old style (``1/``), or
already in Markdown (``[^3]``). Each shape is a regular expression over one line; the
figures it finds are only *candidates* until :func:`select_markers` checks them against
the notes of the document and the order in which markers are first used: a figure that
is no note number, or that jumps ahead of the sequence in an ambiguous shape, is text.
Unambiguous shapes (own line, Markdown, old style, glued to a word as exactly the next
number) stay markers without a note, so that a lost note is reported, not hidden.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from linter.parse.model import MarkerStyle
from linter.source.lexicon import Lexicon
from linter.source.text import Line

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_DIGIT = re.compile(r"\d")
_MARKDOWN = re.compile(r"\[\^(\d{1,3})\]")
_OLD_STYLE = re.compile(r"(?:(?<=\s)|(?<=[^\W\d_])|(?<=[,.;:”’)]))(\d{1,3})/(?![\d/\w])")
_GLUED = re.compile(
    rf"(?<=[^\W\d_]|[,.;:”’)\]，。；：》」』）])(\d{{1,3}})(?=[\s,.;:)\]”’，。；、{_CJK}]|$)"
)
_SPACED = re.compile(r"(?<=[^\W\d_]|[,.;:”’)])(\s{1,3})(\d{1,3})(?=\s+\S|\s*$)")
_FUSED = re.compile(r"(?:^\s*|(?<=[–-])|(?<=\s))((?:19|20)\d{2})(\d{1,2})(?=[\s,.;:]|$)")
_LINE_START = re.compile(r"^\s*(\d{1,3})\s+(?=\S)")
_WORD_AFTER = re.compile(r"\W*([^\W\d_]+)")  # used with match(text, pos): no ``^``
_WORD_RUN = re.compile(r"\w+")
_WIDE_RUN = re.compile(r"[\w.\-]+")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class MarkerCandidate:
    number: int
    start: int
    end: int
    line: int
    anchor: int
    style: MarkerStyle


class _Words:
    """Where the words and tokens of one line are, found once per line.

    A line may hold thousands of figures; asking "which word comes before this figure"
    with a pattern over the whole text before it, once per figure, made a line of
    figures quadratic. The runs found here answer by bisection instead, with the same
    result as the pattern ``([^\\W\\d_][\\w.\\-]*)\\W*$`` searched in ``text[:end]``.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._runs: dict[str, tuple[list[int], list[int]]] = {}

    def _spans(self, name: str, pattern: re.Pattern[str]) -> tuple[list[int], list[int]]:
        """Starts and ends of the runs of ``pattern``, found on first use."""
        if name not in self._runs:
            spans = [match.span() for match in pattern.finditer(self.text)]
            self._runs[name] = ([a for a, _ in spans], [b for _, b in spans])
        return self._runs[name]

    def word_before(self, end: int) -> str:
        """The word ``text[:end]`` ends with, past any non-word characters ("" if none)."""
        word_starts, word_ends = self._spans("word", _WORD_RUN)
        last = bisect.bisect_left(word_starts, end) - 1  # the last run of \\w before end
        if last < 0:
            return ""
        stop = min(word_ends[last], end)  # past it, only non-word characters up to end
        wide_starts, wide_ends = self._spans("wide", _WIDE_RUN)
        run = bisect.bisect_right(wide_starts, stop - 1) - 1  # the [\\w.-] run holding it
        letter_starts, letter_ends = self._spans("letter", _LETTER_RUN)
        first = bisect.bisect_right(letter_ends, wide_starts[run])  # its first letter
        if first == len(letter_starts):
            return ""
        start = max(wide_starts[run], letter_starts[first])
        return self.text[start : min(wide_ends[run], end)] if start < stop else ""

    def token_before(self, end: int) -> str:
        """``text[:end].split()[-1]`` (or ""), without splitting the whole prefix."""
        starts, ends = self._spans("token", _TOKEN)
        last = bisect.bisect_left(starts, end) - 1
        return self.text[starts[last] : min(ends[last], end)] if last >= 0 else ""

    def stripped_end(self, end: int) -> int:
        """``len(text[:end].rstrip())``."""
        text = self.text
        while end > 0 and text[end - 1].isspace():
            end -= 1
        return end


def _word_after(text: str, start: int = 0) -> str:
    match = _WORD_AFTER.match(text, start)
    return match.group(1) if match else ""


def _ends_sentence(word: str) -> bool:
    """Whether a full stop after ``word`` can end a sentence (a marker may follow it)."""
    word = word.rsplit(".", 1)[-1].strip("”’)")
    if len(word) < 3:
        return False
    return any(ch.islower() for ch in word) or word.isdigit()


def _is_quantity(lexicon: Lexicon, before: _Words, end: int, text: str, after: int) -> bool:
    """A figure after "paragraph" or before "年" or a month name is not a marker.

    What comes before the figure is ``before.text[:end]``, what follows it ``text[after:]``
    (offsets, not slices: a line of many figures must not copy itself once per figure)."""
    word = before.word_before(end).rstrip(".")
    # "paragraph 5" and "第 5" take a number; "session,3" is a word, a comma and a marker.
    # "No. 5" and "para. 5" are abbreviations; "meeting. 22" ends a sentence.
    stripped = before.stripped_end(end)
    directly_after = before.text.endswith(word, 0, stripped) or (
        before.text.endswith(word + ".", 0, stripped) and len(word) <= 4
    )
    if directly_after and (
        word in lexicon.numbered_nouns or word.lower() in lexicon.numbered_nouns
    ):
        return True
    if word in lexicon.months:
        return True
    following = after
    while following < len(text) and text[following].isspace():
        following += 1
    if any(text.startswith(unit, following) for unit in lexicon.number_suffix_units):
        return True
    return _word_after(text, after) in lexicon.months


def find_inline_markers(
    line: Line, lexicon: Lexicon, continuation: bool, previous_line: Line | None
) -> list[MarkerCandidate]:
    """Marker candidates on one line of a paragraph."""
    text = line.text
    if not _DIGIT.search(text):
        return []
    base = line.start
    number = line.number
    found: dict[int, MarkerCandidate] = {}

    def add(start: int, end: int, anchor: int, style: MarkerStyle) -> None:
        if start + base not in found:
            found[start + base] = MarkerCandidate(
                int(text[start:end]), base + start, base + end, number, base + anchor, style
            )

    for match in _MARKDOWN.finditer(text):
        found[base + match.start()] = MarkerCandidate(
            int(match.group(1)),
            base + match.start(),
            base + match.end(),
            number,
            base + match.start(),
            MarkerStyle.MARKDOWN,
        )
    words = _Words(text)
    for match in _OLD_STYLE.finditer(text):
        anchor = words.stripped_end(match.start(1))
        add(match.start(1), match.end(1), anchor, MarkerStyle.OLD_STYLE)
    for match in _FUSED.finditer(text):
        if match.start() == 0 and not continuation:
            continue
        add(match.start(2), match.end(2), match.start(2), MarkerStyle.FUSED)
    for match in _GLUED.finditer(text):
        start = match.start(1)
        token = words.token_before(start)
        if "/" in token and token[-1:] not in ",.;:”’)":
            continue  # "66/181": the figure ends a symbol ("79/7;1" is a symbol and a marker)
        # Glued straight to a word ("Agenda9") the figure is no quantity of that word:
        # "Agenda 21" and "paragraph 5" are written with a space.
        before_end = 0 if text[start - 1 : start].isalpha() else start
        if _is_quantity(lexicon, words, before_end, text, match.end(1)):
            continue
        if token.endswith(".") and not _ends_sentence(token[:-1]):
            continue  # "A.2", "IV.8", "Corr.1": a label, not a sentence and its marker
        if token[-1:].isalpha() and token[-1:].isascii():
            # "G20", "COP28", "A4": a figure glued to capitals is a name, not a marker.
            word = words.word_before(start)
            if len(word) < 3 or word.isupper() or not any(ch.islower() for ch in word):
                continue
        add(start, match.end(1), start, MarkerStyle.GLUED)
    for match in _SPACED.finditer(text):
        start = match.start(2)
        if _is_quantity(lexicon, words, match.start(1), text, match.end(2)):
            continue
        add(start, match.end(2), match.start(1), MarkerStyle.SPACED)
    if continuation and previous_line is not None:
        start_match = _LINE_START.match(text)
        previous = _Words(previous_line.text)
        anchor_end = previous.stripped_end(len(previous_line.text))
        if start_match and not _is_quantity(
            lexicon, previous, anchor_end, text, start_match.end(1)
        ):
            found.setdefault(
                base + start_match.start(1),
                MarkerCandidate(
                    int(start_match.group(1)),
                    base + start_match.start(1),
                    base + start_match.end(1),
                    number,
                    previous_line.start + anchor_end,
                    MarkerStyle.LINE_START,
                ),
            )
    return list(found.values())


def select_markers(
    candidates: Iterable[MarkerCandidate], note_numbers: set[int], old_style_notes: bool
) -> list[MarkerCandidate]:
    """Keep the candidates that fit the notes and the order of first references."""
    expected = min(note_numbers) if note_numbers else 1
    seen: set[int] = set()
    chosen: list[MarkerCandidate] = []
    last_end = -1
    for candidate in candidates:
        if candidate.start < last_end:
            continue
        number = candidate.number
        in_notes = number in note_numbers
        style = candidate.style
        if style is MarkerStyle.OLD_STYLE:
            accepted = old_style_notes or in_notes
        elif style is MarkerStyle.MARKDOWN:
            accepted = True
        elif style is MarkerStyle.OWN_LINE:
            # A lone figure is a marker with its note, or as the next number; else it is
            # a page number left in the text ("PAGE 3 of 3" / "17").
            opening = not seen and number == 1
            accepted = in_notes or number in seen or number == expected or opening
        elif style in (MarkerStyle.GLUED, MarkerStyle.LINE_START):
            if note_numbers and in_notes:
                accepted = number in seen or number <= expected + 1
            elif note_numbers and style is MarkerStyle.LINE_START:
                accepted = False  # "2 per cent" opening a line: a marker only with its note
            else:
                # Glued to a word, exactly the next number: a marker even when its note
                # is lost (F001 must see it); any other figure stays text.
                opening = not seen and number == 1  # notes may begin after a lost note 1
                accepted = number in seen or number == expected or opening
        else:  # spaced or fused: ambiguous shapes need a note and the next number
            accepted = in_notes and number == expected
        if not accepted:
            continue
        chosen.append(candidate)
        last_end = candidate.end
        if number not in seen:
            seen.add(number)
            expected = max(expected, number + 1)
    return chosen
