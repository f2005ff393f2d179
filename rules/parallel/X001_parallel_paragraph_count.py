"""X001 parallel-paragraph-count."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Input, PlacedHit, Severity, rule
from linter.engine.versions import VersionPair


@rule("X001", "parallel-paragraph-count", Severity.ERROR, input=Input.VERSIONS)
def parallel_paragraph_count(pair: VersionPair) -> Iterator[PlacedHit]:
    """Language versions of one resolution have different operative paragraphs.

    Why:
        The six language versions of a resolution are one decision: each says the same
        thing in the same paragraphs, numbered alike, with the same sub-paragraphs. A
        version with a paragraph more or less, or a paragraph with a sub-paragraph more
        or less, was damaged on its way (a page dropped by extraction, two paragraphs
        run together, a list cut short) or is a different text under the same symbol.
        Both files are named, so the reader can see which one is wrong.

    Example:
        The General Assembly,

        1. Requests the Secretary-General to report;

        2. Decides to remain seized of the matter.

    Other version:
        L'Assemblée générale,

        1. Prie le Secrétaire général de faire rapport;

        2. Invite les États Membres à coopérer;

        3. Décide de rester saisie de la question.

    Use instead:
        The General Assembly,

        1. Requests the Secretary-General to report;

        2. Invites Member States to cooperate;

        3. Decides to remain seized of the matter.
    """
    this, other = pair.this, pair.other
    mine, theirs = this.zone("operative"), other.zone("operative")
    if len(mine) != len(theirs):
        count = f"{len(mine)} operative paragraphs here, {len(theirs)} in {other.where()}"
        if len(mine) > len(theirs):
            extra = mine[len(theirs)]
            yield PlacedHit(extra.place, f"{count}: {extra.label} has no counterpart there")
        elif mine:
            missing = theirs[len(mine)]
            yield PlacedHit(
                mine[-1].place,
                f"{count}: its {missing.label} (line {missing.place.line}) has none here",
            )
        else:
            yield PlacedHit(this.first_line, f"{count}: no operative paragraph was read here")
        return
    for here, there in zip(mine, theirs, strict=True):
        if here.subparagraphs != there.subparagraphs:
            yield PlacedHit(
                here.place,
                f"{here.label} has {here.subparagraphs} sub-paragraphs here, "
                f"{there.subparagraphs} in {other.where(there.place.line)}",
            )
