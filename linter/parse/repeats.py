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
from dataclasses import dataclass
from functools import cache
from math import gcd

_SPACES = re.compile(r"[ \t]+")

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_LETTER = r"A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff"
_MAX_UNIT = 16  # the longest lead phrase or body name, in characters
# The regular-expression engine finds the candidates: a unit (smallest first) followed
# by itself. Python only looks at what these find.
_CJK_REPEAT = re.compile(f"([{_CJK}]{{1,{_MAX_UNIT}}}?)\\1+")
_WORD = f"[{_LETTER}]++"  # possessive: a word never backtracks into a shorter word
_SPACED_REPEAT = re.compile(
    f"(?<![{_LETTER}])({_WORD}(?:[ \\t]+{_WORD}){{0,3}}?)(?:[ \\t]+\\1)+(?![{_LETTER}])"
)
# A multi-word lead drawn twice is glued too: "Bearing in mindBearing in mind".
# Here the last word may end inside a letter run ("mindBearing"): no possessive word.
_GLUED_REPEAT = re.compile(
    f"(?<![{_LETTER}])([{_LETTER}]{{3,}}?(?:[ \\t]+[{_LETTER}]+){{0,3}}?)\\1+(?![{_LETTER}])"
)
_LETTER_BY_LETTER = re.compile(f"(?<![{_LETTER}])(?:([{_LETTER}])\\1+){{3,}}(?![{_LETTER}])")


@dataclass(frozen=True, slots=True)
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
    for match in _SPACED_REPEAT.finditer(text):
        unit = match.group(1)
        times = len(_SPACES.split(match.group())) // len(_SPACES.split(unit))
        if times >= 3 or unit.lower() in lower_leads:
            found.append(Repeat(match.start(), match.end(), unit, times))
    for match in _GLUED_REPEAT.finditer(text):
        # The engine may settle on a unit that is itself doubled ("ссылаясь нассылаясь на"
        # for "ссылаясь на" drawn 4 times): the run's smallest period is the phrase.
        unit = _smallest_period(match.group())
        times = len(match.group()) // len(unit)
        if times >= 3 or unit.lower() in lower_leads:
            found.append(Repeat(match.start(), match.end(), unit, times))
    for match in _LETTER_BY_LETTER.finditer(text):
        token = match.group()
        for times in (4, 3, 2):
            collapsed = token[::times]
            if len(token) % times == 0 and "".join(ch * times for ch in collapsed) == token:
                if times >= 3 or collapsed.lower() in lower_leads:
                    found.append(Repeat(match.start(), match.end(), collapsed, times))
                break
    return found


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
