"""What the worker processes run: one request's documents in, the answer's bytes out.

Each job calls the Python API (:mod:`linter.api`) and serialises its answer in the
worker, so the server process only moves bytes: the Documents never leave the worker and
the event loop spends no time on pydantic. Jobs are top-level functions of plain values,
as a process pool needs.
"""

from __future__ import annotations

import dataclasses
import io
import json
from collections.abc import Sequence
from dataclasses import field
from typing import Literal, TypedDict

from linter import api
from linter.source.frozen import record

ReportKind = Literal["html", "markdown"]


class Selection(TypedDict):
    """The keyword arguments the API's text functions share."""

    language: str | None
    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    config: str | None
    path: str


@record(slots=False)
class Options:
    """What a request asks for, beside its text (validated before it reaches a worker)."""

    language: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    config: str | None = None
    name: str = "<text>"
    fail_on: api.FailOn = "warning"
    unsafe: bool = False

    def selection(self) -> Selection:
        """The keyword arguments of the API's text functions."""
        return {
            "language": self.language,
            "select": self.select,
            "ignore": self.ignore,
            "config": self.config,
            "path": self.name,
        }


@record(slots=False)
class Answer:
    """A job's response body and what the server's metrics count of it."""

    body: bytes
    by_rule: dict[str, int] = field(default_factory=dict)
    failing: bool = False


def warm() -> None:
    """Run in each worker as it starts: import the rules and read the lexicons now, not
    during the first request."""
    for text in ("经济及社会理事会，\n\n1. 重申。\n", "The General Assembly,\n\n1. Decides.\n"):
        api.check_text(text)


def check(text: str, options: Options) -> Answer:
    report = api.check_text(text, **options.selection())
    return Answer(
        report.model_dump_json().encode(),
        dict(report.summary.by_rule),
        api.fails(report, options.fail_on),
    )


def fix(text: str, options: Options) -> Answer:
    result = api.fix_text(text, unsafe=options.unsafe, **options.selection())
    by_rule: dict[str, int] = {}
    for finding in result.before.findings:
        by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    return Answer(result.model_dump_json().encode(), by_rule)


def parse(text: str, options: Options) -> Answer:
    document = api.parse_text(text, language=options.language, path=options.name)
    return Answer(document.model_dump_json().encode())


def editor(text: str, options: Options) -> Answer:
    """The editor page's view: the report and the text with its findings marked (the
    audit report's rendering, ``data-f`` = the finding's index in the report)."""
    from linter.report.folding import is_layout
    from linter.report.highlight import highlight_findings
    from linter.report.schema import build_report

    result = api.lint_result(text, **options.selection())
    report = build_report([result])
    body = (
        b'{"report":'
        + report.model_dump_json().encode()
        + b',"html":'
        + json.dumps(highlight_findings(text, result.findings), ensure_ascii=False).encode()
        + b',"layout":'
        + json.dumps(
            [i for i, finding in enumerate(result.findings) if is_layout(finding)]
        ).encode()
        + b"}"
    )
    return Answer(body, dict(report.summary.by_rule), api.fails(report, options.fail_on))


def report(
    documents: Sequence[tuple[str, str]], options: Options, kind: ReportKind, title: str
) -> Answer:
    """The audit report (``reslint report``) of the documents, as HTML or Markdown."""
    from linter.report import html, markdown
    from linter.report.audit.model import build_audit
    from linter.report.audit.outline import outline_of

    found = api.lint_results(
        documents,
        language=options.language,
        select=options.select,
        ignore=options.ignore,
        config=options.config,
    )
    results = [dataclasses.replace(result, outline=outline_of(result)) for result in found]
    chosen = api.settings(select=options.select, ignore=options.ignore, config=options.config)
    names = [name for name, _text in documents]
    audit = build_audit(results, chosen.rules, None, title, names)
    stream = io.StringIO()
    if kind == "markdown":
        markdown.write(audit, stream)
    else:
        html.write(audit, results, stream)
    return Answer(stream.getvalue().encode(), dict(audit.by_rule))
