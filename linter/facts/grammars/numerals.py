"""Numbers written in words or Chinese numerals, and the session ordinals that use them.

Rule D006 compares "Sixty-sixth Session" or "第六十六届会议" with the figures beside them
(``A/66/25``); the Official Records and calendar checks need the session number itself.
Each language's words and phrases are data (``rules/data/numerals/<lang>.toml``); the
``system`` key there names the reader: ``chinese`` (数字 and 位), ``words`` (tens and
units words, English) or ``table`` (every inflected form listed: French, Spanish, Russian,
Arabic).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from linter.facts.grammars import _chinese_numerals, _data, _table_numerals, _word_numerals
from linter.facts.grammars._roman import roman_value, to_roman
from linter.facts.grammars._template import (
    GAP,
    SP,
    Slot,
    initial_scan,
    plain_first,
    scan_pattern,
)
from linter.source.frozen import record

if TYPE_CHECKING:
    import pyparsing as pp

__all__ = [
    "NumeralMatch",
    "WordsWithFigure",
    "find_session_numerals",
    "find_words_with_figures",
    "ordinal_slot",
    "parse_cardinal_words",
    "parse_chinese_numeral",
    "parse_meeting_number",
    "parse_ordinal",
    "parse_ordinal_words",
    "roman_value",
    "to_cardinal_words",
    "to_chinese_numeral",
    "to_ordinal_words",
    "to_roman",
]


def parse_chinese_numeral(text: str, language: str = "zh") -> int | None:
    """``二十二`` → 22, ``一百零五`` → 105, ``二〇一二`` → 2012; None if not a numeral."""
    return _chinese_numerals.parse(text, language)


def to_chinese_numeral(n: int, language: str = "zh") -> str:
    """The canonical Chinese numeral of ``n``: 22 → ``二十二``, 105 → ``一百零五``."""
    return _chinese_numerals.format_number(n, language)


def parse_ordinal_words(text: str, language: str = "en") -> int | None:
    """``Sixty-sixth`` → 66, ``eightieth`` → 80 (any case, hyphen or space); else None."""
    return _word_numerals.parse(text, language, ordinal=True)


def parse_cardinal_words(text: str, language: str = "en") -> int | None:
    """``sixty-six`` → 66, ``one hundred and five`` → 105; else None."""
    return _word_numerals.parse(text, language, ordinal=False)


def to_ordinal_words(n: int, language: str = "en", *, capitalize: bool = False) -> str:
    """66 → ``sixty-sixth`` (``Sixty-sixth`` with ``capitalize``, as in Official Records)."""
    words = _word_numerals.format_number(n, language, ordinal=True)
    return words[:1].upper() + words[1:] if capitalize else words


def to_cardinal_words(n: int, language: str = "en") -> str:
    """66 → ``sixty-six``."""
    return _word_numerals.format_number(n, language, ordinal=False)


@record(slots=False)
class _System:
    """How one numeral system is scanned and read."""

    words_regex: Callable[[str], str]
    parse_words: Callable[[str, str], int | None]
    words_parser: Callable[[str], pp.ParserElement]
    cardinal_regex: Callable[[str], str]
    parse_cardinal: Callable[[str, str], int | None]
    #: What ``words_regex`` can begin with (one character).
    initials: Callable[[str], str]


def _chinese_words_regex(language: str) -> str:
    # Chinese wraps anywhere, inside a numeral too.
    cls = _chinese_numerals.character_class(language)
    return f"{cls}(?:{GAP}{cls})*"


def _chinese_words_parser(language: str) -> pp.ParserElement:
    return _chinese_numerals.parser(language)


def _word_ordinal_parser(language: str) -> pp.ParserElement:
    return _word_numerals.parsers(language)[1]


_SYSTEMS: dict[str, _System] = {
    "chinese": _System(
        words_regex=_chinese_words_regex,
        parse_words=_chinese_numerals.parse,
        words_parser=_chinese_words_parser,
        cardinal_regex=_chinese_words_regex,
        parse_cardinal=_chinese_numerals.parse,
        initials=_chinese_numerals.character_class,
    ),
    "words": _System(
        words_regex=_word_numerals.ordinal_regex,
        parse_words=parse_ordinal_words,
        words_parser=_word_ordinal_parser,
        cardinal_regex=_word_numerals.cardinal_regex,
        parse_cardinal=parse_cardinal_words,
        initials=_word_numerals.ordinal_initials,
    ),
    "table": _System(
        words_regex=_table_numerals.ordinal_regex,
        parse_words=_table_numerals.parse_ordinal,
        words_parser=_table_numerals.ordinal_parser,
        cardinal_regex=_table_numerals.cardinal_regex,
        parse_cardinal=_table_numerals.parse_cardinal,
        initials=_table_numerals.ordinal_initials,
    ),
}


def _system(language: str) -> _System:
    return _SYSTEMS[_data.numerals(language)["system"]]


def _figure_regex(language: str) -> str:
    return str(_data.numerals(language).get("figure_ordinal", r"\d{1,3}"))


def parse_meeting_number(text: str, language: str) -> int | None:
    """A meeting number in figures (``8401``, ``٨٤٠١``) or in the language's numerals
    (``一四八一``, ``二一〇七``: older Chinese texts); None if it reads as neither."""
    text = text.strip()
    if text.isdecimal():
        return int(text)
    if not _data.has_numerals(language) or _data.numerals(language)["system"] != "chinese":
        return None
    return _chinese_numerals.parse(text, language)


def parse_ordinal(text: str, language: str) -> tuple[int, str] | None:
    """``(value, form)`` of an ordinal in words or figures; form is "words" or "figures"."""
    figures = re.fullmatch(r"(\d+)\D*", text.strip())
    if figures:
        return int(figures.group(1)), "figures"
    value = _system(language).parse_words(text, language)
    return None if value is None else (value, "words")


@cache
def ordinal_slot(language: str) -> Slot:
    """The ``{ordinal}`` slot of templates: a number in words or in figures."""
    system = _system(language)
    pattern = f"{system.words_regex(language)}|{_figure_regex(language)}"

    def build() -> pp.ParserElement:
        import pyparsing as pp

        figures = pp.Regex(r"\d+").set_parse_action(lambda tok: int(tok[0]))
        suffix = pp.Opt(pp.Regex(r"[^\W\d_]+")).suppress()  # 66th, 1st
        return (figures + suffix) | system.words_parser(language)

    figure = _figure_regex(language)
    first = f"{system.initials(language)}|\\d" if figure.startswith(r"\d") else None
    return Slot(pattern=pattern, build=build, first=first)


@record
class NumeralMatch:
    """A session (or year) ordinal found in a text.

    ``start``/``end`` cover the phrase (``第二十二届会议``, ``Sixty-sixth session``);
    ``value_start``/``value_end`` the number itself (``二十二``, ``Sixty-sixth``). ``kind`` is
    one of ``session``, ``special_session``, ``emergency_special_session``, ``year``
    (Security Council Official Records: "Fifteenth Year", 第十五年) or ``edition``
    (第十二届 before another noun). ``form`` is ``words`` or ``figures``.
    """

    start: int
    end: int
    text: str
    value: int
    kind: str
    form: str
    value_start: int
    value_end: int


@cache
def _session_scanner(language: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    data = _data.numerals(language)
    slot = ordinal_slot(language)
    kinds: list[str] = []
    branches: list[str] = []
    firsts: list[str | None] = []
    for i, phrase in enumerate(data.get("session_phrases", [])):
        body = (
            phrase["pattern"]
            .replace("{ordinal}", f"(?P<o{i}>{slot.pattern})")
            .replace("{gap}", GAP)
            .replace("{sp}", SP)
        )
        branches.append(body)
        opens = phrase["pattern"].startswith("{ordinal}")
        firsts.append(slot.first if opens else plain_first(body))
        kinds.append(phrase["kind"])
    if not branches:
        return re.compile(r"(?!)"), ()
    return re.compile(scan_pattern(branches, firsts)), tuple(kinds)


@cache
def _session_prefilter(language: str) -> re.Pattern[str]:
    words = _data.numerals(language).get("session_keywords", [])
    if not words or not all(words):
        # No keywords in the data: every position may start a phrase (slow, but complete).
        return re.compile("|".join(re.escape(w) for w in words) or r"\w", re.IGNORECASE)
    # The keywords in any case, written to open with a class (skipped to in C).
    return re.compile(initial_scan([(w[0], re.escape(w[1:])) for w in words], ignore_case=True))


#: A session phrase holds no punctuation but hyphens: a window ends at any other.
_PUNCTUATION = re.compile(r"[^\w\s\-\u2010\u2011]")
#: Up to the last punctuation of a stretch: one match, not a loop over every mark.
_LAST_PUNCTUATION = re.compile(rf"[\s\S]*{_PUNCTUATION.pattern}")
_REACH = 200


def _windows(text: str, language: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` around each session keyword, without punctuation inside.

    Scanning the whole text with the phrase pattern costs a try at every position (the
    slowest scan of reslint on English); a phrase holds a keyword ("session", 届) and no
    punctuation, so only the stretch between the punctuation around a keyword can hold one.
    """
    windows: list[tuple[int, int]] = []
    covered = 0
    for keyword in _session_prefilter(language).finditer(text):
        if keyword.start() < covered:
            continue
        lo = max(0, keyword.start() - _REACH)
        last = _LAST_PUNCTUATION.match(text, lo, keyword.start())
        lo = max(last.end() if last is not None else lo, covered)
        stop = _PUNCTUATION.search(text, keyword.end(), keyword.end() + _REACH)
        hi = stop.start() if stop is not None else min(len(text), keyword.end() + _REACH)
        windows.append((lo, hi))
        covered = hi
    return windows


