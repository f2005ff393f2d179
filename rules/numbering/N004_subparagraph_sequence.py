"""N004 subparagraph-sequence."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from linter.engine.registry import Hit, Severity, rule
from linter.parse.model import Document, Paragraph, SubParagraph
from linter.parse.numbering import Issue, format_label, label_value, sequence_anomalies


def _owner(paragraph: Paragraph, parent: SubParagraph | None) -> str:
    if paragraph.number:
        name = f"paragraph {paragraph.number}"
    else:
        name = f"the paragraph of line {paragraph.line}"
    return f"({parent.label}) of {name}" if parent else name


def _figure_list(
    paragraph: Paragraph, parent: SubParagraph | None, subs: Sequence[SubParagraph]
) -> Iterator[Hit]:
    """A list labelled (1), (2), ...: the figures must count up from 1."""
    for position, sub in enumerate(subs, start=1):
        if int(sub.label) != position:
            yield Hit(
                sub.label_span.start,
                sub.label_span.end,
                f"({sub.label}) of {_owner(paragraph, parent)} stands where ({position}) "
                "is expected",
            )
            return


def _lost_opening_labels(subs: Sequence[SubParagraph], values: Sequence[int | None]) -> int:
    """How many items open the list without a label when exactly that many labels are
    missing before the first one ("To continue ...;", "To circulate ...;", then "(c)"):
    extraction dropped them. 0 when the count does not match (no evidence)."""
    unlabelled = next((i for i, sub in enumerate(subs) if sub.label), len(subs))
    if not unlabelled or unlabelled == len(subs):
        return 0
    if values[unlabelled] != unlabelled + 1 or any(v is None for v in values[unlabelled:]):
        return 0
    return unlabelled


def _lost_labels_hit(
    paragraph: Paragraph,
    parent: SubParagraph | None,
    subs: Sequence[SubParagraph],
    lost: int,
    roman: bool,
) -> Hit:
    """At the first label left: the labels before it were lost from the items above."""
    first = subs[lost]
    labels = ", ".join(format_label(value, roman) for value in range(1, lost + 1))
    numbers = [str(sub.line) for sub in subs[:lost]]
    if lost == 1:
        what = f"is missing: the list opens with ({first.label}) after an item with no label"
        where = f"(line {numbers[0]}), whose label was lost"
    else:
        lines = ", ".join(numbers[:-1]) + " and " + numbers[-1]
        what = f"are missing: the list opens with ({first.label}) after {lost} items with"
        where = f"no label (lines {lines}), whose labels were lost"
    return Hit(
        first.label_span.start,
        first.label_span.end,
        f"{labels} of {_owner(paragraph, parent)} {what} {where}",
    )


def _check(
    paragraph: Paragraph, parent: SubParagraph | None, subs: Sequence[SubParagraph], before: str
) -> Iterator[Hit]:
    """The anomalies of one list; ``before`` is the text that leads up to it."""
    if not subs:
        return
    roman = subs[0].level == 2
    values = [label_value(sub) for sub in subs]
    lost = _lost_opening_labels(subs, values)
    if lost:
        yield _lost_labels_hit(paragraph, parent, subs, lost, roman)
        values[:lost] = range(1, lost + 1)
    figures = [i for i, sub in enumerate(subs) if sub.label.isdigit()]
    if len(figures) == len(subs):
        # "(1) there should be free and open transit ...": a list numbered with figures.
        yield from _figure_list(paragraph, parent, subs)
        return
    for index in figures:
        # "(2) Requests" among (a), (b), (c): OCR read the letter as a figure. The label
        # the list expects there is the one after the label before it.
        before_value = values[index - 1] if index else 0
        if before_value is None:
            return
        values[index] = before_value + 1
        sub = subs[index]
        wanted = format_label(before_value + 1, roman)
        yield Hit(
            sub.label_span.start,
            sub.label_span.end,
            f"sub-paragraph label ({sub.label}) of {_owner(paragraph, parent)} is a figure "
            f"where {wanted} is expected",
        )
    if any(value is None for value in values):
        return  # a label that is neither a letter nor a numeral: not a list we can check
    numbers = [value or 0 for value in values]
    for anomaly in sequence_anomalies(numbers):
        sub = subs[anomaly.index]
        label = f"({sub.label})"
        previous = subs[anomaly.previous_index] if anomaly.previous_index is not None else None
        after = f"({previous.label}) (line {previous.line})" if previous else ""
        owner = _owner(paragraph, parent)
        if anomaly.issue is Issue.GAP:
            holder = previous.text if previous else before
            if all(format_label(value, roman) in holder for value in anomaly.missing):
                continue  # "... options: (a) Approval;": the label is inside a wrapped line
            missing = ", ".join(format_label(value, roman) for value in anomaly.missing)
            if previous is None:
                message = f"{missing} of {owner} is missing: the list opens with {label}"
            else:
                message = f"{missing} of {owner} is missing: {after} is followed by {label}"
        elif anomaly.issue is Issue.DUPLICATE:
            first = subs[anomaly.first_index or 0]
            message = f"{label} of {owner} is used twice: first on line {first.line}"
            expected = format_label(anomaly.expected, roman)
            if expected != label:
                message += f"; {expected} was expected here"
        else:
            message = (
                f"{label} of {owner} is out of order: "
                f"{format_label(anomaly.expected, roman)} was expected"
                + (f" after {after}" if previous else "")
            )
        yield Hit(sub.label_span.start, sub.label_span.end, message)


@rule("N004", "subparagraph-sequence", Severity.ERROR, requires_structure=True)
def subparagraph_sequence(doc: Document) -> Iterator[Hit]:
    """Sub-paragraph letters or roman numerals skip or repeat ((a), (b), (d); (i), (iii)).

    Why:
        Sub-paragraphs are lettered ``(a)``, ``(b)``, ... and, inside a letter, numbered
        ``(i)``, ``(ii)``, ...; they are cited as "paragraph 2 (b)". A skipped or repeated
        label means an item was lost or mislabelled in extraction or editing, and
        citations land on the wrong item. A list whose first items have no label and
        whose first label counts them exactly (two items, then ``(c)``) lost its
        opening labels in extraction; it is reported at the first label left.

    Example:
        The General Assembly,

        Recalling its resolution 66/181,

        1. Requests the Secretary-General:

        (a) To report on the matter;

        (b) To consult Member States;

        (d) To submit proposals.

        40th plenary meeting
        14 November 2025

    Use instead:
        The General Assembly,

        Recalling its resolution 66/181,

        1. Requests the Secretary-General:

        (a) To report on the matter;

        (b) To consult Member States;

        (c) To submit proposals.

        40th plenary meeting
        14 November 2025
    """
    earlier = ""
    for paragraph in doc.paragraphs:
        if paragraph.scope:
            continue  # annexes and annexed instruments list items their own way
        # A label can hide inside a wrapped line of the text before the list.
        yield from _check(paragraph, None, paragraph.subparagraphs, earlier + paragraph.text)
        for sub in paragraph.subparagraphs:
            if sub.label:  # an item whose label was lost holds no list we can place
                yield from _check(paragraph, sub, sub.children, sub.text)
        earlier = paragraph.text
