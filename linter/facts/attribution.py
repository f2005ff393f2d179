"""Which body adopted a cited act: the evidence of the text, or nothing.

A calendar check is only as good as the body it checks against: "resolution 65/1 of
18 March 2022" is fine for the Commission on Narcotic Drugs (its sixty-fifth session met in
2022) and impossible for the General Assembly. So an act is tied to a body only on evidence,
in this order:

1. the body named before the number (``大会…第 66/181 号决议``, "Human Rights Council
   resolution 19/1") or right after the list ("resolutions 5/1 and 5/2 of the Human Rights
   Council"); a short name ("the Commission", 委员会, "Council") is narrowed to the bodies
   whose numbering fits the number (``2012/18`` is no Commission's), then to the
   document's own body, then to the body its heading names (the recommendation line
   ``[根据预防犯罪和刑事司法委员会的建议…]``);
2. a numbering only one body uses (``1454 (2002)``: the Security Council; ``2012/18``:
   the Economic and Social Council);
3. a body named just before an unnamed act ("by the General Assembly in its resolution
   58/318");
4. the document's own body, when no other body is named in the sentence before.

Anything else stays unattributed (None), and no rule checks it.
"""

from __future__ import annotations

import re
from functools import cache

from linter.facts.grammars import _data
from linter.facts.grammars.acts import ResolutionNumber
from linter.facts.grammars.bodies import all_bodies, body, body_names_regex, lookup_body

__all__ = ["BodyResolver", "bodies_with_scheme", "body_named_before", "full_names_in"]

#: How close before an unnamed act a body must be named to be taken as its author.
_NEAR = 60
#: How far before an unnamed act another body's full name makes the author uncertain.
_LOOK_BEFORE = 250


@cache
def bodies_with_scheme(scheme: str) -> tuple[str, ...]:
    """Ids of the bodies that number their acts in ``scheme`` (in any period)."""
    return tuple(
        b.id for b in all_bodies() if any(p["scheme"] == scheme for p in body(b.id).numbering)
    )


@cache
def _names(language: str) -> re.Pattern[str]:
    return re.compile(body_names_regex(language))


@cache
def _full_names(language: str) -> dict[str, str]:
    """Every full name of ``language`` (spaces as the language writes them) → body id."""
    return {name: b.id for b in all_bodies() for name in b.names.get(language, ())}


def _normal(name: str, language: str) -> str:
    joiner = "" if _data.numerals(language).get("wraps_within_words") else " "
    return re.sub(r"\s+", joiner, name).strip()


def full_names_in(text: str, language: str) -> set[str]:
    """Ids of the bodies named in full in ``text`` (short names are not evidence here)."""
    table = _full_names(language)
    found = set()
    for match in _names(language).finditer(text):
        body_id = table.get(_normal(match.group(), language))
        if body_id is not None:
            found.add(body_id)
    return found


def body_named_before(text: str, start: int, language: str, reach: int = _NEAR) -> tuple[str, ...]:
    """Ids the last body name in the ``reach`` characters before ``start`` may denote."""
    matches = list(_names(language).finditer(text[max(0, start - reach) : start]))
    return lookup_body(matches[-1].group(), language) if matches else ()


@cache
def _after_regex(language: str) -> re.Pattern[str] | None:
    links: list[str] = _data.numerals(language)["acts"].get("body_links_after", [])
    if not links:
        return None
    words = "|".join(
        r"\s+".join(re.escape(w) for w in link.split())
        for link in sorted(links, key=len, reverse=True)
    )
    return re.compile(rf"[\s,]*(?:{words})\s+(?P<body>{body_names_regex(language)})")


def _body_after(text: str, end: int, language: str) -> tuple[str, ...]:
    regex = _after_regex(language)
    match = regex.match(text, end) if regex is not None else None
    return () if match is None else lookup_body(match.group("body"), language)


class BodyResolver:
    """Ties the acts of one document to bodies; ``own`` is the document's body."""

    def __init__(self, own: str | None, heading: str, language: str) -> None:
        self.own = own
        self.language = language
        self.heading_bodies = full_names_in(heading, language)

    def resolve(
        self, act: ResolutionNumber, text: str, list_end: int | None
    ) -> tuple[str | None, str]:
        """``(body id or None, how)``; ``text`` is the act's paragraph, ``list_end`` where
        the list of numbers it belongs to ends (with its last date), or None when a body
        named after the list cannot be this act's ("resolutions 60/251 of 15 March 2006
        and 5/1 of 18 June 2007 of the Human Rights Council": only 5/1 is the Council's)."""
        fitting = bodies_with_scheme(act.scheme)
        if act.body_ids:
            return self._choose(act.body_ids, fitting, "named")
        after = _body_after(text, list_end, self.language) if list_end is not None else ()
        if after:
            return self._choose(after, fitting, "named")
        if len(fitting) == 1:
            return fitting[0], "numbering"
        start = act.phrase_start if act.phrase_start >= 0 else act.start
        near = body_named_before(text, start, self.language)
        if near:
            chosen = self._choose(near, fitting, "nearby")
            if chosen[0] is not None:
                return chosen
        if self.own is None or self.own not in fitting:
            return None, ""
        before = text[max(0, start - _LOOK_BEFORE) : start]
        if any(b != self.own for b in full_names_in(before, self.language)):
            return None, ""
        return self.own, "own-body"

    def _choose(
        self, ids: tuple[str, ...], fitting: tuple[str, ...], reason: str
    ) -> tuple[str | None, str]:
        """One body out of the ids a name may denote, or None."""
        candidates = [b for b in ids if b in fitting]
        if len(candidates) == 1:
            return candidates[0], reason
        if self.own in candidates:
            return self.own, "own-body"
        from_heading = [b for b in candidates if b in self.heading_bodies]
        if len(from_heading) == 1:
            return from_heading[0], "heading"
        return None, ""
