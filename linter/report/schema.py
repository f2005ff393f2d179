"""The JSON report contract, as pydantic models.

``schemas/report.schema.json`` is generated from :class:`Report` (``python -m
linter.schemas``) and a test fails when the file and the models drift apart. The JSON
reporter serialises through these models, so what is written always fits the schema.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from linter import __version__
from linter.engine.results import FileResult, Finding, count_by


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EditModel(_Model):
    start: int = Field(ge=0, description="Code-point offset where the replaced text starts.")
    end: int = Field(ge=0, description="Code-point offset where it ends (exclusive).")
    replacement: str


class FixModel(_Model):
    applicability: Literal["safe", "unsafe"]
    edits: list[EditModel]


class FindingModel(_Model):
    rule: str = Field(pattern=r"^[A-Z]\d{3}$", description="Rule code, e.g. A001.")
    name: str = Field(description="Rule name, e.g. repeated-emphasis.")
    severity: Literal["error", "warning", "info"]
    message: str
    line: int = Field(ge=1, description="1-based line of the start of the span.")
    column: int = Field(ge=1, description="1-based column, in Unicode code points.")
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1, description="Column just after the span (exclusive).")
    fix: FixModel | None = None


class FileModel(_Model):
    path: str
    language: str | None = Field(description="ISO 639-1 code detected for the text.")
    error: str | None = Field(description="Why the file could not be checked, if it could not.")
    findings: list[FindingModel]


class ToolModel(_Model):
    name: Literal["reslint"] = "reslint"
    version: str


class SummaryModel(_Model):
    files: int = Field(ge=0)
    findings: int = Field(ge=0)
    by_rule: dict[str, int]
    by_severity: dict[str, int]


class Report(_Model):
    """The output of ``reslint check --format json``."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="reslint report",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    version: Literal[1] = 1
    tool: ToolModel
    files: list[FileModel]
    summary: SummaryModel


def finding_model(finding: Finding) -> FindingModel:
    fix = None
    if finding.fix is not None:
        fix = FixModel(
            applicability=finding.fix.applicability,
            edits=[
                EditModel(start=e.start, end=e.end, replacement=e.replacement)
                for e in finding.fix.edits
            ],
        )
    return FindingModel(
        rule=finding.rule,
        name=finding.name,
        severity=finding.severity.value,
        message=finding.message,
        line=finding.line,
        column=finding.column,
        end_line=finding.end_line,
        end_column=finding.end_column,
        fix=fix,
    )


def build_report(results: list[FileResult]) -> Report:
    findings = [finding for result in results for finding in result.findings]
    return Report(
        tool=ToolModel(version=__version__),
        files=[
            FileModel(
                path=result.path,
                language=result.language,
                error=result.error,
                findings=[finding_model(finding) for finding in result.findings],
            )
            for result in results
        ],
        summary=SummaryModel(
            files=len(results),
            findings=len(findings),
            by_rule=count_by(findings, "rule"),
            by_severity=count_by((f for f in findings), "severity"),
        ),
    )
