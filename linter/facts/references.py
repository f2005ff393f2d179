"""Cross-references to paragraphs of the present resolution ("paragraph 18 above").

A scan finds every "paragraph(s) N" phrase of the language (``paragraph_reference_patterns``
in the lexicon, with ``{refs}`` standing for the numbers and their sub-paragraph labels);
the words around it then decide whose paragraph it is. A phrase is the resolution's own
when it says so ("above", "below", "of the present resolution", 上文, 本决议); another
text's when the words around it name that text ("of resolution 66/181", "article 12,
paragraph 3", 号决议第 5 段). A bare reference counts only inside operative paragraphs
and annexes, where it is the document's own; in the preamble it almost always points at
the act just cited (and a language may not count bare references at all:
``paragraph_reference_bare``). Patterns that begin with ``^`` look at the text after the reference,
the others at the text before it.
"""

from __future__ import annotations

import re

from linter.parse.model import Paragraph, Zone
from linter.source.frozen import record
from linter.source.lexicon import Lexicon, per_lexicon

_ITEM = (
    r"(?P<n>\d{1,3})(?:\s*[(（](?P<sub>[a-z]{1,2})[)）])?"
    r"(?:\s*[(（](?P<subsub>[ivx]{1,6})[)）])?"
)
_ITEM_RE = re.compile(_ITEM)


@record
class Target:
    """One paragraph (and sub-paragraph) a reference points at, with its span."""

    number: int
    sub: str | None
    start: int  # offsets in the paragraph text
    end: int


@record
class Reference:
    """A cross-reference found in a paragraph: what it names and where it is."""

    targets: tuple[Target, ...]
    start: int
    end: int
    explicit: bool  # it says it is about the present resolution


@record(slots=False)
class _Grammar:
    patterns: tuple[re.Pattern[str], ...]
    separators: re.Pattern[str]
    range_words: frozenset[str]
    here_before: tuple[re.Pattern[str], ...]
    here_after: tuple[re.Pattern[str], ...]
    foreign_before: tuple[re.Pattern[str], ...]
    foreign_after: tuple[re.Pattern[str], ...]


@per_lexicon
def _grammar(lex: Lexicon) -> _Grammar:
    separators = "|".join(f"(?:{s})" for s in lex.paragraph_reference_separators) or "(?!)"
    refs = f"{_ITEM.replace('?P<n>', '').replace('?P<subsub>', '').replace('?P<sub>', '')}"
    refs = f"{refs}(?:(?:{separators}){refs})*"
    patterns = tuple(
        re.compile(pattern.replace("{refs}", refs)) for pattern in lex.paragraph_reference_patterns
    )

    def split(items: tuple[str, ...]) -> tuple[tuple[re.Pattern[str], ...], ...]:
        after = tuple(re.compile(p) for p in items if p.startswith("^"))
        before = tuple(re.compile(p) for p in items if not p.startswith("^"))
        return before, after

    here_before, here_after = split(lex.paragraph_reference_here)
    foreign_before, foreign_after = split(lex.paragraph_reference_foreign)
    return _Grammar(
        patterns,
        re.compile(separators),
        frozenset(lex.paragraph_range_words),
        here_before,
        here_after,
        foreign_before,
        foreign_after,
    )


def _targets(grammar: _Grammar, text: str, offset: int) -> list[Target]:
    """The paragraphs named in ``text`` (the ``refs`` group), ranges expanded at their ends."""
    items = list(_ITEM_RE.finditer(text))
    targets: list[Target] = []
    for position, item in enumerate(items):
        start, end = offset + item.start(), offset + item.end()
        targets.append(Target(int(item.group("n")), item.group("sub"), start, end))
        if position + 1 < len(items):
            between = text[item.end() : items[position + 1].start()].strip()
            if between in grammar.range_words and int(items[position + 1].group("n")) > int(
                item.group("n")
            ):
                # "paragraphs 3 to 5": the paragraphs in between are named too, but
                # only the ends are written; a missing middle one is reported at the range.
                low, high = int(item.group("n")) + 1, int(items[position + 1].group("n"))
                targets.extend(
                    Target(n, None, offset + item.start(), offset + items[position + 1].end())
                    for n in range(low, high)
                )
    return targets


def find_references(paragraph: Paragraph, lex: Lexicon) -> list[Reference]:
    """The cross-references of a paragraph that point into the present resolution."""
    grammar = _grammar(lex)
    if not grammar.patterns:
        return []
    text = paragraph.text
    bare_allowed = bool(lex.extra.get("paragraph_reference_bare")) and paragraph.zone in (
        Zone.OPERATIVE,
        Zone.ANNEX,
    )
    found: list[Reference] = []
    for pattern in grammar.patterns:
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 60) : match.start()]
            after = text[match.end() : match.end() + 60]
            explicit = any(p.search(before) for p in grammar.here_before) or any(
                p.search(after) for p in grammar.here_after
            )
            if not explicit:
                foreign = any(p.search(before) for p in grammar.foreign_before) or any(
                    p.search(after) for p in grammar.foreign_after
                )
                if foreign or not bare_allowed:
                    continue
            targets = _targets(grammar, match.group("refs"), match.start("refs"))
            found.append(Reference(tuple(targets), match.start(), match.end(), explicit))
    return found
