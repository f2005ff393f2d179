"""Per-language knowledge, read from ``rules/data/lang/<lang>.toml``.

Language knowledge (lead phrases, month names, ibid forms, body names, adoption lines) is
data, not code: adding a language means adding a TOML file, never an ``if lang == ...``
branch. Files are read lazily and cached, so a run that never meets a language never pays
for it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

_DATA_PACKAGE = "linter.rules"


def _longest_first(words: list[str]) -> tuple[str, ...]:
    """Alternations must try the longest phrase first ("Also recalling" before "Also")."""
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class Lexicon:
    """What reslint knows about one language."""

    language: str
    script: str
    function_words: tuple[str, ...]
    months: tuple[str, ...]
    preamble_leads: tuple[str, ...]
    operative_leads: tuple[str, ...]
    author_prefixes: tuple[str, ...]
    author_bodies: tuple[str, ...]
    ibid: tuple[str, ...]
    meeting_patterns: tuple[str, ...]
    annex_words: tuple[str, ...]
    section_words: tuple[str, ...]
    numbered_nouns: tuple[str, ...]
    paragraph_reference_nouns: tuple[str, ...]
    page_words: tuple[str, ...]
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def lead_phrases(self) -> tuple[str, ...]:
        """Every lead phrase, preambular and operative, longest first."""
        return _longest_first([*self.preamble_leads, *self.operative_leads])

    @property
    def meeting_regexes(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p) for p in self.meeting_patterns)


_LIST_FIELDS = (
    "function_words", "months", "preamble_leads", "operative_leads", "author_prefixes",
    "author_bodies", "ibid", "meeting_patterns", "annex_words", "section_words",
    "numbered_nouns", "paragraph_reference_nouns", "page_words",
)


@cache
def available_languages() -> tuple[str, ...]:
    """Languages that have a lexicon file, sorted."""
    folder = resources.files(_DATA_PACKAGE).joinpath("data", "lang")
    return tuple(sorted(p.name.removesuffix(".toml") for p in folder.iterdir()
                        if p.name.endswith(".toml")))


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of ``language`` (an ISO 639-1 code such as ``zh`` or ``en``)."""
    path = resources.files(_DATA_PACKAGE).joinpath("data", "lang", f"{language}.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KeyError(f"no lexicon for language {language!r}") from None
    known = {"language", "script", *_LIST_FIELDS}
    values: dict[str, Any] = {name: tuple(data.get(name, ())) for name in _LIST_FIELDS}
    for name in ("preamble_leads", "operative_leads", "author_bodies", "ibid"):
        values[name] = _longest_first(list(values[name]))
    return Lexicon(
        language=data["language"],
        script=data.get("script", ""),
        extra={k: v for k, v in data.items() if k not in known},
        **values,
    )
