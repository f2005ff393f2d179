"""Rule case files: the examples beside each rule that the test suite runs.

``A001_repeated_emphasis.cases.yaml`` holds named cases: a ``text``, the ``findings``
expected (line and column, optionally the end), and for fixable rules the ``fixed`` text.
The pydantic model here defines the format; ``schemas/rule-cases.schema.json`` is
generated from it.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ExpectedFinding(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    line: int = Field(ge=1)
    column: int = Field(ge=1)
    end_line: int | None = Field(default=None, ge=1)
    end_column: int | None = Field(default=None, ge=1)
    message: str | None = Field(default=None, description="A substring of the message.")


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Test id: CODE::name.")
    text: str = Field(description="The input text (a YAML block scalar keeps it exact).")
    language: str | None = Field(default=None, description="Force the language (zh, en).")
    encoding: str = Field(default="utf-8", description="Encode the text so before linting.")
    findings: list[ExpectedFinding] = Field(description="Exactly the findings of this rule.")
    fixed: str | None = Field(default=None, description="What the fixer makes of the text.")
    other: str | None = Field(
        default=None,
        description="Rules that compare language versions (X): the version `text` is "
        "compared with; `findings` are those reported in `text`.",
    )
    other_language: str | None = Field(default=None, description="Force the other's language.")


class CasesFile(BaseModel):
    """The cases of one rule."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="reslint rule cases",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    rule: str = Field(pattern=r"^[A-Z]\d{3}$")
    cases: list[Case] = Field(min_length=1)
