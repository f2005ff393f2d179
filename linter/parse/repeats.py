"""Find text drawn several times by PDF extraction (bold and italic emphasis).

A PDF draws emphasised text several times at the same place; extractors then emit it
several times in a row, either phrase by phrase (``回顾回顾回顾回顾``,
``RecallingRecalling``, ``Recalling Recalling Recalling``) or character by character
(``邀邀邀邀请请请请``). Both come out as a run of *segments*, each a unit repeated the same
number of times. Legitimate reduplication repeats twice and rarely makes a known phrase
(``方方面面``, ``研究所所作``, ``应对对环境``, ``that that``, ``had had``): a run is damage
only if it repeats three times or more, or twice and collapses to a lead phrase.

Used by rule A001 and by the structure parser (to recognise a damaged lead phrase).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import groupby
from math import gcd

from linter.source.frozen import record

_SPACES = re.compile(r"[ \t]+")

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_LETTER = r"A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff"
_MAX_UNIT = 16  # the longest lead phrase or body name, in characters
# The regular-expression engine finds the candidates: a unit (smallest first) followed
# by itself. Python only looks at what these find.
_CJK_REPEAT = re.compile(f"([{_CJK}]{{1,{_MAX_UNIT}}}?)\\1+")
_WORD = f"[{_LETTER}]++"  # possessive: a word never backtracks into a shorter word
# The scans below that start at a word look for the character before it: they run over
# the text with a space put before it (:func:`_padded`) and open with a non-letter, which
# the engine skips to (a fifth of the characters), instead of trying a look-behind at
# every position (linter/source/scanning.py). A match's group 1 opens at the word; its
# offsets in the text are one less. Plain form of this one:
# (?<![L])({_WORD}(?:[ \t]+{_WORD}){0,3}?)(?:[ \t]+\1)+(?![L])
_SPACED_REPEAT = re.compile(
    f"[^{_LETTER}]({_WORD}(?:[ \\t]+{_WORD}){{0,3}}?)(?:[ \\t]+\\1)+(?![{_LETTER}])"
)
# A multi-word lead drawn twice is glued too: "Bearing in mindBearing in mind". The
# last word may end inside a letter run ("mindBearing"). Units inside one word
# ("RecallingRecalling") are found by the word's period (:func:`_glued_repeats`); this
# pattern, with the first word whole, finds the others. Its plain form,
# ``([L]++(?:[ \\t]+[L]+){1,3}?)\\1+(?![L])``, tried every length of the last word; but
# the copy opens with the first word and a space, so the last word's letter run ends with
# the first word: only that split is tried (a look-ahead for the first word), and the
# words between are whole (possessive). The same matches (tests/test_linear_time.py).
_GLUED_MULTI = re.compile(
    f"((?P<first>[{_LETTER}]++)(?:[ \\t]+[{_LETTER}]++){{0,2}}?[ \\t]+[{_LETTER}]+?"
    f"(?=(?P=first)[ \\t]))\\1+(?![{_LETTER}])"
)
_LETTER_RUN = re.compile(f"[{_LETTER}]+")


@record
class Repeat:
    """A damaged run: ``text[start:end]`` should read ``phrase``."""

    start: int
    end: int
    phrase: str
    times: int


def _find_cjk(text: str, leads: frozenset[str]) -> list[Repeat]:
    found: list[Repeat] = []
    # (start, end, unit, times) of each repeated unit, in order.
    segments = [
        (m.start(), m.end(), m.group(1), (m.end() - m.start()) // len(m.group(1)))
        for m in _CJK_REPEAT.finditer(text)
    ]
    index = 0
    while index < len(segments):
        start, end, _, times = segments[index]
        following = index + 1
        # Neighbouring units drawn the same number of times are one run: 又×4 邀×4 请×4.
        # A unit drawn a multiple of that is a legitimate double drawn as often: 大×4 会×8
        # 议×4 is 大会会议, each character drawn 4 times (never 大会议: a word lost).
        while following < len(segments) and segments[following][0] == end:
            joined = gcd(times, segments[following][3])
            if segments[following][3] != times and joined < 3:
                break
            times = joined
            end = segments[following][1]
            following += 1
        phrase = "".join(unit * (count // times) for _, _, unit, count in segments[index:following])
        if times >= 3 or phrase in leads:
            found.append(Repeat(start, end, phrase, times))
        else:
            # 回回顾顾 + 会员国联合国会员国联合国: the doubled lead phrase is a shorter run
            # than the neighbours drawn as often; keep the longest prefix that is a lead.
            for last in range(following - 1, index, -1):
                prefix = "".join(segment[2] for segment in segments[index:last])
                if prefix in leads:
                    found.append(Repeat(start, segments[last - 1][1], prefix, times))
                    following = last
                    break
        index = following
    return found


def _smallest_period(run: str) -> str:
    """The shortest unit whose repetition is ``run`` (``run`` itself if none)."""
    for size in range(1, len(run) // 2 + 1):
        if len(run) % size == 0 and run[:size] * (len(run) // size) == run:
            return run[:size]
    return run


@cache
def _lower(leads: frozenset[str]) -> frozenset[str]:
    return frozenset(lead.lower() for lead in leads)


def _find_latin(text: str, leads: frozenset[str]) -> list[Repeat]:
    lower_leads = _lower(leads)
    found: list[Repeat] = []
    padded = _padded(text)
    for match in _SPACED_REPEAT.finditer(padded):
        unit = match.group(1)
        start, end = match.start(1) - 1, match.end() - 1
        times = len(_SPACES.split(text[start:end])) // len(_SPACES.split(unit))
        if times >= 3 or unit.lower() in lower_leads:
            found.append(Repeat(start, end, unit, times))
    for start, end in _glued_repeats(text):
        # The pattern may settle on a unit that is itself doubled ("ссылаясь нассылаясь на"
        # for "ссылаясь на" drawn 4 times): the run's smallest period is the phrase.
        unit = _smallest_period(text[start:end])
        times = (end - start) // len(unit)
        if times >= 3 or unit.lower() in lower_leads:
            found.append(Repeat(start, end, unit, times))
    for start, end in _letter_by_letter(text):
        token = text[start:end]
        for times in (4, 3, 2):
            collapsed = token[::times]
            if len(token) % times == 0 and "".join(ch * times for ch in collapsed) == token:
                if times >= 3 or collapsed.lower() in lower_leads:
                    found.append(Repeat(start, end, collapsed, times))
                break
    return found


def _period_length(word: str) -> int:
    """The length of the shortest ``p`` with ``word[i] == word[i + p]`` throughout
    (the prefix function of Knuth, Morris and Pratt: one pass)."""
    border = [0] * len(word)
    for i in range(1, len(word)):
        k = border[i - 1]
        while k and word[i] != word[k]:
            k = border[k - 1]
        border[i] = k + 1 if word[i] == word[k] else 0
    return len(word) - border[-1]


# A word whose first three letters come again later in it: the only words that can be
# a unit of three letters or more drawn several times ("RecallingRecalling"). Tried at
# word starts only, so one pass over each word.
# (Over the padded text, as the spaced scan.)
_PERIODIC_CANDIDATE = re.compile(f"[^{_LETTER}]([{_LETTER}]{{3}})[{_LETTER}]*?\\1")
# Where a glued repeat over several words may start: a word of three letters or more.
_GLUED_MULTI_START = re.compile(f"[^{_LETTER}](?=[{_LETTER}]{{3}})" + _GLUED_MULTI.pattern)
# A word that opens with a doubled letter: the only words drawn letter by letter.
_DOUBLED_START = re.compile(f"[^{_LETTER}]([{_LETTER}])\\1")


def _padded(text: str) -> str:
    """The text after a space: every word of it follows a non-letter."""
    return " " + text


def _periodic_words(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each word that is a unit of three letters or more drawn several
    times, in order."""
    for candidate in _PERIODIC_CANDIDATE.finditer(_padded(text)):
        start = candidate.start(1) - 1
        end = _LETTER_RUN.match(text, start).end()  # type: ignore[union-attr]
        letters = text[start:end]
        length = end - start
        period = _period_length(letters)
        if (
            length % period == 0
            and period < length
            and any(k >= 3 and length % k == 0 for k in range(period, length, period))
        ):
            yield start, end


