"""What must survive a fix: the structure of a resolution, as a comparable value.

The fixer changes layout and characters, never the resolution itself. After fixing, the
text must parse to the same paragraphs (zones, numbers, sub-paragraph labels), the same
notes, the same footnote markers in the same order and the same adoption date and meeting
as the damaged original. :func:`structure` extracts exactly that, and
:func:`text_signature` adds the words of every paragraph and note, compared without the
damage the fixer repairs (repeated emphasis, spacing, line breaks, character forms).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from linter.parse.model import Document, Paragraph, SubParagraph
from linter.parse.repeats import collapse
from linter.source.lexicon import lexicon_for

_NOT_WORD = re.compile(r"[\W_]+")


def _subs(subs: tuple[SubParagraph, ...]) -> tuple[Any, ...]:
    return tuple((sub.label, _subs(sub.children)) for sub in subs)


def _paragraph(paragraph: Paragraph) -> tuple[Any, ...]:
    return (paragraph.zone.value, paragraph.scope, paragraph.number, _subs(paragraph.subparagraphs))


def structure(doc: Document) -> dict[str, Any]:
    """Paragraph zones, numbers and labels; notes, markers and adoption (no texts)."""
    return {
        "paragraphs": [_paragraph(p) for p in doc.paragraphs],
        "notes": [note.number for note in doc.notes],
        "markers": [marker.number for marker in doc.markers],
        "adoption": (doc.adoption.date, doc.adoption.meeting),
        "number": doc.number,
        "author": doc.author is not None,
    }


def normalize(text: str, leads: frozenset[str]) -> str:
    """Text reduced to its words: repeats collapsed, compatibility forms folded, every
    space, line break, punctuation mark and marker left out."""
    folded = unicodedata.normalize("NFKC", collapse(text, leads))
    return _NOT_WORD.sub("", folded)


def _sub_texts(subs: tuple[SubParagraph, ...], leads: frozenset[str]) -> list[str]:
    found: list[str] = []
    for sub in subs:
        found.append(normalize(sub.text, leads))
        found.extend(_sub_texts(sub.children, leads))
    return found


def text_signature(doc: Document) -> dict[str, Any]:
    """:func:`structure` plus the normalized words of paragraphs, notes and the title."""
    leads = lexicon_for(doc.language).lead_set
    signature = structure(doc)
    signature["paragraph_texts"] = [
        [normalize(p.text, leads), *_sub_texts(p.subparagraphs, leads)] for p in doc.paragraphs
    ]
    signature["note_texts"] = [normalize(note.text, leads) for note in doc.notes]
    signature["title"] = normalize(doc.title or "", leads)
    return signature


def differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Human-readable differences between two signatures (empty when they agree)."""
    found = []
    for key in before:
        if before[key] != after.get(key):
            found.append(_describe(key, before[key], after.get(key)))
    return found


def _describe(key: str, before: Any, after: Any) -> str:
    if isinstance(before, list) and isinstance(after, list):
        if len(before) != len(after):
            return f"{key}: {len(before)} before, {len(after)} after"
        for index, (a, b) in enumerate(zip(before, after, strict=True)):
            if a != b:
                return f"{key}[{index}] differs: {_short(a)} -> {_short(b)}"
    return f"{key}: {_short(before)} -> {_short(after)}"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
