"""Per-language knowledge, read from ``rules/data/lang/<lang>.toml``.

Language knowledge (lead phrases, month names, ibid forms, body names, adoption lines) is
data, not code: adding a language means adding a TOML file, never an ``if lang == ...``
branch. Files are read lazily and cached, so a run that never meets a language never pays
for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import field
from functools import cache, cached_property
from importlib import resources
from typing import Any, TypeVar

from linter.source.data_files import parse_toml
from linter.source.frozen import record
from linter.source.variants import Tables, expand, translations

_DATA_PACKAGE = "linter.rules"
_NEVER = re.compile(r"(?!)")


def _longest_first(words: list[str]) -> tuple[str, ...]:
    """Alternations must try the longest phrase first ("Also recalling" before "Also")."""
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


@record(slots=False)
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
    number_suffix_units: tuple[str, ...]
    adoption_heading_patterns: tuple[str, ...]
    section_patterns: tuple[str, ...]
    meeting_words: tuple[str, ...]
    preamble_terminators: tuple[str, ...] = ()
    operative_terminators: tuple[str, ...] = ()
    final_terminators: tuple[str, ...] = ()
    list_terminators: tuple[str, ...] = ()
    paragraph_reference_patterns: tuple[str, ...] = ()
    paragraph_reference_separators: tuple[str, ...] = ()
    paragraph_range_words: tuple[str, ...] = ()
    paragraph_reference_here: tuple[str, ...] = ()
    paragraph_reference_foreign: tuple[str, ...] = ()
    adoption_line_patterns: tuple[str, ...] = ()
    body_ids: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    line_join: str = " "
    #: Characters of another writing form of the language (Traditional Chinese), as
    #: ``str.translate`` tables: every phrase was loaded in both forms (linter/source/variants.py).
    variant_tables: Tables = field(default=(), compare=False, hash=False)
    #: What ends the author line ("The General Assembly," / "إن الجمعية العامة،").
    author_terminators: tuple[str, ...] = (",", "，")
    #: What follows an operative paragraph number: "1." (most languages), "1 -" (Arabic).
    number_separators: tuple[str, ...] = (".", "．")
    #: A sub-paragraph label at the start of a line, the label in group 1: ``(a)``, ``(iv)``;
    #: French, Spanish and Russian texts write ``a)``, Arabic ones ``(أ)``.
    subparagraph_label: str = r"^\s*[(（]([a-z]{1,2}|[ivxlcdm]{1,7})[)）]\s*"
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @cached_property
    def lead_phrases(self) -> tuple[str, ...]:
        """Every lead phrase, preambular and operative, longest first."""
        return _longest_first([*self.preamble_leads, *self.operative_leads])

    @cached_property
    def meeting_regexes(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p) for p in self.meeting_patterns)

    @cached_property
    def adoption_line_regexes(self) -> tuple[re.Pattern[str], ...]:
        """Adoption lines whose meeting number cannot be read (OCR damage)."""
        return tuple(re.compile(p) for p in self.adoption_line_patterns)

    @cached_property
    def adoption_heading_regexes(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in self.adoption_heading_patterns)

    @cached_property
    def section_regexes(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p) for p in self.section_patterns)

    @cached_property
    def annex_regex(self) -> re.Pattern[str]:
        if not self.annex_words:
            return _NEVER
        words = "|".join(re.escape(word) for word in self.annex_words)
        label = "(?P<label>[IVXLC]+|[A-Z]|\\d+|[一二三四五六七八九十]+)"
        return re.compile(f"^(?:{words})(?:\\s*{label})?\\.?$")

    @cached_property
    def lead_set(self) -> frozenset[str]:
        """Lead phrases and body names: what a doubled run may legitimately collapse to."""
        return frozenset(self.lead_phrases) | frozenset(self.author_bodies)

    @cached_property
    def author_line_regex(self) -> re.Pattern[str]:
        """The author line, tolerating the body name drawn several times by extraction."""
        if not self.author_bodies:
            return _NEVER
        bodies = "|".join(re.escape(body) for body in self.author_bodies)
        # "The General Assembly", "L'Assemblée générale": an elided article takes no space.
        prefixes = "|".join(
            re.escape(prefix) + ("\\s*" if prefix[-1:] in "'’" else "\\s+")
            for prefix in self.author_prefixes
        )
        names = f"(?:{bodies})(?:\\s*(?:{bodies}))*"
        # "The General Assembly" or "General Assembly,": a bare name is a masthead line.
        optional_prefix = f"(?:{prefixes})?" if prefixes else ""
        commas = "|".join(re.escape(mark) for mark in self.author_terminators)
        with_comma = f"{optional_prefix}{names}\\s*(?:{commas})"
        forms = [with_comma]
        if prefixes:
            forms.append(f"(?:{prefixes}){names}")
        return re.compile(f"^\\s*(?:{'|'.join(forms)})\\s*$")

    @cached_property
    def number_label_regex(self) -> re.Pattern[str]:
        """An operative paragraph number at the start of a line: ``1.``, ``1 -`` (Arabic)."""
        marks = "|".join(re.escape(mark) for mark in self.number_separators)
        return re.compile(f"^\\s*(\\d{{1,3}})\\s*(?:{marks})(?!\\d)\\s*")

    @cached_property
    def sub_label_regex(self) -> re.Pattern[str]:
        """A sub-paragraph label at the start of a line (``(a)``, ``a)``, ``(أ)``)."""
        return re.compile(self.subparagraph_label)

    @cached_property
    def lead_regex(self) -> re.Pattern[str]:
        """A lead phrase at the start of a text."""
        if not self.lead_phrases:
            return _NEVER
        leads = "|".join(re.escape(lead) for lead in self.lead_phrases)
        return re.compile(f"(?:{leads})")


_LIST_FIELDS = (
    "function_words",
    "months",
    "preamble_leads",
    "operative_leads",
    "author_prefixes",
    "author_bodies",
    "ibid",
    "meeting_patterns",
    "annex_words",
    "section_words",
    "numbered_nouns",
    "paragraph_reference_nouns",
    "page_words",
    "number_suffix_units",
    "adoption_heading_patterns",
    "section_patterns",
    "meeting_words",
    "preamble_terminators",
    "operative_terminators",
    "final_terminators",
    "list_terminators",
    "paragraph_reference_patterns",
    "paragraph_reference_separators",
    "paragraph_range_words",
    "paragraph_reference_here",
    "paragraph_reference_foreign",
    "adoption_line_patterns",
)


@cache
def available_languages() -> tuple[str, ...]:
    """Languages that have a lexicon file, sorted."""
    folder = resources.files(_DATA_PACKAGE).joinpath("data", "lang")
    return tuple(
        sorted(p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml"))
    )


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of ``language`` (an ISO 639-1 code such as ``zh`` or ``en``)."""
    if language not in available_languages():
        # Only a listed code reaches the file system: "../../x" never names a path.
        raise KeyError(f"no lexicon for language {language!r}")
    path = resources.files(_DATA_PACKAGE).joinpath("data", "lang", f"{language}.toml")
    try:
        data = parse_toml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KeyError(f"no lexicon for language {language!r}") from None
    pairs = data.get("variants", {}).get("pairs", "")
    tables = translations(pairs)
    data = expand(data, tables)
    known = {"language", "script", "body_ids", "line_join", "variants", *_LIST_FIELDS}
    known |= {"author_terminators", "number_separators", "subparagraph_label"}
    values: dict[str, Any] = {name: tuple(data.get(name, ())) for name in _LIST_FIELDS}
    for name in ("author_terminators", "number_separators"):
        if name in data:
            values[name] = tuple(data[name])
    if "subparagraph_label" in data:
        values["subparagraph_label"] = data["subparagraph_label"]
    for name in ("preamble_leads", "operative_leads", "author_bodies", "ibid"):
        values[name] = _longest_first(list(values[name]))
    return Lexicon(
        language=data["language"],
        script=data.get("script", ""),
        body_ids=dict(data.get("body_ids", {})),
        line_join=data.get("line_join", " "),
        variant_tables=tables,
        extra={k: v for k, v in data.items() if k not in known},
        **values,
    )