def _glued_repeats(text: str) -> Iterator[tuple[int, int]]:
    """Glued repeats, (start, end) in order: the spans the pattern
    ``(?<![L])([L]{3,}?(?:[ \\t]+[L]+){0,3}?)\\1+(?![L])`` finds (L a letter).

    That pattern tried every unit length inside a long word, and each time matched the
    copies to the word's end again: quadratic on a long run of one letter. A match starts
    at a word and, with a unit inside that word, covers exactly the word: the word is the
    unit drawn several times, whose shortest length (3 or more) follows from the word's
    period. Only when no unit inside the word fits does the pattern go on with units
    over several words, which :data:`_GLUED_MULTI` tries with the first word whole.
    Both kinds of start are found by the regular-expression engine (a Python loop over
    every word cost a fifth of rule A001's time); where both start at one word, the
    word's own period wins, as in the pattern.
    """
    periodic = _periodic_words(text)
    next_periodic = next(periodic, None)
    padded = _padded(text)
    position = 0
    while True:
        while next_periodic is not None and next_periodic[0] < position:
            next_periodic = next(periodic, None)
        # From ``position`` of the padded text: the character before the text's
        # ``position`` may be the one before a word that starts there.
        found = _GLUED_MULTI_START.search(padded, position)
        multi = None if found is None else (found.start(1) - 1, found.end() - 1)
        if next_periodic is not None and (multi is None or next_periodic[0] <= multi[0]):
            yield next_periodic
            position = next_periodic[1]
        elif multi is not None:
            yield multi
            position = multi[1]
        else:
            return


