"""``reslint report PATH... -o report.html``: the audit for editors (HTML or Markdown).

It checks the files as ``check`` does (same configuration, selection, baseline, worker
processes) and writes one report instead of findings. Each file's outline is made where
the file is linted, so the parsed Documents never leave the workers. The report is a
document, not a gate: the exit code is 0 once it is written (``check`` fails a run).
"""

from __future__ import annotations

import argparse
import io
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from linter.cli.check import baseline_matcher, write_output
from linter.cli.errors import EXIT_OK, UsageError
from linter.cli.options import (
    add_baseline_and_jobs,
    add_config_arguments,
    add_input_arguments,
    add_run_options,
    add_selection,
    collect,
    lint_stream,
    settings_for,
)
from linter.engine.needs import Needs

if TYPE_CHECKING:
    from linter.engine.results import FileResult
    from linter.report.audit.model import Audit


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = commands.add_parser(
        "report", help="write an audit report for editors (HTML, or Markdown for CI summaries)"
    )
    report.add_argument("paths", nargs="*", metavar="PATH")
    report.add_argument(
        "-o",
        "--output",
        dest="report_output",
        metavar="FILE",
        default="-",
        help="file to write ('-', the default, is stdout)",
    )
    report.add_argument(
        "--format",
        dest="report_format",
        choices=["html", "markdown"],
        help="html (the default) or markdown (a short summary, e.g. for $GITHUB_STEP_SUMMARY)",
    )
    report.add_argument("--title", default="reslint audit", help="the report's title")
    add_selection(report)
    add_input_arguments(report)
    add_config_arguments(report)
    add_baseline_and_jobs(report)
    add_run_options(report)
    report.set_defaults(handler=run)


def _format(args: argparse.Namespace) -> str:
    if args.report_format:
        return str(args.report_format)
    return "markdown" if str(args.report_output).endswith(".md") else "html"


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from linter.report.audit.model import BaselineCounts, build_audit
    from linter.report.audit.outline import outline_of

    paths = list(args.paths)
    if not paths:
        raise UsageError("report needs at least one PATH")
    settings = settings_for(args, paths)
    files = collect(settings, paths)
    matcher = baseline_matcher(settings)
    needs = Needs(keys=matcher is not None, summarize=outline_of)
    results = []
    for result in lint_stream(files, settings, args, needs, err):
        if matcher is not None:
            result = matcher.filter(result)
        results.append(replace(result, versions=None, keys=None))
    counts = None
    if matcher is not None:
        found = matcher.counts()
        counts = BaselineCounts(found.baselined, found.fixed, found.new)
    audit = build_audit(results, settings.rules, counts, args.title, paths)
    kind = _format(args)
    target = str(args.report_output)
    if target == "-":
        _write(kind, audit, results, out)
        return EXIT_OK
    # Written safely (linter.engine.writing): a temporary file of reslint's own, never
    # a link or anything but a regular file replaced, no other file deleted.
    stream = io.StringIO(newline="\n")
    _write(kind, audit, results, stream)
    write_output(Path(target), stream.getvalue(), f"{kind} report")
    err.write(f"reslint: wrote {kind} report on {audit.files} files to {target}\n")
    return EXIT_OK


def _write(kind: str, audit: Audit, results: Sequence[FileResult], stream: TextIO) -> None:
    from linter.report import html, markdown

    if kind == "markdown":
        markdown.write(audit, stream)
    else:
        html.write(audit, results, stream)
