"""Paragraph and sub-paragraph numbering: one analysis shared by the N rules.

Operative paragraphs are numbered ``1.``, ``2.``, ... within a *scope* (the resolution, or
one annex); a new part or section may continue the count (Security Council resolution
687 (1991): parts A to I, paragraphs 1 to 34) or restart it at 1. Damage shows as a
number skipped, repeated or out of place. One walk over the numbers classifies every
anomaly once, so that the gap, duplicate and order rules never report the same mistake
twice: a swapped pair (``2, 4, 3, 5``) is one order problem, not two gaps; a paragraph
numbered like the one before it where the next one is expected (``2, 3, 3, 5``) is one
duplicate, not a duplicate and a gap.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum
from itertools import pairwise

from linter.facts.grammars.numerals import roman_value, to_roman
from linter.parse.model import Document, Paragraph, Span, SubParagraph
from linter.source.frozen import record

_CLOSING = "\"'”’」』»"


# What may follow a paragraph's final mark, read from the end of the reversed text: the
# plain forms ``([^\w\s/])\s*(?:\d{1,3}/?|/)$`` and ``([,;.:，；。：])[\s‘’'"°*^]+\d{0,3}$``
# searched a whole paragraph, trying every position. Each has at most one match (the mark
# is never a space, figure or speck), which the anchored match of the reversed text finds.
_TRAILING_MARKER = re.compile(r"(?:/?\d{1,3}|/)\s*([^\w\s/])")
#: "months, ‘", "1991,°", "1949,'°5": a speck or a damaged superscript after the mark.
_TRAILING_SPECK = re.compile(r"\d{0,3}[\s‘’'\"°*^]+([,;.:，；。：])")


def final_mark(text: str) -> str:
    """The last character of a paragraph that is not a space, closing quote or marker.

    A footnote figure after the final punctuation (``1972; 61``, ``Congo,7``) is a marker
    the parser could not match with a note; the paragraph still ends with its mark.
    """
    stripped = text.rstrip().rstrip(_CLOSING).rstrip()
    backwards = stripped[::-1]
    marker = _TRAILING_SPECK.match(backwards) or _TRAILING_MARKER.match(backwards)
    if marker:
        return marker.group(1)
    return stripped[-1:]


def letter_value(label: str) -> int | None:
    """``a`` -> 1 ... ``z`` -> 26, then the doubled ``aa`` -> 27 ... ``zz`` -> 52."""
    if len(label) == 1 and "a" <= label <= "z":
        return ord(label) - 96
    if len(label) == 2 and label[0] == label[1] and "a" <= label[0] <= "z":
        return ord(label[0]) - 96 + 26
    return None


def to_letter(value: int) -> str:
    if value <= 26:
        return chr(96 + value)
    return chr(96 + value - 26) * 2


class Issue(StrEnum):
    GAP = "gap"
    DUPLICATE = "duplicate"
    ORDER = "order"
    RESTART = "restart"


@record
class Anomaly:
    """One numbering problem, at ``index`` of the sequence it was found in."""

    issue: Issue
    index: int
    expected: int  # the value that belonged here
    previous_index: int | None  # the element before it (None at the start)
    missing: tuple[int, ...] = ()  # for gaps: the values skipped
    first_index: int | None = None  # for duplicates: where the value was first used


def sequence_anomalies(
    values: Sequence[int], restarts: Sequence[bool] = (), start: int = 1
) -> list[Anomaly]:
    """Gaps, duplicates and order problems in a sequence meant to count ``start, start+1, ...``.

    ``restarts[i]`` says a new part or section begins at ``i``: there the count may start
    again at ``start`` (or go on). The walk keeps the value the text *should* have reached,
    so one displaced number is one anomaly whatever its neighbours: a number that jumps
    ahead of a hole the next one fills is out of order (``2, 4, 3``); a skipped number that
    turns up later was moved, not lost (``2, 4, 5, 3``); a repeated number where the next
    one is expected stands in for it (``2, 3, 3, 5``: one duplicate, no gap).
    """
    found: dict[int, Anomaly] = {}
    gaps: dict[int, int] = {}  # skipped value -> index of the gap anomaly that lists it
    jumped: set[int] = set()  # values passed over by an out-of-order jump
    seen: dict[int, int] = {}
    expected = start
    for index, value in enumerate(values):
        following = values[index + 1] if index + 1 < len(values) else None
        before = index - 1 if index else None
        if index and value == start and value != expected:
            allowed = index < len(restarts) and restarts[index]
            if allowed or following == start + 1 or following is None:
                if not allowed:
                    found[index] = Anomaly(Issue.RESTART, index, expected, before)
                seen, gaps, jumped, expected = {}, {}, set(), start
        if value == expected:
            expected += 1
        elif value in jumped:
            jumped.discard(value)  # fills the hole an earlier jump left: already reported
        elif value in gaps:
            gap_index = gaps.pop(value)
            gap = found[gap_index]
            rest = tuple(v for v in gap.missing if v != value)
            if rest:
                found[gap_index] = Anomaly(Issue.GAP, gap.index, rest[0], gap.previous_index, rest)
            else:
                del found[gap_index]
            found[index] = Anomaly(Issue.ORDER, index, value, before)
        elif value in seen:
            found[index] = Anomaly(
                Issue.DUPLICATE, index, expected, before, first_index=seen[value]
            )
            if following is None or following == expected + 1:
                expected += 1  # it stands where ``expected`` belongs
        elif value < expected:
            found[index] = Anomaly(Issue.ORDER, index, expected, before)
        elif following is not None and expected <= following < value:
            found[index] = Anomaly(Issue.ORDER, index, expected, before)
            jumped.update(range(expected, value))
            expected = value + 1
        else:
            missing = tuple(range(expected, value))
            found[index] = Anomaly(Issue.GAP, index, expected, before, missing)
            gaps.update((v, index) for v in missing)
            expected = value + 1
        seen.setdefault(value, index)
    return [found[key] for key in sorted(found)]


@record
class Run:
    """The numbered paragraphs of one scope (the resolution, or one annex), in order."""

    scope: str
    paragraphs: tuple[Paragraph, ...]
    restarts: tuple[bool, ...]  # a part or section heading lies before paragraph i

    def where(self) -> str:
        """`` of annex I`` for messages; nothing for the resolution itself."""
        return f" of the {self.scope}" if self.scope else ""


def numbered_runs(doc: Document) -> list[Run]:
    """Operative and annex paragraphs that carry a number, grouped by scope."""
    groups: dict[str, list[Paragraph]] = {}
    for paragraph in (*doc.operative, *doc.annexes):
        if paragraph.number is not None and not _is_form_field(_first_line(doc, paragraph)):
            groups.setdefault(paragraph.scope, []).append(paragraph)
    runs = []
    for scope, paragraphs in groups.items():
        if scope and paragraphs[0].number != 1:
            # An annex whose numbers do not open at 1 holds a list we do not know
            # (items of a technical list, a table): its numbers are no paragraph count.
            continue
        restarts = [False]
        for before, after in pairwise(paragraphs):
            restarts.append(after.part != before.part)
        runs.append(Run(scope, tuple(paragraphs), tuple(restarts)))
    return runs


def _first_line(doc: Document, paragraph: Paragraph) -> str:
    if not paragraph.body.pieces:
        return ""
    _offset, start, end = paragraph.body.pieces[0]
    return doc.text[start:end]


def _is_form_field(text: str) -> bool:
    """``1. MISSION OR INTERNATIONAL ORGANIZATION``: a numbered field of a form, in capitals.

    Paragraphs open with a verb in ordinary case; a label in capitals is a heading or a
    box of a form reproduced in an annex (S/RES/1454 (2002), annex B).
    """
    head = text[:40]
    if not any(ch.isupper() for ch in head):
        return False  # no capitals (Chinese has no letter case): never a form field
    if not any(ch.islower() for ch in head):
        return True
    words = head.split()[:2]
    return len(words) == 2 and all(word.isupper() and len(word) > 1 for word in words)


def span_of_number(paragraph: Paragraph) -> Span:
    """The paragraph's number label, or its first character when it has none."""
    if paragraph.number_span is not None:
        return paragraph.number_span
    start = paragraph.span.start
    return Span(start, start + 1)


def numbered_paragraph_anomalies(doc: Document) -> list[tuple[Run, Anomaly]]:
    """Every numbering anomaly of the document's operative and annex paragraphs."""
    found: list[tuple[Run, Anomaly]] = []
    for run in numbered_runs(doc):
        numbers = [p.number or 0 for p in run.paragraphs]
        found.extend((run, anomaly) for anomaly in sequence_anomalies(numbers, run.restarts))
    return found


def label_value(sub: SubParagraph) -> int | None:
    """The position a sub-paragraph label stands for in its list."""
    if sub.level == 2:
        return roman_value(sub.label)
    return letter_value(sub.label) if sub.label != "i" or sub.level == 1 else None


def format_label(value: int, roman: bool) -> str:
    return f"({to_roman(value) if roman else to_letter(value)})"
