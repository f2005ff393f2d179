"""Which findings the views for people fold, and how findings are told apart there.

Layout findings (hard wraps, page residue, whitespace) are most of what an extracted
text holds (76 % of the examples' findings) and `reslint fix` repairs every one of them,
so the text view and the audit fold them into one line per document unless asked to
show them. Machine formats (json, sarif, ...) always keep every finding.
"""

from __future__ import annotations

from linter.engine.results import Finding

#: A002 hard-wrap, A004 page-residue, A006 whitespace.
LAYOUT_RULES = frozenset({"A002", "A004", "A006"})


def is_layout(finding: Finding) -> bool:
    return finding.rule in LAYOUT_RULES


def safely_fixable(finding: Finding) -> bool:
    """What ``reslint fix`` (and ``check --fix``) repairs without ``--unsafe-fixes``."""
    return finding.fix is not None and finding.fix.applicability == "safe"


def unsafely_fixable(finding: Finding) -> bool:
    return finding.fix is not None and finding.fix.applicability == "unsafe"
