"""Document symbols broken by extraction or typing (rule D008): ``A/RES/66181`` (a slash
lost), ``E/2012 /30`` (a space inside), ``A/RES//66/1`` (a doubled slash), ``S/26G26`` (a
letter in a number), and a trusted root OCR misread (``$/25240`` for ``S/25240``).

The scanners are built in :mod:`linter.facts.grammars.symbols`, which also needs them to
keep a broken symbol out of ``find_symbols``; this module reports what they find.
"""

from __future__ import annotations

import re
from functools import cache

from linter.facts.grammars.symbols import (
    NOT_AFTER,
    malformed_scanners,
    misread_roots,
    parse_symbol,
    symbols_data,
)
from linter.source.frozen import record


@record
class MalformedSymbol:
    """A symbol that breaks the symbol grammar (rule D008).

    ``reason``: ``space-in-symbol`` (``E/2012 /30``), ``double-slash`` (``A/RES//66/1``),
    ``missing-separator`` (``A/RES/66181``, ``E/201030``), ``bad-component``
    (``S/26G26``) or ``misread-root`` (``$/25240``: OCR read the S as a dollar sign).
    ``suggestion`` is the repaired symbol when the repair is certain, else None.
    """

    start: int
    end: int
    text: str
    reason: str
    suggestion: str | None


@cache
def _root_with_slash() -> re.Pattern[str]:
    """What every malformed symbol holds: a trusted root, then a slash (maybe spaced)."""
    roots = "|".join(re.escape(r) for r in symbols_data()["trusted_roots"])
    misread = "".join(f"|{re.escape(m)}/" for m in misread_roots())
    return re.compile(rf"{NOT_AFTER}(?:{roots})[ \t]*/{misread}")


def find_malformed_symbols(text: str) -> list[MalformedSymbol]:
    """Symbols of trusted series that break the symbol grammar, in order (rule D008).

    Conservative: only series from ``bodies.toml`` (``[symbols] trusted_roots``) are checked,
    and a spaced or doubled slash is reported only when removing it leaves a valid symbol of
    at least three components.
    """
    if _root_with_slash().search(text) is None:
        return []
    found: dict[int, MalformedSymbol] = {}
    for reason, pattern in malformed_scanners():
        for m in pattern.finditer(text):
            if any(f.start <= m.start() < f.end for f in found.values()):
                continue
            suggestion = None
            if reason == "year-glued":
                reason = "missing-separator"
                suggestion = f"{m.group('series')}/{m.group('year')}/{m.group('number')}"
            elif reason == "misread-root":
                root = misread_roots()[m.group("misread")]
                suggestion = f"{root}/{m.group('rest')}"
            elif reason in ("double-slash", "space-in-symbol"):
                repaired = re.sub(r"\s*/+\s*", "/", m.group())
                parts = parse_symbol(repaired)
                if parts is None or repaired.count("/") < 2:
                    continue
                suggestion = repaired
            found[m.start()] = MalformedSymbol(m.start(), m.end(), m.group(), reason, suggestion)
    return [found[k] for k in sorted(found)]
