"""D008 malformed-symbol."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.registry import Hit, Severity, rule
from linter.facts.citations import citations
from linter.facts.periods import as_written
from linter.parse.model import Document

_REASONS = {
    "space-in-symbol": "a space breaks it",
    "double-slash": "it has an empty component (two slashes)",
    "missing-separator": "a slash is missing (two components run together)",
    "bad-component": "a component mixes figures and letters",
    "misread-root": "its series letter was misread by character recognition",
}


@rule("D008", "malformed-symbol", Severity.ERROR, requires_structure=True)
def malformed_symbol(doc: Document) -> Iterator[Hit]:
    """A document symbol does not follow the symbol grammar.

    Why:
        Symbols (``A/RES/66/181``, ``E/2012/30``, ``E/CN.15/2012/15``) are how documents are
        found, linked and matched across languages. Extraction and typing break them:
        ``A/RES/66181`` or ``E/201230`` (a slash lost), ``E/2012 /30`` (a space inside),
        ``A/RES//66/1`` (a doubled slash); character recognition of older texts reads the
        S of a Council symbol as a dollar sign (``$/25240``, ``S$/12611``). A broken
        symbol points nowhere. Only the series
        reslint knows (``[symbols] trusted_roots`` in ``rules/data/bodies.toml``) are
        checked, so page numbers (``2/18``), other organisations' symbols and old footnote
        markers (``1/``) are left alone. The finding points at the symbol and suggests the
        repair when it is certain.

    Example:
        The General Assembly,

        Having considered the report of the Secretary-General (A/RES/66181),

        1. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025

    Use instead:
        The General Assembly,

        Having considered the report of the Secretary-General (A/RES/66/181),

        1. Decides to remain seized of the matter.

        40th plenary meeting
        14 November 2025
    """
    for found in citations(doc).malformed_symbols:
        bad = found.item
        reason = _REASONS.get(bad.reason, bad.reason)
        advice = f"; write {bad.suggestion}" if bad.suggestion else ""
        yield Hit(
            found.span.start,
            found.span.end,
            f"'{as_written(bad.text)}' is not a valid document symbol: {reason}{advice}",
        )
