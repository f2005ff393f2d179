"""N001 numbering-gap."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from linter.engine.registry import Hit, Severity, rule
from linter.parse.model import Document
from linter.parse.numbering import Issue, numbered_paragraph_anomalies, span_of_number


def _names(values: tuple[int, ...], where: str) -> str:
    if len(values) == 1:
        return f"paragraph {values[0]}{where} is"
    if len(values) == 2:
        return f"paragraphs {values[0]} and {values[1]}{where} are"
    return f"paragraphs {values[0]} to {values[-1]}{where} are"


def _printed_inside(doc: Document, missing: Sequence[int], first: int, last: int) -> bool:
    """Whether each missing number stands inside the lines from ``first`` to ``last`` as a
    paragraph label glued to other text ("monitoring 20. We underscore", "1, That the")."""
    lines = doc.source.lines[first - 1 : last]
    text = " ".join(line.text for line in lines)
    return all(re.search(rf"(?:^|\s){number}[.,]\s+[A-Z]", text) for number in missing)


@rule("N001", "numbering-gap", Severity.ERROR, requires_structure=True)
def numbering_gap(doc: Document) -> Iterator[Hit]:
    """An operative paragraph number is skipped (1, 2, 4).

    Why:
        Operative paragraphs are numbered consecutively, and other texts cite them by
        number. A skipped number means a paragraph was lost in extraction (a page, a
        number read as text) or the numbers were typed wrong; either way every later
        citation is off by one.

    Example:
        The General Assembly,

        Recalling its resolution 66/181,

        1. Welcomes the report;

        2. Requests the Secretary-General to report on the matter;

        4. Decides to remain seized of the matter.

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
        if anomaly.issue is not Issue.GAP:
            continue
        paragraph = run.paragraphs[anomaly.index]
        before = anomaly.previous_index
        start = run.paragraphs[before].line if before is not None else 1
        if _printed_inside(doc, anomaly.missing, start, paragraph.line):
            continue  # "Pact for the Future. 9. We note ...": glued to the text, not lost
        span = span_of_number(paragraph)
        where = run.where()
        if anomaly.previous_index is None:
            message = (
                f"{_names(anomaly.missing, where)} missing: the numbering opens with "
                f"{paragraph.number}"
            )
        else:
            previous = run.paragraphs[anomaly.previous_index]
            message = (
                f"{_names(anomaly.missing, where)} missing: {previous.number} "
                f"(line {previous.line}) is followed by {paragraph.number}"
            )
        yield Hit(span.start, span.end, message)
