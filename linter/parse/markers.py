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
    rf"(?<=[^\W\d_]|[,.;:”’)\]，。；：》」』）،؛])(\d{{1,3}})(?=[\s,.;:)\]”’，。；、،؛{_CJK}]|$)"
)
_SPACED = re.compile(r"(?<=[^\W\d_]|[,.;:”’)])(\s{1,3})(\d{1,3})(?=\s+\S|\s*$)")
_FUSED = re.compile(r"(?:^\s*|(?<=[–-])|(?<=\s))((?:19|20)\d{2})(\d{1,2})(?=[\s,.;:]|$)")
_LINE_START = re.compile(r"^\s*(\d{1,3})\s+(?=\S)")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.\-]*)\W*$")
_WORD_AFTER = re.compile(r"^\W*([^\W\d_]+)")


@dataclass(frozen=True, slots=True)
class MarkerCandidate:
    number: int
    start: int
    end: int
    line: int
    anchor: int
    style: MarkerStyle


def _word_before(text: str) -> str:
    match = _WORD_BEFORE.search(text)
    return match.group(1) if match else ""


def _word_after(text: str) -> str:
    match = _WORD_AFTER.match(text)
    return match.group(1) if match else ""


def _ends_sentence(word: str) -> bool:
    """Whether a full stop after ``word`` can end a sentence (a marker may follow it)."""
    word = word.rsplit(".", 1)[-1].strip("”’)")
    if len(word) < 3:
        return False
    return any(ch.islower() for ch in word) or word.isdigit()


def _is_quantity(lexicon: Lexicon, before: str, after: str) -> bool:
    """A figure after "paragraph" or before "年" or a month name is not a marker."""
    word = _word_before(before).rstrip(".")
    # "paragraph 5" and "第 5" take a number; "session,3" is a word, a comma and a marker.
    # "No. 5" and "para. 5" are abbreviations; "meeting. 22" ends a sentence.
    directly_after = before.rstrip().endswith(word) or (
        before.rstrip().endswith(word + ".") and len(word) <= 4
    )
    if directly_after and (
        word in lexicon.numbered_nouns or word.lower() in lexicon.numbered_nouns
    ):
        return True
    if word in lexicon.months:
        return True
    following = after.lstrip()
    if any(following.startswith(unit) for unit in lexicon.number_suffix_units):
        return True
    return _word_after(after) in lexicon.months


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
    for match in _OLD_STYLE.finditer(text):
        anchor = len(text[: match.start(1)].rstrip())
        add(match.start(1), match.end(1), anchor, MarkerStyle.OLD_STYLE)
    for match in _FUSED.finditer(text):
        if match.start() == 0 and not continuation:
            continue
        add(match.start(2), match.end(2), match.start(2), MarkerStyle.FUSED)
    for match in _GLUED.finditer(text):
        start = match.start(1)
        token = text[:start].split()[-1] if text[:start].split() else ""
        if "/" in token and token[-1:] not in ",.;:”’)":
            continue  # "66/181": the figure ends a symbol ("79/7;1" is a symbol and a marker)
        # Glued straight to a word ("Agenda9") the figure is no quantity of that word:
        # "Agenda 21" and "paragraph 5" are written with a space.
        before = "" if text[start - 1 : start].isalpha() else text[:start]
        if _is_quantity(lexicon, before, text[match.end(1) :]):
            continue
        if token.endswith(".") and not _ends_sentence(token[:-1]):
            continue  # "A.2", "IV.8", "Corr.1": a label, not a sentence and its marker
        if token[-1:].isalpha() and token[-1:].isascii():
            # "G20", "COP28", "A4": a figure glued to capitals is a name, not a marker.
            word = _word_before(text[:start])
            if len(word) < 3 or word.isupper() or not any(ch.islower() for ch in word):
                continue
        add(start, match.end(1), start, MarkerStyle.GLUED)
    for match in _SPACED.finditer(text):
        start = match.start(2)
        before = text[: match.start(1)]
        if _is_quantity(lexicon, before, text[match.end(2) :]):
            continue
        add(start, match.end(2), len(before), MarkerStyle.SPACED)
    if continuation and previous_line is not None:
        start_match = _LINE_START.match(text)
        if start_match and not _is_quantity(
            lexicon, previous_line.text.rstrip(), text[start_match.end(1) :]
        ):
            anchor_line = previous_line.text.rstrip()
            found.setdefault(
                base + start_match.start(1),
                MarkerCandidate(
                    int(start_match.group(1)),
                    base + start_match.start(1),
                    base + start_match.end(1),
                    number,
                    previous_line.start + len(anchor_line),
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
