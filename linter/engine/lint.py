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

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter.engine.budget import BudgetExceeded, limit, stage
from linter.engine.budget import stop as budget_stop
from linter.engine.reading import MAX_BYTES as MAX_BYTES  # re-exported: callers import it here
from linter.engine.reading import read_limited, reason
from linter.engine.registry import Hit, Input, RuleSpec, Severity, iter_hits
from linter.engine.results import INTERNAL_ERROR as INTERNAL_ERROR
from linter.engine.results import Baselined as Baselined
from linter.engine.results import FileResult as FileResult
from linter.engine.results import Finding as Finding
from linter.engine.results import Key as Key
from linter.engine.results import Region as Region
from linter.engine.results import count_by as count_by
from linter.engine.results import finding_order as finding_order
from linter.engine.results import short_digest as short_digest
from linter.parse.structure import parse
from linter.source.encoding import is_utf8
from linter.source.text import LINE_BREAK, DecodeError, Source, decode

#: The rule that reports a text with no resolution structure: on such a text it is the
#: only one run (see the module docstring).
UNSTRUCTURED_RULE = "E002"


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
    """(line, column) of a byte offset, counting code points of the valid prefix and
    lines as the line index does (every break of ``LINE_BREAK``)."""
    prefix = data[:offset].decode("utf-8", errors="replace")
    breaks = list(LINE_BREAK.finditer(prefix))
    line_start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, len(prefix) - line_start + 1


@dataclass
class _Progress:
    """What a lint has produced so far: kept when the time budget runs out."""

    findings: list[Finding] = field(default_factory=list)
    source: Source | None = None


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
    budget: float | None = None,
) -> FileResult:
    """Lint the bytes of one file: UTF-8, or the ``encoding`` named (``--encoding``), in
    which case the input rules (E001: is it UTF-8?) are not run, and bytes that are not
    in that encoding make the file's ``error``: the user's reading of it was wrong. All
    within ``budget`` seconds (see ``linter.engine.budget``)."""
    if not is_utf8(encoding):
        try:
            text = decode(data, encoding)
        except DecodeError as error:
            return FileResult(path=path, error=str(error))
        return lint_text(
            text, path, rules, options, severities, raise_errors, language, fragment, budget
        )
    options = options or {}
    severities = severities or {}
    raise_errors = _raise_errors_default() if raise_errors is None else raise_errors
    return _within(
        budget,
        path,
        rules,
        severities,
        lambda progress: _lint_bytes(
            data, path, rules, options, severities, raise_errors, language, fragment, progress
        ),
    )


def _within(
    budget: float | None,
    path: str,
    rules: Sequence[RuleSpec],
    severities: Mapping[str, Severity],
    work: Callable[[_Progress], FileResult],
) -> FileResult:
    """``work`` within the time budget; if the budget is this call's and runs out, the
    findings so far and E003. An outer budget's caller handles it."""
    progress = _Progress()
    with limit(budget) as owner:
        try:
            return work(progress)
        except BudgetExceeded as error:
            if not owner:
                raise
            budget_stop()
            return out_of_time(path, rules, severities, error, progress)


def _lint_bytes(
    data: bytes,
    path: str,
    rules: Sequence[RuleSpec],
    options: Mapping[str, Any],
    severities: Mapping[str, Severity],
    raise_errors: bool,
    language: str | None,
    fragment: bool,
    progress: _Progress,
) -> FileResult:
    findings = progress.findings
    for spec in rules:
        if spec.input is not Input.BYTES:
            continue
        stage(f"rule {spec.code} ({spec.name})")
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
    stage("decoding")
    try:
        text = decode(data)
    except DecodeError:
        # Nothing else can be checked; E001 (if selected) has said why.
        return FileResult(path=path, findings=tuple(findings))
    return _lint_decoded(
        text, path, rules, options, severities, raise_errors, progress, language, fragment
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
    budget: float | None = None,
) -> FileResult:
    """Lint a text that is already decoded (fix passes, tests), within ``budget``.
    ``fragment``: run every rule even where no resolution is recognised (rule cases and
    examples)."""
    raise_errors = _raise_errors_default() if raise_errors is None else raise_errors
    severities = severities or {}
    return _within(
        budget,
        path,
        rules,
        severities,
        lambda progress: _lint_decoded(
            text,
            path,
            rules,
            options or {},
            severities,
            raise_errors,
            progress,
            language,
            fragment,
        ),
    )


def out_of_time(
    path: str,
    rules: Sequence[RuleSpec],
    severities: Mapping[str, Severity],
    error: BudgetExceeded,
    progress: _Progress | None = None,
) -> FileResult:
    """The result of a file whose time budget ran out: the findings so far, and E003
    (when selected) naming the stage that was running."""
    findings = list(progress.findings) if progress is not None else []
    for spec in rules:
        if spec.input is not Input.ENGINE:
            continue
        for hit in iter_hits(spec, error, spec.default_options()):
            severity = severities.get(spec.code, spec.severity)
            findings.append(Finding(spec.code, spec.name, severity, hit.message, 1, 1, 1, 1, 0, 0))
    findings.sort(key=finding_order)
    source = progress.source if progress is not None else None
    language = source.language if source is not None else None
    return FileResult(
        path=path,
        findings=tuple(findings),
        language=language,
        source=source,
        exhausted=error.stage,
    )


def _lint_decoded(
    text: str,
    path: str,
    rules: Sequence[RuleSpec],
    options: Mapping[str, Any],
    severities: Mapping[str, Severity],
    raise_errors: bool,
    progress: _Progress,
    language: str | None,
    fragment: bool = False,
) -> FileResult:
    findings = progress.findings
    stage("line index and language")
    source = progress.source = Source.from_text(text, path=path, language=language)
    document_rules = [spec for spec in rules if spec.input is Input.DOCUMENT]
    stage("parse")
    document = parse(source)
    structured = document.has_structure
    for spec in document_rules:
        if not structured and (
            spec.requires_structure or not (fragment or spec.code == UNSTRUCTURED_RULE)
        ):
            continue
        stage(f"rule {spec.code} ({spec.name})")
        severity = severities.get(spec.code, spec.severity)
        for hit in _run(spec, document, options, raise_errors):
            findings.append(_finding(spec, hit, source, severity))
    findings.sort(key=finding_order)
    versions = None
    if structured and any(spec.input is Input.VERSIONS for spec in rules):
        stage("parallel versions")
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


def lint_path(
    path: Path,
    rules: Sequence[RuleSpec],
    options: Mapping[str, Any] | None = None,
    severities: Mapping[str, Severity] | None = None,
    language: str | None = None,
    encoding: str | None = None,
    budget: float | None = None,
) -> FileResult:
    """Lint one file on disk; an unreadable file gives a result with ``error`` set."""
    try:
        data = read_limited(path)
    except OSError as error:
        return FileResult(path=str(path), error=reason(error))
    try:
        return lint_bytes(
            data,
            str(path),
            rules,
            options,
            severities,
            language=language,
            encoding=encoding,
            budget=budget,
        )
    except BudgetExceeded as error:  # the timer fired as the lint was returning
        return out_of_time(str(path), rules, severities or {}, error)
