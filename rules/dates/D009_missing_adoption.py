"""D009 missing-adoption."""

from __future__ import annotations

from collections.abc import Iterator

from linter.grammars import _data
from linter.grammars.symbols import find_symbols
from linter.lexicon import lexicon_for
from linter.model import Document
from linter.registry import Hit, Severity, rule


def _is_draft(doc: Document) -> bool:
    """A draft resolution (its heading says so, or its symbol has an ``L.`` part)."""
    first = doc.paragraphs[0].span.start if doc.paragraphs else len(doc.text)
    if doc.author_span is not None:
        first = min(first, doc.author_span.start)
    heading = doc.text[:first]
    phrases = lexicon_for(doc.language).extra.get("draft_phrases", [])
    if any(phrase in heading for phrase in phrases):
        return True
    parts = tuple(_data.bodies()["symbols"].get("draft_parts", ()))
    for symbol in find_symbols(heading):
        if any(suffix.split(".")[0] in parts for suffix in symbol.parts.suffixes):
            return True
    return False


@rule("D009", "missing-adoption", Severity.ERROR, requires_structure=True)
def missing_adoption(doc: Document) -> Iterator[Hit]:
    """No adoption date or meeting line was found in a resolution with operative paragraphs.

    Why:
        A resolution ends with its adoption: the meeting and the date (``46th plenary
        meeting`` / ``26 July 2012``, ``2012 年 7 月 26 日`` / ``第 46 次全体会议``), or a
        heading that gives the date ("Resolution adopted by the General Assembly on …").
        When neither is found, extraction lost the last lines (or a page), OCR damaged
        them, or the text is truncated; and the dates of the acts it cites cannot be
        checked against it (D002, D003). The finding points at the end of the last
        operative paragraph, where the adoption block should follow. Draft resolutions
        (a heading with "draft resolution"/决议草案, or a symbol with an ``L.`` part) have no
        adoption block and are left alone.

    Example:
        The General Assembly,

        1. Decides to remain seized of the matter.

    Use instead:
        The General Assembly,

        1. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025
    """
    if doc.adoption.source != "none" or not doc.operative or _is_draft(doc):
        return
    last = doc.operative[-1]
    end = max(last.span.end, last.body.span.end)
    for sub in last.subparagraphs:
        end = max(end, sub.body.span.end, *(child.body.span.end for child in sub.children))
    yield Hit(
        max(end - 1, 0),
        end,
        "no adoption line (meeting and date) follows the last operative paragraph "
        f"(paragraph {last.number if last.number is not None else 'without a number'}, "
        f"line {last.line}); the adoption block is missing or could not be read",
    )
