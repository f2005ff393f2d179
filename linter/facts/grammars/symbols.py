"""United Nations document symbols: ``A/RES/66/181``, ``E/CN.15/2012/15``, ``S/RES/2334 (2016)``.

Symbols carry facts the D rules cross-check (the session in ``A/66/25``, the year in
``E/2010/30``) and are what parallel versions of a document share. ``find_symbols`` scans
with a regular expression and parses each candidate with a pyparsing grammar into
:class:`SymbolParts`. :mod:`linter.facts.grammars.malformed_symbols` (rule D008)
reports symbols broken by extraction or typing (``A/RES/66181``, ``E/2012 /30``,
``A/RES//66/1``) with the scanners :func:`malformed_scanners` builds here.

Precision comes first: IAEA symbols (``GC(69)/RES/7``), page numbers (``2/18``), old
footnote markers (``1/``), year spans (``2024–2034``) and dates are not symbols, and are
neither found nor reported as malformed. Cited act numbers in running text
(``resolution 66/181``, ``第 66/181 号决议``) are in :mod:`linter.facts.grammars.acts` and
re-exported here.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from linter.facts.grammars import _data, symbols_fast
from linter.facts.grammars.acts import ResolutionNumber, find_resolution_numbers
from linter.source.frozen import record

if TYPE_CHECKING:
    import pyparsing as pp

__all__ = [
    "ResolutionNumber",
    "SymbolMatch",
    "SymbolParts",
    "find_resolution_numbers",
    "find_symbols",
    "format_symbol",
    "parse_symbol",
]

#: False in tests that compare the fast path with the grammar.
FAST_PATH = True

_ALPHA = r"[A-Z]{1,10}(?:\.[0-9A-Z]{1,8})*"
_SESSION = r"(?:E?S-)?\d{1,4}"
_ROMAN = r"(?:E?S-)?[IVXLC]{1,8}"
# A symbol is not glued to Latin letters, digits or slashes; Chinese text may touch it
# ("文件E/2012/30号"). Not after ")": "GC(69)/RES/7" is an IAEA symbol. After "-" only
# in joint symbols ("A/57/759-S/2003/332"), not after a word ("AU-PSC/...").
NOT_AFTER = r"(?<![0-9A-Za-z_/).])(?<![A-Za-z_]-)"
_NOT_BEFORE = r"(?![0-9A-Za-z_/])"


@record
class SymbolParts:
    """The parts of a symbol, as written.

    ``series``: the components that name the series (``A``, ``A/HRC``, ``E/CN.15``,
    ``CTOC/COP``, ``S/PRST``); ``resolution``: whether ``RES`` follows; ``session``: the
    session or year component (``66``, ``2012``, ``S-27``, ``ES-10``); ``number``: the
    document or resolution number; ``suffixes``: what follows (``L.20``, ``Rev.1``,
    ``Corr.1``, ``PV.89``); ``parenthetical``: the year or roman session in parentheses
    (``S/RES/2334 (2016)``, ``A/RES/1514 (XV)``).
    """

    series: str
    resolution: bool = False
    session: str | None = None
    number: str | None = None
    suffixes: tuple[str, ...] = ()
    parenthetical: str | None = None

    @property
    def year(self) -> int | None:
        """The year the symbol names: ``E/2012/30`` → 2012, ``S/RES/2334 (2016)`` → 2016."""
        for value in (self.session, self.parenthetical):
            if value and re.fullmatch(r"\d{4}", value) and int(value) >= 1946:
                return int(value)
        return None

    @property
    def session_number(self) -> int | None:
        """The session the symbol names: ``A/66/25`` → 66, ``A/RES/S-27/2`` → 27."""
        if self.session is None or (self.year is not None and self.session.isdigit()):
            return None
        return int(self.session.rsplit("-", 1)[-1])

    @property
    def session_kind(self) -> str | None:
        """``regular``, ``special`` or ``emergency_special`` for a session component."""
        if self.session_number is None or self.session is None:
            return None
        if self.session.startswith("ES-"):
            return "emergency_special"
        return "special" if self.session.startswith("S-") else "regular"

    def __str__(self) -> str:
        return format_symbol(self)


@record
class SymbolMatch:
    """A symbol found in a text.

    ``start``/``end``/``text`` cover the symbol (with its parenthetical year or session).
    ``additions`` are further corrigenda or addenda joined to it ("E/2012/30 和 Corr.1 和 2"
    gives ``("Corr.1", "Corr.2")``); ``extent_end`` is where they end (``end`` if none).
    """

    start: int
    end: int
    text: str
    parts: SymbolParts
    additions: tuple[str, ...] = ()
    extent_end: int = -1


def symbols_data() -> dict[str, Any]:
    table: dict[str, Any] = _data.bodies()["symbols"]
    return table


def misread_roots() -> dict[str, str]:
    """Trusted roots as character recognition misreads them, each with the root it stands
    for (``[symbols.misread_roots]``: ``$/25240`` is ``S/25240``)."""
    roots: dict[str, str] = symbols_data().get("misread_roots", {})
    return roots


def _words(key: str) -> str:
    return "|".join(re.escape(w) for w in sorted(symbols_data()[key], key=len, reverse=True))


@cache
def _component() -> str:
    return rf"(?:(?:{_words('suffixes')})\.\d{{1,3}}|E?S-\d{{1,3}}|{_ALPHA}|\d{{1,5}})"


@cache
def _scanner() -> re.Pattern[str]:
    comp = _component()
    joiner = rf"\s*(?:{_words('joiners')})\s*"
    # The plain form opens with NOT_AFTER and _ALPHA; here the first capital is consumed
    # before the look-behinds (which then reach one character further back), so that the
    # engine skips from capital to capital (linter/source/scanning.py; the same matches,
    # tests/grammars/test_scan_forms.py).
    return re.compile(
        rf"(?P<symbol>[A-Z](?<![0-9A-Za-z_/).][A-Z])(?<![A-Za-z_]-[A-Z])"
        rf"[A-Z]{{0,9}}(?:\.[0-9A-Z]{{1,8}})*(?:/{comp})+){_NOT_BEFORE}"
        rf"(?P<paren>[ \u00a0]?[(（](?:\d{{4}}|{_ROMAN})[)）])?"
        rf"(?P<more>{joiner}(?:{_words('suffixes')})\.\d{{1,3}}(?:{joiner}\d{{1,3}}{_NOT_BEFORE})*)?"
    )


@cache
def _fast_patterns() -> symbols_fast.Patterns:
    """The grammar's regular expressions, for the fast path (same pieces as below)."""
    return symbols_fast.Patterns.of(
        _ALPHA,
        symbols_data()["resolution_component"],
        _words("document_parts"),
        _words("suffixes"),
        _SESSION,
        _ROMAN,
    )


