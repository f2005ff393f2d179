"""Numbers of cited acts in running text: ``resolution 66/181``, ``第 66/181 号决议``.

Rules D002, D004 and D007 check cited resolutions and decisions against their dates and
each other; they need each number parsed by scheme (``66/181`` session/number, ``2012/18``
year/number, ``1454 (2002)`` Council number and year, ``2200 A (XXI)`` old Assembly number,
part and roman session), the date attached to it (``of 19 December 2011``,
``2011年 12月 19日…的第 66/181 号决议``) and the body named before it.

Numbers are only taken where a noun makes them acts ("resolution", 决议): a bare ``5/5`` is
as likely a page number. The nouns, list separators and where the noun stands are data
(``[acts]`` in ``rules/data/numerals/<lang>.toml``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from linter.facts.grammars import dates
from linter.facts.grammars._template import (
    GAP,
    LETTER,
    NO_LETTER_AFTER,
    SP,
    initial_scan,
)
from linter.facts.grammars.act_numbers import (
    ResolutionNumber,
    acts_table,
    item_regex,
    listed,
    parse_act_number,
    word_initials,
    words_regex,
    wraps_within_words,
)
from linter.facts.grammars.bodies import body_names_regex, lookup_body

__all__ = ["ResolutionNumber", "find_resolution_numbers", "parse_act_number"]


def _place(act: ResolutionNumber, start: int, text: str, **extra: Any) -> ResolutionNumber:
    from dataclasses import replace

    return replace(act, start=start, end=start + len(act.text), text=text, **extra)


@cache
def _item_pattern(language: str) -> re.Pattern[str]:
    return re.compile(item_regex(language))


@cache
def _body_at_end(language: str) -> re.Pattern[str]:
    """A body's name ending a window (compiled once: the names are a long pattern)."""
    gap = GAP if wraps_within_words(language) else SP
    return re.compile(rf"(?:{body_names_regex(language)})(?:{gap})?\Z")


def _body_before(text: str, end: int, language: str) -> tuple[str | None, tuple[str, ...]]:
    window = text[max(0, end - 160) : end]
    m = _body_at_end(language).search(window)
    if m is None:
        return None, ()
    name = m.group().strip()
    return name, lookup_body(name, language)


@cache
def _noun_before_scanners(language: str) -> tuple[re.Pattern[str], ...]:
    acts = acts_table(language)
    nouns = word_initials(list(acts["nouns"]))
    separators = words_regex(acts.get("list_separators", []), False)
    # "resolution 66/181 of 19 December 2011"; "resolución 66/181, de 19 de diciembre".
    link = words_regex(listed(acts.get("date_link", [])), False)
    return (
        # rf"{NO_LETTER_BEFORE}(?i:{nouns}){NO_LETTER_AFTER}{SP}", opening with a class
        # (skipped to in C: the scan of every unit for nouns was a third of the acts).
        re.compile(rf"{initial_scan(nouns, ignore_case=True, lead=LETTER)}{NO_LETTER_AFTER}{SP}"),
        re.compile(item_regex(language)),
        re.compile(rf"(?:{SP}|{GAP},{GAP})(?:{link}){SP}" if link else "(?!)"),
        re.compile(rf"{GAP}(?:{separators}){GAP}"),
    )


def _find_noun_before(
    text: str, language: str, found_dates: Sequence[dates.DateMatch]
) -> list[ResolutionNumber]:
    """English and alike: "resolutions 53/199 of 15 December 1998 and 61/185"."""
    nouns = {k.lower(): v for k, v in acts_table(language)["nouns"].items()}
    noun_re, item_re, link_re, sep_re = _noun_before_scanners(language)
    found: list[ResolutionNumber] = []
    for noun in noun_re.finditer(text):
        kind = nouns[re.sub(r"\s+", " ", noun.group()).strip().lower()]
        body_text, body_ids = _body_before(text, noun.start(), language)
        pos = noun.end()
        while (item := item_re.match(text, pos)) is not None:
            act = parse_act_number(item.group(), language, kind)
            if act is None:
                break
            pos = item.end()
            date = None
            link = link_re.match(text, pos)
            if link is not None:
                date = _date_at(found_dates, link.end())
                if date is not None:
                    pos = date.end
            found.append(
                _place(
                    act,
                    item.start(),
                    item.group(),
                    phrase_start=noun.start(),
                    phrase_end=item.end(),
                    body_text=body_text,
                    body_ids=body_ids,
                    date=date,
                )
            )
            sep = sep_re.match(text, pos)
            if sep is None or item_re.match(text, sep.end()) is None:
                break
            pos = sep.end()
    return found


