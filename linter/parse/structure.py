"""Rebuild the structure of a resolution from its classified lines: the passes in order.

The layout pass (``linter.parse.layout``) has already taken out page furniture and the
notes of each page. Then, each in a module of its own and all sharing one
:class:`~linter.parse.context.ParseContext`:

1. ``heading``: the author line ("The General Assembly,"), the title and number;
2. ``adoption``: the meeting line and its date;
3. ``blocks``: the body's lines joined into paragraph-like blocks;
4. ``stray_notes``: notes left in the body without a separator;
5. ``marker_pass``: footnote markers, chosen against the notes;
6. ``paragraphs``: preamble, operative paragraphs, annexes, sections, sub-paragraphs;

and the immutable :class:`~linter.parse.model.Document` is built from what they found.
"""

from __future__ import annotations

from linter.parse import adoption as adoption_pass
from linter.parse import blocks as block_pass
from linter.parse import heading, marker_pass, paragraphs, stray_notes
from linter.parse.context import ParseContext
from linter.parse.layout import Kind, classify
from linter.parse.model import Document, Span
from linter.source.lexicon import lexicon_for
from linter.source.text import Source


def build(ctx: ParseContext) -> Document:
    """Run the passes over one text and assemble its Document."""
    count = len(ctx.lines)
    first = next((i for i in range(count) if ctx.kinds[i] is not Kind.FRONT_MATTER), count)
    author = heading.find_author(ctx, first)
    title_index = heading.find_title(ctx, first, author)
    body_start = heading.body_start(ctx, first, author, title_index)
    heading_end = author if author is not None else body_start
    adoption_lines, adoption = adoption_pass.find_adoption(ctx, body_start)
    marker_pass.mark_own_line_markers(ctx, body_start)
    blocks = block_pass.build_blocks(ctx, body_start, adoption_lines)
    trailing_after = max(adoption_lines) if adoption_lines else None
    candidates = marker_pass.collect_candidates(ctx, blocks, title_index, sorted(adoption_lines))
    extra_notes, blocks = stray_notes.split_stray_notes(
        ctx, blocks, trailing_after, marker_pass.evidence(candidates)
    )
    note_drafts = sorted([*ctx.layout.notes, *extra_notes], key=lambda n: n.number_start)
    notes = tuple(stray_notes.make_note(ctx, draft) for draft in note_drafts)
    markers = marker_pass.find_markers(ctx, blocks, notes, candidates)
    marker_spans = [marker.span for marker in markers]

    headings = heading.heading_lines(ctx, first, heading_end, title_index)
    number, number_span, title, title_span = heading.title_parts(ctx, title_index, author)
    body_id = heading.body_id(ctx, first, heading_end, author)
    symbol = heading.symbol(ctx, first, heading_end, number, body_id)
    if adoption.source == "none" or adoption.date is None or adoption.meeting is None:
        # "Adopted at the 229th meeting" names no date; the heading may ("38 (1948).
        # Resolution of 17 January 1948", "Adopted by the Security Council at its 3106th
        # meeting," / "on 13 August 1992"): what the adoption line lacks, it gives.
        adoption = adoption_pass.merge(
            adoption, adoption_pass.adoption_from_heading(ctx, first, heading_end)
        )

    amendment = heading.is_amendment(ctx, first)
    preamble, operative, annexes, sections = paragraphs.paragraphs(
        ctx, blocks, marker_spans, amendment, trailing_after
    )
    if author is not None or adoption.source != "none":
        preamble, operative = paragraphs.promote_closing_paragraph(ctx, preamble, operative)
    author_span = None
    author_text = None
    if author is not None:
        start, end = ctx.stripped_piece(author)
        author_span = Span(start, end)
        author_text = ctx.source.text[start:end]
        ctx.roles[author] = "author"
    return Document(
        source=ctx.source,
        layout=ctx.layout,
        language=ctx.source.language,
        symbol=symbol,
        body=body_id,
        number=number,
        number_span=number_span,
        title=title,
        title_span=title_span,
        author=author_text,
        author_span=author_span,
        headings=headings,
        preamble=preamble,
        operative=operative,
        annexes=annexes,
        sections=sections,
        markers=markers,
        notes=notes,
        adoption=adoption,
        line_roles=tuple(ctx.roles),
    )


def parse(source: Source) -> Document:
    """Rebuild the Document of ``source``."""
    return build(ParseContext(source, classify(source), lexicon_for(source.language)))


def parse_text(text: str, path: str = "<text>", language: str | None = None) -> Document:
    return parse(Source.from_text(text, path=path, language=language))
