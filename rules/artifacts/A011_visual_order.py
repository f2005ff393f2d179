"""A011 visual-order."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from linter.engine.registry import Edit, Fix, FixAvailability, Hit, Severity, rule
from linter.parse.model import Document
from linter.source.scanning import run_of

# Directional formatting characters: LRM, RLM, the Arabic letter mark, embeddings and
# overrides, isolates. Plain text needs none of them; extraction scatters them.
_MARKS = re.compile(run_of("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]"))
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")
# A closing bracket, figures, an opening bracket: a bracketed number drawn in visual order
# (")٤٩٩١(" for "(١٩٩٤)"). \d reads Arabic-Indic and Western figures alike.
_MIRRORED = re.compile(r"\)(\d{1,4})\(")
# Any other number on such a line: figures with the separators a symbol or date uses.
_NUMBER = re.compile(r"(?<![\d/.\-])\d[\d/.\-]*\d(?![\d/.\-])")
_DIRECTION_NAMES = {
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u061c": "Arabic letter mark",
}
#: Years a resolution cites or is adopted in: a reversed year reads back into this range.
_FIRST_YEAR, _LAST_YEAR = 1945, 2100


def _reads_as_year(figures: str) -> bool:
    return _FIRST_YEAR <= int(figures) <= _LAST_YEAR


def _mark_name(marks: str) -> str:
    names = {_DIRECTION_NAMES.get(mark, f"directional control U+{ord(mark):04X}") for mark in marks}
    return ", ".join(sorted(names))


def _reversed_year(match: re.Match[str]) -> str | None:
    """The year a mirrored bracket holds, when only the reversed reading is a year."""
    figures = match.group(1)
    backwards = figures[::-1]
    if len(figures) == 4 and _reads_as_year(backwards) and not _reads_as_year(figures):
        return backwards
    return None


@rule("A011", "visual-order", Severity.WARNING, FixAvailability.SOMETIMES)
def visual_order(doc: Document) -> Iterator[Hit]:
    """Right-to-left text extracted in visual order: reversed figures, mirrored brackets.

    Why:
        Arabic is written right to left and figures left to right inside it. An extractor
        that emits the glyphs in the order they stand on the page (visual order) rather
        than the order they are read (logical order) turns every number around and swaps
        the brackets: ``القرار ٨١٩ )٤٩٩١(`` for ``القرار ٩١٨ (١٩٩٤)``, resolution 918
        (1994) cited as 819 (4991). Every figure of such a line is wrong, and dates and
        symbols no longer match anything. The same extractors scatter invisible
        directional marks (left-to-right and right-to-left marks, embeddings, isolates),
        which plain text does not need and which split words for search.

    Example:
        وإذ يشير إلى القرار ٨١٩ )٤٩٩١(،

    Use instead:
        وإذ يشير إلى القرار ٩١٨ (١٩٩٤)،

    Fix safety:
        Safe where the repair is certain: a directional mark is removed (it is
        invisible and carries no word), and a bracketed four-figure number drawn mirrored
        is turned round when only its reversed reading is a year (``)٤٩٩١(`` is 1994,
        never 4991). The other numbers of a line that shows this damage are reported
        with an unsafe fix that reverses them (``٨١٩`` to ``٩١٨``): they were most
        likely drawn in visual order too, but a number cannot prove it. On such a line
        the year's fix is unsafe as well, so that ``--fix`` does not repair the year
        alone and hide what the rest of the line needs. A mirrored bracket whose number
        is no year backwards is reported without a fix, and only on a line that holds
        a certain one.
    """
    text = doc.text
    for match in _MARKS.finditer(text):
        yield Hit(
            match.start(),
            match.end(),
            f"directional formatting character ({_mark_name(match.group())}) left by "
            "extraction; plain text needs none",
            Fix((Edit(match.start(), match.end(), ""),)),
        )
    if not _MIRRORED.search(text):
        return
    for line in doc.source.lines:
        content = line.text
        if not _ARABIC.search(content):
            continue
        mirrored = list(_MIRRORED.finditer(content))
        years = [(m, _reversed_year(m)) for m in mirrored]
        if not any(year for _, year in years):
            continue  # no certain evidence that this line was drawn in visual order
        covered = [(m.start(), m.end()) for m in mirrored]
        others = [
            number
            for number in _NUMBER.finditer(content)
            if not any(lo <= number.start() < hi for lo, hi in covered)
            and number.group()[::-1] != number.group()
        ]
        # The line is repaired as a whole: fixing the year alone would hide the evidence
        # that its other numbers are reversed too.
        applicability: Literal["safe", "unsafe"] = "unsafe" if others else "safe"
        for match, year in years:
            start, end = line.start + match.start(), line.start + match.end()
            figures = match.group(1)
            message = f"'{match.group()}' is drawn in visual order (mirrored brackets)"
            if year is None:
                yield Hit(start, end, message + "; check the number inside")
                continue
            yield Hit(
                start,
                end,
                f"{message}: it reads '({year})', the year {int(year)}, not {int(figures)}",
                Fix((Edit(start, end, f"({year})"),), applicability=applicability),
            )
        for number in others:
            figures = number.group()
            backwards = figures[::-1]
            start, end = line.start + number.start(), line.start + number.end()
            yield Hit(
                start,
                end,
                f"'{figures}' on a line drawn in visual order probably reads '{backwards}'",
                Fix((Edit(start, end, backwards),), applicability="unsafe"),
            )
