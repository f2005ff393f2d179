"""The paragraph pass: blocks become preambular, operative and annex paragraphs.

It walks the blocks in order, keeping the zone (preamble, operative, annex), the scope
(the resolution or one annex) and the part; headings and section labels become
``sections``, sub-paragraph blocks attach to the paragraph before them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from linter.parse.blocks import Block, is_terminated
from linter.parse.context import ParseContext
from linter.parse.model import (
    Heading,
    Paragraph,
    Span,
    SubParagraph,
    Zone,
)
from linter.parse.numbering import final_mark
from linter.parse.subparagraphs import with_subparagraphs


def paragraphs(
    ctx: ParseContext,
    blocks: list[Block],
    cuts: list[Span],
    amendment: bool = False,
    adoption_end: int | None = None,
) -> tuple[
    tuple[Paragraph, ...], tuple[Paragraph, ...], tuple[Paragraph, ...], tuple[Heading, ...]
]:
    """The paragraphs of the body by zone, and its headings. The paragraphs of an
    amendment (instructions and the text they quote) are kept apart, in the annex zone
    with the scope ``amendment``: they are no paragraphs of a resolution."""
    preamble: list[Paragraph] = []
    operative: list[Paragraph] = []
    annexes: list[Paragraph] = []
    sections: list[Heading] = []
    zone = Zone.ANNEX if amendment else Zone.PREAMBLE
    scope = "amendment" if amendment else ""
    part: str | None = None
    last: Paragraph | None = None
    last_list: list[Paragraph] | None = None
    subs: list[SubParagraph] = []
    separator = ctx.lex.line_join

    def flush() -> None:
        nonlocal last
        if last is not None and last_list is not None and subs:
            last_list[-1] = with_subparagraphs(last, subs)
            last = last_list[-1]

    for position, block in enumerate(blocks):
        first = block.lines[0]
        line = ctx.lines[first]
        text = line.text
        kind = ctx.structural(text)
        joined = " ".join(ctx.text_of(i).strip() for i in block.lines)
        if kind == "annex" or (
            kind is None
            and (
                is_heading(ctx, block, blocks, position)
                or _volume_heading(ctx, block, adoption_end)
            )
        ):
            start, end = ctx.stripped_piece(first)
            end = ctx.stripped_piece(block.lines[-1])[1]
            if kind == "annex":
                match = ctx.lex.annex_regex.match(text.strip())
                label = match.group("label") if match else None
                scope = f"annex {label}" if label else "annex"
                zone = Zone.ANNEX
                part = None
                sections.append(Heading(joined, Span(start, end), first + 1, "annex", label))
                role = "annex"
            else:
                sections.append(Heading(joined, Span(start, end), first + 1, "heading"))
                role = "heading"
            for index in block.lines:
                ctx.roles[index] = role
            continue
        if kind is None and _next_part_letter(joined.strip(), part):
            kind = "section"  # "B" ... "c": OCR lowered the next part's letter
        if kind == "section":
            label, _title = section_label(ctx, joined.strip().upper(), part)
            start, end = ctx.stripped_piece(first)
            end = ctx.stripped_piece(block.lines[-1])[1]
            heading_kind = (
                "part"
                if len(label) == 1
                and label.isalpha()
                and (label not in "IVX" or (part or "") >= "H")
                else "section"
            )
            sections.append(Heading(joined, Span(start, end), first + 1, heading_kind, label))
            part = label
            if heading_kind == "part" and zone is Zone.OPERATIVE:
                # Each part of a resolution may open with a preamble of its own (S/RES/820
                # (1993), parts A to C); its paragraphs take the zone they show.
                zone = Zone.PREAMBLE
            for index in block.lines:
                ctx.roles[index] = heading_kind
            continue
        decision = (
            _decision_item(ctx, block, text, last, operative, cuts)
            if kind and not amendment
            else None
        )
        if decision is not None:
            flush()
            subs = []
            operative.append(decision)
            last, last_list = decision, operative
            zone = Zone.OPERATIVE
            for index in block.lines:
                ctx.roles[index] = "continuation"
            ctx.roles[first] = "paragraph"
            continue
        if (
            kind is None
            and last is not None
            and (subs or final_mark(last.text) in ctx.lex.list_terminators)
            and _FIGURE_LABEL.match(text)
        ):
            kind = "subparagraph"  # "(2) Requests" for "(d)", "(1)" for "(i)": OCR
        if kind == "subparagraph" and last is not None:
            match = ctx.sub_label(text) or _FIGURE_LABEL.match(text)
            assert match
            label = match.group(1)
            label_start = line.start + match.start(1)
            pieces = block_pieces(ctx, block, line.start + match.end())
            subs.append(
                SubParagraph(
                    label=label,
                    level=1,
                    label_span=Span(label_start, label_start + len(label)),
                    body=ctx.mapped(pieces, cuts, separator),
                    line=first + 1,
                )
            )
            for index in block.lines:
                ctx.roles[index] = "continuation"
            ctx.roles[first] = "subparagraph"
            continue
        if _unlabelled_item(ctx, text, kind, zone, last, subs):
            # "... strengthen its fulfilment by:" / "Requesting the Commission ...;": an
            # item of the list whose label a cleaning step dropped.
            subs.append(
                SubParagraph(
                    label="",
                    level=1,
                    label_span=Span(line.start, line.start),
                    body=ctx.mapped(block_pieces(ctx, block, None), cuts, separator),
                    line=first + 1,
                )
            )
            for index in block.lines:
                ctx.roles[index] = "continuation"
            ctx.roles[first] = "subparagraph"
            continue
        flush()
        subs = []
        number: int | None = None
        number_span: Span | None = None
        label_end: int | None = None
        match = ctx.number_label(text)
        if match:
            number = int(match.group(1))
            number_span = Span(line.start + match.start(1), line.start + match.end(1))
            label_end = line.start + match.end()
        body = ctx.mapped(block_pieces(ctx, block, label_end), cuts, separator)
        lead, lead_style = ctx.lead_of(body.text)
        if zone is Zone.PREAMBLE and (
            lead_style == "operative"
            or (number is not None and not stays_preambular(ctx, body.text, lead_style))
        ):
            zone = Zone.OPERATIVE
        paragraph = Paragraph(
            number=number,
            number_span=number_span,
            body=body,
            line=first + 1,
            end_line=block.lines[-1] + 1,
            lead=lead,
            lead_style=lead_style,
            zone=zone,
            scope=scope,
            part=part,
        )
        target = {Zone.PREAMBLE: preamble, Zone.OPERATIVE: operative}.get(zone, annexes)
        target.append(paragraph)
        last, last_list = paragraph, target
        for index in block.lines:
            ctx.roles[index] = "continuation"
        ctx.roles[first] = "paragraph"
    flush()
    return tuple(preamble), tuple(operative), tuple(annexes), tuple(sections)


def _unlabelled_item(
    ctx: ParseContext,
    text: str,
    kind: str | None,
    zone: Zone,
    last: Paragraph | None,
    subs: list[SubParagraph],
) -> bool:
    """Whether an unnumbered block among the operative paragraphs, opening with a
    preambular lead or as the lexicon's list items do ("Requesting ...", "Assisting ...",
    "To continue ..."), is an item of the list the
    paragraph before it introduces with a colon (its label lost): no preambular
    paragraph stands among operative ones."""
    if kind is not None or zone is not Zone.OPERATIVE or last is None:
        return False
    items = ctx.lex.extra.get("list_item_patterns", [])
    opening = text.lstrip()
    if ctx.lead_of(text)[1] != "preambular" and not any(re.match(p, opening) for p in items):
        return False
    introduced = subs[-1].text if subs else last.text
    return final_mark(last.text) in ctx.lex.list_terminators or (
        bool(subs)
        and final_mark(introduced) in (*ctx.lex.operative_terminators, *ctx.lex.list_terminators)
    )


#: A sub-paragraph label OCR read as a figure: "(2)" for "(d)", "(1)" for "(i)".
_FIGURE_LABEL = re.compile(r"^\s*\((\d)\)\s+")


def _volume_heading(ctx: ParseContext, block: Block, adoption_end: int | None) -> bool:
    """A few words alone after the adoption block ("Decisions"): the printed volume's
    heading for what follows, not a paragraph of the resolution."""
    if adoption_end is None or block.lines[0] <= adoption_end or len(block.lines) > 1:
        return False
    text = ctx.text_of(block.lines[0]).strip()
    return len(text.split()) <= 3 and not is_terminated(ctx, block) and not ctx.lead_of(text)[0]


def _next_part_letter(text: str, part: str | None) -> bool:
    """A lone small letter that is the part after ``part`` ("B", then "c")."""
    return (
        part is not None
        and len(part) == 1
        and len(text) == 1
        and text.islower()
        and ord(text) == ord(part.lower()) + 1
    )


def promote_closing_paragraph(
    ctx: ParseContext, preamble: tuple[Paragraph, ...], operative: tuple[Paragraph, ...]
) -> tuple[tuple[Paragraph, ...], tuple[Paragraph, ...]]:
    """A resolution (its author line or adoption was found) with no operative paragraph:
    its last paragraph is its one operative sentence when it closes like one."""
    if operative or not preamble or not _closes_resolution(ctx, preamble[-1]):
        return preamble, operative
    return preamble[:-1], (replace(preamble[-1], zone=Zone.OPERATIVE),)


def _decision_item(
    ctx: ParseContext,
    block: Block,
    text: str,
    last: Paragraph | None,
    operative: list[Paragraph],
    cuts: list[Span],
) -> Paragraph | None:
    """A lettered paragraph of a draft decision: ``(a) Urges the Governments ...``.

    A draft decision letters its paragraphs instead of numbering them. A block labelled
    with one letter is such a paragraph, not a sub-paragraph, when it opens with an
    operative lead phrase and no numbered operative paragraph came before it.
    """
    match = ctx.sub_label(text)
    if match is None or len(match.group(1)) != 1:
        return None
    if any(p.number is not None for p in operative):
        return None
    if last is not None and last.zone is Zone.OPERATIVE and last.letter is None:
        return None
    line = ctx.lines[block.lines[0]]
    body = ctx.mapped(block_pieces(ctx, block, line.start + match.end()), cuts, ctx.lex.line_join)
    lead, lead_style = ctx.lead_of(body.text)
    if lead_style != "operative":
        return None
    label_start = line.start + match.start(1)
    return Paragraph(
        number=None,
        number_span=Span(label_start, label_start + 1),
        body=body,
        line=block.lines[0] + 1,
        end_line=block.lines[-1] + 1,
        lead=lead,
        lead_style=lead_style,
        zone=Zone.OPERATIVE,
        scope="",
        part=None,
        letter=match.group(1),
    )


def _closes_resolution(ctx: ParseContext, paragraph: Paragraph) -> bool:
    """Whether the last paragraph of a resolution with no operative part found is its one
    operative sentence ("Directs the Secretary-General to transmit ...", "Resolves that
    ...", "Hereby records its approval ..."): a resolution ends with an operative
    paragraph, closed by a full stop, never with a preambular one."""
    return (
        paragraph.lead_style != "preambular"
        and paragraph.number is None
        and final_mark(paragraph.text) in ctx.lex.final_terminators
    )


def stays_preambular(ctx: ParseContext, text: str, lead_style: str | None) -> bool:
    """Whether a numbered paragraph is still a preambular one (a misplaced number).

    It is when it ends like a preambular paragraph (a comma) or opens with a
    preambular phrase and does not end like an operative one: ``3. Recalling ...,``
    stays in the preamble; ``1. Acting under Article 34 ..., requests ...;`` opens
    the operative part.
    """
    end = final_mark(text)
    if end in ctx.lex.preamble_terminators:
        return True
    ends_operative = end in ctx.lex.operative_terminators or end in ctx.lex.final_terminators
    return lead_style == "preambular" and not ends_operative


def section_label(ctx: ParseContext, text: str, part: str | None) -> tuple[str, str | None]:
    for regex in ctx.lex.section_regexes:
        match = regex.match(text)
        if match:
            title = match.groupdict().get("title")
            return match.group("label"), title
    return text, None


def is_heading(ctx: ParseContext, block: Block, blocks: list[Block], position: int) -> bool:
    """An unlabelled heading: a short unterminated block before a paragraph.

    Judged on the block's text, not on its lines, so that a heading wrapped over two
    lines and the same heading on one line (canonical text) read alike. The title
    right under an annex or section label may be longer.
    """
    if len(block.lines) > 3 or is_terminated(ctx, block):
        return False
    text = " ".join(ctx.text_of(index).strip() for index in block.lines)
    under_label = position > 0 and ctx.structural(ctx.text_of(blocks[position - 1].lines[0])) in (
        "annex",
        "section",
    )
    if len(text) > (200 if under_label else 100) or ctx.lead_of(text)[0]:
        return False
    if position + 1 >= len(blocks):
        return False
    following = ctx.text_of(blocks[position + 1].lines[0])
    return ctx.structural(following) in ("paragraph", "section", "annex")


def block_pieces(ctx: ParseContext, block: Block, label_end: int | None) -> list[tuple[int, int]]:
    pieces = [ctx.stripped_piece(index) for index in block.lines]
    if label_end is not None and pieces:
        start, end = pieces[0]
        pieces[0] = (max(start, label_end), end)
    return pieces