def _date_at(found_dates: Sequence[dates.DateMatch], pos: int) -> dates.DateMatch | None:
    """The full date (or range) that starts at ``pos``, if any."""
    index = bisect.bisect_left([d.start for d in found_dates], pos)
    if index < len(found_dates):
        date = found_dates[index]
        if date.start == pos and date.kind != "month":
            return date
    return None


@cache
def _noun_after_scanner(language: str) -> re.Pattern[str]:
    acts = acts_table(language)
    wrap = wraps_within_words(language)
    item = item_regex(language)
    prefix = words_regex(listed(acts["number_prefix"]), wrap)
    suffix = words_regex(listed(acts["number_suffix"]), wrap)
    separators = words_regex(acts.get("list_separators", []), wrap)
    nouns = words_regex(list(acts["nouns"]), wrap)
    return re.compile(
        rf"(?:{prefix}){GAP}(?P<items>{item}(?:{GAP}(?:{suffix})?{GAP}(?:{separators}){GAP}"
        rf"(?:(?:{prefix}){GAP})?{item})*){GAP}(?:{suffix}){GAP}(?P<noun>{nouns})"
    )


@cache
def _title_tail(language: str) -> re.Pattern[str]:
    acts = acts_table(language)
    opening, closing = re.escape(acts["title_open"]), re.escape(acts["title_close"])
    links = [words_regex([w], True) for w in acts.get("title_links", [])]
    first = f"(?:(?:{links[0]}){GAP})?" if links else ""
    last = f"(?:(?:{links[-1]}){GAP})?" if len(links) > 1 else ""
    return re.compile(rf"{first}(?:{opening}[^{opening}{closing}]*{closing}{GAP})?{last}\Z")


def _find_noun_after(
    text: str, language: str, found_dates: Sequence[dates.DateMatch]
) -> list[ResolutionNumber]:
    """Chinese and alike: "2011年 12月 19日题为“…”的第 66/181 号决议"."""
    nouns = {k: v for k, v in acts_table(language)["nouns"].items()}
    item_re = _item_pattern(language)
    found: list[ResolutionNumber] = []
    for m in _noun_after_scanner(language).finditer(text):
        kind = nouns[re.sub(r"\s+", "", m.group("noun"))]
        window_start = max(0, m.start() - 600)
        tail = _title_tail(language).search(text, window_start, m.start())
        cut = tail.start() if tail is not None else m.start()
        date = _date_before(found_dates, text, window_start, cut)
        body_text, body_ids = _body_before(text, date.start if date else cut, language)
        items = list(item_re.finditer(text, m.start("items"), m.end("items")))
        for item in items:
            act = parse_act_number(item.group(), language, kind)
            if act is not None:
                found.append(
                    _place(
                        act,
                        item.start(),
                        item.group(),
                        phrase_start=m.start(),
                        phrase_end=m.end(),
                        body_text=body_text,
                        body_ids=body_ids,
                        date=date if len(items) == 1 else None,
                    )
                )
    return found


def _date_before(
    found_dates: Sequence[dates.DateMatch], text: str, window_start: int, cut: int
) -> dates.DateMatch | None:
    """The full date that ends right before ``cut`` (white space between), if any."""
    for date in reversed(found_dates):
        if date.end > cut:
            continue
        if date.start < window_start or date.kind == "month" or text[date.end : cut].strip():
            return None
        return date
    return None


_STRATEGIES = {"before": _find_noun_before, "after": _find_noun_after}


def find_resolution_numbers(
    text: str, language: str, found_dates: Sequence[dates.DateMatch] | None = None
) -> list[ResolutionNumber]:
    """Every cited resolution or decision number in ``text``, in order, with exact spans.

    ``found_dates`` are the dates of ``text`` (:func:`linter.facts.grammars.dates.find_dates`)
    when the caller already has them; otherwise they are found here.
    """
    if found_dates is None:
        found_dates = dates.find_dates(text, language)
    strategy = _STRATEGIES[acts_table(language)["noun_position"]]
    return sorted(strategy(text, language, found_dates), key=lambda act: act.start)