@cache
def _grammar() -> pp.ParserElement:
    import pyparsing as pp

    data = symbols_data()
    slash = pp.Suppress("/")
    res = pp.Regex(rf"{re.escape(data['resolution_component'])}(?![\w.])")
    doc_part = pp.Regex(rf"(?:{_words('document_parts')})\.\d+(?![\w.])")
    suffix = pp.Regex(rf"(?:{_words('suffixes')})\.\d+")
    alpha = pp.Regex(_ALPHA + r"(?![\w-])")  # not the S of S-27
    session = pp.Regex(rf"{_SESSION}(?![\w.])")
    number = pp.Regex(r"\d{1,5}(?![\w.])")
    series = pp.Combine(alpha + pp.ZeroOrMore(pp.Literal("/") + ~res + ~doc_part + alpha))
    rest = pp.ZeroOrMore(slash + (suffix | doc_part | number | alpha))
    paren = (
        pp.Suppress(pp.Opt(pp.White(" \u00a0")))
        + pp.one_of("( （").suppress()
        + pp.Regex(rf"\d{{4}}|{_ROMAN}")("paren")
        + pp.one_of(") ）").suppress()
    )
    grammar = (
        series("series")
        + pp.Opt(slash + res("res"))
        + pp.Opt(slash + session("session") + pp.Opt(slash + number("number")))
        + pp.Group(rest)("suffixes")
        + pp.Opt(paren)
    )
    return grammar.leave_whitespace()


def _parts(results: Any) -> SymbolParts:
    session = results.get("session")
    number = results.get("number")
    suffixes = tuple(results["suffixes"])
    if session is not None and number is None and not suffixes and session.isdigit():
        # "S/4387", "CEDAW/C/GC/40", "A/RES/66181": one number, and it is the number.
        session, number = None, session
    return SymbolParts(
        series=results["series"],
        resolution="res" in results,
        session=session,
        number=number,
        suffixes=suffixes,
        parenthetical=results.get("paren"),
    )


@lru_cache(maxsize=8192)
def parse_symbol(text: str) -> SymbolParts | None:
    """The parts of the symbol that is the whole of ``text``, or None if it is not one.

    Memoized: the same symbols recur in a document and across an archive. Read by
    following the grammar's steps (:mod:`symbols_fast`); the grammar itself is the
    reference the tests hold that to (``FAST_PATH = False``).
    """
    text = text.strip()
    if not re.search(r"\d", text) or "/" not in text:
        return None
    if FAST_PATH:
        fast = symbols_fast.read(text, _fast_patterns())
        return None if isinstance(fast, str) else _parts(fast)
    import pyparsing as pp

    try:
        return _parts(_grammar().parse_string(text, parse_all=True))
    except pp.ParseException:
        return None


def format_symbol(parts: SymbolParts) -> str:
    """The symbol written from its parts (the inverse of :func:`parse_symbol`)."""
    components = [parts.series]
    if parts.resolution:
        components.append(str(symbols_data()["resolution_component"]))
    components += [c for c in (parts.session, parts.number) if c is not None]
    components += parts.suffixes
    text = "/".join(components)
    return f"{text} ({parts.parenthetical})" if parts.parenthetical else text


