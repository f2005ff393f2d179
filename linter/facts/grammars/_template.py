"""Templates: one description of a phrase, compiled twice.

A template such as ``"{day} {month} {year}"`` or
``"{year}{unit.year}{month}{unit.month}{day}{unit.day}"`` is compiled to a regular
expression, which scans whole texts fast for candidates, and to a pyparsing grammar, which
parses each candidate into values and positions. Keeping both compilers on one description
means the scan and the parse cannot drift apart.

Template syntax:

- ``{name}``: a slot, looked up in the slot table given to the compiler;
- a space: a required gap (spaces, or a line break, or one blank line: extracted texts wrap
  anywhere between tokens);
- no space between two tokens: an optional gap;
- ``<a|b|>``: a choice of literals (an empty choice makes the group optional; a template
  may not open with an optional group);
- anything else: literal text. Alphabetic literals match in any case ("From", "from"). When
  the language wraps inside words (Chinese), a gap may also fall between any two characters
  of a literal.

pyparsing is imported only when a parser is first built, so importing a grammar module
stays cheap (reslint runs as a pre-commit hook, where start-up time counts).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from linter.source.frozen import record

if TYPE_CHECKING:
    import pyparsing as pp

# Horizontal white space: any white space but a line break (no-break and ideographic spaces
# are common in extracted texts). A negated class: a listed one costs eight times more to
# compile, and reslint compiles its scanners on every start (a pre-commit hook).
_H = r"[^\S\r\n]"
#: An optional gap: horizontal space, at most two line breaks (so at most one blank line).
GAP = rf"{_H}*(?:\r?\n{_H}*){{0,2}}"
#: A required gap: at least one white-space character, otherwise like GAP.
SP = rf"(?=\s){GAP}"
#: A letter (any script).
LETTER = r"[^\W\d_]"
#: A letter (any script) is not before this position.
NO_LETTER_BEFORE = rf"(?<!{LETTER})"
#: A letter is not after this position.
NO_LETTER_AFTER = r"(?![^\W\d_])"


@cache
def _pp_spaces() -> dict[int, int]:
    """pyparsing skips only ASCII white space: every other one maps to a space (same length,
    so offsets do not move). Built on first parse, not at import."""
    return {c: ord(" ") for c in range(0x3001) if chr(c).isspace() and chr(c) not in " \t\n\r"}


def for_pyparsing(candidate: str) -> str:
    """The candidate with every white space pyparsing does not know turned into a space."""
    return candidate.translate(_pp_spaces())


@record(slots=False)
class Slot:
    """A placeholder of a template: its scan pattern and a builder of its parser.

    ``pattern`` has no capturing groups. ``build`` returns a pyparsing element whose first
    token is the slot's value; it is only called when a parser is first needed. ``lead`` is a
    look-behind the scan adds when the slot opens a template (``(?<!\\d)`` for a number).
    ``value`` reads the slot's text as ``build``'s parser would (the fast path).
    """

    pattern: str
    build: Callable[[], pp.ParserElement]
    lead: str = ""
    #: The slot's value from its text, as its parser's action gives it: what the scan's
    #: named group is read with (None: the slot has no value, or the text has none).
    value: Callable[[str], Any] | None = None
    #: A pattern of one character every match of ``pattern`` begins with: a scan tries its
    #: templates only where one can begin (None: not known, every position is tried).
    first: str | None = None


@record(slots=False)
class _Token:
    kind: str  # "slot", "space", "alt" or "lit"
    value: str
    choices: tuple[str, ...] = ()


_TOKEN_RE = re.compile(r"\{(?P<slot>[^{}]+)\}|(?P<space> +)|<(?P<alt>[^<>]*)>|(?P<lit>[^{}<> ]+)")


def _tokens(template: str) -> list[_Token]:
    out: list[_Token] = []
    pos = 0
    for m in _TOKEN_RE.finditer(template):
        if m.start() != pos:
            raise ValueError(f"bad template {template!r} at {pos}")
        pos = m.end()
        kind = m.lastgroup or ""
        value = m.group(kind)
        choices = tuple(value.split("|")) if kind == "alt" else ()
        out.append(_Token(kind, value, choices))
    if pos != len(template):
        raise ValueError(f"bad template {template!r} at {pos}")
    return out


def slot_names(template: str) -> list[str]:
    """The slots a template uses, in order."""
    return [t.value for t in _tokens(template) if t.kind == "slot"]


def _literal_regex(text: str, wrap_within_words: bool) -> str:
    words = []
    for word in text.split(" "):
        if not word:
            continue
        joiner = GAP if wrap_within_words else ""
        chars = joiner.join(re.escape(c) for c in word)
        words.append(f"(?i:{chars})" if any(c.isalpha() for c in word) else chars)
    regex = SP.join(words)
    if text.startswith(" "):
        regex = SP + regex
    if text.endswith(" ") and text.strip():
        regex += SP
    return regex


def to_regex(
    template: str,
    slots: dict[str, Slot],
    *,
    wrap_within_words: bool = False,
    groups: str | None = None,
) -> str:
    """The scan pattern of ``template``: no capturing groups, or with ``groups`` a named
    group ``<groups><slot>`` around each slot that has a value (the fast path reads the
    values from the scan's own match instead of parsing the candidate again)."""
    parts: list[str] = []
    previous: _Token | None = None
    for token in _tokens(template):
        if token.kind == "space":
            parts.append(SP)
        else:
            if previous is not None and previous.kind != "space":
                parts.append(GAP)
            if token.kind == "slot":
                slot = slots[token.value]
                if previous is None and slot.lead:
                    parts.append(slot.lead)
                if groups is not None and slot.value is not None:
                    parts.append(f"(?P<{groups}{token.value}>{slot.pattern})")
                else:
                    parts.append(f"(?:{slot.pattern})")
            elif token.kind == "alt":
                if previous is None and "" in token.choices:
                    # The match would start with an empty choice: its gap and look-behind
                    # would land on the wrong token. Write two templates instead.
                    raise ValueError(f"template {template!r} opens with an optional group")
                alternatives = sorted(token.choices, key=len, reverse=True)
                body = "|".join(_literal_regex(a, wrap_within_words) for a in alternatives)
                if previous is None and any(a[:1].isalpha() for a in alternatives):
                    parts.append(NO_LETTER_BEFORE)
                parts.append(f"(?:{body})")
            else:
                if previous is None and token.value[:1].isalpha():
                    parts.append(NO_LETTER_BEFORE)
                parts.append(_literal_regex(token.value, wrap_within_words))
        previous = token
    return "".join(parts)


def _first_of_literal(text: str) -> str | None:
    """The first character of ``_literal_regex(text)``, cased as it is matched; None when
    the literal may begin with a gap (or is empty)."""
    if not text or text.startswith(" "):
        return None
    char = re.escape(text[0])
    return f"(?i:{char})" if any(c.isalpha() for c in text.split(" ")[0]) else char


def first_char(template: str, slots: dict[str, Slot]) -> str | None:
    """A pattern of one character every match of ``to_regex(template)`` begins with (the
    first token's: a slot's ``first``, a literal's first letter), or None if not known."""
    tokens = _tokens(template)
    if not tokens:
        return None
    token = tokens[0]
    if token.kind == "slot":
        return slots[token.value].first
    if token.kind == "alt":
        firsts = [_first_of_literal(choice) for choice in token.choices]
        return None if None in firsts else "|".join(dict.fromkeys(f for f in firsts if f))
    return _first_of_literal(token.value) if token.kind == "lit" else None


def plain_first(pattern: str) -> str | None:
    """The first character of every match of a regular expression that opens with a plain
    letter or figure no quantifier follows and has no alternation outside brackets
    (``第{gap}...``); None otherwise (not worth a parser)."""
    if not (pattern[:1].isalnum() and pattern[:1] != "_") or pattern[1:2] in ("*", "?", "{"):
        return None
    depth, escaped, in_class = 0, False, False
    for at, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            if pattern.startswith(("[]", "[^]"), at):
                return None  # a "]" that does not close the class: not plain
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return None
    return re.escape(pattern[0])


def scan_pattern(branches: list[str], firsts: list[str | None]) -> str:
    """The alternation of ``branches``, tried only where one of them can begin.

    ``firsts[i]`` is what branch ``i`` begins with (:func:`first_char`). Python's regular
    expressions try every branch at every position of a scan; a look-ahead of a few single
    characters rejects most positions at once (the date scan of the English corpus took a
    third of the time). The matches are the same: a branch cannot match where its first
    character is not. Any unknown first character: no look-ahead.
    """
    body = "|".join(branches)
    if not firsts or None in firsts:
        return body
    if all(b[:1].isalnum() and f == re.escape(b[0]) for b, f in zip(branches, firsts, strict=True)):
        return body  # every branch opens with its letter: the engine skips to those itself
    return f"(?={'|'.join(dict.fromkeys(f for f in firsts if f))})(?:{body})"


@cache
def _case_class(char: str) -> str:
    """A character class (for a pattern without the IGNORECASE flag) holding every
    character ``(?i:char)`` matches: the character, the ASCII ones the flag matches (tried),
    and for a cased character every non-ASCII one (a few fold to it: "ſ" to "s")."""
    if char.lower() == char.upper() == char:
        return re.escape(char)  # no case: the flag changes nothing (sre matches it exactly)
    folds = re.compile(f"(?i:{re.escape(char)})")
    ascii_ = "".join(re.escape(c) for c in map(chr, range(128)) if folds.fullmatch(c))
    return f"{ascii_}\\x80-\\U0010ffff"


def initial_scan(words: list[tuple[str, str]], *, ignore_case: bool, lead: str = "") -> str:
    """The alternation of ``words``, each given as (first character, regex of the rest),
    written to begin with a character class.

    Python's regular expressions skip fast (in C) to the next position holding a character
    of a leading class; a pattern that opens with a look-behind or an alternation under
    IGNORECASE is tried at every position instead. The class consumes the first character;
    a look-behind then checks it exactly, so the matches are the same as those of
    ``lead(?:c1r1|c2r2|...)`` (``(?i:...)`` with ``ignore_case``). ``lead`` is a class of
    what may not stand before the match (a negative look-behind of one character).
    """
    flag = "(?i:{})" if ignore_case else "{}"
    firsts = dict.fromkeys(first for first, _ in words)
    chars = "".join(_case_class(c) if ignore_case else re.escape(c) for c in firsts)
    body = "|".join(
        f"(?<={flag.format(re.escape(first))}){flag.format(rest)}" for first, rest in words
    )
    before = f"(?<!{lead}[\\s\\S])" if lead else ""
    return f"[{chars}]{before}(?:{body})"


def _literal_parser(text: str, wrap_within_words: bool) -> pp.ParserElement:
    import pyparsing as pp

    elements: list[pp.ParserElement] = []
    for word in text.split(" "):
        if not word:
            continue
        if wrap_within_words:
            elements.extend(pp.Literal(c) for c in word)
        elif any(c.isalpha() for c in word):
            elements.append(pp.CaselessLiteral(word))
        else:
            elements.append(pp.Literal(word))
    if not elements:
        return pp.Empty()
    return pp.And(elements) if len(elements) > 1 else elements[0]


def to_parser(
    template: str, slots: dict[str, Slot], *, wrap_within_words: bool = False
) -> pp.ParserElement:
    """The pyparsing grammar of ``template``.

    Each slot's result is stored under its name as ``[start, [value], end]``
    (``pyparsing.Located``), so callers get the values and their exact offsets.
    """
    import pyparsing as pp

    elements: list[pp.ParserElement] = []
    for token in _tokens(template):
        if token.kind == "space":
            continue
        if token.kind == "slot":
            slot = slots[token.value]
            elements.append(pp.Located(slot.build()).set_results_name(token.value))
        elif token.kind == "alt":
            alternatives = sorted(token.choices, key=len, reverse=True)
            options = [_literal_parser(a, wrap_within_words) for a in alternatives if a.strip()]
            choice: pp.ParserElement = pp.MatchFirst(options)
            elements.append(pp.Opt(choice) if any(not a.strip() for a in alternatives) else choice)
        else:
            elements.append(_literal_parser(token.value, wrap_within_words))
    warning = pp.Diagnostics.warn_ungrouped_named_tokens_in_collection
    return pp.And(elements).suppress_warning(warning)


def located(results: Any, name: str, text: str | None = None) -> tuple[Any, int, int] | None:
    """``(value, start, end)`` of slot ``name`` in parse results, or None if absent.

    ``pyparsing.Located`` starts where the element began to look, before the white space it
    skips; give the parsed ``text`` and the start moves past that white space, so a span
    covers the slot's value and nothing else.
    """
    if name not in results:
        return None
    item = results[name]
    start, end = int(item[0]), int(item[2])
    if text is not None:
        while start < end and text[start].isspace():
            start += 1
    return item[1][0], start, end
