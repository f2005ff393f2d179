"""D009 missing-adoption."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.facts.grammars import _data
from linter.facts.grammars.symbols import parse_symbol
from linter.parse.layout import Kind
from linter.parse.model import Document
from linter.source.lexicon import lexicon_for


def _is_draft(doc: Document) -> bool:
    """A draft resolution: its heading says so, or its own symbol has a draft part.

    Symbols in the heading's recommendation line do not count: an adopted resolution names
    the draft it was adopted from ("[without reference to a Main Committee
    (A/80/L.2/Rev.1)]").
    """
    first = doc.paragraphs[0].span.start if doc.paragraphs else len(doc.text)
    if doc.author_span is not None:
        first = min(first, doc.author_span.start)
    heading = doc.text[:first]
    phrases = lexicon_for(doc.language).extra.get("draft_phrases", [])
    if any(phrase in heading for phrase in phrases):
        return True
    parts = tuple(_data.bodies()["symbols"].get("draft_parts", ()))
    # The document's own symbol: its front matter, or a heading line that is only a symbol.
    own = [doc.symbol] if doc.symbol else []
    own += [h.text for h in doc.headings if "/" in h.text]
    own += [
        line.text
        for line, kind in zip(doc.source.lines, doc.layout.kinds, strict=False)
        if kind is Kind.SYMBOL and line.end <= first
    ]
    for text in own:
        symbol = parse_symbol(text.strip())
        if symbol is not None and any(s.split(".")[0] in parts for s in symbol.suffixes):
            return True
    return False


@rule("D009", "missing-adoption", Severity.ERROR, requires_structure=True)
def missing_adoption(doc: Document) -> Iterator[Hit]:
    """No adoption date or meeting line was found in a resolution with operative paragraphs.

    Why:
        A resolution ends with its adoption: the meeting and the date (``46th plenary
        meeting`` / ``26 July 2012``, ``2012 年 7 月 26 日`` / ``第 46 次全体会议``), or a
        heading that gives the date ("Resolution adopted by the General Assembly on …",
        "Adopted by the Security Council at its 4683rd meeting, on …"). When extraction
        lost the last lines (or a page), OCR damaged them, or the text is truncated, the
        adoption is unknown and the dates of the acts it cites cannot be checked against
        it (D002, D003). With no adoption line at all, the finding points at the end of the
        last operative paragraph, where the block should follow; with a meeting line but no
        date anywhere (not in the heading either), at the meeting line's number; with an
        adoption line whose meeting number OCR made unreadable ("at the 179Ist meeting")
        and no meeting in the heading either, at that line. Draft
        resolutions (a heading with "draft resolution"/决议草案, or an own symbol with an
        ``L.`` part) have no adoption block and are left alone.

    Example:
        The General Assembly,

        1. Decides to remain seized of the matter.

    Use instead:
        The General Assembly,

        1. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025
    """
    adoption = doc.adoption
    if not doc.operative or _is_draft(doc):
        return
    if adoption.source == "adoption-line" and adoption.meeting is None and adoption.line:
        line = doc.source.lines[adoption.line - 1]
        lead = len(line.text) - len(line.text.lstrip())
        yield Hit(
            line.start + lead,
            line.start + len(line.text.rstrip()),
            f"the adoption line (line {adoption.line}) names no meeting that can be read, "
            "and the heading gives none; the meeting number is damaged",
        )
        return
    if adoption.date is not None:
        return
    if adoption.source != "none" and adoption.meeting_span is not None:
        yield Hit(
            adoption.meeting_span.start,
            adoption.meeting_span.end,
            f"the adoption (meeting {adoption.meeting}, line {adoption.line}) has no date that "
            "can be read: the date line is missing or damaged",
        )
        return
    last = doc.operative[-1]
    end = max(last.span.end, last.body.span.end)
    for sub in last.subparagraphs:
        end = max(end, sub.body.span.end, *(child.body.span.end for child in sub.children))
    number = f"paragraph {last.number}" if last.number is not None else "an unnumbered paragraph"
    yield Hit(
        max(end - 1, 0),
        end,
        f"no adoption line (meeting and date) follows the last operative paragraph ({number}, "
        f"line {last.line}); the adoption block is missing or could not be read",
    )
