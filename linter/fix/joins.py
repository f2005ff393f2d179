"""How canonical text joins the lines of a block, and writes markers and notes.

A paragraph's lines are joined with the language's join (a space, or nothing in
Chinese), with the exceptions :func:`join_pieces` gives; a marker is ``[^3]`` and a note
``[^3]: text`` on one line.
"""

from __future__ import annotations

import re

from linter.parse.model import Document, Note
from linter.source.text import spaced_script

_DASHES = "-‐‑–—"
_DASH_END = re.compile(f"[^\\W_][{_DASHES}]$")
#: A document symbol cut after one of its slashes: "document S/Agenda/" / "2185".
_SYMBOL_SLASH_END = re.compile(r"(?:^|\s)[A-Z][\w.\-]*(?:/[\w.\-]+)*/$")
_LABEL_ONLY = re.compile(r"^(?:\d{1,3}\s*[.．]|[(（](?:[a-z]{1,2}|[ivxlcdm]{1,7})[)）])$")


def join_pieces(before: str, after: str, line_join: str) -> str:
    """What joins two lines of one block: the language's join, with four exceptions.

    A paragraph label alone on its line (``1.``, ``(a)``) is followed by one space. A
    line ending in a hyphen or dash glued to a letter or figure (``self-`` /
    ``determination``, ``2024–`` / ``2034``) is joined without a space and keeps its
    hyphen: UN documents are not hyphenated by the typesetter, so a line-end hyphen
    belongs to a compound (A010 reports the ones that may not, with an unsafe fix). A
    document symbol cut after a slash (``S/Agenda/`` / ``2185``) is joined whole: a space
    there would split the symbol (D008 would report it). In a
    language written without spaces, two words or figures of a script written with spaces
    (Latin of any alphabet, Cyrillic, Greek...) meeting at a line break get one space
    (``E/2012/30`` / ``Corr.1``, ``Société`` / ``Générale``), so no word is glued to
    another.
    """
    if not before or not after:
        return ""
    if _LABEL_ONLY.match(before):
        return " "
    if before.endswith("\u00ad"):  # a soft hyphen: the word goes on (A007 removes it)
        return ""
    # Both patterns end the text (``$`` may stand before a final newline): they run only
    # when the last character is a dash or a slash.
    last = (before[:-1] if before.endswith("\n") else before)[-1:]
    if after[0].isalnum() and (
        (last in _DASHES and _DASH_END.search(before))
        or (last == "/" and _SYMBOL_SLASH_END.search(before))
    ):
        return ""
    if not line_join and spaced_script(before[-1]) and spaced_script(after[0]):
        return " "
    return line_join


def markdown_marker(label: str) -> str:
    return f"[^{label}]"


def note_text(doc: Document, note: Note, line_join: str) -> str:
    """The note's text on one line, its lines joined like a paragraph's."""
    parts: list[str] = []
    for _offset, start, end in note.body.pieces:
        piece = doc.text[start:end].strip()
        if not piece:
            continue
        if parts:
            parts.append(join_pieces(parts[-1], piece, line_join))
        parts.append(piece)
    return "".join(parts)


def note_line(doc: Document, note: Note, line_join: str) -> str:
    """``[^3]: text``: a note as canonical text writes it."""
    return f"{markdown_marker(note.label)}: {note_text(doc, note, line_join)}".rstrip()
