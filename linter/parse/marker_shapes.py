"""The shapes a footnote marker takes on a line of extracted text, as patterns.

``linter.parse.markers`` runs them over every line of a paragraph that holds a figure and
decides which figures they find are markers. The shapes: old style (``1/``), glued to a
word or to punctuation (``Declaration4``, ``2024,1``), spaced after a word, a year or a
symbol (``Countries, 11  the``, ``1991 295 and``, ``S/10352 46``), a year fused with a
marker across a line break (``203412``), a figure opening a wrapped line, Markdown
(``[^3]``).
"""

from __future__ import annotations

import re

from linter.source.scanning import run_of

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
DIGIT_RUN = re.compile(run_of(r"\d"))
MARKDOWN = re.compile(r"\[\^(\d{1,3}|\*{1,3})\](?!:)")
# The patterns below open with the character they consume first (a figure, a space, a
# capital), and check what stands before it with a look-behind placed after that
# character: the regular-expression engine then skips ahead to such characters instead
# of trying the look-behind at every position of the line (the marker pass ran these on
# every line with a figure; they were most of its time). Each finds exactly what the
# plainer form in its comment finds (tests/test_fast_patterns.py compares them).
# (?:(?<=\s)|(?<=[^\W\d_])|(?<=[,.;:”’)]))(\d{1,3})/(?![\d/\w])
OLD_STYLE = re.compile(r"(\d(?<=\s\d|[^\W\d_]\d|[,.;:”’)]\d)\d{0,2})/(?![\d/\w])")
# (?<=[^\W\d_]|[,.;:”’)\]，。；：》」』）،؛])(\d{1,3})(?=[\s,.;:)\]”’，。；、،؛CJK]|$)
GLUED = re.compile(
    rf"(\d(?<=[^\W\d_]\d|[,.;:”’)\]，。；：》」』）،؛]\d)\d{{0,2}})"
    rf"(?=[\s,.;:)\]”’，。；、،؛{_CJK}]|$)"
)
# (?<=[^\W\d_]|[,.;:”’)])(\s{1,3})(\d{1,3})(?=\s+\S|\s*$)
SPACED = re.compile(r"(\s(?<=[^\W\d_]\s|[,.;:”’)]\s)\s{0,2})(\d{1,3})(?=\s+\S|\s*$)")
# "report of 8 October 1991 295 and": a marker spaced after the year that ends a date.
# (?:(?<=\s)|^)(?:19|20)\d\d(\s{1,3})(\d{1,3})(?=\s+\S|\s*$)
SPACED_AFTER_YEAR = re.compile(r"(?:1(?<!\S1)9|2(?<!\S2)0)\d\d(\s{1,3})(\d{1,3})(?=\s+\S|\s*$)")
# "contained in document S/10352 46", "S/4279 and Add.1 1 concerning": a marker spaced
# after a symbol, at the line's end or before a small word.
# (?:(?<=\s)|^)(?:[A-Z]{1,4}/[\w./-]*\d|(?:Add|Corr|Rev|Amend)\.\d+)(\s{1,3})(\d{1,3})
# (?=\s*$|\s+[a-z])
SPACED_AFTER_SYMBOL = re.compile(
    r"[A-Z](?<!\S[A-Z])(?:[A-Z]{0,3}/[\w./-]*\d|(?:(?<=A)dd|(?<=C)orr|(?<=R)ev|(?<=A)mend)\.\d+)"
    r"(\s{1,3})(\d{1,3})(?=\s*$|\s+[a-z])"
)
FUSED = re.compile(r"(?:^\s*|(?<=[–-])|(?<=\s))((?:19|20)\d{2})(\d{1,2})(?=[\s,.;:]|$)")
LINE_START = re.compile(r"^\s*(\d{1,3})\s+(?=\S)")
