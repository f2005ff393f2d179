"""Notes the layout pass could not see: no separator above them.

Two families of real texts print notes without a separator. The printed volumes of
Security Council resolutions put them after the adoption block, one per line with no
blank line between them, numbered through the volume (``72 Ibid., ...`` / ``73 One
member (China) did not participate in the voting.`` / ``75 Ibid., ...``); cleaning steps
leave a page's notes between two paragraphs. They are found among the blocks, line by
line, and turned into notes.

A line is taken for a note only on evidence: it opens with a number and a text that
does not read as a paragraph (no lead phrase, no small letter, no month or unit after
the number), and the number is the next after the notes seen, or a figure of the text
is a marker candidate with that number, or (after the adoption block) it continues the
notes there.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Set

from linter.parse.blocks import Block, is_terminated
from linter.parse.context import ParseContext
from linter.parse.layout import FURNITURE, Kind, NoteDraft
from linter.parse.model import Note, Span
from linter.parse.notes import NoteStart, note_start

#: ``33.One member (China) did not ...``, ``17See Official Records``: a note number glued
#: to its text by OCR; read as a note only after the adoption block, where no paragraph is.
_GLUED_NOTE = re.compile(r"^\s*(?P<number>\d{1,3})\.?(?P<text>[A-Z][a-z].*?)\s*$")
#: How far past the last note a number after the adoption block may be without a marker.
_TRAILING_REACH = 60

#: Marker candidate numbers of the text, with the lines they stand on and whether their
#: shape is one only a marker takes.
Evidence = Mapping[int, Set[tuple[int, bool]]]


def split_stray_notes(
    ctx: ParseContext, blocks: list[Block], trailing_after: int | None, evidence: Evidence
) -> tuple[list[NoteDraft], list[Block]]:
    """The notes left among the blocks, and the blocks without them."""
    drafts: list[NoteDraft] = []
    kept: list[Block] = []
    last = max((note.number for note in ctx.layout.notes), default=0)
    after_notes = False
    for block in blocks:
        after_adoption = trailing_after is not None and block.lines[0] > trailing_after
        position = _first_note_line(ctx, block, after_adoption, last, evidence)
        if position is None:
            if after_notes and kept and _goes_on(ctx, kept[-1], block):
                # A cleaned text left a page's notes inside a paragraph: it goes on here.
                kept[-1].lines.extend(block.lines)
                kept[-1].marker_lines.extend(block.marker_lines)
            else:
                kept.append(block)
            after_notes = False
            continue
        after_notes = True
        if position:
            head = block.lines[:position]
            kept.append(
                Block(lines=head, marker_lines=[m for m in block.marker_lines if m < head[-1]])
            )
        note_lines, rest = until_page_break(ctx, block.lines[position:])
        for draft in _notes_of(ctx, note_lines, after_adoption, last, evidence):
            drafts.append(draft)
            last = max(last, draft.number)
        for index in note_lines:
            ctx.kinds[index] = Kind.NOTE_TEXT
            ctx.roles[index] = "note-text"
        if rest and kept:
            # The paragraph the notes interrupted goes on after the page break.
            kept[-1].lines.extend(rest)
        elif rest:
            kept.append(Block(lines=rest))
    return drafts, kept


def _goes_on(ctx: ParseContext, paragraph: Block, block: Block) -> bool:
    """Whether ``block``, right after notes, is the rest of the unfinished ``paragraph``:
    it opens with no label and no lead phrase ("Register in addition to ...")."""
    text = ctx.text_of(block.lines[0])
    return not (is_terminated(ctx, paragraph) or ctx.structural(text) or ctx.lead_of(text)[0])


def _opening(ctx: ParseContext, index: int, after_adoption: bool) -> NoteStart | None:
    """The numbered note line ``index`` opens, if its text does not read as a paragraph."""
    text = ctx.text_of(index)
    if "-" in ctx.lex.number_separators and ctx.number_label(text):
        return None  # "5 - تدعو": an Arabic paragraph number is no note number
    opened = note_start(text)
    if opened is None and after_adoption:
        glued = _GLUED_NOTE.match(text)
        if glued:
            opened = NoteStart(
                number=int(glued.group("number")),
                mark="",
                number_start=glued.start("number"),
                number_end=glued.end("number"),
                text_start=glued.start("text"),
                text_end=glued.end("text"),
                style="inline",
            )
    if opened is None or opened.mark:
        return None  # asterisk notes are the layout pass's
    rest = text[opened.text_start :]
    ibid = any(rest[: len(form)].lower() == form.lower() for form in ctx.lex.ibid)
    if ctx.lead_of(rest)[0] or (rest[:1].islower() and not ibid):
        return None
    if rest[:1].isdigit() and not re.match(r"(?:19|20)\d\d\s+[A-Z]", rest):
        return None  # "8 2010 Review Conference ..." is a note; "5 000 troops" is not
    first_word = rest.split(" ", 1)[0].rstrip(",.")
    if first_word in ctx.lex.months or first_word in ctx.lex.number_suffix_units:
        return None
    return opened


def _supported(
    number: int, own: Set[int], last: int, evidence: Evidence, after_adoption: bool
) -> bool:
    """A marker candidate with this number stands outside the note's own lines: in a
    shape only a marker takes, or after the adoption block (where the volumes print
    their notes) in any shape ("Djibouti 75 for admission")."""
    return number > last - _TRAILING_REACH and any(
        line not in own and (sure or after_adoption) for line, sure in evidence.get(number, set())
    )


def _first_note_line(
    ctx: ParseContext, block: Block, after_adoption: bool, last: int, evidence: Evidence
) -> int | None:
    """Where in ``block`` the notes begin: its first line, or after the adoption block
    any line (a note printed right under the vote's last line)."""
    reach = range(len(block.lines)) if after_adoption else range(1)
    for position in reach:
        index = block.lines[position]
        opened = _opening(ctx, index, after_adoption)
        if opened is None:
            continue
        number = opened.number
        if last < number <= last + 2 or _supported(number, {index}, last, evidence, after_adoption):
            return position
        if after_adoption and last < number <= last + _TRAILING_REACH:
            return position
    return None


def _notes_of(
    ctx: ParseContext, lines: list[int], after_adoption: bool, last: int, evidence: Evidence
) -> list[NoteDraft]:
    """Split note lines into notes: a line that opens the next note starts one, any other
    line goes on with the note before it."""
    drafts: list[NoteDraft] = []
    pieces: list[tuple[int, int]] = []
    opened: NoteStart | None = None
    first = 0
    for index in lines:
        candidate = _opening(ctx, index, after_adoption)
        starts = candidate is not None and (
            opened is None
            or opened.number < candidate.number <= opened.number + 2
            or _supported(candidate.number, {index}, last, evidence, after_adoption)
        )
        if starts and candidate is not None:
            if opened is not None:
                drafts.append(_draft(ctx, first, opened, pieces))
            opened, first = candidate, index
            line = ctx.lines[index]
            pieces = [(line.start + candidate.text_start, line.start + candidate.text_end)]
        else:
            pieces.append(ctx.stripped_piece(index))
    if opened is not None:
        drafts.append(_draft(ctx, first, opened, pieces))
    return drafts


def _draft(
    ctx: ParseContext, index: int, opened: NoteStart, pieces: list[tuple[int, int]]
) -> NoteDraft:
    line = ctx.lines[index]
    return NoteDraft(
        number=opened.number,
        number_start=line.start + opened.number_start,
        number_end=line.start + opened.number_end,
        line=line.number,
        page=ctx.layout.pages[index],
        pieces=tuple(pieces),
        style=opened.style,
    )


def until_page_break(ctx: ParseContext, lines: list[int]) -> tuple[list[int], list[int]]:
    """Split a block's lines where a page break falls: a note ends with its page."""
    for position, index in enumerate(lines[1:], start=1):
        if index in ctx.layout.page_breaks or ctx.kinds[index - 1] in FURNITURE:
            return lines[:position], lines[position:]
    return lines, []


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
