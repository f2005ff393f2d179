"""The audit of a run: the overview and one row per document, counted from the findings.

Every count here comes from the same findings the JSON report is built from, and the
totals per rule and per severity are made by the same function
(:func:`~linter.engine.lint.count_by`), so the report and ``check --format json`` agree
(a test holds them to it). Documents are ordered worst first: errors, then findings an
editor must act on (not layout), then all findings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field
from datetime import UTC, datetime

from linter import __version__
from linter.engine.registry import RuleSpec, all_rules
from linter.engine.results import FileResult, Finding, count_by
from linter.engine.ruledoc import sections
from linter.report.audit.outline import Outline, outline_in
from linter.report.folding import is_layout, safely_fixable
from linter.source.frozen import record

#: Families by their letter; a family missing here is named after its folder in rules/.
FAMILY_NAMES = {
    "E": "input",
    "A": "extraction artifacts",
    "N": "numbering",
    "F": "footnotes",
    "D": "dates and symbols",
    "X": "parallel versions",
}


@record
class RuleInfo:
    """What the report tells about a rule: its metadata and its documentation."""

    code: str
    name: str
    family: str
    severity: str
    fix: str
    summary: str
    docs: dict[str, str]  # "Why", "Example", "Use instead", "Fix safety"


@record
class BaselineCounts:
    baselined: int
    fixed: int
    new: int


@record
class DocumentRow:
    """One document of the run: its counts and its outline."""

    index: int  # position in the run (the order files were checked)
    path: str
    language: str | None
    error: str | None
    findings: int
    by_rule: dict[str, int]
    by_family: dict[str, int]
    by_severity: dict[str, int]
    fixable: int  # safely fixable: what `reslint fix` repairs
    layout: int
    outline: Outline | None

    @property
    def clean(self) -> bool:
        return self.error is None and self.findings == 0

    def worst_key(self) -> tuple[int, int, int, str]:
        errors = self.by_severity.get("error", 0) + (1 if self.error else 0)
        return (-errors, -(self.findings - self.layout), -self.findings, self.path)


@record(slots=False)
class Audit:
    """Everything both report formats show."""

    title: str
    generated: str  # ISO timestamp, UTC
    version: str
    files: int
    clean: int
    unreadable: int
    findings: int
    fixable: int
    layout: int
    by_rule: dict[str, int]
    by_severity: dict[str, int]
    by_family: dict[str, int]
    documents_by_rule: dict[str, int]  # how many documents have a finding of the rule
    documents_by_family: dict[str, int]
    documents: list[DocumentRow]  # worst first
    rules: dict[str, RuleInfo]  # the rules that ran (documentation at hand)
    baseline: BaselineCounts | None = None
    paths: tuple[str, ...] = field(default=())


def family_name(spec: RuleSpec) -> str:
    folder = spec.module.split(".")[2] if spec.module.count(".") >= 2 else spec.family
    return FAMILY_NAMES.get(spec.family, folder)


def rule_info(spec: RuleSpec) -> RuleInfo:
    docs = {key: value for key, value in sections(spec.doc).items() if key != "summary"}
    return RuleInfo(
        code=spec.code,
        name=spec.name,
        family=spec.family,
        severity=str(spec.severity),
        fix=str(spec.fix),
        summary=spec.summary,
        docs=docs,
    )


def _family(findings: Sequence[Finding]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.rule[0]] = counts.get(finding.rule[0], 0) + 1
    return dict(sorted(counts.items()))


def document_row(index: int, result: FileResult) -> DocumentRow:
    findings = result.findings
    return DocumentRow(
        index=index,
        path=result.path,
        language=result.language,
        error=result.error,
        findings=len(findings),
        by_rule=count_by(findings, "rule"),
        by_family=_family(findings),
        by_severity=count_by(findings, "severity"),
        fixable=sum(safely_fixable(f) for f in findings),
        layout=sum(is_layout(f) for f in findings),
        outline=outline_in(result),
    )


def _documents_with(rows: Sequence[DocumentRow], key: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        for name in getattr(row, key):
            counts[name] = counts.get(name, 0) + 1
    return dict(sorted(counts.items()))


def build_audit(
    results: Sequence[FileResult],
    rules: Sequence[RuleSpec] | None = None,
    baseline: BaselineCounts | None = None,
    title: str = "reslint audit",
    paths: Sequence[str] = (),
) -> Audit:
    """The audit of ``results`` (in the order checked); ``rules`` are those that ran."""
    findings = [finding for result in results for finding in result.findings]
    rows = [document_row(index, result) for index, result in enumerate(results)]
    ran = {spec.code: spec for spec in (rules if rules is not None else all_rules())}
    for finding in findings:  # a rule that ran on some files only is still documented
        if finding.rule not in ran:
            known = {spec.code: spec for spec in all_rules()}
            if finding.rule in known:
                ran[finding.rule] = known[finding.rule]
    return Audit(
        title=title,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        version=__version__,
        files=len(results),
        clean=sum(row.clean for row in rows),
        unreadable=sum(row.error is not None for row in rows),
        findings=len(findings),
        fixable=sum(row.fixable for row in rows),
        layout=sum(row.layout for row in rows),
        by_rule=count_by(findings, "rule"),
        by_severity=count_by(findings, "severity"),
        by_family=_family(findings),
        documents_by_rule=_documents_with(rows, "by_rule"),
        documents_by_family=_documents_with(rows, "by_family"),
        documents=sorted(rows, key=DocumentRow.worst_key),
        rules={code: rule_info(spec) for code, spec in sorted(ran.items())},
        baseline=baseline,
        paths=tuple(paths),
    )
