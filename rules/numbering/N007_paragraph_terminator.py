"""N007 paragraph-terminator."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

from linter.engine.registry import Hit, Severity, rule
from linter.parse.model import Document, MappedText, Paragraph
from linter.parse.numbering import final_mark
from linter.source.lexicon import lexicon_for


def _last_body(paragraph: Paragraph) -> MappedText:
    """The text a paragraph ends with: its last sub-paragraph's, if it has any."""
    subs = paragraph.subparagraphs
    if not subs:
        return paragraph.body
    last = subs[-1]
    return last.children[-1].body if last.children else last.body


def _quote(marks: tuple[str, ...]) -> str:
    return " or ".join(f"'{mark}'" for mark in marks[:2])


def _hit(
    paragraph: Paragraph,
    what: str,
    wanted: tuple[str, ...],
    introducing: tuple[str, ...],
    joining: re.Pattern[str] | None = None,
) -> Hit | None:
    """The paragraph's last mark, unless it is one it may end with. A colon is never
    wrong: it introduces what follows (sub-paragraphs, a list the parser could not label,
    a quotation, the lettered paragraphs of a draft decision)."""
    body = _last_body(paragraph)
    text = body.text.rstrip()
    if not text or final_mark(text) in wanted or final_mark(text) in introducing:
        return None
    joined = joining.search(text) if joining else None
    if joined and joined.group(1) in (*wanted, *introducing):
        return None  # "...these obligations, and" / "...a breach of the peace; and"
    end = final_mark(text)
    index = text.rfind(end) if end else len(text) - 1
    span = body.source_span(index, index + 1)
    found = f"'{end}'" if end and not end.isalnum() else "no punctuation"
    return Hit(
        span.start,
        span.end,
        f"{what} (line {paragraph.line}) ends with {found}; it should end with {_quote(wanted)}",
    )


def _cut_paragraphs(doc: Document) -> set[Paragraph]:
    """Paragraphs with no closing mark whose text goes on in the next block (a hard wrap
    over a blank line or a page break: "...under the" / "Charter of the United Nations,"):
    the next block opens with no number and no lead phrase."""
    cut = set()
    blocks = doc.paragraphs
    for paragraph, following in pairwise(blocks):
        text = _last_body(paragraph).text.rstrip()
        if text and text[-1:].isalnum() and following.label is None and following.lead is None:
            cut.add(paragraph)
    return cut


def _follows_convention(paragraphs: Sequence[Paragraph], wanted: tuple[str, ...]) -> bool:
    """Whether most paragraphs of a kind end as they should.

    Early Security Council texts (1946, 1948) end grounds with semicolons or full stops
    throughout: that is the style of the time, not a defect of one paragraph. Only a
    text that keeps the convention elsewhere has exceptions worth reporting.
    """
    if not paragraphs:
        return True
    keeping = sum(1 for p in paragraphs if final_mark(_last_body(p).text) in wanted)
    return keeping * 2 >= len(paragraphs)


@rule("N007", "paragraph-terminator", Severity.WARNING, requires_structure=True)
def paragraph_terminator(doc: Document) -> Iterator[Hit]:
    """A paragraph does not end with the punctuation of its kind.

    Preambular paragraphs end with a comma, operative ones with a semicolon, and the last
    operative paragraph with a full stop (in Chinese ``，`` ``；`` ``。``). A paragraph with
    sub-paragraphs ends where its last sub-paragraph ends. A text that does not keep the
    convention in most of its paragraphs (early Council resolutions) is not checked.

    Why:
        A resolution is one sentence: the author line, its grounds and its decisions, held
        together by this punctuation. A wrong or missing mark shows a paragraph cut in two
        by extraction (a page break), two paragraphs run together, or a lost last line.

    Example:
        The General Assembly,

        Recalling its resolution 66/181;

        Noting the report of the Secretary-General,

        1. Requests the Secretary-General to report on the matter;

        2. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025

    Use instead:
        The General Assembly,

        Recalling its resolution 66/181,

        Noting the report of the Secretary-General,

        1. Requests the Secretary-General to report on the matter;

        2. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025
    """
    lex = lexicon_for(doc.language)
    if not (lex.preamble_terminators and lex.operative_terminators and lex.final_terminators):
        return
    words = lex.extra.get("joining_words", [])
    joining = (
        re.compile(r"(\S)\s*(?:" + "|".join(re.escape(w) for w in words) + r")$") if words else None
    )
    cut = _cut_paragraphs(doc)
    if _follows_convention(doc.preamble, lex.preamble_terminators):
        for paragraph in doc.preamble:
            if paragraph in cut:
                continue
            hit = _hit(
                paragraph,
                "preambular paragraph",
                lex.preamble_terminators,
                lex.list_terminators,
                joining,
            )
            if hit:
                yield hit
    # Unnumbered operative blocks without a lead phrase are bullets or the rest of a
    # paragraph cut by the page: only the last one is checked (for its full stop).
    operative = [
        p for p in doc.operative if p.scope == "" and (p.number is not None or p.lead is not None)
    ]
    if not _follows_convention(operative[:-1], lex.operative_terminators):
        operative = operative[-1:]
    for position, paragraph in enumerate(operative):
        name = (
            f"operative paragraph {paragraph.number}"
            if paragraph.number is not None
            else "operative paragraph"
        )
        if paragraph in cut:
            continue
        following = operative[position + 1] if position + 1 < len(operative) else None
        if following is None and paragraph is not doc.operative[-1]:
            # More text follows that is no paragraph we could place ("S. Decides", "To
            # this end, ..."): either mark may be right.
            wanted = (*lex.operative_terminators, *lex.final_terminators)
        elif following is None:
            wanted = lex.final_terminators
            name = f"the last {name}"
        elif following.part != paragraph.part:
            # The end of a part: some parts are resolutions of their own (A, B).
            wanted = (*lex.operative_terminators, *lex.final_terminators)
        else:
            wanted = lex.operative_terminators
        hit = _hit(paragraph, name, wanted, lex.list_terminators, joining)
        if hit:
            yield hit
