"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run. ``tool.driver.rules`` describes every rule of the catalogue (id, name, short and
full description, help text, default level, and a help URI when the documentation's
address is known: see :func:`docs_url`), so a viewer can explain a result
without reslint installed. Results carry the level (``info`` becomes ``note``), the
message, a region with start and end line and column (``columnKind`` is
``unicodeCodePoints``, the unit reslint counts in; end columns are exclusive in both), a
content-based fingerprint and, where the rule offers one, the fix as replacements.

``partialFingerprints["reslintContentKey/v1"]`` is the content key of
:mod:`linter.engine.fingerprint`, the one the baseline matches on: it does not change when lines
are inserted above a finding, so code scanning keeps tracking the same alert.

With a baseline, every result says so: new ones have ``baselineState`` ``new``; the ones the
baseline holds are listed too, ``unchanged`` and with an external ``suppression``, so a viewer
shows them as accepted instead of losing them. GitHub takes at most :data:`MAX_RESULTS`
results in a run: past that the log keeps the most severe (new before baselined), and a
warning notification (and a line on stderr, :func:`left_out`) says how many were left out.
Each rule's help is plain text and Markdown (``help.markdown``); ``informationUri`` and
``helpUri`` are written when the project's addresses are known (:func:`project_url`).

Paths given relative are written relative to ``%SRCROOT%`` (the working directory, in
``originalUriBaseIds``); run reslint from the repository root for GitHub.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from linter import __version__
from linter.engine.display import display_path
from linter.engine.fingerprint import Key, KeyedResult, keys_of
from linter.engine.lint import FileResult, Finding
from linter.engine.registry import RuleSpec, all_rules
from linter.engine.ruledoc import markdown, plain_text, sections

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "reslintContentKey/v1"
ROOT_ID = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
#: The ``Project-URL`` label of the package metadata that names the rule catalogue.
DOCS_LABEL = "Documentation"
#: Labels of the project's home page, in the order tried, for ``informationUri``.
HOME_LABELS = ("Homepage", "Repository", "Source")
#: GitHub code scanning refuses a run with more results than this.
MAX_RESULTS = 25_000
#: ``runAutomationDetails.id``: the category ``reslint`` (GitHub reads what stands before
#: the last ``/``); upload-sarif's ``category`` input, when given, takes its place.
AUTOMATION_ID = "reslint/"
_SUPPRESSION = {"kind": "external", "justification": "recorded in the reslint baseline"}


