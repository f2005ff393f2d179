"""N005 misplaced-paragraph."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.parse.model import Document, Paragraph
from linter.parse.numbering import final_mark, span_of_number
from linter.source.lexicon import lexicon_for


def _preambular_style(paragraph: Paragraph, preamble_ends: tuple[str, ...]) -> bool:
    """An unnumbered paragraph that opens and ends like a preambular one."""
    if paragraph.number is not None or paragraph.lead_style not in ("preambular", "either"):
        return False
    if paragraph.lead_style == "preambular":
        return True
    return final_mark(paragraph.text) in preamble_ends


@rule("N005", "misplaced-paragraph", Severity.ERROR, requires_structure=True)
def misplaced_paragraph(doc: Document) -> Iterator[Hit]:
    """A numbered paragraph inside the preamble, or a preambular paragraph among operative ones.

    Why:
        The preamble (unnumbered paragraphs opening with a participle such as "Recalling"
        and ending with a comma) states the grounds; the operative part (numbered
        paragraphs opening with a verb such as "Requests") states the decisions. A number
        on a preambular paragraph, or a preambular paragraph among the operative ones,
        means a paragraph was moved or mislabelled, and changes what the resolution
        decides.

    Example:
        The General Assembly,

        Recalling its resolution 66/181,

        2. Noting the report of the Secretary-General,

        1. Welcomes the report;

        2. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025

    Use instead:
        The General Assembly,

        Recalling its resolution 66/181,

        Noting the report of the Secretary-General,

        1. Welcomes the report;

        2. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025
    """
    lex = lexicon_for(doc.language)
    for paragraph in doc.preamble:
        if paragraph.number is None:
            continue
        span = span_of_number(paragraph)
        yield Hit(
            span.start,
            span.end,
            f"preambular paragraph numbered {paragraph.number}: "
            f"'{paragraph.lead or paragraph.text[:20]}' opens the preamble's grounds, "
            "which are not numbered",
        )
    operative = [p for p in doc.operative if p.scope == ""]
    first_numbered = next((i for i, p in enumerate(operative) if p.number is not None), None)
    if first_numbered is None:
        return
    for paragraph in operative[first_numbered + 1 :]:
        if not _preambular_style(paragraph, lex.preamble_terminators):
            continue
        start = paragraph.span.start
        lead = paragraph.lead or ""
        yield Hit(
            start,
            start + max(len(lead), 1),
            f"preambular paragraph '{lead}' (line {paragraph.line}) among the operative "
            "paragraphs: it belongs in the preamble, or needs a number and an operative verb",
        )
