"""Sub-paragraph labels nested the way the resolution nests them: (a), (i), (ii), (b).

Letters and roman numerals share characters, so which ``(i)`` is a numeral under the
letter before it and which is the letter after ``(h)`` is decided from the labels around
it.
"""

from __future__ import annotations

from linter.facts.grammars.numerals import roman_value
from linter.parse.model import Paragraph, SubParagraph
from linter.parse.numbering import letter_value


def with_subparagraphs(paragraph: Paragraph, subs: list[SubParagraph]) -> Paragraph:
    """Attach sub-paragraphs, nesting roman numerals under the letter before them.

    ``(i)``, ``(v)``, ``(x)``, ``(c)``, ``(d)``, ``(l)`` and ``(m)`` are letters and roman
    numerals at once. A label is a numeral under the letter before it when it goes on
    the numerals already open there (or opens them with ``(i)`` to ``(iii)``), unless it
    is the next letter and the following label does not go on as a numeral: ``(h)``,
    ``(i)``, ``(j)`` are letters; ``(h)``, ``(i)``, ``(ii)`` are a letter and its numerals.
    A list that opens with ``(i)`` is a list of numerals.
    """
    nested: list[SubParagraph] = []
    children: list[SubParagraph] = []
    top_roman = False
    for position, sub in enumerate(subs):
        label = sub.label
        if not nested:
            value = roman_value(label)
            top_roman = value is not None and value <= 3
            nested.append(_relevel(sub, 2) if top_roman else sub)
            continue
        if top_roman:
            nested.append(_relevel(sub, 2))
            continue
        following = subs[position + 1].label if position + 1 < len(subs) else None
        if _is_numeral(label, nested[-1].label, children, following):
            children.append(_relevel(sub, 2))
            continue
        if children:
            nested[-1] = _replace_children(nested[-1], children)
            children = []
        nested.append(sub)
    if nested and children:
        nested[-1] = _replace_children(nested[-1], children)
    return Paragraph(
        number=paragraph.number,
        number_span=paragraph.number_span,
        body=paragraph.body,
        line=paragraph.line,
        end_line=max([paragraph.end_line, *(sub.line for sub in subs)]),
        lead=paragraph.lead,
        lead_style=paragraph.lead_style,
        zone=paragraph.zone,
        scope=paragraph.scope,
        part=paragraph.part,
        subparagraphs=tuple(nested),
    )


def _is_numeral(
    label: str, letter: str, children: list[SubParagraph], following: str | None
) -> bool:
    """Whether ``label`` after the letter ``letter`` (and its numerals) is a numeral."""
    value = roman_value(label)
    if value is None:
        return False
    last = roman_value(children[-1].label) if children else 0
    if last is None or not 1 <= value <= last + 3:
        return False
    letter_at = letter_value(letter)
    is_next_letter = letter_at is not None and letter_value(label) == letter_at + 1
    if not is_next_letter:
        return True
    if children and value == last + 1:
        return True
    following_value = roman_value(following) if following else None
    return following_value is not None and following_value == value + 1


def _relevel(sub: SubParagraph, level: int) -> SubParagraph:
    return SubParagraph(sub.label, level, sub.label_span, sub.body, sub.line, sub.children)


def _replace_children(sub: SubParagraph, children: list[SubParagraph]) -> SubParagraph:
    return SubParagraph(sub.label, sub.level, sub.label_span, sub.body, sub.line, tuple(children))
