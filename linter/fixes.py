"""Applying fixes: text edits, sorted, overlaps skipped, repeated until the text settles.

A fix is a list of edits on the text its finding came from. Edits of one pass are applied
from the end of the text backwards so offsets stay valid; an edit that overlaps one
already taken waits for the next pass, which lints the new text again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from linter.registry import Edit, Fix

MAX_PASSES = 10


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, int]:
    """Apply non-overlapping edits; returns the new text and how many were applied."""
    chosen: list[Edit] = []
    last_end = -1
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < last_end or (
            chosen and _overlaps((edit.start, edit.end), (chosen[-1].start, chosen[-1].end))
        ):
            continue
        chosen.append(edit)
        last_end = edit.end
    pieces = []
    position = len(text)
    for edit in reversed(chosen):
        pieces.append(text[edit.end : position])
        pieces.append(edit.replacement)
        position = edit.start
    pieces.append(text[:position])
    return "".join(reversed(pieces)), len(chosen)


def _overlaps(first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Spans overlap, or are two insertions at one point (their order would be a guess)."""
    (a, b), (c, d) = first, second
    return (a < d and c < b) or (a == b == c == d)


def apply_fixes(text: str, fixes: Sequence[Fix], unsafe: bool = False) -> tuple[str, int]:
    """Apply whole fixes (all edits of a fix or none) that do not overlap each other."""
    taken: list[tuple[int, int]] = []
    edits: list[Edit] = []
    count = 0
    for fix in sorted(fixes, key=lambda f: min((e.start for e in f.edits), default=0)):
        if fix.applicability == "unsafe" and not unsafe:
            continue
        spans = [(e.start, e.end) for e in fix.edits]
        if any(_overlaps(span, other) for span in spans for other in taken):
            continue
        taken.extend(spans)
        edits.extend(fix.edits)
        count += 1
    fixed, _ = apply_edits(text, edits)
    return fixed, count
