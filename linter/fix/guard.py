"""The content guard: a fix may move words and spaces, never lose a word it did not declare.

A wrong fix is worse than none, so before a fixed text is written the fixer checks it
twice:

1. **Each applied fix against its declaration** (``Fix.removes``). The words of a text are
   its letters, digits and CJK characters, compared after NFKC (so ``ﬁ`` and ``fi`` are
   the same word characters). A fix that declares nothing, or only ``whitespace``, must
   leave them exactly as they were, in any order within the fix (a note moved to the
   end, a marker moved to its anchor). ``repeated emphasis`` may delete copies and only
   copies: what it deletes must be its replacement drawn two or more times, phrase by
   phrase or character by character. ``page furniture`` may delete words (a running
   header, a job number) and add none. ``mojibake`` (unsafe) may replace characters.
2. **The whole text**: every word character the fixed text lacks, or has in excess, must
   be accounted for by the deletions and additions the applied fixes were allowed. This
   catches a fixer that applies its edits wrongly, whatever the rules declared.

3. **Each pass's joins** (:func:`check_joins`): no edit, alone or with its neighbours,
   may glue two words that only whitespace or line breaks kept apart (``matter\f\fand``
   read as ``matterand``): the word counts are the same, so the checks above cannot see it.

A violation raises :class:`GuardError`; the file is refused and left untouched.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from linter.engine.registry import Edit, Fix
from linter.source.text import spaced_script

_WORD_CHAR = re.compile(r"[^\W_]")

#: Declared removals and what each may do to the words of the text.
NEUTRAL = frozenset({"", "whitespace", "bad character", "compatibility form", "hyphenation"})
REPEATS = "repeated emphasis"
DELETES = frozenset({"page furniture", "separator"})
REPLACES = frozenset({"mojibake"})


class GuardError(Exception):
    """A fix would change the words of the text beyond what it declared."""


def word_chars(text: str) -> Counter[str]:
    """The letters, digits and CJK characters of ``text`` (after NFKC), counted."""
    return Counter(_WORD_CHAR.findall(unicodedata.normalize("NFKC", text)))


def _sequence(text: str) -> str:
    return "".join(_WORD_CHAR.findall(unicodedata.normalize("NFKC", text)))


def is_repetition(copies: str, phrase: str) -> bool:
    """Whether ``copies`` is ``phrase`` with each of its pieces drawn two or more times.

    ``回顾回顾回顾回顾`` / ``回顾``, ``又又又又邀邀邀邀请请请请`` / ``又邀请``,
    ``强调强调强调强调指出指出指出指出`` / ``强调指出`` (each piece four times).

    A depth-first search over (position in the phrase, position in the copies), longest
    piece and most copies first, so that what A001 finds (each piece drawn the same
    number of times) is confirmed along the first path tried. The search has a budget
    proportional to the text: past it the answer is "no" and the fix is refused, which
    is safe; an exhaustive search took cubic time on a long run of one letter.
    """
    copies, phrase = _sequence(copies), _sequence(phrase)
    if not phrase:
        return not copies
    budget = _SEARCH_STEPS * (len(copies) + len(phrase)) + 256
    seen: set[tuple[int, int]] = set()
    stack = [(0, 0)]
    while stack:
        j, i = stack.pop()
        if j == len(phrase):
            if i == len(copies):
                return True
            continue
        if (j, i) in seen:
            continue
        seen.add((j, i))
        for end in range(j + 1, len(phrase) + 1):  # pushed shortest first: popped last
            unit = phrase[j:end]
            budget -= 1
            if not copies.startswith(unit, i):
                continue
            position = i + len(unit)  # one copy is no repeat: states from the second on
            while copies.startswith(unit, position):
                position += len(unit)
                stack.append((end, position))
                budget -= 1
        if budget < 0:
            return False
    return False


_SEARCH_STEPS = 32  # steps of the repetition search per character of the text


@dataclass
class Allowance:
    """What the fixes applied so far were allowed to delete and add."""

    deleted: Counter[str] = field(default_factory=Counter)
    added: Counter[str] = field(default_factory=Counter)

    def admit(self, text: str, fix: Fix, rules: Iterable[str]) -> None:
        """Check one fix against the text it applies to; remember what it may change."""
        old = "".join(text[edit.start : edit.end] for edit in fix.edits)
        new = "".join(edit.replacement for edit in fix.edits)
        before, after = word_chars(old), word_chars(new)
        deleted, added = before - after, after - before
        category = fix.removes
        who = ", ".join(sorted(set(rules))) or "a fix"
        if category == REPEATS:
            for edit in fix.edits:
                if not is_repetition(text[edit.start : edit.end], edit.replacement):
                    raise GuardError(
                        f"{who}: declares 'repeated emphasis' but "
                        f"{_show(text[edit.start : edit.end])} is not copies of "
                        f"{_show(edit.replacement)}"
                    )
        elif category in DELETES:
            if added:
                raise GuardError(f"{who}: a '{category}' fix would add {_chars(added)}")
        elif category in REPLACES:
            pass
        elif deleted or added:
            change = []
            if deleted:
                change.append(f"remove {_chars(deleted)}")
            if added:
                change.append(f"add {_chars(added)}")
            declared = f"'{category}'" if category else "nothing"
            raise GuardError(
                f"{who}: would {' and '.join(change)} from {_show(old)} "
                f"but declares {declared} removed"
            )
        self.deleted += deleted
        self.added += added

    def check_texts(self, original: str, fixed: str) -> None:
        """The fixed text lacks and adds only what the applied fixes were allowed to."""
        before, after = word_chars(original), word_chars(fixed)
        lost = (before - after) - self.deleted
        gained = (after - before) - self.added
        if lost or gained:
            parts = []
            if lost:
                parts.append(f"lost {_chars(lost)}")
            if gained:
                parts.append(f"gained {_chars(gained)}")
            raise GuardError(f"the fixed text {' and '.join(parts)} that no fix declared")


def check_joins(text: str, edits: Sequence[Edit]) -> None:
    """Raise :class:`GuardError` if applying ``edits`` (sorted, disjoint) glues two words.

    Edits that touch each other are taken together (two form feeds removed one by one
    glue what neither glues alone). Around each group, the words of scripts written with
    spaces (:func:`~linter.source.text.spaced_script`) are compared before and after: a
    word after that is two words before, which only whitespace separated, is a glue. A
    hyphen or a zero-width character between them is no whitespace: joining
    ``inter-`` / ``national`` (A010) and removing a zero-width space (A007) stay allowed.
    """
    index = 0
    while index < len(edits):
        last = index
        while last + 1 < len(edits) and edits[last + 1].start <= edits[last].end:
            last += 1
        start, end = edits[index].start, edits[last].end
        left, right = _word_edge(text, start, -1), _word_edge(text, end, 1)
        before = text[left:right]
        pieces = [text[left:start]]
        position = start
        for edit in edits[index : last + 1]:
            pieces.append(text[position : edit.start])
            pieces.append(edit.replacement)
            position = edit.end
        pieces.append(text[end:right])
        glued = _glued_words(before, "".join(pieces))
        if glued is not None:
            raise GuardError(f"a fix would glue {glued[0]!r} and {glued[1]!r} into one word")
        index = last + 1


def _word_edge(text: str, position: int, step: int) -> int:
    """Where the word touching ``position`` ends on one side (at most 40 characters away:
    enough to name it, and a long word costs no more)."""
    limit = 40
    if step < 0:
        while limit and position > 0 and spaced_script(text[position - 1]):
            position -= 1
            limit -= 1
        return position
    while limit and position < len(text) and spaced_script(text[position]):
        position += 1
        limit -= 1
    return position


def _words_and_gaps(text: str) -> tuple[list[str], list[str]]:
    """The runs of spaced-script characters of ``text`` and what separates them."""
    words: list[str] = []
    gaps: list[str] = []
    current = ""
    gap = ""
    for char in text:
        if spaced_script(char):
            if not current and words:
                gaps.append(gap)
            current += char
            gap = ""
        else:
            if current:
                words.append(current)
                current = ""
            gap += char
    if current:
        words.append(current)
    return words, gaps


def _glued_words(before: str, after: str) -> tuple[str, str] | None:
    """Two words of ``before`` separated by whitespace only that ``after`` writes as one."""
    words, gaps = _words_and_gaps(before)
    joined = set(_words_and_gaps(after)[0]) - set(words)
    for first, second, gap in zip(words, words[1:], gaps, strict=False):
        if gap.isspace() and first + second in joined:
            return first, second
    return None


def _chars(counter: Counter[str]) -> str:
    shown = "".join(sorted(counter.elements()))
    return repr(shown if len(shown) <= 40 else shown[:37] + "...")


def _show(text: str) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= 50 else text[:47] + "...")
