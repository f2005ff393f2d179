"""Run rules over a file and turn their hits into findings.

The engine is the only place that knows about positions: rules give character spans,
the engine adds line and column (1-based, columns in code points, end exclusive), the
rule's code, name and severity. A rule that raises does not stop the run: it becomes an
error finding that names the rule (under tests, set ``raise_errors`` and it raises).

A text in which no resolution was recognised (a ``requirements.txt`` beside the
documents, a letter) gets the one finding E002 says so with, and nothing else: the other
rules describe damage to a resolution, and reporting hard wraps or whitespace in a file
that is not one is noise that fails a pre-commit hook for nothing. A rule's cases and
examples are fragments, not resolutions: ``fragment=True`` runs every rule on them.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter.engine.registry import Fix, Hit, Input, RuleSpec, Severity, iter_hits
from linter.parse.model import Document
from linter.parse.structure import parse
from linter.source.encoding import is_utf8
from linter.source.pickling import fast_pickle
from linter.source.text import DecodeError, Source, decode

if TYPE_CHECKING:
    from linter.facts.versions import VersionFacts

#: Files larger than this are reported, not read: no resolution comes near it.
MAX_BYTES = 64 * 1024 * 1024

#: The rule that reports a text with no resolution structure: on such a text it is the
#: only one run (see the module docstring).
UNSTRUCTURED_RULE = "E002"


@fast_pickle
@dataclass(frozen=True, slots=True)
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
@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True)
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


def _raise_errors_default() -> bool:
    return os.environ.get("RESLINT_RAISE_INTERNAL") == "1"


def _finding(spec: RuleSpec, hit: Hit, source: Source, severity: Severity) -> Finding:
    line, column = source.position(hit.start)
    end_line, end_column = source.position(max(hit.end, hit.start))
    return Finding(
        rule=spec.code,
        name=spec.name,
        severity=severity,
        message=hit.message,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        start=hit.start,
        end=hit.end,
        fix=hit.fix,
    )


#: How the message of a rule's crash begins (such a result is never cached).
INTERNAL_ERROR = "internal error in rule "


def _internal_error(spec: RuleSpec, error: Exception) -> Hit:
    return Hit(
        0,
        0,
        f"{INTERNAL_ERROR}{spec.code} ({spec.name}): "
        f"{type(error).__name__}: {error}; please report it",
    )


def _run(spec: RuleSpec, subject: Any, options: Mapping[str, Any], raise_errors: bool) -> list[Hit]:
    try:
        return list(iter_hits(spec, subject, options.get(spec.code, spec.default_options())))
    except Exception as error:
        if raise_errors:
            raise
        return [_internal_error(spec, error)]


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """(line, column) of a byte offset, counting code points of the valid prefix."""
    prefix = data[:offset].decode("utf-8", errors="replace")
    line = prefix.count("\n") + 1
    column = len(prefix) - (prefix.rfind("\n") + 1) + 1
    return line, column


def lint_bytes(
    data: bytes,
    path: str,
    rules: Sequence[RuleSpec],
    options: Mapping[str, Any] | None = None,
    severities: Mapping[str, Severity] | None = None,
    raise_errors: bool | None = None,
    language: str | None = None,
    fragment: bool = False,
    encoding: str | None = None,
) -> FileResult:
    """Lint the bytes of one file: UTF-8, or the ``encoding`` named (``--encoding``), in
    which case the input rules (E001: is it UTF-8?) are not run, and bytes that are not
    in that encoding make the file's ``error``: the user's reading of it was wrong."""
    if not is_utf8(encoding):
        try:
            text = decode(data, encoding)
        except DecodeError as error:
            return FileResult(path=path, error=str(error))
        return lint_text(text, path, rules, options, severities, raise_errors, language, fragment)
    options = options or {}
    severities = severities or {}
    raise_errors = _raise_errors_default() if raise_errors is None else raise_errors
    findings: list[Finding] = []
    for spec in rules:
        if spec.input is not Input.BYTES:
            continue
        for hit in _run(spec, data, options, raise_errors):
            line, column = _byte_position(data, hit.start)
            end_line, end_column = _byte_position(data, hit.end)
            findings.append(
                Finding(
                    spec.code,
                    spec.name,
                    severities.get(spec.code, spec.severity),
                    hit.message,
                    line,
                    column,
                    end_line,
                    end_column,
                    hit.start,
                    hit.end,
                    hit.fix,
                )
            )
    try:
        text = decode(data)
    except DecodeError:
        # Nothing else can be checked; E001 (if selected) has said why.
        return FileResult(path=path, findings=tuple(findings))
    return _lint_decoded(
        text, path, rules, options, severities, raise_errors, findings, language, fragment
    )


def lint_text(
    text: str,
    path: str = "<text>",
    rules: Sequence[RuleSpec] = (),
    options: Mapping[str, Any] | None = None,
    severities: Mapping[str, Severity] | None = None,
    raise_errors: bool | None = None,
    language: str | None = None,
    fragment: bool = False,
) -> FileResult:
    """Lint a text that is already decoded (fix passes, tests). ``fragment``: run every
    rule even where no resolution is recognised (rule cases and examples)."""
    raise_errors = _raise_errors_default() if raise_errors is None else raise_errors
    return _lint_decoded(
        text, path, rules, options or {}, severities or {}, raise_errors, [], language, fragment
    )


def _lint_decoded(
    text: str,
    path: str,
    rules: Sequence[RuleSpec],
    options: Mapping[str, Any],
    severities: Mapping[str, Severity],
    raise_errors: bool,
    findings: list[Finding],
    language: str | None,
    fragment: bool = False,
) -> FileResult:
    source = Source.from_text(text, path=path, language=language)
    document_rules = [spec for spec in rules if spec.input is Input.DOCUMENT]
    document = parse(source)
    structured = document.has_structure
    for spec in document_rules:
        if not structured and (
            spec.requires_structure or not (fragment or spec.code == UNSTRUCTURED_RULE)
        ):
            continue
        severity = severities.get(spec.code, spec.severity)
        for hit in _run(spec, document, options, raise_errors):
            findings.append(_finding(spec, hit, source, severity))
    findings.sort(key=finding_order)
    versions = None
    if structured and any(spec.input is Input.VERSIONS for spec in rules):
        from linter.facts.versions import version_facts

        versions = version_facts(document)
    return FileResult(
        path=path,
        findings=tuple(findings),
        language=source.language,
        source=source,
        document=document,
        versions=versions,
    )


def finding_order(finding: Finding) -> tuple[int, int, str, int, int]:
    """How findings are listed in a file: by position, then rule."""
    return (finding.line, finding.column, finding.rule, finding.end_line, finding.end_column)


def read_limited(path: Path) -> bytes:
    """The bytes of ``path``; refuses files over :data:`MAX_BYTES` (OSError)."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise OSError(f"file is {size} bytes, over the {MAX_BYTES} byte limit; not checked")
    return path.read_bytes()


def lint_path(
    path: Path,
    rules: Sequence[RuleSpec],
    options: Mapping[str, Any] | None = None,
    severities: Mapping[str, Severity] | None = None,
    language: str | None = None,
    encoding: str | None = None,
) -> FileResult:
    """Lint one file on disk; an unreadable file gives a result with ``error`` set."""
    try:
        data = read_limited(path)
    except OSError as error:
        return FileResult(path=str(path), error=error.strerror or str(error))
    return lint_bytes(
        data, str(path), rules, options, severities, language=language, encoding=encoding
    )


def count_by(findings: Iterable[Finding], key: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for finding in findings:
        value = str(getattr(finding, key))
        counts[value] = counts.get(value, 0) + 1
    return dict(sorted(counts.items()))
