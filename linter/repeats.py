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

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RUN = re.compile(f"[{_CJK}]{{2,}}")
# Alphabetic words of the spaced scripts (Latin, Greek, Cyrillic, Arabic); CJK has its own scan.
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff]+")
_MAX_UNIT = 16  # the longest lead phrase or body name, in characters
_MAX_PHRASE_WORDS = 4


@dataclass(frozen=True, slots=True)
class Repeat:
    """A damaged run: ``text[start:end]`` should read ``phrase``."""

    start: int
    end: int
    phrase: str
    times: int


def _repetitions(text: str, start: int, length: int, limit: int) -> int:
    unit = text[start : start + length]
    times = 1
    position = start + length
    while position + length <= limit and text[position : position + length] == unit:
        times += 1
        position += length
    return times


def _cjk_segments(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Split a CJK run into (position, times, unit) segments, smallest units first."""
    segments: list[tuple[int, int, str]] = []
    position = start
    while position < end:
        best_length, best_times = 1, 1
        for length in range(1, min(_MAX_UNIT, end - position) + 1):
            if position + 2 * length > end:
                break
            times = _repetitions(text, position, length, end)
            if times >= 2:
                best_length, best_times = length, times
                break
        segments.append((position, best_times, text[position : position + best_length]))
        position += best_length * best_times
    return segments


def _find_cjk(text: str, leads: frozenset[str]) -> list[Repeat]:
    found: list[Repeat] = []
    for match in _CJK_RUN.finditer(text):
        segments = _cjk_segments(text, match.start(), match.end())
        index = 0
        while index < len(segments):
            position, times, unit = segments[index]
            if times < 2:
                index += 1
                continue
            # Merge neighbouring segments drawn the same number of times.
            phrase = unit
            end = position + len(unit) * times
            following = index + 1
            while following < len(segments) and segments[following][1] == times:
                phrase += segments[following][2]
                end += len(segments[following][2]) * times
                following += 1
            if times >= 3 or phrase in leads:
                found.append(Repeat(position, end, phrase, times))
            index = following
    return found


def _find_latin(text: str, leads: frozenset[str]) -> list[Repeat]:
    found: list[Repeat] = []
    words = list(_LATIN_WORD.finditer(text))
    lower_leads = {lead.lower() for lead in leads}
    index = 0
    while index < len(words):
        word = words[index]
        token = word.group()
        glued = _glued_repeat(token, lower_leads)
        if glued is not None:
            unit, times = glued
            found.append(Repeat(word.start(), word.end(), unit, times))
            index += 1
            continue
        phrase_hit = _phrase_repeat(text, words, index, lower_leads)
        if phrase_hit is not None:
            repeat, consumed = phrase_hit
            found.append(repeat)
            index += consumed
            continue
        index += 1
    return found


def _glued_repeat(token: str, lower_leads: set[str]) -> tuple[str, int] | None:
    """``RecallingRecalling`` (unit drawn glued) or ``RReeccaalllliinngg`` (each letter)."""
    if len(token) < 6:
        return None
    for length in range(3, len(token) // 2 + 1):
        if len(token) % length:
            continue
        unit = token[:length]
        times = len(token) // length
        if unit * times == token and (times >= 3 or unit.lower() in lower_leads):
            return unit, times
    for times in (4, 3, 2):
        if len(token) % times:
            continue
        collapsed = token[::times]
        if "".join(ch * times for ch in collapsed) == token and (
            times >= 3 or collapsed.lower() in lower_leads
        ):
            return collapsed, times
    return None


def _phrase_repeat(
    text: str, words: list[re.Match[str]], index: int, lower_leads: set[str]
) -> tuple[Repeat, int] | None:
    """A phrase of 1-4 words said again and again, separated by spaces only."""
    for size in range(1, _MAX_PHRASE_WORDS + 1):
        if index + 2 * size > len(words):
            break
        unit = [w.group() for w in words[index : index + size]]
        times = 1
        while index + (times + 1) * size <= len(words):
            candidate = words[index + times * size : index + (times + 1) * size]
            previous_end = words[index + times * size - 1].end()
            if [w.group() for w in candidate] != unit or text[
                previous_end : candidate[0].start()
            ].strip():
                break
            # Inside a phrase the words must be separated by spaces only, too.
            times += 1
        if times < 2:
            continue
        phrase = text[words[index].start() : words[index + size - 1].end()]
        if times >= 3 or phrase.lower() in lower_leads:
            end = words[index + times * size - 1].end()
            return Repeat(words[index].start(), end, phrase, times), times * size
    return None


def find_repeats(text: str, leads: frozenset[str] = frozenset()) -> list[Repeat]:
    """Every damaged run in ``text``, in order. ``leads`` are the lexicon's lead phrases."""
    found = _find_cjk(text, leads) + _find_latin(text, leads)
    found.sort(key=lambda repeat: repeat.start)
    return found


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
