"""Canonical layout: where every piece of text goes in the text ``reslint fix`` writes.

Canonical text (design notes, "Canonical text") has one block per line (heading lines,
the title, the author line, each paragraph and sub-paragraph, the adoption lines), one
blank line between blocks, footnote markers inline as ``[^3]`` right after the text they
annotate, the notes at the end as ``[^3]: text``, and no page furniture.

This module does not render a new text from the Document. It computes a *plan* over the
text as it is: the **pieces** (the text of each content line, stripped) and the **gaps**
between consecutive pieces. Everything that must change for the layout to be canonical
lies in a gap: line breaks and blank lines inside a paragraph (a hard wrap, A002), markers
on a line of their own (A003), page furniture, separators and notes printed at the foot of
a page (A004), wrong blank lines between blocks and at the ends of the file (A006). Each
gap has one edit that replaces it with what canonical text has there; the rules A002,
A003, A004 and A006 report what is in the gaps and hand out these edits as their fixes.
Applying every fix is therefore the canonical rewrite: ``check`` and ``fix`` always
agree, and canonical text has no gap left to report.

Gaps that delete notes are one atomic fix together with the edit that writes the notes at
the end of the file: a note is never deleted without being written again.

The parts live beside this module: :mod:`linter.fix.plan_model` (pieces, gaps, the
plan), :mod:`linter.fix.planner` (computing it), :mod:`linter.fix.joins` (how lines are
joined and notes written); this module is what rules import.
"""

from __future__ import annotations

from linter.fix.joins import join_pieces, markdown_marker, note_line, note_text
from linter.fix.plan_model import (
    BLOCK_SEPARATOR,
    CONTENT_ROLES,
    NOTE_ROLES,
    REMOVES_FURNITURE,
    REMOVES_WHITESPACE,
    Gap,
    Owner,
    Piece,
    Plan,
)
from linter.fix.planner import Planner
from linter.parse.model import Document

__all__ = [
    "BLOCK_SEPARATOR",
    "CONTENT_ROLES",
    "NOTE_ROLES",
    "REMOVES_FURNITURE",
    "REMOVES_WHITESPACE",
    "Gap",
    "Owner",
    "Piece",
    "Plan",
    "join_pieces",
    "markdown_marker",
    "note_line",
    "note_text",
    "plan",
    "rewritten_lines",
]

_CACHE: list[tuple[Document, Plan]] = []


def plan(doc: Document) -> Plan:
    """The plan of ``doc``; cached for the last Document, which the layout rules share."""
    if _CACHE and _CACHE[0][0] is doc:
        return _CACHE[0][1]
    result = Planner(doc).build()
    _CACHE[:] = [(doc, result)]
    return result


def rewritten_lines(doc: Document) -> frozenset[int]:
    """Lines A004 rewrites (furniture deleted, notes moved to the end): other rules leave
    the damage inside them alone."""
    return plan(doc).rewritten
