"""A007 bad-character."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from linter.engine.registry import Edit, Fix, FixAvailability, Hit, Severity, rule
from linter.fix.canonical import rewritten_lines
from linter.parse.model import Document

# Line ends (VT, FF, NEL...) are not here: they end lines, and A006 reports them.
_BAD = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u180e\u200b-\u200d\u2060\ufeff"
    "\ufffc\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff]"
)
_NAMES = {
    "\u00ad": "soft hyphen",
    "\u180e": "Mongolian vowel separator",
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "byte order mark",
    "\ufffd": "replacement character U+FFFD",
    "\ufffc": "object replacement character U+FFFC",
}
# Controls that stand between two words: removing them would glue the words together.
_BREAKS = frozenset("\x1c\x1d\x1e\x1f")
# Joiners are letters' business in scripts that join (Arabic, Syriac, Indic scripts).
_JOINING = re.compile("[\u0600-\u08ff\u0900-\u0dff\ufb50-\ufdff\ufe70-\ufefc]")


def _name(char: str) -> str:
    if char in _NAMES:
        return _NAMES[char]
    code = ord(char)
    if code < 0x20 or code == 0x7F:
        return f"control character U+{code:04X}"
    if code < 0xA0:
        return f"C1 control character U+{code:04X}"
    return f"private-use character U+{code:04X} (a symbol font's glyph)"


def _replacement(text: str, index: int) -> str | None:
    """What the character becomes, or None when nobody can tell (lost or unknown)."""
    char = text[index]
    if char in "\ufffd\ufffc" or unicodedata.category(char) == "Co":
        return None
    if char in _BREAKS:
        # One space for a whole run of them (the first of the run gives it): removing two
        # in a row one by one glued the words on either side.
        before = text[index - 1 : index]
        if before in _BREAKS:
            return ""
        after = index + 1
        while after < len(text) and text[after] in _BREAKS:
            after += 1
        following = text[after : after + 1]
        if before and following and not before.isspace() and not following.isspace():
            return " "
    return ""


@rule("A007", "bad-character", Severity.WARNING, FixAvailability.SOMETIMES)
def bad_character(doc: Document) -> Iterator[Hit]:
    """An invisible, control or unknown character is in the text.

    Why:
        PDF extraction leaves characters no reader sees but every tool does: soft
        hyphens and zero-width spaces split words for search and comparison, control
        characters (a form feed at each page break) and byte order marks inside the text
        confuse editors and parsers, the replacement character U+FFFD marks a character
        that was lost, and private-use characters are glyphs of a symbol font that mean
        nothing outside it. Zero-width joiners between letters of Arabic or an Indic
        script are part of the writing and are left alone.

    Example:
        Recalling its reso\u00adlution 66/181 on inter\u200bnational cooperation,

    Use instead:
        Recalling its resolution 66/181 on international cooperation,

    Fix safety:
        Safe where unambiguous: invisible characters and controls are removed (a control
        that separates two words becomes a space). U+FFFD, U+FFFC and private-use
        characters stand for something unknown: they are reported without a fix.
    """
    text = doc.text
    if not _BAD.search(text):
        return
    skipped = rewritten_lines(doc)
    for index, line in enumerate(doc.source.lines):
        if index in skipped:
            continue
        for match in _BAD.finditer(line.text):
            start = line.start + match.start()
            char = match.group()
            if char in "\u200c\u200d" and _JOINING.search(text[max(0, start - 1) : start + 2]):
                continue
            if char == "\ufeff" and start == 0:
                message = "byte order mark at the start of the text; canonical text has none"
            else:
                message = f"{_name(char)} in the text"
            replacement = _replacement(text, start)
            if replacement is None:
                yield Hit(start, start + 1, f"{message}; restore the character by hand")
                continue
            yield Hit(
                start,
                start + 1,
                message,
                Fix((Edit(start, start + 1, replacement),), removes="bad character"),
            )
