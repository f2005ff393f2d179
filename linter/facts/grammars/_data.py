"""Loading of the grammar tables under ``rules/data`` (numerals, bodies, calendars).

What a language writes (number words, date templates, session phrases, Official Records
phrasing) is data, so a new language is a new TOML file, not a new branch in the code. Files
are read lazily and cached: a run that never meets a language never pays for it.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from linter.source.data_files import parse_toml
from linter.source.lexicon import lexicon_or_none
from linter.source.variants import expand

_DATA_PACKAGE = "linter.rules"


def _read(*parts: str) -> dict[str, Any]:
    path = resources.files(_DATA_PACKAGE).joinpath("data", *parts)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KeyError("no grammar data at rules/data/" + "/".join(parts)) from None
    return parse_toml(text)


@cache
def numerals(language: str) -> dict[str, Any]:
    """``rules/data/numerals/<language>.toml``: numbers, dates, sessions, records phrasing.

    Every phrase is also read in the language's other writing form (Traditional Chinese),
    with the character table of its lexicon (linter/source/variants.py).
    """
    lex = lexicon_or_none(language)
    if lex is None:
        # A language with no lexicon has no numerals either; and only a listed code may
        # name a file.
        raise KeyError(f"no grammar data for language {language!r}")
    data = _read("numerals", f"{language}.toml")
    expanded: dict[str, Any] = expand(data, lex.variant_tables)
    return expanded


def has_numerals(language: str) -> bool:
    """Whether the grammars have data for ``language`` (an unknown one has none)."""
    try:
        numerals(language)
    except KeyError:
        return False
    return True


@cache
def bodies() -> dict[str, Any]:
    """``rules/data/bodies.toml``: bodies, their names, symbol series and numbering."""
    return _read("bodies.toml")


@cache
def calendars() -> dict[str, Any]:
    """``rules/data/calendars.toml``: session calendars and Security Council anchors."""
    return _read("calendars.toml")