def _letter_by_letter(text: str) -> Iterator[tuple[int, int]]:
    """What ``(?<![L])(?:([L])\\1+){3,}(?![L])`` finds (L a letter): words made of three
    or more letters each drawn twice or more. The pattern split long runs of one letter
    in every possible way before failing (exponential: 'a' x 44 + 'b' took minutes): a
    word qualifies when each run of one letter is two or longer and the runs hold
    three pairs or more. Only words that open with a doubled letter are looked at."""
    for opening in _DOUBLED_START.finditer(_padded(text)):
        word = _LETTER_RUN.match(text, opening.start(1) - 1)
        assert word is not None  # the opening is two letters
        letters = word.group()
        # Three pairs or more, and the last letter doubled: a cheap test that almost
        # every word fails before its runs are counted.
        if len(letters) < 6 or letters[-1] != letters[-2]:
            continue
        runs = [len(list(group)) for _, group in groupby(letters)]
        if min(runs) >= 2 and sum(run // 2 for run in runs) >= 3:
            yield word.span()


_HAS_CJK = re.compile(f"[{_CJK}]")
_HAS_LETTERS = re.compile(f"[{_LETTER}]{{3}}")


def find_repeats(text: str, leads: frozenset[str] = frozenset()) -> list[Repeat]:
    """Every damaged run in ``text``, in order. ``leads`` are the lexicon's lead phrases."""
    # Each scan only where its script occurs: most texts and lines have one script.
    cjk = _find_cjk(text, leads) if _HAS_CJK.search(text) else []
    latin = _find_latin(text, leads) if _HAS_LETTERS.search(text) else []
    found = sorted(cjk + latin, key=lambda r: r.start)
    kept: list[Repeat] = []
    for repeat in found:  # the shapes can overlap ("RecallingRecalling Recalling…")
        if not kept or repeat.start >= kept[-1].end:
            kept.append(repeat)
    return kept


def collapse(text: str, leads: frozenset[str] = frozenset()) -> str:
    """``text`` with every damaged run replaced by its phrase."""
    pieces: list[str] = []
    position = 0
    for repeat in find_repeats(text, leads):
        pieces.append(text[position : repeat.start])
        pieces.append(repeat.phrase)
        position = repeat.end
    pieces.append(text[position:])
    return "".join(pieces)
