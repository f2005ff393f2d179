"""A003 detached-footnote-marker."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Edit, Fix, FixAvailability, Hit, Severity, rule
from linter.fix.canonical import REMOVES_WHITESPACE, markdown_marker, plan
from linter.parse.model import Document, Marker, MarkerStyle

_HOW = {
    MarkerStyle.OWN_LINE: "is on a line of its own",
    MarkerStyle.LINE_START: "opens the next line",
    MarkerStyle.SPACED: "stands apart from its text",
    MarkerStyle.FUSED: "is fused with the figure before it",
    MarkerStyle.GLUED: "is a plain figure glued to its text",
    MarkerStyle.OLD_STYLE: "is in the old 'n/' style",
}


def _context(doc: Document, anchor: int) -> str:
    start = max(0, anchor - 12)
    before = doc.text[start:anchor].replace("\n", " ").strip()
    return ("…" if start else "") + before


def _inline_fix(doc: Document, marker: Marker) -> Fix:
    """Replace the figure (and the space before it, or the '/' after it) with ``[^n]``."""
    end = marker.span.end
    if marker.style is MarkerStyle.OLD_STYLE and doc.text[end : end + 1] == "/":
        end += 1
    start = min(marker.anchor, marker.span.start)
    return Fix((Edit(start, end, markdown_marker(marker.label)),), removes=REMOVES_WHITESPACE)


@rule("A003", "detached-footnote-marker", Severity.WARNING, FixAvailability.SAFE)
def detached_footnote_marker(doc: Document) -> Iterator[Hit]:
    """A footnote marker is not written as ``[^n]`` right after the text it annotates.

    Why:
        A superscript marker belongs right after the word it annotates. Extraction puts
        it on a line of its own (``议定书`` / ``1`` / ``作为国际社会…``), at the start of
        the next line (``1 的会员国``), apart from its text (``Countries, 11  the``),
        fused with a neighbouring figure (``2024–`` / ``203412``, year 2034 and marker
        12), or leaves it as a plain figure glued to the text (``2024,1``,
        ``Declaration4``) that no reader can tell from a number of the text. Canonical
        text writes every marker in Markdown form, ``[^1]``, right after its text: it
        renders as a footnote and cannot be mistaken for a figure.

    Example:
        The General Assembly,

        Having received the report of the Agency for 2024,1

        Recalling the Convention
        2
        and its Protocols,

        1. Decides to remain seized of the matter.

        [^1]: See A/80/348.

        [^2]: United Nations, Treaty Series, vol. 2225, No. 39574.

    Use instead:
        The General Assembly,

        Having received the report of the Agency for 2024,[^1]

        Recalling the Convention[^2] and its Protocols,

        1. Decides to remain seized of the matter.

        [^1]: See A/80/348.

        [^2]: United Nations, Treaty Series, vol. 2225, No. 39574.

    Fix safety:
        Safe: the figure becomes ``[^n]`` at the marker's anchor, the end of the text it
        annotates; only the line breaks and spaces between are removed (a marker on a
        line of its own joins the two lines around it, as A002 would). Only markers the
        parser accepted are fixed: a figure that does not fit the notes and the order of
        first references is text, not a marker.
    """
    layout = plan(doc)
    for marker in doc.markers:
        how = _HOW.get(marker.style)
        if how is None:  # already Markdown
            continue
        gap = layout.gap_of_marker(marker)
        fix = gap.fix if gap is not None else _inline_fix(doc, marker)
        line, _ = doc.source.position(marker.anchor)
        yield Hit(
            marker.span.start,
            marker.span.end,
            f"footnote marker {marker.label} {how}; write {markdown_marker(marker.label)} "
            f"right after '{_context(doc, marker.anchor)}' (line {line})",
            fix,
        )
