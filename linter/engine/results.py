"""What checking a file produces: findings, their content keys, and the file's result.

Kept apart from :mod:`linter.engine.lint` (which makes them) because every reporter,
the cache, the workers and the API pass these values around without running a rule.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import field
from typing import TYPE_CHECKING

from linter.engine.registry import Fix, Severity
from linter.source.frozen import record
from linter.source.pickling import fast_pickle

if TYPE_CHECKING:
    # Types only: a result read from the cache, and every reporter, must not import the
    # parser (a warm run never parses).
    from linter.facts.version_model import VersionFacts
    from linter.parse.model import Document
    from linter.source.text import Source

#: How the message of a rule's crash begins (such a result is never cached).
INTERNAL_ERROR = "internal error in rule "


@fast_pickle
@record
class Finding:
    """One reported problem, with its exact position."""

    rule: str
    name: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int  # code-point offsets, for fixes and baselines
    end: int
    fix: Fix | None = None


@fast_pickle
@record
class Key:
    """The content key of one finding (:mod:`linter.engine.fingerprint` computes it)."""

    rule: str
    text: str  # normalised matched text, or "sha256:<hex>" when it is long
    context: str  # 16 hex digits of the context hash
    occurrence: int

    @property
    def content_hash(self) -> str:
        """A hash of rule, text and context: the same for every occurrence."""
        return short_digest(f"{self.rule}\x1f{self.text}\x1f{self.context}")

    @property
    def fingerprint(self) -> str:
        """``<content hash>:<occurrence>``, SARIF's ``partialFingerprints`` value."""
        return f"{self.content_hash}:{self.occurrence}"


def short_digest(text: str) -> str:
    """16 hex digits of the SHA-256 of ``text``: content keys and their hashes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


#: ``(line, column, end_line, end_column)`` of a span, 1-based, columns in code points.
Region = tuple[int, int, int, int]
#: A finding a baseline held: with its key and the regions of its fix's edits, if known.
Baselined = tuple["Finding", Key, tuple[Region, ...] | None]


@record(slots=False)
class FileResult:
    """Everything known about one checked file.

    A result made in this process by :func:`lint_bytes` holds its Source and Document.
    Results that travel (from worker processes, a cache, a cluster) are *compact*: no
    Source, no Document, only what their consumers asked for (:class:`Needs`): content
    keys, edit regions, the report's outline, the X rules' version facts.
    """

    path: str
    findings: tuple[Finding, ...] = ()
    language: str | None = None
    error: str | None = None  # the file could not be checked (unreadable, too large)
    source: Source | None = field(default=None, repr=False)
    document: Document | None = field(default=None, repr=False)
    # A compact, picklable summary of the Document made where the file was linted (the
    # audit report's outline); the engine does not know its type, see ``lint_all``.
    outline: object | None = field(default=None, repr=False)
    # What the parallel-version rules compare (X001-X003), when one of them is selected
    # for the file: small and picklable, it stays when a worker drops the Document.
    versions: VersionFacts | None = field(default=None, repr=False)
    # The content key of each finding (baseline, SARIF, GitLab, JSON lines), computed
    # where the text is: a compact result has no text to compute them from.
    keys: tuple[Key, ...] | None = field(default=None, repr=False)
    # For each finding, the region of each edit of its fix (None: no fix): SARIF's fixes.
    edit_regions: tuple[tuple[Region, ...] | None, ...] | None = field(default=None, repr=False)
    # With a baseline (None: none was applied), the findings it held, with their keys and
    # edit regions: left out of every report but SARIF, which lists them as suppressed.
    baselined: tuple[Baselined, ...] | None = field(default=None, repr=False)
    # The stage the time budget ran out in (E003): the result is partial, never cached.
    exhausted: str | None = None


def finding_order(finding: Finding) -> tuple[int, int, str, int, int]:
    """How findings are listed in a file: by position, then rule."""
    return (finding.line, finding.column, finding.rule, finding.end_line, finding.end_column)


def count_by(findings: Iterable[Finding], key: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for finding in findings:
        value = str(getattr(finding, key))
        counts[value] = counts.get(value, 0) + 1
    return dict(sorted(counts.items()))
