"""Trusted symbol roots as optical character recognition misreads them (rule D008).

The older Security Council texts were recognised from scans, and their recognition reads
the S of a symbol as a dollar sign: ``$/25240`` and ``S$/12611`` stand for ``S/25240`` and
``S/12611``. Such a symbol is no symbol to :func:`~linter.facts.grammars.symbols.find_symbols`
and points nowhere; :func:`~linter.facts.grammars.symbols.find_malformed_symbols` reports it
with the repair. The misreadings are data (``[symbols.misread_roots]`` in
``rules/data/bodies.toml``), each with the root it stands for.
"""

from __future__ import annotations

import re
from typing import Any


def misread_roots(table: dict[str, Any]) -> dict[str, str]:
    """Misreading → root, from the ``[symbols]`` table of ``bodies.toml``."""
    roots: dict[str, str] = table.get("misread_roots", {})
    return roots


def misread_root_pattern(misread: dict[str, str], component: str, not_before: str) -> str:
    """A misread root at a word's start, right before a slash and a number of three
    figures or more (``$/25240``, ``S$/2002/1005``): a dollar amount is never followed by
    a slash and a figure. The misreading is group ``misread``, the rest of the symbol
    group ``rest``."""
    names = "|".join(re.escape(m) for m in sorted(misread, key=len, reverse=True))
    return rf"(?<![\w$])(?P<misread>{names})/(?P<rest>\d{{3,5}}(?:/{component})*){not_before}"
