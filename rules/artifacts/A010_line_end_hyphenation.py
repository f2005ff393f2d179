"""A010 line-end-hyphenation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.canonical import plan
from linter.model import Document
from linter.registry import Edit, Fix, FixAvailability, Hit, Severity, rule

_LETTERS = "A-Za-z\u00c0-\u024f\u0400-\u04ff"
_SPLIT_BEFORE = re.compile(f"([{_LETTERS}]+)[-\u2010]$")
_SPLIT_AFTER = re.compile("^([a-z\u00df-\u00ff\u0430-\u045f]+)")
_WORD = re.compile(f"(?<![{_LETTERS}\u2010\u2011-])[{_LETTERS}]+(?![{_LETTERS}\u2010\u2011-])")


def _words(text: str) -> set[str]:
    """The words of the text standing on their own (not half of a hyphenated word),
    lower-cased."""
    return {match.group().lower() for match in _WORD.finditer(text)}


@rule("A010", "line-end-hyphenation", Severity.WARNING, FixAvailability.UNSAFE)
def line_end_hyphenation(doc: Document) -> Iterator[Hit]:
    """A Latin or Cyrillic word may be split by a hyphen at a line end (``inter-`` / ``national``).

    Why:
        A typesetter that hyphenates breaks ``international`` into ``inter-`` and
        ``national``; extraction keeps the hyphen, and the joined text reads
        ``inter-national``. UN documents are rarely hyphenated this way, and most
        line-end hyphens belong to compounds (``money-`` / ``laundering``), which is why
        A002 keeps the hyphen when it joins the lines. This rule reports the line-end
        hyphens that may be typesetting: the compound is written nowhere else in the
        text, and either the word without the hyphen is (``international``) or the part
        before the hyphen is no word of the text on its own (``inter``).

    Example:
        The General Assembly,

        Recalling the importance of inter-
        national cooperation,

    Use instead:
        The General Assembly,

        Recalling the importance of international cooperation,

    Fix safety:
        Unsafe: only a dictionary could tell a split word from a compound, and reslint
        has none. The fix removes the hyphen and the line break and joins the two
        halves; run it with ``--unsafe-fixes`` after reading the findings. Without it,
        A002 joins the lines and keeps the hyphen.
    """
    text = doc.text
    layout = plan(doc)
    words: set[str] | None = None
    for gap in layout.gaps:
        if gap.kind != "join":
            continue
        before = _SPLIT_BEFORE.search(text[max(0, gap.start - 40) : gap.start])
        after = _SPLIT_AFTER.match(text[gap.end : gap.end + 40])
        if before is None or after is None:
            continue
        if words is None:
            words = _words(text)
        head, tail = before.group(1), after.group(1)
        joined = (head + tail).lower()
        compound = f"{head}-{tail}".lower()
        # The compound written elsewhere, on one line, settles it.
        elsewhere = text.lower().count(compound) + text.lower().count(f"{head}\u2010{tail}")
        if elsewhere > 0:
            continue
        if joined not in words and head.lower() in words:
            continue
        hyphen = gap.start - 1
        note = (
            f"'{head}{tail}' is written elsewhere in the text"
            if joined in words
            else f"'{head}' is no word of the text on its own"
        )
        yield Hit(
            hyphen,
            hyphen + 1,
            f"'{head}-' / '{tail}': a word may be split by a hyphen at the line end ({note}); "
            f"it would read '{head}{tail}'",
            Fix(
                (Edit(hyphen, gap.end, ""),),
                applicability="unsafe",
                removes="hyphenation",
            ),
        )
