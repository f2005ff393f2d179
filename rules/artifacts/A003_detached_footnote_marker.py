"""A003 detached-footnote-marker."""

from __future__ import annotations

from collections.abc import Iterator

from linter.model import Document, MarkerStyle
from linter.registry import Hit, Severity, rule

_DETACHED = {
    MarkerStyle.OWN_LINE: "is on a line of its own",
    MarkerStyle.LINE_START: "opens the next line",
    MarkerStyle.SPACED: "stands apart from its text",
    MarkerStyle.FUSED: "is fused with the figure before it",
}


def _context(doc: Document, anchor: int) -> str:
    start = max(0, anchor - 12)
    before = doc.text[start:anchor].replace("\n", " ").strip()
    return ("…" if start else "") + before


@rule("A003", "detached-footnote-marker", Severity.WARNING)
def detached_footnote_marker(doc: Document) -> Iterator[Hit]:
    """A footnote marker was extracted onto a line of its own or away from its text.

    Why:
        A superscript marker belongs right after the word it annotates. Extraction puts
        it on a line of its own (``议定书`` / ``1`` / ``作为国际社会…``), at the start of
        the next line (``1 的会员国``), apart from its text (``Countries, 11  the``) or
        fused with a neighbouring figure (``2024–`` / ``203412``, year 2034 and marker 12).
        Left there, it reads as a number of the text and breaks sentences apart.

    Example:
        The General Assembly,

        Recalling the Convention
        1
        and its Protocols,

        1. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025
        _______________
        1 United Nations, Treaty Series, vol. 2225, No. 39574.

    Use instead:
        The General Assembly,

        Recalling the Convention[^1] and its Protocols,

        1. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025

        [^1]: United Nations, Treaty Series, vol. 2225, No. 39574.
    """
    for marker in doc.markers:
        how = _DETACHED.get(marker.style)
        if how is None:
            continue
        line, _ = doc.source.position(marker.anchor)
        yield Hit(
            marker.span.start,
            marker.span.end,
            f"footnote marker {marker.number} {how}; it belongs right after "
            f"'{_context(doc, marker.anchor)}' (line {line})",
        )
