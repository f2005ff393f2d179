"""Computing the canonical plan of a Document: its pieces, then a gap between each two.

Each gap (:class:`~linter.fix.plan_model.Gap`) gets the one edit that makes it canonical
and the rule that reports it; the gaps that hold notes and the tail that receives them
are one fix. See :mod:`linter.fix.canonical` for what the plan is for.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TypeVar

from linter.engine.registry import Edit, Fix
from linter.fix.joins import join_pieces, markdown_marker, note_line
from linter.fix.plan_model import (
    BLOCK_SEPARATOR,
    CONTENT_ROLES,
    NOTE_ROLES,
    REMOVES_FURNITURE,
    REMOVES_WHITESPACE,
    Gap,
    Owner,
    Piece,
    Plan,
)
from linter.parse.layout import FURNITURE, Kind
from linter.parse.model import Document, Marker, MarkerStyle, Note
from linter.source.lexicon import lexicon_for

_T = TypeVar("_T")
_SECTION_ROLES = frozenset({"heading", "section", "part", "annex"})


@dataclass
class Draft:
    """A gap while the plan is built: its replacement and what lies in it."""

    start: int
    end: int
    replacement: str
    kind: str
    lines: range = range(0)
    block: int = -1
    residue: list[int] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)  # every note whose number is inside
    note_lines: bool = False

    def owner(self, moved: list[Note], wrapped: list[Note]) -> Owner:
        if self.residue or moved:
            return Owner.PAGE_RESIDUE
        if self.markers:
            return Owner.MARKER
        if self.kind == "join" or wrapped:
            return Owner.HARD_WRAP
        return Owner.WHITESPACE


class Planner:
    """Builds the :class:`~linter.fix.plan_model.Plan` of one Document (:meth:`build`)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.lines = doc.source.lines
        kinds = doc.layout.kinds
        self.roles = doc.line_roles or tuple(kind.value for kind in kinds)
        self.kinds = kinds
        self.join = lexicon_for(doc.language).line_join
        # Lines of the markers the parser chose: a line it took for a marker and did not
        # choose (a lone figure after the adoption block) is text, and kept.
        self.marker_lines = {marker.line - 1 for marker in doc.markers}
        self.line_start_markers = {
            marker.line - 1: marker
            for marker in doc.markers
            if marker.style is MarkerStyle.LINE_START
        }
        self.section_of_line = self._section_lines()
        self.detached = sorted(
            (m for m in doc.markers if m.style is not MarkerStyle.MARKDOWN),
            key=lambda m: m.span.start,
        )
        self.detached_starts = [m.span.start for m in self.detached]
        self.notes = sorted(doc.notes, key=lambda n: n.number_span.start)
        self.note_starts = [n.number_span.start for n in self.notes]
        lex = lexicon_for(doc.language)
        # "Annex" / "Awaza Political Declaration": the label keeps a line of its own,
        # unless the heading still reads as one when joined ("II. Implementation ...").
        self.label_alone = [
            heading.kind == "annex"
            or (
                heading.kind in ("part", "section")
                and not any(regex.match(heading.text.strip()) for regex in lex.section_regexes)
            )
            for heading in doc.sections
        ]
        self.section_first_line = [
            doc.source.position(heading.span.start)[0] - 1 for heading in doc.sections
        ]
        self.kept_headers = self._unverified_running_headers()

    def _section_lines(self) -> dict[int, int]:
        """Line index -> number of the body heading (part, section, annex) it is part of."""
        found: dict[int, int] = {}
        position = self.doc.source.position
        for number, heading in enumerate(self.doc.sections):
            first = position(heading.span.start)[0] - 1
            last = position(max(heading.span.end - 1, heading.span.start))[0] - 1
            for index in range(first, last + 1):
                found[index] = number
        return found

    def _unverified_running_headers(self) -> frozenset[int]:
        if Kind.RUNNING_HEADER not in self.kinds:
            return frozenset()
        return self._headers_copying_nothing()

    def _headers_copying_nothing(self) -> frozenset[int]:
        """Running headers that do not repeat a heading line kept in the text.

        A running header is furniture only as a copy of the title or heading on the first
        page; a line the layout took for one but that copies nothing kept (a short text
        whose every line is "in the heading") stays, so no sentence of the resolution
        can be deleted as furniture.
        """
        kept = " ".join(
            _squash(line.text)
            for line, role in zip(self.lines, self.roles, strict=True)
            if role in ("heading", "title")
        )
        return frozenset(
            index
            for index, line in enumerate(self.lines)
            if self.kinds[index] is Kind.RUNNING_HEADER and _squash(line.text) not in kept
        )

    # -- pieces ----------------------------------------------------------------------------

    def pieces(self) -> list[Piece]:
        pieces: list[Piece] = []
        block = -1
        previous_role: str | None = None
        previous_line = -1
        for index, line in enumerate(self.lines):
            role = self.roles[index]
            if role == "front-matter":
                content = line.text.rstrip()
                if content:
                    block += previous_role != "front-matter"
                    pieces.append(Piece(line.start, line.start + len(content), index, block))
                    previous_role, previous_line = role, index
                continue
            if index in self.kept_headers or (role == "marker" and index not in self.marker_lines):
                role = "text"
            if role not in CONTENT_ROLES or not line.text.strip():
                continue
            start = line.start + len(line.text) - len(line.text.lstrip())
            end = line.start + len(line.text.rstrip())
            marker = self.line_start_markers.get(index)
            if marker is not None and marker.span.start == start:
                start = marker.span.end
                while start < end and self.text[start].isspace():
                    start += 1
            if block < 0 or self._opens_block(role, previous_role, index, previous_line, start):
                block += 1
            pieces.append(Piece(start, end, index, block))
            previous_role, previous_line = role, index
        return pieces

    def _opens_block(
        self, role: str, previous: str | None, index: int, previous_line: int, start: int
    ) -> bool:
        if previous == "front-matter":
            return True
        if role == "continuation":
            return False
        if role == "title":
            return previous != "title"
        if role == "adoption-continuation":
            # "Adopted at the 873rd meeting" / "by 8 votes to none, ...": one block.
            return False
        if role in _SECTION_ROLES:
            section = self.section_of_line.get(index)
            if section is None or self.section_of_line.get(previous_line) != section:
                return True
            return self.label_alone[section] and self.section_first_line[section] == previous_line
        return True

    # -- gaps ------------------------------------------------------------------------------

    #: Whether :meth:`build` makes the plain gaps directly (:meth:`_plain_gap`); the
    #: tests turn it off to check that both ways give the same plan.
    plain_gaps_directly = True

    def build(self) -> Plan:
        pieces = self.pieces()
        if not pieces:
            return Plan((), (), None)
        drafts: list[Draft | Gap] = [self._draft(0, pieces[0].start, None, pieces[0], "head")]
        plain = self._plain_gap if self.plain_gaps_directly else None
        for before, after in pairwise(pieces):
            kind = "join" if before.block == after.block else "break"
            gap = plain(before, after, kind) if plain is not None else None
            drafts.append(
                gap
                if gap is not None
                else self._draft(before.end, after.start, before, after, kind)
            )
        tail = self._draft(pieces[-1].end, len(self.text), pieces[-1], None, "tail")
        tail.replacement += self._notes_section()
        drafts.append(tail)

        # Every gap that holds note lines, and the tail that receives the notes, change
        # together or not at all (a plain gap holds neither).
        group = [
            d
            for d in drafts
            if isinstance(d, Draft) and (d.note_lines or d.notes or (d is tail and self.doc.notes))
        ]
        edits = tuple(
            Edit(d.start, d.end, d.replacement)
            for d in group
            if self.text[d.start : d.end] != d.replacement
        )
        notes_fix = Fix(edits, removes=REMOVES_FURNITURE) if edits else None
        in_group = {id(d) for d in group}
        gaps = [
            draft
            if isinstance(draft, Gap)
            else self._gap(draft, tail, notes_fix if id(draft) in in_group else None)
            for draft in drafts
        ]
        rewritten = frozenset(
            index
            for gap in gaps
            if gap.owner is Owner.PAGE_RESIDUE and gap.fix is not None
            for index in gap.lines
        )
        return Plan(tuple(pieces), tuple(gaps), notes_fix, rewritten)

    def _gap(self, draft: Draft, tail: Draft, group_fix: Fix | None) -> Gap:
        at_end = draft is tail
        moved: list[Note] = []
        wrapped: list[Note] = []
        if draft.notes:  # most gaps hold no note
            moved = [n for n in draft.notes if not (at_end and n.style == "markdown")]
            wrapped = [
                n for n in draft.notes if at_end and n.style == "markdown" and _wraps(self.doc, n)
            ]
        current = self.text[draft.start : draft.end]
        fix: Fix | None
        if current == draft.replacement:
            fix = None
        elif group_fix is not None:
            fix = group_fix
        else:
            removes = REMOVES_FURNITURE if draft.residue else REMOVES_WHITESPACE
            fix = Fix((Edit(draft.start, draft.end, draft.replacement),), removes=removes)
        return Gap(
            start=draft.start,
            end=draft.end,
            replacement=draft.replacement,
            kind=draft.kind,
            residue=tuple(draft.residue),
            markers=tuple(draft.markers),
            moved_notes=tuple(moved),
            wrapped_notes=tuple(wrapped),
            owner=draft.owner(moved, wrapped),
            fix=fix,
            lines=draft.lines,
            block=draft.block,
        )

    def _plain_gap(self, before: Piece, after: Piece, kind: str) -> Gap | None:
        """The gap between two pieces on consecutive lines with no marker and no note
        number in it (most gaps: a line break inside a paragraph or between two), made
        directly; None for any other gap, which goes through :meth:`_draft`. What it
        gives is what ``_gap(_draft(...))`` gives for such a gap, field for field."""
        start, end = before.end, after.start
        if after.line != before.line + 1:
            return None  # lines inside: residue, note lines
        if _any_between(self.detached_starts, start, end) or _any_between(
            self.note_starts, start, end
        ):
            return None
        glue = self._glue(before, after, kind)
        fix = (
            None
            if self.text[start:end] == glue
            else Fix((Edit(start, end, glue),), removes=REMOVES_WHITESPACE)
        )
        return Gap(
            start=start,
            end=end,
            replacement=glue,
            kind=kind,
            residue=(),
            markers=(),
            moved_notes=(),
            wrapped_notes=(),
            owner=Owner.HARD_WRAP if kind == "join" else Owner.WHITESPACE,
            fix=fix,
            lines=range(before.line + 1, after.line),
            block=before.block,
        )

    def _draft(
        self, start: int, end: int, before: Piece | None, after: Piece | None, kind: str
    ) -> Draft:
        markers = self._between(self.detached, self.detached_starts, start, end)
        glue = self._glue(before, after, kind)
        # The lines wholly inside: those between the lines of the two pieces.
        lines = range(
            before.line + 1 if before is not None else 0,
            after.line if after is not None else len(self.lines),
        )
        return Draft(
            start=start,
            end=end,
            replacement="".join(markdown_marker(m.label) for m in markers) + glue
            if markers
            else glue,
            kind=kind,
            lines=lines,
            block=before.block if before is not None else -1,
            # Most gaps are a line break between two lines, with no line inside.
            residue=[i for i in lines if self._is_residue(i)] if lines else [],
            markers=markers,
            notes=self._between(self.notes, self.note_starts, start, end),
            note_lines=bool(lines) and any(self.roles[i] in NOTE_ROLES for i in lines),
        )

    def _glue(self, before: Piece | None, after: Piece | None, kind: str) -> str:
        """What the canonical text puts between two pieces (or at the head or tail)."""
        if self._front_matter_pair(before, after):
            return "\n"  # YAML front matter keeps its lines
        if kind == "join":
            assert before is not None and after is not None
            return join_pieces(
                self.text[before.start : before.end], self.text[after.start : after.end], self.join
            )
        if kind == "break":
            return BLOCK_SEPARATOR
        return "\n" if kind == "tail" else ""

    @staticmethod
    def _between(items: list[_T], starts: list[int], start: int, end: int) -> list[_T]:
        return items[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def _front_matter_pair(self, before: Piece | None, after: Piece | None) -> bool:
        return (
            before is not None
            and after is not None
            and self.roles[before.line] == "front-matter"
            and self.roles[after.line] == "front-matter"
        )

    def _is_residue(self, index: int) -> bool:
        kind = self.kinds[index]
        return (kind in FURNITURE or kind is Kind.SEPARATOR) and index not in self.kept_headers

    # -- notes -----------------------------------------------------------------------------

    def _notes_section(self) -> str:
        if not self.doc.notes:
            return ""
        lines = [note_line(self.doc, note, self.join) for note in self.doc.notes]
        return "\n" + BLOCK_SEPARATOR.join(lines) + "\n"


def _any_between(starts: list[int], start: int, end: int) -> bool:
    """Whether a sorted list of offsets holds one in ``[start, end)``."""
    return bool(starts) and bisect.bisect_left(starts, start) < bisect.bisect_left(starts, end)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _wraps(doc: Document, note: Note) -> bool:
    pieces = note.body.pieces
    return (
        bool(pieces)
        and doc.source.position(pieces[0][1])[0] != doc.source.position(pieces[-1][2])[0]
    )