def find_symbols(text: str) -> list[SymbolMatch]:
    """Every well-formed document symbol in ``text``, in order, with exact spans."""
    found = []
    for m in _scanner().finditer(text):
        parts = parse_symbol(m.group("symbol"))
        if parts is None or is_malformed(m.group("symbol") + (m.group("paren") or "")):
            continue
        end = m.end("symbol")
        if m.group("paren") and parts.resolution:
            # "(2016)" and "(XV)" belong to resolution symbols; elsewhere it is running text.
            parts = SymbolParts(
                parts.series,
                parts.resolution,
                parts.session,
                parts.number,
                parts.suffixes,
                m.group("paren").strip(" \u00a0()（）"),
            )
            end = m.end("paren")
        additions = _additions(m.group("more") or "")
        found.append(
            SymbolMatch(
                start=m.start(),
                end=end,
                text=text[m.start() : end],
                parts=parts,
                additions=additions,
                extent_end=m.end("more") if additions else end,
            )
        )
    return found


def _additions(more: str) -> tuple[str, ...]:
    out: list[str] = []
    kind = ""
    for token in re.findall(r"[A-Za-z]+\.\d+|\d+", more):
        if "." in token:
            kind = token.split(".")[0]
            out.append(token)
        else:
            out.append(f"{kind}.{token}")
    return tuple(out)


def _year_glued(series: list[str], fewest: int) -> re.Pattern[str]:
    """``E/201230``: a year and the number after it, at least ``fewest`` figures in all."""
    names = "|".join(re.escape(s) for s in sorted(series, key=len, reverse=True))
    return re.compile(
        rf"{NOT_AFTER}(?P<series>{names})/(?P<year>19[4-9]\d|20\d\d)"
        rf"(?P<number>\d{{{fewest - 4},4}}){_NOT_BEFORE}(?!\.\d)(?![ \u00a0]?[(（])"
    )


@cache
def malformed_scanners() -> tuple[tuple[str, re.Pattern[str]], ...]:
    data = symbols_data()
    roots = "|".join(re.escape(r) for r in sorted(data["trusted_roots"], key=len, reverse=True))
    comp = _component()
    head = rf"{NOT_AFTER}(?:{roots})"
    # "E/2012 /30", "A/RES/ 66/1"; not "A/6000/" at a line's end and "Rev.1" on the next:
    # a symbol wrapped after its slash is layout, not a malformed symbol.
    spaced = rf"(?:[ \t]+/[ \t]*(?:\r?\n[ \t]*)?|/[ \t]+(?![ \t\r\n]))(?!(?:{roots})/)"
    needs_session = "|".join(
        re.escape(b["resolution_series"])
        for b in _data.bodies()["bodies"].values()
        if b.get("resolution_series") and any("/" in n["scheme"] for n in b.get("numbering", ()))
    )
    by_length: dict[int, list[str]] = {}
    for series, fewest in data.get("year_series", {}).items():
        by_length.setdefault(int(fewest), []).append(series)
    year_glued = tuple(
        ("year-glued", _year_glued(names, fewest)) for fewest, names in sorted(by_length.items())
    )
    # "$/25240", "S$/12611": a misread root at a word's start, before a slash and a number
    # of three figures or more (never a dollar amount); groups ``misread`` and ``rest``.
    misread = "|".join(re.escape(m) for m in sorted(misread_roots(), key=len, reverse=True))
    misread_root = (
        (
            "misread-root",
            re.compile(
                rf"(?<![\w$])(?P<misread>{misread})/(?P<rest>\d{{3,5}}(?:/{comp})*){_NOT_BEFORE}"
            ),
        ),
    )
    return (
        ("double-slash", re.compile(rf"{head}(?:/{comp})*//+{comp}(?:/{comp})*{_NOT_BEFORE}")),
        *year_glued,
        (
            "space-in-symbol",
            re.compile(rf"{head}(?:/{comp})*{spaced}{comp}(?:/{comp})*{_NOT_BEFORE}"),
        ),
        (
            "missing-separator",
            re.compile(
                rf"{NOT_AFTER}(?:{needs_session})/\d{{3,}}{_NOT_BEFORE}(?!\.\d)(?![ \u00a0]?[(（])"
            ),
        ),
        (
            "bad-component",
            re.compile(
                rf"{head}(?:/{comp})*/\d+[A-Z][A-Z0-9]*(?:/{comp})*{_NOT_BEFORE}"
                rf"(?![ \u00a0]?[(（])"
            ),
        ),
        *(misread_root if misread else ()),
    )


def is_malformed(symbol: str) -> bool:
    return any(
        pattern.fullmatch(symbol)
        for reason, pattern in malformed_scanners()
        if reason in ("missing-separator", "bad-component", "year-glued")
    )
