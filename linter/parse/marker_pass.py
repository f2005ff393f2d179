"""The marker pass: every footnote marker candidate of the body, then the chosen ones.

Candidates come from lines holding only a figure (``OWN_LINE``) and from the text of each
block (``linter.parse.markers`` knows the inline shapes); the choice between them is made
against the notes (``select_markers``). A lone figure that is not a marker is text again.
"""

from __future__ import annotations

import re

from linter.parse.blocks import Block
from linter.parse.context import ParseContext
from linter.parse.layout import Kind
from linter.parse.markers import (
    MarkerCandidate,
    find_asterisk_markers,
    find_inline_markers,
    select_markers,
)
from linter.parse.model import (
    Marker,
    MarkerStyle,
    Note,
    Span,
)

_OWN_LINE_MARKER = re.compile(r"^\s*(\d{1,3})\s*$")


def mark_own_line_markers(ctx: ParseContext, start: int) -> None:
    """Lines of the body holding only a figure are marker candidates until proven text."""
    for index in range(start, len(ctx.lines)):
        if ctx.is_text(index) and _OWN_LINE_MARKER.match(ctx.text_of(index)):
            ctx.kinds[index] = Kind.MARKER
            ctx.roles[index] = "marker"


def collect_candidates(
    ctx: ParseContext, blocks: list[Block], title: int | None, adoption_lines: list[int]
) -> list[MarkerCandidate]:
    """Every figure (and asterisk) of the text that may be a footnote marker, in order."""
    candidates: list[MarkerCandidate] = []
    for block in blocks:
        for index in block.marker_lines:
            line = ctx.lines[index]
            match = _OWN_LINE_MARKER.match(line.text)
            assert match
            candidates.append(
                MarkerCandidate(
                    number=int(match.group(1)),
                    start=line.start + match.start(1),
                    end=line.start + match.end(1),
                    line=index + 1,
                    anchor=anchor_before(ctx, block, index),
                    style=MarkerStyle.OWN_LINE,
                )
            )
        for position, index in enumerate(block.lines):
            candidates.extend(
                find_inline_markers(
                    ctx.lines[index],
                    ctx.lex,
                    continuation=position > 0,
                    previous_line=ctx.lines[block.lines[position - 1]] if position else None,
                    next_text=(
                        ctx.text_of(block.lines[position + 1])
                        if position + 1 < len(block.lines)
                        else ""
                    ),
                )
            )
    if title is not None:
        candidates.extend(find_inline_markers(ctx.lines[title], ctx.lex, False, None))
    for index in adoption_lines:
        # "Adopted at the 2nd meeting. 22": a note on the adoption itself.
        candidates.extend(find_inline_markers(ctx.lines[index], ctx.lex, False, None))
    adoption = set(adoption_lines)
    for index in range(len(ctx.lines)):
        if ctx.kinds[index] is Kind.TEXT and index not in adoption:
            candidates.extend(find_asterisk_markers(ctx.lines[index]))
    candidates.sort(key=lambda candidate: candidate.start)
    return candidates


def evidence(candidates: list[MarkerCandidate]) -> dict[int, set[tuple[int, bool]]]:
    """Marker candidate numbers and the line indexes they stand on (stray notes need it),
    each with whether its shape is one only a marker takes (a figure spaced after a
    word, "have 30 working days", is not)."""
    found: dict[int, set[tuple[int, bool]]] = {}
    for candidate in candidates:
        if not candidate.mark:
            sure = candidate.style is not MarkerStyle.SPACED or candidate.strong
            found.setdefault(candidate.number, set()).add((candidate.line - 1, sure))
    return found


def find_markers(
    ctx: ParseContext,
    blocks: list[Block],
    notes: tuple[Note, ...],
    candidates: list[MarkerCandidate],
) -> tuple[Marker, ...]:
    """The candidates that are markers, checked against the notes; the others are text."""
    candidates = [c for c in candidates if ctx.kinds[c.line - 1] is not Kind.NOTE_TEXT]
    note_numbers = {note.number for note in notes if not note.mark}
    marks = frozenset(note.mark for note in notes if note.mark)
    old_style = any(note.style == "old-style" for note in notes)
    chosen = select_markers(candidates, note_numbers, old_style, marks)
    markers = []
    for candidate in chosen:
        line_index = candidate.line - 1
        markers.append(
            Marker(
                number=candidate.number,
                span=Span(candidate.start, candidate.end),
                line=candidate.line,
                anchor=candidate.anchor,
                style=candidate.style,
                page=ctx.layout.pages[line_index],
                mark=candidate.mark,
            )
        )
    for block in blocks:
        for index in block.marker_lines:
            if not any(marker.line == index + 1 for marker in markers):
                # A lone figure that is not a marker is text after all.
                ctx.kinds[index] = Kind.TEXT
                ctx.roles[index] = "continuation"
    return tuple(markers)


def anchor_before(ctx: ParseContext, block: Block, marker_index: int) -> int:
    previous = [i for i in block.lines if i < marker_index]
    if not previous:
        return ctx.lines[marker_index].start
    return ctx.stripped_piece(previous[-1])[1]
