"""X003 parallel-facts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from linter.engine.registry import Input, PlacedHit, Severity, rule
from linter.engine.versions import VersionPair
from linter.facts.versions import Fact

_KINDS = {
    "date": "date",
    "act": "act",
    "symbol": "symbol",
    "session": "session",
    "meeting": "meeting",
}


def _unmatched(mine: Sequence[Fact], theirs: Sequence[Fact]) -> list[Fact]:
    """The facts of ``mine`` that ``theirs`` does not state (as many times)."""
    left = Counter((fact.kind, fact.value) for fact in theirs)
    out = []
    for fact in mine:
        key = (fact.kind, fact.value)
        if left[key]:
            left[key] -= 1
        else:
            out.append(fact)
    return out


def _describe(facts: Sequence[Fact]) -> str:
    return ", ".join(f"{_KINDS[f.kind]} {f.value}" for f in facts) or "nothing of that kind"


@rule("X003", "parallel-facts", Severity.ERROR, input=Input.VERSIONS)
def parallel_facts(pair: VersionPair) -> Iterator[PlacedHit]:
    """Language versions of one resolution give different dates, symbols or numbers.

    Why:
        Words differ between language versions; figures do not. The same paragraph
        cites the same acts with the same dates, the same document symbols and session
        numbers, and the adoption has one date and one meeting. Values are compared, not
        words: ``18 décembre 2009`` and ``18 December 2009`` are one date, ``sixty-seventh
        session`` and ``soixante-septième session`` one session. A figure that differs
        was mistyped in one version or damaged by extraction. Paragraphs are compared
        only where the versions' paragraphs pair one to one (X001); the adoption always.

    Example:
        The General Assembly,

        Recalling its resolution 64/179 of 18 December 2011,

        1. Decides to remain seized of the matter.

        89th plenary meeting
        19 December 2011

    Other version:
        L'Assemblée générale,

        Rappelant sa résolution 64/179 du 18 décembre 2009,

        1. Décide de rester saisie de la question.

        89e séance plénière
        19 décembre 2011

    Use instead:
        The General Assembly,

        Recalling its resolution 64/179 of 18 December 2009,

        1. Decides to remain seized of the matter.

        89th plenary meeting
        19 December 2011
    """
    this, other = pair.this, pair.other
    if this.aligned_with(other):
        for here, there in zip(this.paragraphs, other.paragraphs, strict=True):
            extra = _unmatched(here.facts, there.facts)
            if not extra:
                continue
            missing = _unmatched(there.facts, here.facts)
            yield PlacedHit(
                extra[0].place,
                f"{here.label} states {_describe(extra)}; the same paragraph in "
                f"{other.where(there.place.line)} states {_describe(missing)} instead",
            )
    extra = _unmatched(this.adoption, other.adoption)
    if extra:
        missing = _unmatched(other.adoption, this.adoption)
        yield PlacedHit(
            extra[0].place,
            f"the adoption states {_describe(extra)}; {other.where()} states "
            f"{_describe(missing)} instead",
        )