_Built = TypeVar("_Built")


def per_lexicon(build: Callable[[Lexicon], _Built]) -> Callable[[Lexicon], _Built]:
    """``build`` memoised per lexicon: by identity first, then by value.

    A :class:`Lexicon` hashes every one of its fields (3.6 us), which a lookup per line or
    per paragraph paid over and over; the lexicon last asked for is recognised by identity
    (a lexicon is immutable, so the same object gives the same value)."""
    by_value = cache(build)
    last: list[tuple[Lexicon, _Built]] = []

    def lookup(lex: Lexicon) -> _Built:
        held = last[:1]
        if held and held[0][0] is lex:
            return held[0][1]
        value = by_value(lex)
        last[:] = [(lex, value)]
        return value

    return lookup


def lexicon_or_none(language: str) -> Lexicon | None:
    """The lexicon, or None for a language reslint has no data for yet."""
    try:
        return lexicon(language)
    except KeyError:
        return None


def empty_lexicon(language: str) -> Lexicon:
    """A lexicon with no knowledge, for languages without data: structure from layout only."""
    empty: dict[str, Any] = {name: () for name in _LIST_FIELDS}
    return Lexicon(language=language, script="", **empty)


def lexicon_for(language: str) -> Lexicon:
    """The lexicon of ``language``, or an empty one."""
    return lexicon_or_none(language) or empty_lexicon(language)
