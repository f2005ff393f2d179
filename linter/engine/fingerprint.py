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

import hashlib
from dataclasses import dataclass

from linter.engine.lint import FileResult, Finding
from linter.source.text import Source

#: Longest matched text kept verbatim in a key; longer spans are stored as a hash.
MAX_TEXT = 120
#: Characters of context (whitespace collapsed) on each side of a finding's span.
CONTEXT = 24
#: Stands for the finding's own span inside its context.
_MASK = "\u241f"  # SYMBOL FOR UNIT SEPARATOR: never in a resolution


@dataclass(frozen=True, slots=True)
class Key:
    """The content key of one finding (see the module docstring)."""

    rule: str
    text: str  # normalised matched text, or "sha256:<hex>" when it is long
    context: str  # 16 hex digits of the context hash
    occurrence: int

    @property
    def content_hash(self) -> str:
        """A hash of rule, text and context: the same for every occurrence."""
        return _digest(f"{self.rule}\x1f{self.text}\x1f{self.context}")

    @property
    def fingerprint(self) -> str:
        """``<content hash>:<occurrence>``, SARIF's ``partialFingerprints`` value."""
        return f"{self.content_hash}:{self.occurrence}"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def normalise(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return " ".join(text.split())


def _parts(finding: Finding, source: Source | None) -> tuple[str, str]:
    """(matched text, context hash) of one finding."""
    if source is None:  # an input rule on undecodable bytes: there is no text to key on
        return "", _digest("")
    text = source.text
    start = max(0, min(finding.start, len(text)))
    end = max(start, min(finding.end, len(text)))
    raw = text[start:end]
    # A whitespace finding's text collapses to nothing: keep spaces as they are, so the key
    # (and a reviewer reading the baseline) still says what was matched; a span of line
    # breaks (a hard wrap, blank lines) keys as one break, however many blank lines it has.
    matched = normalise(raw) or ("\n" if "\n" in raw else raw)
    if len(matched) > MAX_TEXT:
        matched = "sha256:" + _digest(matched)
    # Only the span's own lines: a line inserted next to it must not change its key.
    first = source.line_at(start).start
    last = max(source.line_at(end).end, end)
    before = normalise(text[max(first, start - 4 * CONTEXT) : start])[-CONTEXT:]
    after = normalise(text[end : min(last, end + 4 * CONTEXT)])[:CONTEXT]
    return matched, _digest(before + _MASK + after)


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


@dataclass(frozen=True)
class KeyedResult(FileResult):
    """A file's result whose keys were computed before some findings were filtered out
    (by the baseline), so occurrence indices stay those of the whole file. A result of a
    run with a baseline is always one."""

    keys: tuple[Key, ...] = ()
    # The findings the baseline held, with their keys: left out of every report but SARIF,
    # which lists them as suppressed (``baselineState`` ``unchanged``).
    baselined: tuple[tuple[Finding, Key], ...] = ()


def keys_of(result: FileResult) -> tuple[Key, ...]:
    """The keys of ``result``'s findings: carried ones if it is keyed, else computed."""
    if isinstance(result, KeyedResult):
        return result.keys
    return keys(result)
