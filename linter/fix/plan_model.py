"""The canonical plan's parts: pieces of kept text, the gaps between them, the plan.

:mod:`linter.fix.canonical` explains the plan; :mod:`linter.fix.planner` computes it.
"""

from __future__ import annotations

import bisect
from enum import StrEnum

from linter.engine.registry import Fix
from linter.parse.model import Marker, Note
from linter.source.frozen import record

#: Line roles (``Document.line_roles``) whose text stays where it is.
CONTENT_ROLES = frozenset(
    {
        "heading",
        "title",
        "author",
        "paragraph",
        "continuation",
        "subparagraph",
        "part",
        "section",
        "annex",
        "adoption",
        "adoption-continuation",
        "text",
    }
)
NOTE_ROLES = frozenset({"note-number", "note-text"})

BLOCK_SEPARATOR = "\n\n"

#: What a layout fix may delete (see ``linter.fix.guard``): furniture and separators; a
#: whitespace-only fix deletes no word.
REMOVES_FURNITURE = "page furniture"
REMOVES_WHITESPACE = "whitespace"


class Owner(StrEnum):
    """The rule that reports a gap when nothing more specific is in it."""

    HARD_WRAP = "A002"
    MARKER = "A003"
    PAGE_RESIDUE = "A004"
    WHITESPACE = "A006"


@record
class Piece:
    """The kept text of one line: ``text[start:end]``, part of block number ``block``."""

    start: int
    end: int
    line: int  # 0-based line index
    block: int


@record
class Gap:
    """The text between two pieces (or before the first piece, or after the last)."""

    start: int
    end: int
    replacement: str
    kind: str  # "join" (inside a block), "break" (between blocks), "head" or "tail"
    residue: tuple[int, ...]  # line indexes of furniture and separator lines in the gap
    markers: tuple[Marker, ...]  # detached markers the gap re-attaches
    moved_notes: tuple[Note, ...]  # notes not yet in canonical form and place
    wrapped_notes: tuple[Note, ...]  # Markdown notes at the end, wrapped over lines
    owner: Owner
    fix: Fix | None  # None when the gap is canonical already
    lines: range = range(0)  # 0-based indexes of the lines wholly inside the gap
    block: int = -1  # the block a "join" gap is inside


@record
class Plan:
    """The canonical layout of one Document."""

    pieces: tuple[Piece, ...]
    gaps: tuple[Gap, ...]
    notes_fix: Fix | None
    rewritten: frozenset[int] = frozenset()  # lines inside gaps A004 rewrites

    def owned_by(self, owner: Owner) -> list[Gap]:
        """Changing gaps that ``owner`` reports (nothing more specific is in them)."""
        return [gap for gap in self.gaps if gap.owner is owner and gap.fix is not None]

    def gap_of_marker(self, marker: Marker) -> Gap | None:
        """The gap holding ``marker``: gaps lie between pieces in order and do not overlap,
        so bisection finds it (a walk over the gaps per marker was quadratic)."""
        position = marker.span.start
        index = bisect.bisect_right(self.gaps, position, key=_gap_start) - 1
        if index >= 0 and position < self.gaps[index].end:
            return self.gaps[index]
        return None


def _gap_start(gap: Gap) -> int:
    return gap.start
