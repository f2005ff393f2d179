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

The log is written as results come (:class:`Writer`): the frame (tool, rules) at once;
the results wait in a temporary file (in memory while small) with their rank for the
cap, and are copied out at the end, when the cap is known; then the invocation.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import IO, Any, TextIO
from urllib.parse import quote

from linter import __version__
from linter.engine.display import display_path
from linter.engine.fingerprint import keys_of
from linter.engine.registry import RuleSpec, all_rules
from linter.engine.results import FileResult, Finding, Key, Region
from linter.engine.ruledoc import markdown, plain_text, sections
from linter.report.jsonstream import Frame, hole

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
#: Results kept in memory before they wait in a temporary file.
SPOOL_BYTES = 8 * 1024 * 1024
_encode = json.JSONEncoder(ensure_ascii=False).encode


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


def edit_regions(result: FileResult, number: int, finding: Finding) -> list[Region] | None:
    """Where each edit of finding ``number``'s fix lies: carried by a compact result,
    else computed from its text (None when neither is at hand)."""
    if finding.fix is None:
        return None
    if result.edit_regions is not None:
        regions = result.edit_regions[number]
        return list(regions) if regions is not None else None
    if result.source is None:
        return None
    position = result.source.position
    return [(*position(edit.start), *position(edit.end)) for edit in finding.fix.edits]


def _fixes(result: FileResult, finding: Finding, regions: list[Region] | None) -> list[Any]:
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
    result: FileResult,
    finding: Finding,
    key: Key,
    index: dict[str, int],
    regions: list[Region] | None,
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
    fixes = _fixes(result, finding, regions)
    if fixes:
        sarif["fixes"] = fixes
    return sarif


def ranked(result: FileResult, index: dict[str, int]) -> list[tuple[int, Any]]:
    """The SARIF results of one file with their rank for the cap (lower is kept first):
    errors, then warnings, then notes; new findings before baselined ones."""
    out = []
    with_baseline = result.baselined is not None
    for number, (finding, key) in enumerate(zip(result.findings, keys_of(result), strict=True)):
        entry = _result(result, finding, key, index, edit_regions(result, number, finding))
        if with_baseline:
            entry["baselineState"] = "new"
        out.append((-finding.severity.rank, entry))
    for finding, key, regions in result.baselined or ():
        entry = _result(result, finding, key, index, list(regions) if regions else None)
        entry["baselineState"] = "unchanged"
        entry["suppressions"] = [dict(_SUPPRESSION)]
        out.append((3 - finding.severity.rank, entry))
    return out


def cap_warning(over: int) -> str:
    return (
        f"{over} results left out: GitHub code scanning takes at most {MAX_RESULTS} results "
        "in a run; the most severe were kept (see --statistics, or split the run)"
    )


def _quotas(counts: Counter[int]) -> dict[int, int]:
    """How many results of each rank the log keeps: all of the most severe ranks, then
    the first of the next rank (in file order) up to :data:`MAX_RESULTS`."""
    room = MAX_RESULTS
    quotas = {}
    for rank in sorted(counts):
        quotas[rank] = min(counts[rank], room)
        room -= quotas[rank]
    return quotas


class Writer:
    """The log's frame (tool and rules) at once; the results, capped, and the invocation
    (which says whether every file could be checked) when the run ends."""

    def __init__(self, stream: TextIO) -> None:
        specs = all_rules()
        docs = docs_url()
        self.index = {spec.code: number for number, spec in enumerate(specs)}
        self.notifications: list[dict[str, Any]] = []
        self.counts: Counter[int] = Counter()
        self.left_out = 0
        # Closed by close(): a writer lives as long as the run.
        self.waiting: IO[str] = tempfile.SpooledTemporaryFile(  # noqa: SIM115
            max_size=SPOOL_BYTES, mode="w+", encoding="utf-8"
        )
        driver: dict[str, Any] = {
            "name": "reslint",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": [rule_descriptor(spec, docs) for spec in specs],
        }
        home = project_url(*HOME_LABELS) or docs
        if home:
            driver["informationUri"] = home
        run = {
            "tool": {"driver": driver},
            "automationDetails": {"id": AUTOMATION_ID},
            "originalUriBaseIds": {ROOT_ID: {"uri": _folder_uri(Path.cwd())}},
            "columnKind": "unicodeCodePoints",
            "results": hole("results"),
            "invocations": hole("invocations"),
        }
        log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        self.frame = Frame(log, ["results", "invocations"], stream)

    def add(self, result: FileResult) -> None:
        if result.error:
            self.notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"{display_path(result.path)}: {result.error}"},
                    "locations": [
                        {"physicalLocation": {"artifactLocation": artifact_location(result.path)}}
                    ],
                }
            )
        for rank, entry in ranked(result, self.index):
            self.counts[rank] += 1
            self.waiting.write(f"{rank}\t{_encode(entry)}\n")

    def close(self) -> None:
        quotas = _quotas(self.counts)
        self.left_out = sum(self.counts.values()) - sum(quotas.values())
        self.waiting.seek(0)
        for line in self.waiting:
            rank, entry = line.rstrip("\n").split("\t", 1)
            if quotas[int(rank)] > 0:
                quotas[int(rank)] -= 1
                self.frame.item_text(entry)
        self.waiting.close()
        self.frame.end_array()
        notifications = list(self.notifications)
        if self.left_out:
            notifications.append(
                {"level": "warning", "message": {"text": cap_warning(self.left_out)}}
            )
        self.frame.value(
            [
                {
                    "executionSuccessful": not self.notifications,
                    "toolExecutionNotifications": notifications,
                }
            ]
        )
        self.frame.stream.write("\n")
