"""How a pattern that scans a whole text should open, so that the engine can skip ahead.

Python's regular-expression engine looks at a pattern's first element before a search:
when it is a literal or one character class, the engine runs a tight loop to the next
character that can start a match and tries the pattern only there. A pattern that opens
with a repeat (``[a-z]+``), an alternation of classes or a look-behind gets no such loop:
the whole pattern is tried at every position of the text, three to eight times slower on
a resolution when the characters it looks for are rare (measured on the corpus:
``[\\uff10-\\uff5a]+`` 3.8 ms, ``[\\uff10-\\uff5a][\\uff10-\\uff5a]*`` 1.4 ms). The helpers
here write the same patterns in the form the engine can skip with; each use is compared
with its plain form in ``tests/test_fast_patterns.py``.

Where the characters looked for are most of the text (letters), opening with them gains
nothing; opening with the character before them does: ``linter.parse.repeats`` runs its
word scans over the text after a space, each opening with the non-letter before a word.
"""

from __future__ import annotations


def run_of(char_class: str) -> str:
    """``char_class+`` written as one character and a repeat (the same matches)."""
    return f"{char_class}{char_class}*"
