"""The block pass: join the body's lines into paragraph-like blocks.

Where a paragraph starts is decided from signals that survive extraction: a paragraph
number or sub-paragraph label, a lead phrase, the punctuation that ends the previous
block, indentation when the document indents paragraph starts (the seed), and blank lines
when the document separates paragraphs with them (most English extractions). A page
break (furniture or notes removed) never starts a paragraph by itself: a sentence
interrupted by a page's notes is joined again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from linter.parse.context import ParseContext
from linter.parse.layout import FURNITURE, Kind

# Spaces after the mark, then maybe a marker and more spaces: the second run is tried only
# after a marker. ``\s*(?:marker)?\s*$`` split one long run of spaces between its two
# ``\s*`` in every way before failing (quadratic).
_TERMINATED = re.compile(
    r"[，；。：,;:.．!?！？،؛؟]['\"”’」』)）\]]*\s*(?:(?:\d{1,3}|\[\^\d{1,3}\])\s*)?$"
)


#: A line that opens with a citation (a symbol, a figure), not with a word: "GC(69)/DEC/11,".
_CITATION_START = re.compile(r"^[A-Z]*[\d(/][\w()./-]*[,;]|^[A-Z]{1,6}(?:\(\d+\))?/\S")


@dataclass
class Block:
    """Lines joined into one paragraph-like unit while the parser works."""

    lines: list[int] = field(default_factory=list)  # line indexes holding text
    marker_lines: list[int] = field(default_factory=list)  # own-line markers inside it
    kind: str = "paragraph"


def style(ctx: ParseContext, body: list[int]) -> tuple[bool, bool]:
    """(double_spaced, indent_marks_start) for the body lines."""
    texts = [i for i in body if ctx.kinds[i] is Kind.TEXT]
    if len(texts) < 2:
        return False, False
    gaps = pairs = 0
    for a, b in pairwise(texts):
        between = [ctx.kinds[i] for i in range(a + 1, b)]
        if Kind.MARKER in between:
            # "议定书" / "1" / "作为…": one printed line cut by its superscript marker;
            # it says nothing about the spacing (small texts tipped over on it).
            continue
        pairs += 1
        gaps += Kind.BLANK in between
    double_spaced = pairs > 0 and gaps / pairs >= 0.8
    indented = sum(1 for i in texts if ctx.text_of(i)[:1].isspace()) / len(texts)
    return double_spaced, double_spaced and 0.05 <= indented <= 0.7


def blocks_are_lines(ctx: ParseContext, body: list[int]) -> bool:
    """Whether each line is a whole block (canonical text), not a wrapped piece.

    Double spacing alone does not say it: the seed is double-spaced *and* hard-wrapped.
    In canonical text nearly every line ends a block: it is terminated, or the next
    line opens a paragraph, sub-paragraph, section or annex. In a wrapped text most
    lines stop in mid-sentence (the seed: 3 lines in 10 end a block).
    """
    texts = [i for i in body if ctx.kinds[i] is Kind.TEXT]
    if len(texts) < 2:
        return False
    ends = 1 + sum(
        1
        for a, b in pairwise(texts)
        if _TERMINATED.search(ctx.text_of(a)) or ctx.structural(ctx.text_of(b))
    )
    return ends / len(texts) >= 0.75


def is_terminated(ctx: ParseContext, block: Block) -> bool:
    if not block.lines:
        return False
    last = ctx.text_of(block.lines[-1])
    if len(block.lines) == 1:
        label = ctx.number_label(last) or ctx.sub_label(last)
        if label and not last[label.end() :].strip():
            return False  # "1. " alone: the paragraph's text follows
    return bool(_TERMINATED.search(last))


def build_blocks(ctx: ParseContext, start: int, skip: set[int]) -> list[Block]:
    body = [
        i
        for i in range(start, len(ctx.lines))
        if i not in skip and ctx.kinds[i] in (Kind.TEXT, Kind.MARKER, Kind.BLANK)
    ]
    double_spaced, indent_marks = style(ctx, body)
    ctx.block_per_line = double_spaced and blocks_are_lines(ctx, body)
    blocks: list[Block] = []
    current: Block | None = None
    blank_before = False
    for index in body:
        kind = ctx.kinds[index]
        if kind is Kind.BLANK:
            blank_before = True
            continue
        if kind is Kind.MARKER:
            if current is not None:
                current.marker_lines.append(index)
            continue
        page_break = index in ctx.layout.page_breaks or any(
            ctx.kinds[i] in FURNITURE or ctx.kinds[i] in (Kind.NOTE_TEXT, Kind.SEPARATOR)
            for i in range(max(start, index - 1), index)
        )
        if starts_block(ctx, index, current, blank_before, page_break, double_spaced, indent_marks):
            current = Block(lines=[index])
            blocks.append(current)
        else:
            assert current is not None
            current.lines.append(index)
        blank_before = False
    return blocks


def _cites_paragraph(ctx: ParseContext, block: Block) -> bool:
    """Whether the block's last line ends with "paragraph 3" (a reference whose
    sub-paragraph label the wrap put at the start of the next line)."""
    words = ctx.text_of(block.lines[-1]).split()
    return (
        len(words) >= 2
        and words[-1].isdigit()
        and (words[-2] in ctx.lex.paragraph_reference_nouns or words[-2].lower() == "paragraph")
    )


def _opens_after_lost_comma(ctx: ParseContext, current: Block, text: str, page_break: bool) -> bool:
    """Whether ``text`` opens a paragraph although the block before it is not terminated:
    its closing comma was lost ("Having examined ... the United Nations" / "Recommends
    ...", "... document S/Agenda/2185" / "Taking into account ...").

    A double-spaced text with few lines cannot show whether its lines are whole blocks
    (the ratio :func:`blocks_are_lines` reads needs more of them), and requiring the
    previous block to be terminated joined the two paragraphs, which ``fix`` then wrote
    as one (its structure guard refused the file). The evidence, after a blank line and
    not across a page break: the line opens with a lead phrase and a capital letter (a
    wrapped line does not, in a script with capitals), or, in any script, the text turns
    from a preambular paragraph to an operative one (it does so once, between paragraphs).
    """
    if page_break:
        return False
    lead, kind = ctx.lead_of(text)
    if lead is None:
        return False
    if text.lstrip()[:1].isupper():
        return True
    return kind == "operative" and ctx.lead_of(ctx.text_of(current.lines[0]))[1] == "preambular"


def starts_block(
    ctx: ParseContext,
    index: int,
    current: Block | None,
    blank_before: bool,
    page_break: bool,
    double_spaced: bool,
    indent_marks: bool,
) -> bool:
    text = ctx.text_of(index)
    if current is None:
        return True
    kind = ctx.structural(text)
    terminated = is_terminated(ctx, current)
    if kind == "subparagraph" and not terminated and _cites_paragraph(ctx, current):
        return False  # "paragraphs 3" / "(c) and 4 of resolution 661": a reference wrapped
    if kind in ("paragraph", "subparagraph", "annex"):
        return True
    if kind == "section" and (terminated or blank_before):
        return True
    if ctx.block_per_line:
        # Canonical text: a blank line ends every block, wherever a page broke; a
        # new lead phrase after a terminated line opens one even without it.
        if blank_before:
            # A small letter after an unfinished block is the sentence going on: a cleaned
            # text split it where a page broke and the break left no trace.
            return terminated or not (page_break or text.lstrip()[:1].islower())
        return terminated and not page_break and ctx.lead_of(text)[0] is not None
    if indent_marks:
        return text[:1].isspace() and (terminated or ctx.lead_of(text)[0] is not None)
    if double_spaced:
        return terminated or _opens_after_lost_comma(ctx, current, text, page_break)
    if blank_before:
        stripped = text.strip()
        if page_break and stripped[:1].islower():
            return False  # the sentence goes on over the page break ("safe," / "affordable")
        if page_break and _CITATION_START.match(stripped) and ctx.lead_of(text)[0] is None:
            # "...of the Statute”;" / page break / "GC(69)/DEC/11, entitled ...": a list
            # of citations goes on; a new paragraph opens with a label or a word.
            return False
        if terminated:
            return True
        return not (page_break or stripped[:1].islower())
    return terminated and not page_break and ctx.lead_of(text)[0] is not None
