"""Reading an Official Records citation from the scan's own match, without pyparsing.

The scan (:func:`linter.facts.grammars.records._scanner`) puts a named group around each
part of a citation: the body's title, each period template (so which one matched is
known) with its ordinal or year, the supplement and the symbols. This module reads the
values from those groups with the functions the grammar's parse actions use, or with
tables the grammar is tested to agree with, so that an ordinary text never imports
pyparsing (some 20 ms of a pre-commit hook's run, and the grammar's construction).

The grammar reads a candidate differently from the regular expression in one way: its
choices do not backtrack (the first title, period, or ordinal form that matches is kept,
and if the rest then fails, the citation is not read). So each value is taken only when
the grammar is sure to have made the same choice; otherwise :func:`read` returns None and
the caller asks the grammar, which stays the reference
(``tests/grammars/test_fast_paths.py`` holds both paths to the same answers).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from functools import cache
from typing import Any, ParamSpec

from linter.facts.grammars import _chinese_numerals, _data, _table_numerals, _word_numerals
from linter.facts.grammars._template import Slot, _tokens
from linter.source.frozen import record

_Args = ParamSpec("_Args")

#: The slots whose text the fast path reads (each gets a named group in the scan).
_READ = ("body", "supplement", "symbols", "ordinal", "year")
_DIGITS = re.compile(r"\d+")
_LETTERS = re.compile(r"[^\W\d_]+")
_SUPPLEMENT = re.compile(r"\d{1,3}")
_YEAR = re.compile(r"\d{4}")

Located = tuple[Any, int, int]
Parsed = tuple[Located, Located, Located | None, Located | None]


@record(slots=False)
class Period:
    """A citation's period: its kind and the number it names."""

    kind: str
    value: int


def valued(slots: dict[str, Slot]) -> dict[str, Slot]:
    """``slots`` with a value reader on those the fast path reads, so that the scan's
    :func:`~linter.facts.grammars._template.to_regex` puts a named group around them."""
    return {
        name: dataclasses.replace(slot, value=str) if name in _READ else slot
        for name, slot in slots.items()
    }


def _squash(text: str, wrap: bool) -> str:
    joined = "".join(text.split())
    return joined if wrap else joined.upper()