def project_url(*labels: str) -> str | None:
    """The first of the package's ``Project-URL`` entries with one of ``labels``."""
    from importlib import metadata

    try:
        urls: list[str] = metadata.metadata("reslint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    found: dict[str, str] = {}
    for entry in urls:
        label, _, url = entry.partition(",")
        if url.strip():
            found.setdefault(label.strip(), url.strip())
    return next((found[label] for label in labels if label in found), None)


def docs_url() -> str | None:
    """The absolute URL of the rule catalogue (``docs/rules.md``), if one is known:
    ``RESLINT_DOCS_URL``, else the package's ``Project-URL: Documentation``.

    SARIF requires ``helpUri`` to be an absolute URI and GitHub's upload checks it, so
    with neither the rules carry their full help text but no ``helpUri``."""
    return os.environ.get("RESLINT_DOCS_URL") or project_url(DOCS_LABEL)


def rule_descriptor(spec: RuleSpec, docs: str | None) -> dict[str, Any]:
    parts = sections(spec.doc)
    why = " ".join(parts.get("Why", "").split()) or spec.summary
    descriptor = {
        "id": spec.code,
        "name": spec.name,
        "shortDescription": {"text": spec.summary},
        "fullDescription": {"text": why},
        "help": {"text": plain_text(spec.doc), "markdown": markdown(spec.doc)},
        "defaultConfiguration": {"level": LEVELS[spec.severity.value]},
        "properties": {"fix": spec.fix.value, "tags": [spec.family]},
    }
    if docs:
        descriptor["helpUri"] = f"{docs}#{spec.code.lower()}"
    return descriptor


def artifact_location(path: str) -> dict[str, str]:
    """A URI of the file: its bytes percent-encoded, so any file name is exact."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(os.fsencode(Path(path).as_posix())), "uriBaseId": ROOT_ID}


def _folder_uri(folder: Path) -> str:
    uri = folder.as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _fixes(result: FileResult, finding: Finding) -> list[dict[str, Any]]:
    if finding.fix is None or result.source is None:
        return []
    position = result.source.position
    replacements = []
    for edit in finding.fix.edits:
        region = _region(*position(edit.start), *position(edit.end))
        replacements.append(
            {"deletedRegion": region, "insertedContent": {"text": edit.replacement}}
        )
    return [
        {
            "description": {"text": f"{finding.fix.applicability} fix for {finding.rule}"},
            "artifactChanges": [
                {"artifactLocation": artifact_location(result.path), "replacements": replacements}
            ],
        }
    ]


def _result(result: FileResult, finding: Finding, key: Key, index: dict[str, int]) -> Any:
    sarif: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity.value],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_location(result.path),
                    "region": _region(
                        finding.line, finding.column, finding.end_line, finding.end_column
                    ),
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT: key.fingerprint},
    }
    if finding.rule in index:
        sarif["ruleIndex"] = index[finding.rule]
    fixes = _fixes(result, finding)
    if fixes:
        sarif["fixes"] = fixes
    return sarif


def _ranked(results: Sequence[FileResult], index: dict[str, int]) -> list[tuple[int, Any]]:
    """Every SARIF result with its rank for the cap (lower is kept first): errors, then
    warnings, then notes; new findings before baselined ones."""
    with_baseline = any(isinstance(result, KeyedResult) for result in results)
    ranked = []
    for result in results:
        for finding, key in zip(result.findings, keys_of(result), strict=True):
            entry = _result(result, finding, key, index)
            if with_baseline:
                entry["baselineState"] = "new"
            ranked.append((-finding.severity.rank, entry))
        if isinstance(result, KeyedResult):
            for finding, key in result.baselined:
                entry = _result(result, finding, key, index)
                entry["baselineState"] = "unchanged"
                entry["suppressions"] = [dict(_SUPPRESSION)]
                ranked.append((3 - finding.severity.rank, entry))
    return ranked


def left_out(results: Sequence[FileResult]) -> int:
    """How many results a SARIF log of ``results`` leaves out (over :data:`MAX_RESULTS`)."""
    total = sum(len(result.findings) for result in results)
    total += sum(len(r.baselined) for r in results if isinstance(r, KeyedResult))
    return max(0, total - MAX_RESULTS)


def _capped(ranked: list[tuple[int, Any]]) -> list[Any]:
    if len(ranked) <= MAX_RESULTS:
        return [entry for _, entry in ranked]
    kept = sorted(range(len(ranked)), key=lambda i: ranked[i][0])[:MAX_RESULTS]
    return [ranked[i][1] for i in sorted(kept)]  # in file order again


def _notifications(results: Sequence[FileResult]) -> list[dict[str, Any]]:
    notifications: list[dict[str, Any]] = [
        {
            "level": "error",
            "message": {"text": f"{display_path(result.path)}: {result.error}"},
            "locations": [
                {"physicalLocation": {"artifactLocation": artifact_location(result.path)}}
            ],
        }
        for result in results
        if result.error
    ]
    over = left_out(results)
    if over:
        notifications.append(
            {
                "level": "warning",
                "message": {"text": cap_warning(over)},
            }
        )
    return notifications


def cap_warning(over: int) -> str:
    return (
        f"{over} results left out: GitHub code scanning takes at most {MAX_RESULTS} results "
        "in a run; the most severe were kept (see --statistics, or split the run)"
    )


def build(results: Sequence[FileResult]) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dictionary."""
    specs = all_rules()
    docs = docs_url()
    index = {spec.code: number for number, spec in enumerate(specs)}
    notifications = _notifications(results)
    driver: dict[str, Any] = {
        "name": "reslint",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [rule_descriptor(spec, docs) for spec in specs],
    }
    home = project_url(*HOME_LABELS) or docs
    if home:
        driver["informationUri"] = home
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "automationDetails": {"id": AUTOMATION_ID},
                "invocations": [
                    {
                        "executionSuccessful": not any(r.error for r in results),
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "originalUriBaseIds": {ROOT_ID: {"uri": _folder_uri(Path.cwd())}},
                "columnKind": "unicodeCodePoints",
                "results": _capped(_ranked(results, index)),
            }
        ],
    }


def render(results: Sequence[FileResult], stream: TextIO) -> None:
    stream.write(json.dumps(build(results), indent=2, ensure_ascii=False) + "\n")
