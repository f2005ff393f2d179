"""A010 line-end-hyphenation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.engine.registry import Edit, Fix, FixAvailability, Hit, Severity, rule
from linter.fix.canonical import Gap, plan
from linter.parse.model import Document

_LETTERS = "A-Za-z\u00c0-\u024f\u0400-\u04ff"
_SPLIT_BEFORE = re.compile(f"([{_LETTERS}]+)[-\u2010]$")
_EDGE = re.compile(f"[{_LETTERS}\u2010\u2011-]")
_EDGE_RUN = re.compile(f"[{_LETTERS}\u2010\u2011-]+")
_HYPHEN = re.compile("[-\u2010]")
_SPLIT_AFTER = re.compile("^([a-z\u00df-\u00ff\u0430-\u045f]+)")


def _stands_alone(lower: str, word: str) -> bool:
    """Whether ``word`` occurs in the lower-cased text as a word of its own (not half of a
    hyphenated word), by searching the text."""
    position = lower.find(word)
    while position >= 0:
        before = lower[position - 1 : position] if position else ""
        after = lower[position + len(word) : position + len(word) + 1]
        if not _EDGE.match(before) and not _EDGE.match(after):
            return True
        position = lower.find(word, position + 1)
    return False


class _Words:
    """What the candidates ask of the whole text, found in one pass over it.

    Searching the text once per line-end hyphen made a text hyphenated at every line end
    quadratic (44 KB: 3.5 s, 88 KB: 13 s). The runs of letters and hyphens are collected
    once; the compounds are looked for at the text's hyphens only, each compared with
    the candidates' heads and tails by length.
    """

    def __init__(self, lower: str, pairs: list[tuple[str, str]]) -> None:
        self.lower = lower
        self.runs = set(_EDGE_RUN.findall(lower))
        heads = {head for head, _ in pairs}
        tails = {tail for _, tail in pairs}
        head_lengths = sorted({len(head) for head in heads})
        tail_lengths = sorted({len(tail) for tail in tails})
        wanted = set(pairs)
        self.compounds: set[tuple[str, str]] = set()
        for hyphen in _HYPHEN.finditer(lower):
            at = hyphen.start()
            for length in head_lengths:
                head = lower[at - length : at] if length <= at else None
                if head not in heads:
                    continue
                for tail_length in tail_lengths:
                    pair = (head, lower[at + 1 : at + 1 + tail_length])
                    if pair in wanted:
                        self.compounds.add(pair)

    def has_compound(self, head: str, tail: str) -> bool:
        """``head-tail`` (or with U+2010) occurs in the text (as the old count did)."""
        return (head, tail) in self.compounds

    def stands_alone(self, word: str) -> bool:
        """:func:`_stands_alone`: a word of letters stands alone when a whole run of
        letters and hyphens is that word."""
        if _EDGE_RUN.fullmatch(word):
            return word in self.runs
        return _stands_alone(self.lower, word)  # lower-casing made a character no letter


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
    candidates: list[tuple[Gap, str, str]] = []
    for gap in layout.gaps:
        if gap.kind != "join":
            continue
        if text[gap.start - 1 : gap.start] not in ("-", "\u2010"):
            continue  # the common case, settled without a pattern
        before = _SPLIT_BEFORE.search(text[max(0, gap.start - 40) : gap.start])
        after = _SPLIT_AFTER.match(text[gap.end : gap.end + 40])
        if before is None or after is None:
            continue
        candidates.append((gap, before.group(1), after.group(1)))
    if not candidates:
        return
    words = _Words(text.lower(), [(head.lower(), tail.lower()) for _, head, tail in candidates])
    for gap, head, tail in candidates:
        joined = (head + tail).lower()
        # The compound written elsewhere, on one line, settles it.
        if words.has_compound(head.lower(), tail.lower()):
            continue
        joined_alone = words.stands_alone(joined)
        if not joined_alone and words.stands_alone(head.lower()):
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
