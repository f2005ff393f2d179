"""Windows of a line around a position: what the marker checks read, and no more.

The marker pass asks of every figure on a line what comes before it (the word, the token
before that word, the last few tokens) and what follows (the first tokens, the next word).
Slicing the whole line before and after each figure (and splitting it into tokens) made a
line of many figures quadratic; these windows hold exactly what those checks read, so
their answers are the same (``tests/test_linear_time.py`` compares them with the whole
line) at a cost bounded by the figure's neighbourhood.

A token is read at most :data:`REACH` characters from the figure: Chinese and Japanese
run whole clauses together with no space, so "the token before" a figure could be the
whole paragraph before it, and a wrapped paragraph joined by ``fix`` made every figure
of it read back to the paragraph's start (quadratic again). No check looks that far: a
word or symbol that decides a marker lies within a few dozen characters of it.
"""

from __future__ import annotations

#: How far back and ahead of a figure a window reaches at most, in code points.
REACH = 256


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # what ``\\w`` matches


def _token_start(text: str, position: int, floor: int = 0) -> int:
    """The start of the whitespace-separated token that ends at or before ``position``
    (not before ``floor``)."""
    while position > floor and text[position - 1].isspace():
        position -= 1
    while position > floor and not text[position - 1].isspace():
        position -= 1
    return position


def before(text: str, end: int) -> str:
    """``text[:end]`` from where anything that reads it (the word before a figure, the
    token before that word, the last tokens) can look: the token before the word, and at
    least three tokens back, cut right after whitespace so that ``^`` and ``\\b`` read as
    on the whole line. A line of many figures was copied whole once per figure (and split
    into tokens once per figure): quadratic."""
    floor = max(0, end - REACH)
    position = end
    while position > floor and not _is_word(text[position - 1]):  # what follows the word
        position -= 1
    while position > floor and (_is_word(text[position - 1]) or text[position - 1] in ".-"):
        position -= 1  # the word and the letters, figures, dots and hyphens glued to it
    while position > floor and not text[position - 1].isspace():  # back to its token's start
        position -= 1
    start = _token_start(text, position, floor)  # and the token before it
    back = end
    for _ in range(3):
        back = _token_start(text, back, floor)
    return text[min(start, back) : end]


def after(text: str, start: int) -> str:
    """``text[start:]`` as far as anything that reads it looks: the first two tokens, the
    non-word characters and the word after them, and a margin for the units (``per cent``)."""
    length = min(len(text), start + REACH)
    position = start
    for _ in range(2):
        while position < length and text[position].isspace():
            position += 1
        while position < length and not text[position].isspace():
            position += 1
    word = start
    while word < length and not _is_word(text[word]):
        word += 1
    while word < length and _is_word(text[word]):
        word += 1
    return text[start : max(position, word) + 32]


def stripped_end(text: str, end: int) -> int:
    """``len(text[:end].rstrip())``, without copying the text."""
    while end and text[end - 1].isspace():
        end -= 1
    return end
