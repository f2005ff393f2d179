"""A010 line-end-hyphenation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.engine.registry import Edit, Fix, FixAvailability, Hit, Severity, rule
from linter.fix.canonical import plan
from linter.parse.model import Document

_LETTERS = "A-Za-z\u00c0-\u024f\u0400-\u04ff"
_SPLIT_BEFORE = re.compile(f"([{_LETTERS}]+)[-\u2010]$")
_EDGE = re.compile(f"[{_LETTERS}\u2010\u2011-]")
_SPLIT_AFTER = re.compile("^([a-z\u00df-\u00ff\u0430-\u045f]+)")


def _stands_alone(lower: str, word: str) -> bool:
    """Whether ``word`` occurs in the lower-cased text as a word of its own (not half of a
    hyphenated word). One search per candidate: most texts have a handful of candidates,
    and collecting every word of a long text first cost more than all of them."""
    position = lower.find(word)
    while position >= 0:
        before = lower[position - 1 : position] if position else ""
        after = lower[position + len(word) : position + len(word) + 1]
        if not _EDGE.match(before) and not _EDGE.match(after):
            return True
        position = lower.find(word, position + 1)
    return False


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
    lower: str | None = None
    for gap in layout.gaps:
        if gap.kind != "join":
            continue
        if text[gap.start - 1 : gap.start] not in ("-", "\u2010"):
            continue  # the common case, settled without a pattern
        before = _SPLIT_BEFORE.search(text[max(0, gap.start - 40) : gap.start])
        after = _SPLIT_AFTER.match(text[gap.end : gap.end + 40])
        if before is None or after is None:
            continue
        if lower is None:
            lower = text.lower()
        head, tail = before.group(1), after.group(1)
        joined = (head + tail).lower()
        compound = f"{head}-{tail}".lower()
        # The compound written elsewhere, on one line, settles it.
        elsewhere = lower.count(compound) + lower.count(f"{head}\u2010{tail}".lower())
        if elsewhere > 0:
            continue
        joined_alone = _stands_alone(lower, joined)
        if not joined_alone and _stands_alone(lower, head.lower()):
            continue
        hyphen = gap.start - 1
        note = (
            f"'{head}{tail}' is written elsewhere in the text"
            if joined_alone
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
