"""The bodies that adopt resolutions: names, symbol series and numbering (``bodies.toml``).

Rules need to know which body a cited act belongs to before they can check its session
against a calendar, and which body a symbol series (``A/HRC``, ``E/CN.15``) belongs to. Short
names ("Council", 理事会, 委员会) are ambiguous, so lookups return every candidate and leave
the choice to the rule, which knows the document's own author.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from linter.facts.grammars import _data
from linter.facts.grammars._template import GAP, SP
from linter.source.frozen import record
from linter.source.lexicon import lexicon_or_none
from linter.source.variants import expand

__all__ = ["Body", "all_bodies", "body", "body_for_series", "body_names_regex", "lookup_body"]


@record(slots=False)
class Body:
    """One body: ``id`` (``ga``, ``ecosoc``, ``sc``, ``hrc``, ``ccpcj``, …) and its data."""

    id: str
    names: dict[str, tuple[str, ...]]
    short_names: dict[str, tuple[str, ...]]
    symbol_series: tuple[str, ...]
    resolution_series: str | None
    records_title: dict[str, str]
    numbering: tuple[dict[str, Any], ...]

    def numbering_scheme(self, year: int | None = None) -> str | None:
        """The numbering scheme in force in ``year`` (the latest one if ``year`` is None)."""
        for period in reversed(self.numbering):
            if year is None or (
                period.get("from_year", 0) <= year <= period.get("until_year", 9999)
            ):
                return str(period["scheme"])
        return None


def _tuples(table: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """Names per language, each also in the language's other writing form (安全理事會)."""
    out = {}
    for lang, names in table.items():
        lex = lexicon_or_none(lang)
        out[lang] = tuple(expand(names, lex.variant_tables) if lex is not None else names)
    return out


@cache
def all_bodies() -> tuple[Body, ...]:
    """Every body in ``bodies.toml``, in file order."""
    out = []
    for body_id, raw in _data.bodies()["bodies"].items():
        out.append(
            Body(
                id=body_id,
                names=_tuples(raw.get("names", {})),
                short_names=_tuples(raw.get("short_names", {})),
                symbol_series=tuple(raw.get("symbol_series", ())),
                resolution_series=raw.get("resolution_series"),
                records_title=dict(raw.get("records_title", {})),
                numbering=tuple(raw.get("numbering", ())),
            )
        )
    return tuple(out)


def body(body_id: str) -> Body:
    """The body ``body_id``; KeyError if unknown."""
    for candidate in all_bodies():
        if candidate.id == body_id:
            return candidate
    raise KeyError(f"unknown body {body_id!r}")


def _normal(name: str) -> str:
    return re.sub(r"\s+", "" if re.search(r"[\u3000-\u9fff]", name) else " ", name).strip()


def lookup_body(name: str, language: str) -> tuple[str, ...]:
    """Ids of the bodies ``name`` may denote: one for a full name, several for a short one."""
    wanted = _normal(name)
    full = tuple(b.id for b in all_bodies() if wanted in b.names.get(language, ()))
    if full:
        return full
    return tuple(b.id for b in all_bodies() if wanted in b.short_names.get(language, ()))


def body_for_series(series: str) -> str | None:
    """The body whose documents carry ``series`` (the longest match: ``A/HRC`` before ``A``)."""
    best: tuple[int, str] | None = None
    for candidate in all_bodies():
        for prefix in candidate.symbol_series:
            if (series == prefix or series.startswith(prefix + "/")) and (
                best is None or len(prefix) > best[0]
            ):
                best = (len(prefix), candidate.id)
    return None if best is None else best[1]


@cache
def body_names_regex(language: str, *, short: bool = True) -> str:
    """An alternation of every body name of ``language``, longest first, wrap-tolerant."""
    wrap = bool(_data.numerals(language).get("wraps_within_words", False))
    names: set[str] = set()
    for candidate in all_bodies():
        names.update(candidate.names.get(language, ()))
        if short:
            names.update(candidate.short_names.get(language, ()))
    alternatives = []
    # Longest first; names of one length in a fixed order (a set's order changes with
    # every process, and so would the pattern: the compiled-pattern cache could not
    # find it). Two names of one length never match at one place, so no match changes.
    for name in sorted(names, key=lambda name: (-len(name), name)):
        if wrap:
            alternatives.append(GAP.join(re.escape(c) for c in name if not c.isspace()))
        else:
            alternatives.append(SP.join(re.escape(w) for w in name.split()))
    return "|".join(alternatives)
