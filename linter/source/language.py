"""Which language a text is in: first by script, then by lexicon.

Script decides between Han, Arabic, Cyrillic and Latin texts; among the lexicons written
in the dominant script, the one whose function words occur most often wins. Languages are
whatever has a lexicon under ``rules/data/lang/``: nothing here names a language.
"""

from __future__ import annotations

import re
from collections import Counter

from linter.source.lexicon import available_languages, lexicon
from linter.source.scanning import run_of

_SAMPLE = 8_000  # characters; the opening of a resolution is enough to tell
# Runs, not single characters: counting a few hundred runs is cheaper than thousands of
# one-character matches.
_SCRIPTS = {
    "Han": re.compile(run_of(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")),
    "Latin": re.compile(run_of(r"[A-Za-z\u00c0-\u024f]")),
    "Cyrillic": re.compile(run_of(r"[\u0400-\u04ff]")),
    "Arabic": re.compile(run_of(r"[\u0600-\u06ff\u0750-\u077f]")),
}
_WORD = re.compile(r"\w+")


def dominant_script(text: str) -> str | None:
    sample = text[:_SAMPLE]
    counts = {name: sum(map(len, pattern.findall(sample))) for name, pattern in _SCRIPTS.items()}
    # A Han character carries about as much text as a Latin word: weigh it up.
    counts["Han"] *= 4
    script, count = max(counts.items(), key=lambda item: item[1])
    return script if count else None


def detect_language(text: str) -> str:
    """An ISO 639-1 code, or ``und`` when no lexicon fits."""
    script = dominant_script(text)
    if script is None:
        return "und"
    candidates = [code for code in available_languages() if lexicon(code).script == script]
    if len(candidates) <= 1:
        return candidates[0] if candidates else "und"
    sample = text[:_SAMPLE]
    words = Counter(map(str.lower, _WORD.findall(sample)))

    def score(code: str) -> int:
        return sum(words[word] for word in lexicon(code).function_words)

    return max(candidates, key=score)
