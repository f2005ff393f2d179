"""The Python API's own answers: what fixing a text did, and the rules.

The check and parse answers are the command line's JSON contracts
(:class:`~linter.report.schema.Report`, :class:`~linter.parse.document_json.ParsedDocument`);
these are the others, as strict as those: the service answers with them too.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from linter.report.schema import FileModel, FindingModel


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FixResult(_Model):
    """What fixing a text did: the fixed text, or the original and why it was refused."""

    text: str = Field(description="The fixed (canonical) text; the original when refused.")
    changed: bool = Field(description="Whether text differs from the text sent.")
    applied: int = Field(ge=0, description="Fixes applied, over all passes.")
    passes: int = Field(ge=0, description="Lint-and-fix passes the fixer ran.")
    refused: str | None = Field(
        description="Why the text was not fixed (content or structure guard, fixes that do "
        "not settle); null when it was fixed or had nothing to fix."
    )
    skipped: str | None = Field(
        default=None,
        description="Why the text was left alone without being an error (no resolution "
        "structure: not a resolution); null otherwise.",
    )
    unconverged: list[str] = Field(description="Rules whose fixes did not settle.")
    before: FileModel = Field(
        description="The findings of the text as sent, each with its fix (edit offsets are "
        "code points into the text as sent)."
    )
    remaining: list[FindingModel] = Field(
        description="The findings left in text (positions in text)."
    )


class RuleSummary(_Model):
    """A rule, as ``reslint rules --format json`` lists it."""

    code: str = Field(pattern=r"^[A-Z]\d{3}$")
    name: str
    severity: Literal["error", "warning", "info"]
    fix: Literal["none", "safe", "sometimes", "unsafe"]
    summary: str


class RuleDoc(RuleSummary):
    """A rule and its documentation (``reslint rule CODE``)."""

    doc: str = Field(description="The whole documentation, as `reslint rule` prints it.")
    sections: dict[str, str] = Field(
        description="The documentation by section: summary, Why, Example, Use instead, ..."
    )
