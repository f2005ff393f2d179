"""Rule selection: ``--select`` / ``--ignore`` by code, prefix, family letter or name.

Selectors: ``ALL``, a family letter (``A``), a code prefix (``A00``), a code (``A001``)
or a rule name (``repeated-emphasis``). For each rule the most specific matching selector
decides; when a select and an ignore selector are equally specific, ignore wins (the
layers of configuration file and command line are combined in ``linter.engine.settings``).
Unknown selectors are errors with a suggestion, never silently ignored.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from linter.engine.registry import RuleSpec

ALL = "ALL"


class SelectorError(ValueError):
    """An unknown selector (the message carries a "did you mean")."""


def specificity(selector: str, spec: RuleSpec) -> int | None:
    """How specifically ``selector`` names ``spec`` (higher is more), or None."""
    if selector == ALL:
        return 0
    if selector.lower() == spec.name:
        return 10
    upper = selector.upper()
    if spec.code.startswith(upper) and upper:
        return len(upper)
    return None


def validate(selectors: Iterable[str], rules: Sequence[RuleSpec]) -> None:
    vocabulary = {ALL} | {spec.code for spec in rules} | {spec.name for spec in rules}
    for selector in selectors:
        if any(specificity(selector, spec) is not None for spec in rules):
            continue
        close = difflib.get_close_matches(selector, sorted(vocabulary), n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise SelectorError(f"unknown rule selector {selector!r}{hint}")


def best_specificity(selectors: Sequence[str], spec: RuleSpec) -> int | None:
    """The specificity of the most specific selector naming ``spec``, or None."""
    return max((s for sel in selectors if (s := specificity(sel, spec)) is not None), default=None)
