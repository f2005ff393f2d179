"""E002 unrecognized-structure."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.parse.model import Document


@rule("E002", "unrecognized-structure", Severity.WARNING)
def unrecognized_structure(doc: Document) -> Iterator[Hit]:
    """No resolution structure was found: no operative paragraphs and no adoption line.

    Why:
        The numbering, footnote and date rules read the structure of a resolution. When
        none can be found (an empty file, a text that is not a resolution, an extraction
        that lost every paragraph number), those rules are skipped and this finding says
        so, instead of passing the file silently.

    Example:
        This text is a letter, not a resolution.

    Use instead:
        The General Assembly,

        1. Decides to include the item in the agenda of its eighty-first session.

        40th plenary meeting
        14 November 2025
    """
    if doc.has_structure:
        return
    first = doc.source.lines[0] if doc.source.lines else None
    end = first.end if first is not None else 0
    yield Hit(
        0,
        end,
        "no resolution structure found (no operative paragraphs, no adoption line); "
        "numbering, footnote and date rules were skipped",
    )
