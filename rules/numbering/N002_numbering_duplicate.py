"""N002 numbering-duplicate."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.parse.model import Document
from linter.parse.numbering import Issue, numbered_paragraph_anomalies, span_of_number


@rule("N002", "numbering-duplicate", Severity.ERROR, requires_structure=True)
def numbering_duplicate(doc: Document) -> Iterator[Hit]:
    """An operative paragraph number repeats (8, 9, 9, 10).

    Why:
        Two paragraphs with one number make every citation of that number ambiguous,
        and usually mean a number was mistyped or a paragraph was extracted twice.

    Example:
        The General Assembly,

        Recalling its resolution 66/181,

        1. Welcomes the report;

        2. Requests the Secretary-General to report on the matter;

        2. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025

    Use instead:
        The General Assembly,

        Recalling its resolution 66/181,

        1. Welcomes the report;

        2. Requests the Secretary-General to report on the matter;

        3. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025
    """
    for run, anomaly in numbered_paragraph_anomalies(doc):
        if anomaly.issue is not Issue.DUPLICATE:
            continue
        paragraph = run.paragraphs[anomaly.index]
        span = span_of_number(paragraph)
        first = run.paragraphs[anomaly.first_index or 0]
        message = (
            f"paragraph number {paragraph.number}{run.where()} is used twice: first on "
            f"line {first.line}"
        )
        if anomaly.expected != paragraph.number:
            message += f"; {anomaly.expected} was expected here"
        yield Hit(span.start, span.end, message)
