"""A009 mojibake."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.engine.registry import Edit, Fix, FixAvailability, Hit, Severity, rule
from linter.fix.canonical import rewritten_lines
from linter.parse.model import Document

# UTF-8 read as Windows-1252 or Latin-1 turns the lead byte of a sequence into one of
# Â-ô and its continuation bytes into one of these: 'Ã©' for 'é', 'â€™' for '’'. Only
# such pairs are candidates; ftfy (imported only when one is found) decides.
_CANDIDATE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def _token(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def _minimal(old: str, new: str) -> tuple[int, int, str]:
    """The smallest edit turning ``old`` into ``new``: (start, end in old, replacement)."""
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(old), len(new)) - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return prefix, len(old) - suffix, new[prefix : len(new) - suffix]


@rule("A009", "mojibake", Severity.WARNING, FixAvailability.UNSAFE)
def mojibake(doc: Document) -> Iterator[Hit]:
    """UTF-8 text was decoded with the wrong codec somewhere on its way (mojibake).

    Why:
        A text that went through a tool reading UTF-8 as Windows-1252 or Latin-1 comes
        back with every non-ASCII character replaced by two or three others: ``Ã©`` for
        ``é``, ``â€™`` for ``’``, ``Ã¼`` for ``ü``. Names of States (``Côte d’Ivoire``,
        ``São Tomé``) and every quotation mark suffer. The rule finds the characteristic
        pairs and asks ftfy, a library that knows these codec confusions, what the text
        was; it reports only what ftfy can repair.

    Example:
        Recalling the statement by the Agencyâ€™s Director General on CÃ´te dâ€™Ivoire,

    Use instead:
        Recalling the statement by the Agency’s Director General on Côte d’Ivoire,

    Fix safety:
        Unsafe: ftfy's repair is a reconstruction; a rare legitimate sequence such as
        ``Ã©`` in a quoted string would be changed too. Apply with ``--unsafe-fixes``
        after reading the findings.
    """
    text = doc.text
    if not _CANDIDATE.search(text):
        return
    import ftfy  # only now: importing it costs time every check would pay

    skipped = rewritten_lines(doc)
    done: set[int] = set()
    for index, line in enumerate(doc.source.lines):
        if index in skipped:
            continue
        for match in _CANDIDATE.finditer(line.text):
            start, end = _token(text, line.start + match.start(), line.start + match.end())
            if start in done:
                continue
            done.add(start)
            old = text[start:end]
            new = ftfy.fix_encoding(old)
            if new == old:
                continue
            first, last, replacement = _minimal(old, new)
            yield Hit(
                start + first,
                start + last,
                f"'{old[first:last]}' looks like '{replacement}' decoded with the wrong codec "
                "(mojibake)",
                Fix(
                    (Edit(start + first, start + last, replacement),),
                    applicability="unsafe",
                    removes="mojibake",
                ),
            )
