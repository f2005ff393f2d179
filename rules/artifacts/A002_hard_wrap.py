"""A002 hard-wrap."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Fix, FixAvailability, Hit, Severity, rule
from linter.fix.canonical import REMOVES_WHITESPACE, Gap, Owner, plan
from linter.parse.model import Document


@rule("A002", "hard-wrap", Severity.WARNING, FixAvailability.SAFE)
def hard_wrap(doc: Document) -> Iterator[Hit]:
    """A paragraph or heading is split over several lines, with or without blank lines.

    Why:
        A PDF breaks every paragraph into printed lines, and extraction keeps each of
        them as a line of text, often with a blank line between (the seed is
        double-spaced). Canonical text has one block per line: a paragraph, a
        sub-paragraph, the title, each adoption line. Wrapped text defeats diffs between
        versions, line-based tools and every search for a phrase that crosses a line.
        One finding per wrapped block, on its first line break (its fix joins them all:
        pointing at the break and not at the whole block keeps the finding's content key,
        and so a baseline entry, stable when the paragraph is edited elsewhere). A break
        that also holds page furniture, notes or a detached marker is reported by A004
        or A003, whose fixes join the lines too.

    Example:
        The General Assembly,

        Recalling its resolution 66/181 of 19 December 2011 on
        crime prevention,

        1. Decides to remain seized of the
        matter.

    Use instead:
        The General Assembly,

        Recalling its resolution 66/181 of 19 December 2011 on crime prevention,

        1. Decides to remain seized of the matter.

    Fix safety:
        Safe: the fix replaces the line break and the blank lines and spaces around it
        with what joins the two lines (one space in English, nothing in Chinese, nothing
        after a hyphen glued to a word: ``self-`` / ``determination``). No character of
        the text is removed; A010 reports hyphens that may split a word, with an unsafe
        fix.
    """
    layout = plan(doc)
    wraps: dict[int, list[Gap]] = {}
    for gap in layout.owned_by(Owner.HARD_WRAP):
        if gap.kind == "join":
            wraps.setdefault(gap.block, []).append(gap)
        for note in gap.wrapped_notes:
            end = note.body.span.end
            yield Hit(
                note.number_span.start,
                end,
                f"note {note.number} is wrapped over several lines; write it on one line",
                gap.fix,
            )
    for gaps in wraps.values():
        first = doc.source.position(gaps[0].start)[0]
        last = doc.source.position(gaps[-1].end)[0]
        breaks = "a line break" if len(gaps) == 1 else f"{len(gaps)} line breaks"
        yield Hit(
            gaps[0].start,
            gaps[0].end,
            f"hard wrap: the block runs from line {first} to line {last} ({breaks}); "
            "join its lines",
            Fix(
                tuple(edit for gap in gaps if gap.fix for edit in gap.fix.edits),
                removes=REMOVES_WHITESPACE,
            ),
        )
