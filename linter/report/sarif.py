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

Paths given relative are written relative to ``%SRCROOT%`` (the working directory, in
``originalUriBaseIds``); run reslint from the repository root for GitHub.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from linter import __version__
from linter.engine.fingerprint import Key, keys_of
from linter.engine.lint import FileResult, Finding, Region
from linter.engine.registry import RuleSpec, all_rules
from linter.engine.ruledoc import sections
from linter.report.jsonstream import Frame, hole

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "reslintContentKey/v1"
ROOT_ID = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
#: The ``Project-URL`` label of the package metadata that names the rule catalogue.
DOCS_LABEL = "Documentation"


def docs_url() -> str | None:
    """The absolute URL of the rule catalogue (``docs/rules.md``), if one is known:
    ``RESLINT_DOCS_URL``, else the package's ``Project-URL: Documentation``.

    SARIF requires ``helpUri`` to be an absolute URI and GitHub's upload checks it, so
    with neither the rules carry their full help text but no ``helpUri``."""
    configured = os.environ.get("RESLINT_DOCS_URL")
    if configured:
        return configured
    from importlib import metadata

    try:
        urls: list[str] = metadata.metadata("reslint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip() == DOCS_LABEL and url.strip():
            return url.strip()
    return None


def rule_descriptor(spec: RuleSpec, docs: str | None) -> dict[str, Any]:
    parts = sections(spec.doc)
    why = " ".join(parts.get("Why", "").split()) or spec.summary
    descriptor = {
        "id": spec.code,
        "name": spec.name,
        "shortDescription": {"text": spec.summary},
        "fullDescription": {"text": why},
        "help": {"text": spec.doc},
        "defaultConfiguration": {"level": LEVELS[spec.severity.value]},
        "properties": {"fix": spec.fix.value, "tags": [spec.family]},
    }
    if docs:
        descriptor["helpUri"] = f"{docs}#{spec.code.lower()}"
    return descriptor


def artifact_location(path: str) -> dict[str, str]:
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(Path(path).as_posix()), "uriBaseId": ROOT_ID}


def _folder_uri(folder: Path) -> str:
    uri = folder.as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _edit_regions(result: FileResult, number: int, finding: Finding) -> list[Region] | None:
    """Where each edit of a finding's fix lies: carried by a compact result, else
    computed from its text (None when neither is at hand)."""
    if finding.fix is None:
        return None
    if result.edit_regions is not None:
        regions = result.edit_regions[number]
        return list(regions) if regions is not None else None
    if result.source is None:
        return None
    position = result.source.position
    return [(*position(edit.start), *position(edit.end)) for edit in finding.fix.edits]


def _fixes(result: FileResult, number: int, finding: Finding) -> list[dict[str, Any]]:
    regions = _edit_regions(result, number, finding)
    if finding.fix is None or regions is None:
        return []
    replacements = [
        {"deletedRegion": _region(*region), "insertedContent": {"text": edit.replacement}}
        for edit, region in zip(finding.fix.edits, regions, strict=True)
    ]
    return [
        {
            "description": {"text": f"{finding.fix.applicability} fix for {finding.rule}"},
            "artifactChanges": [
                {"artifactLocation": artifact_location(result.path), "replacements": replacements}
            ],
        }
    ]


def _result(
    result: FileResult, number: int, finding: Finding, key: Key, index: dict[str, int]
) -> Any:
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
    fixes = _fixes(result, number, finding)
    if fixes:
        sarif["fixes"] = fixes
    return sarif


def _notification(result: FileResult) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": f"{result.path}: {result.error}"},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_location(result.path)}}],
    }


class Writer:
    """The log's frame (tool and rules) at once, results as files come, then the
    invocation (which says whether every file could be checked)."""

    def __init__(self, stream: TextIO) -> None:
        specs = all_rules()
        docs = docs_url()
        self.index = {spec.code: number for number, spec in enumerate(specs)}
        self.notifications: list[dict[str, Any]] = []
        run = {
            "tool": {
                "driver": {
                    "name": "reslint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "rules": [rule_descriptor(spec, docs) for spec in specs],
                }
            },
            "originalUriBaseIds": {ROOT_ID: {"uri": _folder_uri(Path.cwd())}},
            "columnKind": "unicodeCodePoints",
            "results": hole("results"),
            "invocations": hole("invocations"),
        }
        log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        self.frame = Frame(log, ["results", "invocations"], stream)

    def add(self, result: FileResult) -> None:
        if result.error:
            self.notifications.append(_notification(result))
        for number, (finding, key) in enumerate(zip(result.findings, keys_of(result), strict=True)):
            self.frame.item(_result(result, number, finding, key, self.index))

    def close(self) -> None:
        self.frame.end_array()
        self.frame.value(
            [
                {
                    "executionSuccessful": not self.notifications,
                    "toolExecutionNotifications": self.notifications,
                }
            ]
        )
        self.frame.stream.write("\n")
