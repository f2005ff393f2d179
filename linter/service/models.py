"""The service's request models, and the few answers that are not the CLI's contracts.

Responses are the command line's JSON: :class:`~linter.report.schema.Report` for
``/v1/check``, :class:`~linter.parse.document_json.ParsedDocument` for ``/v1/parse``, and
the Python API's :class:`~linter.api.FixResult`, :class:`~linter.api.RuleSummary` and
:class:`~linter.api.RuleDoc`. Requests are validated strictly (unknown fields are
errors), and every string is bounded so that no field but a text can be large.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)

from linter.engine.registry import all_rules
from linter.engine.select import ALL, validate
from linter.report.schema import Report


@cache
def selectors() -> tuple[str, ...]:
    """Every rule selector as the API spells it: ``ALL``, family letters, code prefixes,
    codes and names (the command line also takes other cases and comma-separated lists)."""
    rules = all_rules()
    found = {ALL} | {spec.name for spec in rules}
    found |= {spec.code[:length] for spec in rules for length in range(1, len(spec.code) + 1)}
    return tuple(sorted(found))


def _known_selector(value: str) -> str:
    if value in selectors():
        return value
    validate([value], all_rules())  # an unknown selector: the message has a "did you mean"
    raise ValueError(f"write {value!r} as one selector, spelled as GET /v1/rules lists it")


#: One rule selector, as ``--select`` takes it; the OpenAPI document lists them all.
Selector = Annotated[
    str,
    AfterValidator(_known_selector),
    WithJsonSchema({"type": "string", "enum": list(selectors())}),
]
Selectors = Annotated[list[Selector], Field(max_length=64)]
Language = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]
Name = Annotated[str, StringConstraints(min_length=1, max_length=255)]
Text = Annotated[str, StringConstraints(min_length=1)]
FailOn = Literal["error", "warning", "info"]


class _Request(BaseModel):
    # Strict: a JSON 0 is not false, nor 1 a string; the OpenAPI document says what is.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Selection(_Request):
    language: Language | None = Field(
        None, description="ISO 639 code of the text's language (detected when absent)."
    )
    select: Selectors | None = Field(
        None,
        description="Rules to run, as --select: codes, prefixes, family letters, names or "
        "ALL (the server's configuration when absent).",
    )
    ignore: Selectors | None = Field(None, description="Rules not to run, as --ignore.")


class OneText(Selection):
    text: Text = Field(description="The text of one resolution (UTF-8).")
    name: Name = Field(
        "<text>", description="A label for the text in the answer; nothing is read from it."
    )


class CheckRequest(OneText):
    """``POST /v1/check`` as JSON."""

    fail_on: FailOn | None = Field(
        None,
        description="Lowest severity that makes the Reslint-Outcome header 'fail' "
        "(default: the server's configuration, else warning).",
    )


class FixRequest(OneText):
    """``POST /v1/fix`` as JSON."""

    unsafe: bool = Field(False, description="Also apply unsafe fixes (A009, A010).")


class ParseRequest(_Request):
    """``POST /v1/parse`` as JSON."""

    text: Text = Field(description="The text of one resolution (UTF-8).")
    name: Name = "<text>"
    language: Language | None = None


class DocumentIn(_Request):
    name: Name = "<text>"
    text: Text


class ReportRequest(Selection):
    """``POST /v1/report`` as JSON: several documents in one audit."""

    documents: list[DocumentIn] = Field(min_length=1, max_length=1000)
    format: Literal["html", "markdown"] = "html"
    title: Annotated[str, StringConstraints(max_length=200)] = "reslint audit"


class EditorView(BaseModel):
    """What the editor page draws: the report and the text with its findings marked."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    report: Report
    html: str = Field(
        description="The text as HTML, each finding in <mark data-f=INDEX> (its index in "
        "report.files[0].findings)."
    )
    layout: list[int] = Field(
        description="Indices of the layout findings (hard wraps, page residue, whitespace), "
        "which the page can hide."
    )


class Health(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    status: Literal["ok"] = "ok"
    version: str
    workers: int = Field(description="Worker processes that lint documents.")
    in_progress: int = Field(description="Documents being checked or waiting for a worker.")
    capacity: int = Field(description="Documents accepted at once; past that, 503.")
