"""Reading a document symbol without pyparsing: the grammar's own steps, by hand.

The symbol grammar (:func:`linter.facts.grammars.symbols._grammar`) is a sequence of
regular expressions tried in order, each at the position the previous one left, with
pyparsing's ordered choices and greedy repetitions that never give back what they took,
and no white space skipped. That is cheap to follow exactly with the same regular
expressions, and it spares most runs pyparsing's import (some 20 ms of a pre-commit
hook's run) and the grammar's construction: nearly every resolution has a symbol.

:func:`read` returns the grammar's fields, or :data:`NOT_A_SYMBOL` when the grammar would
reject the text (the grammar skips no white space: ``leave_whitespace`` reaches every
element, and only its optional space before a parenthetical takes any). The grammar
stays the reference: ``tests/grammars/test_fast_paths.py`` holds both to the
same answers on generated symbols and on every symbol of the corpus.
"""

from __future__ import annotations

import re
from typing import Any, Final

from linter.source.frozen import record

#: The grammar rejects the text (``parse_symbol`` is None).
NOT_A_SYMBOL: Final = "not a symbol"


@record(slots=False)
class Patterns:
    """The grammar's regular expressions, compiled from the pieces ``symbols.py`` makes
    the grammar of (:meth:`of`)."""

    alpha: re.Pattern[str]
    res: re.Pattern[str]
    doc_part: re.Pattern[str]
    suffix: re.Pattern[str]
    session: re.Pattern[str]
    number: re.Pattern[str]
    paren: re.Pattern[str]

    @classmethod
    def of(
        cls,
        alpha: str,
        resolution: str,
        document_parts: str,
        suffixes: str,
        session: str,
        roman: str,
    ) -> Patterns:
        return cls(
            alpha=re.compile(alpha + r"(?![\w-])"),
            res=re.compile(rf"{re.escape(resolution)}(?![\w.])"),
            doc_part=re.compile(rf"(?:{document_parts})\.\d+(?![\w.])"),
            suffix=re.compile(rf"(?:{suffixes})\.\d+"),
            session=re.compile(rf"{session}(?![\w.])"),
            number=re.compile(r"\d{1,5}(?![\w.])"),
            paren=re.compile(rf"[ \u00a0]*[(（](?P<paren>\d{{4}}|{roman})[)）]"),
        )


def _after_slash(p: re.Pattern[str], text: str, at: int) -> re.Match[str] | None:
    """``Suppress("/") + element``: a slash at ``at``, then the element."""
    return p.match(text, at + 1) if text.startswith("/", at) else None


def read(text: str, p: Patterns) -> dict[str, Any] | str:
    """The grammar's results for ``text`` (stripped) as a dict of its named results, or
    :data:`NOT_A_SYMBOL`."""
    first = p.alpha.match(text)
    if first is None:
        return NOT_A_SYMBOL
    at = first.end()
    # series: alpha + ZeroOrMore("/" + ~res + ~doc_part + alpha), combined.
    while text.startswith("/", at):
        if p.res.match(text, at + 1) or p.doc_part.match(text, at + 1):
            break
        more = p.alpha.match(text, at + 1)
        if more is None:
            break
        at = more.end()
    found: dict[str, Any] = {"series": text[:at]}
    res = _after_slash(p.res, text, at)
    if res is not None:
        found["res"] = res.group()
        at = res.end()
    session = _after_slash(p.session, text, at)
    if session is not None:
        found["session"] = session.group()
        at = session.end()
        number = _after_slash(p.number, text, at)
        if number is not None:
            found["number"] = number.group()
            at = number.end()
    suffixes = []
    while text.startswith("/", at):
        for element in (p.suffix, p.doc_part, p.number, p.alpha):  # the grammar's order
            component = element.match(text, at + 1)
            if component is not None:
                suffixes.append(component.group())
                at = component.end()
                break
        else:
            break
    found["suffixes"] = suffixes
    paren = p.paren.match(text, at)
    if paren is not None:
        found["paren"] = paren.group("paren")
        at = paren.end()
    return found if at == len(text) else NOT_A_SYMBOL
