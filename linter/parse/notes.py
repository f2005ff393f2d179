"""What a footnote looks like on a line: where one starts, and whether a line goes on with it.

Shared by the layout pass (notes under a page's separator) and the stray-notes pass (notes
the layout could not see: after the adoption block of a printed volume, between the
paragraphs of a cleaned text). A note starts with its number and its text
(``3 See A/80/348.``, old style ``1/ S/24476, annex.``), with its number alone on a line
and the text below (the seed), with an asterisk (``* Any changes to the list of sponsors
...``, ``** United Nations, Treaty Series, ...``), or in Markdown (``[^3]: ...``).

A line right under a note's line goes on with it unless it starts a note itself, or the
note has ended a sentence and the line does not read as the rest of one: a note is
printed as one block, and the text after the last note of a page (the seed's body goes
on right under its notes) starts like a sentence. ``Sales No.`` / ``E.86.IX.7), appendix
VII.`` is one note: the line after an abbreviation's full stop continues it.
"""

from __future__ import annotations

import re

from linter.source.frozen import record

#: ``3 See ...``, ``1/ S/24476``, ``8 2010 Review Conference ...``: a number, then text.
# A note's text runs to its last non-space character: ``\S(?:.*\S)?`` finds it in one
# pass, where a lazy ``.*?`` before ``\s*$`` tried the end of the line after every
# character (quadratic on a note holding a long run of spaces).
NUMBERED_START = re.compile(r"^\s*(?P<number>\d{1,3})(?P<old>/)?\s+(?P<text>\S(?:.*\S)?)\s*$")
#: ``* On behalf of ...``, ``** United Nations, ...``: an asterisk note.
ASTERISK_START = re.compile(r"^\s*(?P<mark>\*{1,3})\s*(?P<text>[^\s*\d](?:.*\S)?)\s*$")
#: ``1`` alone on a line, its text on the next.
NUMBER_ALONE = re.compile(r"^\s*(\d{1,3})\s*$")
#: A note's text has ended a sentence: a full stop, maybe inside closing brackets or quotes.
_SENTENCE_END = re.compile(r"[.。．]['\"”’)）\]]*\s*$")
#: Words whose full stop abbreviates and does not end the note ("Sales No." / "E.86...").
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:No|Nos|vol|vols|Vol|Vols|p|pp|para|paras|chap|art|arts|sect|Suppl|Corr|Add|Rev|"
    r"Amend|op|cit|ed|eds|et al|i\.e|e\.g|cf)\.)\s*$"
)
#: A line that reads as the rest of a sentence: it opens with a small letter, a bracket or
#: a document symbol's first part (``E.86.IX.7``, ``S/12230``, ``NPT/CONF``). A figure
#: does not: ``2. Requests ...`` after a page's last note is the body going on.
_CONTINUATION_START = re.compile(r"^\s*(?:[a-z(\[]|[A-Z]{1,6}[./]\S)")


@record
class NoteStart:
    """A line that opens a note: its label and where the number and the text are."""

    number: int  # 0 for an asterisk note
    mark: str  # "*", "**", "***" for an asterisk note, else ""
    number_start: int  # offsets within the line
    number_end: int
    text_start: int
    text_end: int
    style: str  # "inline", "old-style", "asterisk"


def note_start(text: str) -> NoteStart | None:
    """The note that ``text`` opens, if it opens one with its text on the same line."""
    match = NUMBERED_START.match(text)
    if match:
        return NoteStart(
            number=int(match.group("number")),
            mark="",
            number_start=match.start("number"),
            number_end=match.end("number"),
            text_start=match.start("text"),
            text_end=match.end("text"),
            style="old-style" if match.group("old") else "inline",
        )
    match = ASTERISK_START.match(text)
    if match:
        return NoteStart(
            number=0,
            mark=match.group("mark"),
            number_start=match.start("mark"),
            number_end=match.end("mark"),
            text_start=match.start("text"),
            text_end=match.end("text"),
            style="asterisk",
        )
    return None


def goes_on(note_text: str, line: str) -> bool:
    """Whether ``line``, right under a line of a note whose text so far is ``note_text``,
    is more of that note (the caller has checked that ``line`` opens no note)."""
    if not line.strip():
        return False
    if not _SENTENCE_END.search(note_text):
        return True
    if _ABBREVIATION_END.search(note_text):
        return True
    return bool(_CONTINUATION_START.match(line))
