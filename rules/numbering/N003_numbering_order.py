"""N003 numbering-order."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.parse.model import Document
from linter.parse.numbering import Issue, numbered_paragraph_anomalies, span_of_number


@rule("N003", "numbering-order", Severity.ERROR, requires_structure=True)
def numbering_order(doc: Document) -> Iterator[Hit]:
    """Paragraph numbers go backwards, or restart outside a new part, section or annex.

    Why:
        Numbers out of order (``2, 4, 3, 5``) mean paragraphs were swapped by extraction
        or editing; a count that starts again at 1 without a part, section or annex
        heading (``… 11, 12, 1, 2 …``) means a heading was lost or two texts were run
        together. Either way, citations by number no longer find their paragraph.

    Example:
        The General Assembly,

        Recalling its resolution 66/181,

        1. Welcomes the report;

        3. Requests the Secretary-General to report on the matter;

        2. Encourages Member States to contribute;

        4. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025

    Use instead:
        The General Assembly,

        Recalling its resolution 66/181,

        1. Welcomes the report;

        2. Encourages Member States to contribute;

        3. Requests the Secretary-General to report on the matter;

        4. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025
    """
    for run, anomaly in numbered_paragraph_anomalies(doc):
        if anomaly.issue not in (Issue.ORDER, Issue.RESTART):
            continue
        paragraph = run.paragraphs[anomaly.index]
        span = span_of_number(paragraph)
        where = run.where()
        previous = (
            run.paragraphs[anomaly.previous_index] if anomaly.previous_index is not None else None
        )
        after = f" after {previous.number} (line {previous.line})" if previous else ""
        if anomaly.issue is Issue.RESTART:
            message = (
                f"numbering{where} starts again at {paragraph.number}{after} without a new "
                "part, section or annex"
            )
        elif (
            previous is not None
            and previous.number is not None
            and (paragraph.number or 0) < previous.number
        ):
            message = f"paragraph {paragraph.number}{where} comes{after}: numbers go backwards"
        else:
            message = (
                f"paragraph {paragraph.number}{where} is out of order: {anomaly.expected} "
                f"was expected{after}"
            )
        yield Hit(span.start, span.end, message)