@cache
def _titles(language: str, titles: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    wrap = _wrap(language)
    return tuple((_squash(title, wrap), body) for title, body in titles)


def _wrap(language: str) -> bool:
    return bool(_data.numerals(language).get("wraps_within_words", False))


def _body(candidate: str, start: int, end: int, language: str, titles: dict[str, str]) -> Any:
    """The body id of the title at ``candidate[start:end]``, if the grammar's first choice
    (titles longest first, any case, white space anywhere) is that title too."""
    wrap = _wrap(language)
    own = _squash(candidate[start:end], wrap)
    rest = _squash(candidate[start:], wrap)
    for squashed, body in _titles(language, tuple(titles.items())):
        if rest.startswith(squashed):  # the grammar would take this one
            return body if squashed == own else None
    return None


@cache
def _ordinal_run(language: str) -> re.Pattern[str]:
    """The table system's ordinal regex, as the grammar's ``pp.Regex`` runs it."""
    return re.compile(_table_numerals.ordinal_regex(language))


def _figures_end(text: str, at: int) -> int | None:
    """Where the grammar's ordinal in figures ends: digits, then an optional run of
    letters after optional white space (``66th``, but also ``66 Session`` whole). When
    the letters are not there, the optional element still skipped the white space: the
    element (and a period that ends with it) ends after that white space."""
    digits = _DIGITS.match(text, at)
    if digits is None:
        return None
    after = _skip(text, digits.end())
    letters = _LETTERS.match(text, after)
    return letters.end() if letters else after


def _ordinal(candidate: str, start: int, end: int, language: str) -> tuple[int, int] | None:
    """``(value, end)``: the ordinal at ``candidate[start:end]`` and where the grammar's
    element reading it ends; None when unsure."""
    text = candidate[start:end]
    if text[:1].isdecimal():
        figures_end = _figures_end(candidate, start)
        digits = _DIGITS.match(text)
        if figures_end is None or digits is None:
            return None
        return int(digits.group()), figures_end
    system = _data.numerals(language)["system"]
    if system == "table":
        run = _ordinal_run(language).match(candidate, start)
        if run is None or run.end() != end:  # the grammar's regex would take more
            return None
        value = _table_numerals.parse_ordinal(text, language)
        return None if value is None else (value, end)
    if system == "chinese":
        if candidate[end : end + 1].isspace():
            return None  # the numeral's grammar may end in an optional part: past the space
        value = _chinese_numerals.fast_parse(text, language)
    else:
        value = _word_numerals.fast_parse(text, language, ordinal=True)
    return None if value is None else (value, end)


@cache
def _symbols_run(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


Spans = dict[str, tuple[int, int]]


def _skip(text: str, at: int) -> int:
    """Past white space, as pyparsing skips it before each element (every white space
    is pyparsing's once ``for_pyparsing`` has mapped it)."""
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def _literal(text: str, at: int, literal: str, wrap: bool) -> int | None:
    """Where the grammar's element of ``literal`` (``_template._literal_parser``) ends."""
    for word in literal.split(" "):
        caseless = not wrap and any(c.isalpha() for c in word)
        for piece in word if wrap else ([word] if word else []):
            at = _skip(text, at)
            chunk = text[at : at + len(piece)]
            if (chunk.upper() != piece.upper()) if caseless else (chunk != piece):
                return None
            at += len(piece)
    return at


def _choice(text: str, at: int, choices: tuple[str, ...], wrap: bool) -> int | None:
    """The grammar's choice among literals: the first that matches, longest first; an
    empty choice makes it optional. No backtracking into another choice afterwards."""
    for option in sorted(choices, key=len, reverse=True):
        if option.strip():
            end = _literal(text, at, option, wrap)
            if end is not None:
                return end
    return at if any(not option.strip() for option in choices) else None


class _Unsure(Exception):
    """The grammar's reading here cannot be told without running it."""


def _slot_end(text: str, at: int, name: str, spans: Spans, units: dict[str, str]) -> int | None:
    """Where the grammar's element of slot ``name`` ends when it starts looking at ``at``."""
    at = _skip(text, at)
    if name in spans:
        start, end = spans[name]
        if at != start:  # the grammar would read it elsewhere than the scan did
            raise _Unsure
        return end
    if name in units:
        return at + len(units[name]) if text.startswith(units[name], at) else None
    if name == "year":
        year = _YEAR.match(text, at)
        return year.end() if year else None
    if name == "ordinal" and text[at : at + 1].isdecimal():
        return _figures_end(text, at)
    raise _Unsure


def _walk(
    text: str, at: int, template: str, spans: Spans, units: dict[str, str], wrap: bool
) -> int | None:
    """Where the grammar's reading of ``template`` from ``at`` ends (None: it fails); the
    extents of the slots the scan read are in ``spans``. Raises :class:`_Unsure`."""
    for token in _tokens(template):
        if token.kind == "space":
            continue
        if token.kind == "lit":
            found = _literal(text, at, token.value, wrap)
        elif token.kind == "alt":
            found = _choice(text, at, token.choices, wrap)
        else:
            found = _slot_end(text, at, token.value, spans, units)
        if found is None:
            return None
        at = found
    return at


def _units(language: str) -> dict[str, str]:
    from linter.source.lexicon import lexicon

    units: dict[str, str] = lexicon(language).extra.get("date_units", {})
    return {f"unit.{name}": unit for name, unit in units.items()}


def _period_end(
    text: str, periods: list[dict[str, str]], chosen: int, spans: Spans, language: str
) -> int | None:
    """Where the grammar's period ends, if its first matching period template is
    ``chosen`` (the scan's); else None."""
    wrap, units = _wrap(language), _units(language)
    start = spans["period"][0]
    for period in periods[:chosen]:
        if _walk(text, start, period["template"], spans, units, wrap) is not None:
            return None  # the grammar would take this earlier one
    return _walk(text, start, periods[chosen]["template"], spans, units, wrap)


def _none_when_unsure(reader: Callable[_Args, Parsed | None]) -> Callable[_Args, Parsed | None]:
    """The reader, answering None where it raises :class:`_Unsure`."""

    @functools.wraps(reader)
    def read(*args: _Args.args, **kwargs: _Args.kwargs) -> Parsed | None:
        try:
            return reader(*args, **kwargs)
        except _Unsure:
            return None

    return read


@_none_when_unsure
def read(
    match: re.Match[str],
    language: str,
    index: int,
    templates: tuple[str, ...],
    periods: list[dict[str, str]],
    titles: dict[str, str],
    symbols_pattern: str,
) -> Parsed | None:
    """``(body, period, supplement, symbols)`` as the grammar's parse of template
    ``index`` gives them (values and spans relative to the match), or None when the fast
    path cannot be sure the grammar would read the candidate so."""
    candidate, base, prefix = match.group(), match.start(), f"r{index}_"
    groups = match.re.groupindex

    def span(name: str) -> tuple[int, int] | None:
        if prefix + name not in groups:  # the template has no such slot
            return None
        start, end = match.span(prefix + name)
        return None if start < 0 else (start - base, end - base)

    spans: Spans = {}
    for name in ("body", "period", "supplement", "symbols"):
        found = span(name)
        if found is not None:
            spans[name] = found
    if "body" not in spans or "period" not in spans:
        return None
    body = _body(candidate, *spans["body"], language, titles)
    chosen = next((j for j in range(len(periods)) if span(f"p{j}") is not None), None)
    if body is None or chosen is None:
        return None
    name = "ordinal" if "{ordinal}" in periods[chosen]["template"] else "year"
    value_span = span(f"p{chosen}_{name}")
    if value_span is None:
        return None
    if name == "ordinal":
        read = _ordinal(candidate, *value_span, language)
        if read is None:
            return None
        value, value_end = read
    else:
        value, value_end = int(candidate[value_span[0] : value_span[1]]), value_span[1]
    with_value = {**spans, name: (value_span[0], value_end)}
    period_end = _period_end(candidate, periods, chosen, with_value, language)
    if period_end is None:
        return None
    spans["period"] = (spans["period"][0], period_end)
    for slot, pattern in (("supplement", _SUPPLEMENT), ("symbols", _symbols_run(symbols_pattern))):
        if slot in spans:  # the grammar's regex, run alone, must end where the scan's did
            run = pattern.match(candidate, spans[slot][0])
            if run is None or run.end() != spans[slot][1]:
                return None
    end = _walk(candidate, 0, templates[index], spans, _units(language), _wrap(language))
    if end is None or _skip(candidate, end) != len(candidate):
        return None
    period: Located = (Period(periods[chosen]["kind"], value), *spans["period"])
    supplement = spans.get("supplement")
    symbols = spans.get("symbols")
    return (
        (body, *spans["body"]),
        period,
        (int(candidate[supplement[0] : supplement[1]]), *supplement) if supplement else None,
        (candidate[symbols[0] : symbols[1]], *symbols) if symbols else None,
    )