def find_session_numerals(text: str, language: str) -> list[NumeralMatch]:
    """Every session ordinal phrase in ``text``, in order, with exact spans."""
    windows = _windows(text, language)
    if not windows:
        return []  # compile nothing: a start-up with no session phrase stays cheap
    pattern, kinds = _session_scanner(language)
    found: list[NumeralMatch] = []
    for lo, hi in windows:
        for m in pattern.finditer(text, lo, hi):
            index = next(i for i, _ in enumerate(kinds) if m.group(f"o{i}") is not None)
            group = f"o{index}"
            parsed = parse_ordinal(_collapse(m.group(group), language), language)
            if parsed is None:
                continue
            value, form = parsed
            found.append(
                NumeralMatch(
                    start=m.start(),
                    end=m.end(),
                    text=m.group(),
                    value=value,
                    kind=kinds[index],
                    form=form,
                    value_start=m.start(group),
                    value_end=m.end(group),
                )
            )
    return found


def _collapse(text: str, language: str) -> str:
    """Undo a line wrap inside a number ("sixty-\\nninth", "二十\\n二")."""
    text = re.sub(r"(?<=[-\u2010\u2011])\s+", "", text)
    joiner = "" if _data.numerals(language).get("wraps_within_words") else " "
    return re.sub(r"\s+", joiner, text)


