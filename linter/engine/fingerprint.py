"""Content keys for findings: what the baseline matches on and what SARIF fingerprints carry.

A finding's line number changes whenever a line is inserted above it, so neither the
baseline nor SARIF's ``partialFingerprints`` may use it. The key is built from content:

* the rule code;
* the matched text (the finding's span), whitespace collapsed (a span of whitespace
  only is kept as it is);
* a hash of its context: the text right around the span on its own lines (up to
  :data:`CONTEXT` characters on each side once whitespace is collapsed), with the span
  masked out. Lines inserted or removed anywhere, even next to it, and an edit further
  along the same line do not change it; an edit right next to the finding does;
* the occurrence index among findings of the same file with the same three parts, in
  file order (two identical damaged lines stay two entries).

This module is the only place that computes the key; :mod:`linter.engine.baseline`,
:mod:`linter.report.sarif` and :mod:`linter.report.gitlab` all read it from here.
"""

from __future__ import annotations

from linter.engine.results import FileResult, Finding, Key, short_digest
from linter.source.text import Source

__all__ = ["CONTEXT", "MAX_TEXT", "Key", "keys", "keys_of", "normalise"]

#: Longest matched text kept verbatim in a key; longer spans are stored as a hash.
MAX_TEXT = 120
#: Characters of context (whitespace collapsed) on each side of a finding's span.
CONTEXT = 24
#: Stands for the finding's own span inside its context.
_MASK = "\u241f"  # SYMBOL FOR UNIT SEPARATOR: never in a resolution


def normalise(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return " ".join(text.split())


def _parts(finding: Finding, source: Source | None) -> tuple[str, str]:
    """(matched text, context hash) of one finding."""
    if source is None:  # an input rule on undecodable bytes: there is no text to key on
        return "", short_digest("")
    text = source.text
    start = max(0, min(finding.start, len(text)))
    end = max(start, min(finding.end, len(text)))
    raw = text[start:end]
    # A whitespace finding's text collapses to nothing: keep spaces as they are, so the key
    # (and a reviewer reading the baseline) still says what was matched; a span of line
    # breaks (a hard wrap, blank lines) keys as one break, however many blank lines it has.
    matched = normalise(raw) or ("\n" if "\n" in raw else raw)
    if len(matched) > MAX_TEXT:
        matched = "sha256:" + short_digest(matched)
    # Only the span's own lines: a line inserted next to it must not change its key.
    first = source.line_at(start).start
    last = max(source.line_at(end).end, end)
    before = normalise(text[max(first, start - 4 * CONTEXT) : start])[-CONTEXT:]
    after = normalise(text[end : min(last, end + 4 * CONTEXT)])[:CONTEXT]
    return matched, short_digest(before + _MASK + after)


def keys(result: FileResult) -> tuple[Key, ...]:
    """The key of every finding of ``result``, in the order of ``result.findings``."""
    seen: dict[tuple[str, str, str], int] = {}
    found = []
    for finding in result.findings:
        matched, context = _parts(finding, result.source)
        group = (finding.rule, matched, context)
        occurrence = seen.get(group, 0)
        seen[group] = occurrence + 1
        found.append(Key(finding.rule, matched, context, occurrence))
    return tuple(found)


def keys_of(result: FileResult) -> tuple[Key, ...]:
    """The keys of ``result``'s findings: those it carries (a compact result, or one the
    baseline filtered, whose occurrence indices are those of the whole file), else
    computed from its text."""
    if result.keys is not None:
        return result.keys
    if result.source is None and result.language is not None:
        # A compact result (from a worker or the cache) has no text to key on: the run
        # must ask for keys where the file is linted (``Needs(keys=True)``).
        raise ValueError(f"{result.path}: a compact result carries no content keys")
    return keys(result)
