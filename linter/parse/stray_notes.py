"""Notes the layout pass could not see: no separator above them.

Old Security Council texts print notes after the adoption block; cleaning steps leave
note lines between paragraphs. They are found among the blocks and turned into notes.
"""

from __future__ import annotations

import re

from linter.parse.blocks import Block
from linter.parse.context import ParseContext
from linter.parse.layout import FURNITURE, Kind, NoteDraft
from linter.parse.model import (
    Note,
    Span,
)

_STRAY_NOTE = re.compile(r"^\s*(\d{1,3})(/)?\s+(?=\S)")


def split_stray_notes(
    ctx: ParseContext, blocks: list[Block], trailing_after: int | None
) -> tuple[list[NoteDraft], list[Block]]:
    """Notes left in the body without a separator.

    Two cases from real extractions: notes printed after the adoption block (old
    Security Council texts), and note lines a cleaning step left between paragraphs.
    A block is taken for a note only if it opens with a plausible note number: the
    next after the last note seen, or after the adoption block any small number.
    """
    drafts: list[NoteDraft] = []
    kept: list[Block] = []
    last = max((note.number for note in ctx.layout.notes), default=0)
    for block in blocks:
        first = block.lines[0]
        match = _STRAY_NOTE.match(ctx.text_of(first))
        after_adoption = trailing_after is not None and first > trailing_after
        if match and note_like(ctx, block, match, after_adoption, last):
            number = int(match.group(1))
            line = ctx.lines[first]
            note_lines, rest = until_page_break(ctx, block.lines)
            pieces = [(line.start + match.end(), ctx.stripped_piece(first)[1])]
            pieces += [ctx.stripped_piece(i) for i in note_lines[1:]]
            drafts.append(
                NoteDraft(
                    number=number,
                    number_start=line.start + match.start(1),
                    number_end=line.start + match.end(1),
                    line=line.number,
                    page=ctx.layout.pages[first],
                    pieces=tuple(pieces),
                    style="old-style" if match.group(2) else "inline",
                )
            )
            for index in note_lines:
                ctx.kinds[index] = Kind.NOTE_TEXT
                ctx.roles[index] = "note-text"
            last = max(last, number)
            if rest and kept:
                # The paragraph the notes interrupted goes on after the page break.
                kept[-1].lines.extend(rest)
            elif rest:
                kept.append(Block(lines=rest))
            continue
        kept.append(block)
    return drafts, kept


def until_page_break(ctx: ParseContext, lines: list[int]) -> tuple[list[int], list[int]]:
    """Split a block's lines where a page break falls: a note ends with its page."""
    for position, index in enumerate(lines[1:], start=1):
        if index in ctx.layout.page_breaks or ctx.kinds[index - 1] in FURNITURE:
            return lines[:position], lines[position:]
    return lines, []


def note_like(
    ctx: ParseContext, block: Block, match: re.Match[str], after_adoption: bool, last: int
) -> bool:
    number = int(match.group(1))
    rest = ctx.text_of(block.lines[0])[match.end() :]
    if ctx.lead_of(rest)[0] or rest[:1].islower() or rest[:1].isdigit():
        return False
    first_word = rest.split(" ", 1)[0].rstrip(",.")
    if first_word in ctx.lex.months or first_word in ctx.lex.number_suffix_units:
        return False
    if after_adoption:
        return number <= last + 60
    return last < number <= last + 2


def make_note(ctx: ParseContext, draft: NoteDraft) -> Note:
    body = ctx.mapped(list(draft.pieces), [], separator=ctx.lex.line_join)
    return Note(
        number=draft.number,
        number_span=Span(draft.number_start, draft.number_end),
        text=body.text,
        body=body,
        line=draft.line,
        page=draft.page,
        style=draft.style,
        mark=draft.mark,
    )