@record
class WordsWithFigure:
    """A number in words followed by the same number in figures: ``twenty-two (22)``.

    ``value`` is read from the words (``value_start``/``value_end``), ``figure`` from the
    parenthesis (``figure_start``/``figure_end``); rule D006 reports them when they differ.
    """

    start: int
    end: int
    text: str
    value: int
    value_start: int
    value_end: int
    figure: int
    figure_start: int
    figure_end: int


@cache
def _words_with_figure_scanner(language: str) -> re.Pattern[str]:
    words = _system(language).cardinal_regex(language)
    return re.compile(rf"(?P<words>{words})[ \u00a0]?[(（](?P<figure>\d{{1,4}})[)）]")


_FIGURE = re.compile(r"[(（]\d{1,4}[)）]")
#: A number in words is shorter than this ("nine hundred and ninety-nine" has 28 letters).
_WORDS_REACH = 120


def find_words_with_figures(text: str, language: str) -> list[WordsWithFigure]:
    """Every number written in words (or Chinese numerals) and then in figures in brackets.

    Only the stretch before each bracketed figure is scanned: a number in words ends there.
    """
    found: list[WordsWithFigure] = []
    for figure in _FIGURE.finditer(text):
        system = _system(language)
        scanner = _words_with_figure_scanner(language)
        lo = max(0, figure.start() - _WORDS_REACH, found[-1].end if found else 0)
        matches = list(scanner.finditer(text, lo, figure.end()))
        m = matches[-1] if matches else None
        if m is None or m.end() != figure.end():
            continue
        value = system.parse_cardinal(_collapse(m.group("words"), language), language)
        if value is None:
            continue
        found.append(
            WordsWithFigure(
                start=m.start(),
                end=m.end(),
                text=m.group(),
                value=value,
                value_start=m.start("words"),
                value_end=m.end("words"),
                figure=int(m.group("figure")),
                figure_start=m.start("figure"),
                figure_end=m.end("figure"),
            )
        )
    return found
