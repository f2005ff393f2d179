"""A008 compatibility-form."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from linter.engine.registry import Edit, Fix, FixAvailability, Hit, Severity, rule
from linter.fix.canonical import rewritten_lines
from linter.parse.model import Document
from linter.source.lexicon import lexicon_for
from linter.source.scanning import run_of

# Ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ) and Roman numeral characters (Ⅳ) are always folded.
_LIGATURES = "\ufb00-\ufb06"
_ROMAN = "\u2160-\u2188"
_FULL_WIDTH = "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
# Plain forms: [LIGATURES]+|[ROMAN]+ and [FULL_WIDTH]+, written to open with one character
# class (``linter.source.scanning``).
_ALWAYS = re.compile(f"[{_LIGATURES}{_ROMAN}](?:(?<=[{_LIGATURES}])[{_LIGATURES}]*|[{_ROMAN}]*)")
_FULLWIDTH = re.compile(run_of(f"[{_FULL_WIDTH}]"))
# Whether either kind occurs at all: one scan of the text, not two.
_ANY_FORM = re.compile(f"[{_LIGATURES}{_ROMAN}{_FULL_WIDTH}]")
# A character followed by combining marks: compared with its composed form (NFC).
_CLUSTER = re.compile(".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _fullwidth_runs(doc: Document, text: str) -> Iterator[re.Match[str]]:
    keeps = bool(lexicon_for(doc.language).extra.get("keeps_fullwidth_latin", False))
    for match in _FULLWIDTH.finditer(text):
        if keeps and not _touches_half_width(text, match.start(), match.end()):
            continue
        yield match


def _latin(char: str) -> bool:
    return (char.isascii() and char.isprintable() and not char.isspace()) or bool(
        _FULLWIDTH.match(char)
    )


def _touches_half_width(text: str, start: int, end: int) -> bool:
    """Whether the run is part of a Latin token that has half-width letters or figures
    (``６６/181``, ``Ａ/RES``): the token then mixes widths."""
    while start > 0 and _latin(text[start - 1]):
        start -= 1
    while end < len(text) and _latin(text[end]):
        end += 1
    return any(c.isascii() and c.isalnum() for c in text[start:end])


def _fix(start: int, end: int, replacement: str) -> Fix:
    return Fix((Edit(start, end, replacement),), removes="compatibility form")


@rule("A008", "compatibility-form", Severity.WARNING, FixAvailability.SAFE)
def compatibility_form(doc: Document) -> Iterator[Hit]:
    """A ligature, compatibility character or decomposed letter stands for plain text.

    Why:
        PDF fonts draw ``fi`` and ``fl`` as one glyph and extraction keeps it (``ﬁnance``),
        Roman numerals come out as single characters (``Ⅳ``), full-width Latin letters
        and figures appear in Latin text (``Ａ/RES/66/181``), and accented letters come
        out decomposed (``e`` and a combining accent). They look right and search wrong:
        ``finance`` does not find ``ﬁnance``. Canonical text is NFC, with these forms
        folded to plain characters. In Chinese text full-width Latin letters are left
        alone unless they touch half-width ones.

    Example:
        Recalling its ﬁnancial regulations and resolution Ａ/RES/66/181, section Ⅳ,

    Use instead:
        Recalling its financial regulations and resolution A/RES/66/181, section IV,

    Fix safety:
        Safe: each form is replaced by its compatibility decomposition (NFKC) or its
        composed form (NFC), which stand for the same letters.
    """
    text = doc.text
    normalized = unicodedata.is_normalized("NFC", text)
    if normalized and not _ANY_FORM.search(text):
        return
    skipped = rewritten_lines(doc)
    for index, line in enumerate(doc.source.lines):
        if index in skipped:
            continue
        content = line.text
        for match in _ALWAYS.finditer(content):
            start, end = line.start + match.start(), line.start + match.end()
            folded = _fold(match.group())
            yield Hit(
                start,
                end,
                f"'{match.group()}' is a compatibility form of '{folded}'",
                _fix(start, end, folded),
            )
        for match in _fullwidth_runs(doc, content):
            start, end = line.start + match.start(), line.start + match.end()
            folded = _fold(match.group())
            yield Hit(
                start,
                end,
                f"full-width '{match.group()}' in Latin text; write '{folded}'",
                _fix(start, end, folded),
            )
        if normalized:
            continue
        for match in _CLUSTER.finditer(content):
            cluster = match.group()
            composed = unicodedata.normalize("NFC", cluster)
            if composed != cluster:
                start, end = line.start + match.start(), line.start + match.end()
                yield Hit(
                    start,
                    end,
                    f"'{composed}' is written decomposed; use the composed form (NFC)",
                    _fix(start, end, composed),
                )
