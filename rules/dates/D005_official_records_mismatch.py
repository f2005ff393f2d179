"""D005 official-records-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.facts.citations import citations
from linter.facts.periods import as_written
from linter.parse.model import Document


@rule("D005", "official-records-mismatch", Severity.ERROR, requires_structure=True)
def official_records_mismatch(doc: Document) -> Iterator[Hit]:
    """An Official Records citation names a year or session that differs from its symbol.

    Why:
        An Official Records citation names its period twice: "Official Records of the
        Economic and Social Council, 2010, Supplement No. 10 (E/2010/30)",
        ``《大会正式记录，第六十六届会议，补编第 25 号》(A/66/25)``. When the year or session
        and the symbol disagree, one of them was mistyped and the reader cannot tell which
        document is meant. The finding points at the year or session of the citation (the
        symbols are listed in the message); it holds for periods written in figures, words
        or Chinese numerals alike.

    Example:
        The General Assembly,

        Taking note of the report of the Council,1

        1. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025
        _______________
        1 Official Records of the General Assembly, Sixty-fifth Session, Supplement No. 5 (A/66/5).

    Use instead:
        The General Assembly,

        Taking note of the report of the Council,1

        1. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025
        _______________
        1 Official Records of the General Assembly, Sixty-sixth Session, Supplement No. 5 (A/66/5).
    """
    found = citations(doc)
    for record in found.records:
        citation = record.item
        wrong = citation.disagreeing_symbols()
        if not wrong:
            continue
        unit = found.units[record.unit]
        start, end = citation.period_span
        span = unit.span(start, end)
        period = as_written(unit.text[start:end])
        named = "year" if citation.period_kind.endswith("year") else "session"
        symbols = ", ".join(s.text for s in wrong)
        values = sorted(
            {s.parts.year if named == "year" else s.parts.session_number for s in wrong},
            key=str,
        )
        verb = "is" if len(wrong) == 1 else "are"
        yield Hit(
            span.start,
            span.end,
            f"the Official Records citation names {named} '{period}' "
            f"({citation.period_value}) but {symbols} {verb} of {named} "
            f"{' and '.join(str(v) for v in values)}",
        )
