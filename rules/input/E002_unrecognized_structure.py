"""E002 unrecognized-structure."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.parse.model import Document


@rule("E002", "unrecognized-structure", Severity.INFO)
def unrecognized_structure(doc: Document) -> Iterator[Hit]:
    """No resolution structure was found: no operative paragraphs and no adoption line.

    Why:
        Every other rule describes a resolution: its numbering, notes and dates, and the
        damage extraction does to it. When no resolution can be found (an empty file, a
        ``requirements.txt`` or a letter beside the documents, an extraction that lost
        every paragraph number and its adoption line), no other rule is run on the text
        and this is its only finding, so the file is not passed silently. Its severity is
        ``info``: a file that is no resolution does not fail a run (``--fail-on info``,
        or ``severity = {E002 = "error"}`` in the configuration, makes it fail), and
        ``reslint fix`` leaves such a file alone.

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
        "no other rule was run on this file",
    )
