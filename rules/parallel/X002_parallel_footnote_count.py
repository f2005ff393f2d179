"""X002 parallel-footnote-count."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Input, PlacedHit, Severity, rule
from linter.engine.versions import VersionPair


@rule("X002", "parallel-footnote-count", Severity.ERROR, input=Input.VERSIONS)
def parallel_footnote_count(pair: VersionPair) -> Iterator[PlacedHit]:
    """Language versions of one resolution have different notes, or put a marker elsewhere.

    Why:
        Every language version carries the same notes, numbered alike, each referenced
        from the same paragraph. A note that one version lacks was lost in extraction
        (a page foot cut off) or never written; a marker in another paragraph was moved
        by extraction or attached to the wrong text. Where the paragraphs of the two
        versions do not pair one to one (X001), only the notes are counted.

    Example:
        The General Assembly,

        Recalling its resolution 64/179,1

        1. Takes note of the report of the Secretary-General;

        2. Decides to remain seized of the matter.

        _______________
        1 See A/66/91.

    Other version:
        L'Assemblée générale,

        Rappelant sa résolution 64/179,1

        1. Prend note du rapport du Secrétaire général2;

        2. Décide de rester saisie de la question.

        _______________
        1 Voir A/66/91.
        2 A/66/92.

    Use instead:
        The General Assembly,

        Recalling its resolution 64/179,1

        1. Takes note of the report of the Secretary-General;2

        2. Decides to remain seized of the matter.

        _______________
        1 See A/66/91.
        2 A/66/92.
    """
    this, other = pair.this, pair.other
    mine = {note.number: note for note in this.notes}
    theirs = {note.number: note for note in other.notes}
    if set(mine) != set(theirs):
        count = f"{len(mine)} notes here, {len(theirs)} in {other.where()}"
        extra = sorted(set(mine) - set(theirs))
        missing = sorted(set(theirs) - set(mine))
        if extra:
            yield PlacedHit(
                mine[extra[0]].place, f"{count}: note {extra[0]} has no counterpart there"
            )
        else:
            note = theirs[missing[0]]
            place = this.notes[-1].place if this.notes else this.first_line
            yield PlacedHit(
                place, f"{count}: its note {note.number} (line {note.place.line}) has none here"
            )
    if not this.aligned_with(other):
        return
    for number in sorted(set(mine) & set(theirs)):
        here, there = mine[number], theirs[number]
        if here.paragraph and there.paragraph and here.paragraph != there.paragraph:
            yield PlacedHit(
                here.place,
                f"note {number} is referenced from {here.paragraph} here, from "
                f"{there.paragraph} in {other.where()}",
            )
