"""The version facts' model: what one language version says, as small picklable values.

Kept apart from :mod:`linter.facts.versions` (which reads them from a Document) because
results carry these values through the cache and the X step: unpickling a cached result
imports this module, and must not import the parser and the grammars that the readers
need (a run answered from the cache never parses).
"""

from __future__ import annotations

import re
from pathlib import PurePath

from linter.source.frozen import record
from linter.source.pickling import fast_pickle

#: The language codes a file name may carry before ``.txt`` (``E-RES-2012-19.zh.txt``,
#: ``S-RES-242-1967.zh-Hant.txt``, ``A_RES_66_181_FR.txt``).
_NAMED = r"^(?P<key>.+?)[._-](?P<lang>ar|en|es|fr|ru|zh)(?:[-_][A-Za-z]+)?$"
#: Compiled when first used (a run answered from the cache imports this module for
#: unpickling, and rarely needs them).
_SEPARATORS = r"[^A-Z0-9.]+"


@fast_pickle
@record
class Place:
    """A span of one file with its line and column (1-based, code points)."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


@fast_pickle
@record
class Fact:
    """A figure a paragraph states: ``kind`` is date, act, symbol, session or meeting."""

    kind: str
    value: str
    place: Place


@fast_pickle
@record
class ParagraphFacts:
    """One paragraph: ``label`` names it for people ("operative paragraph 4")."""

    label: str
    zone: str
    number: int | None
    place: Place
    subparagraphs: int
    facts: tuple[Fact, ...]


@fast_pickle
@record
class NoteFacts:
    """A note and the paragraph its first marker stands in (None: no marker, or outside)."""

    number: int
    place: Place
    paragraph: str | None


@fast_pickle
@record
class VersionFacts:
    """What one language version of a resolution says, for comparison with the others."""

    path: str
    language: str
    name_key: str | None  # from the file name ("A-RES-66-181.fr.txt": "A/RES/66/181")
    symbol_key: str | None  # from the symbol in the text
    paragraphs: tuple[ParagraphFacts, ...]
    notes: tuple[NoteFacts, ...]
    adoption: tuple[Fact, ...]
    first_line: Place

    def where(self, line: int | None = None) -> str:
        """``fr/A-RES-66-181.fr.txt (fr)``, with a line: ``... (fr), line 12``."""
        place = f"{self.path} ({self.language})"
        return place if line is None else f"{place}, line {line}"

    def zone(self, name: str) -> list[ParagraphFacts]:
        """The paragraphs of one zone (``preamble``, ``operative``), annexes apart."""
        return [p for p in self.paragraphs if p.zone == name]

    def aligned_with(self, other: VersionFacts) -> bool:
        """Whether the paragraphs pair one to one: the same count in every zone. Only
        then can "the same paragraph" be compared across versions."""
        zones = {p.zone for p in (*self.paragraphs, *other.paragraphs)}
        return all(len(self.zone(z)) == len(other.zone(z)) for z in zones)


def normal_symbol(text: str) -> str:
    """A symbol as a key: upper case, any run of other characters one ``/``."""
    return re.sub(_SEPARATORS, "/", text.upper()).strip("/")


def version_key(path: str, symbol: str | None) -> tuple[str | None, str | None]:
    """``(from the file name, from the symbol)``: what versions of one document share.

    ``A-RES-66-181.fr.txt`` and a text whose symbol is ``A/RES/66/181`` give the same key.
    A file name without a language code gives none.
    """
    stem = PurePath(path).name.removesuffix(".txt")
    named = re.match(_NAMED, stem, re.I)
    from_name = normal_symbol(named.group("key")) if named else None
    return from_name, normal_symbol(symbol) if symbol else None
