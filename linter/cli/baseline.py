"""``reslint baseline``: record the current findings so that ``check`` reports only new ones."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from linter.cli.check import report_errors
from linter.cli.errors import EXIT_ERROR, EXIT_OK, UsageError
from linter.cli.options import (
    add_config_arguments,
    add_input_arguments,
    add_jobs,
    add_run_options,
    collect,
    lint_stream,
    settings_for,
)
from linter.engine.needs import Needs

DEFAULT_BASELINE = ".reslint-baseline.json"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    baseline = commands.add_parser(
        "baseline", help="record current findings so that check reports only new ones"
    )
    baseline.add_argument("paths", nargs="+", metavar="PATH")
    baseline.add_argument(
        "-o",
        "--output",
        dest="baseline_output",
        metavar="FILE",
        help=f"baseline file to write (default: the configuration's, else {DEFAULT_BASELINE})",
    )
    baseline.add_argument("--select", action="append", metavar="RULES")
    baseline.add_argument("--ignore", action="append", metavar="RULES")
    add_input_arguments(baseline)
    add_config_arguments(baseline)
    add_jobs(baseline)
    add_run_options(baseline)
    baseline.set_defaults(handler=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from linter.engine import baseline

    settings = settings_for(args, args.paths)
    files = collect(settings, args.paths)
    # Kept for the baseline: the findings and their keys, not the version facts.
    results = [
        replace(result, versions=None)
        for result in lint_stream(files, settings, args, Needs(keys=True), err)
    ]
    if report_errors(results, err):
        err.write("reslint: baseline not written: every file must be readable\n")
        return EXIT_ERROR
    if args.baseline_output:
        target = Path(args.baseline_output)
    elif settings.baseline is not None:
        target = settings.baseline
    else:
        target = Path(DEFAULT_BASELINE)
    recorded = baseline.build(results, target.parent)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        baseline.write(recorded, target)
    except OSError as error:
        raise UsageError(f"cannot write baseline {target}: {error.strerror or error}") from None
    files_with = len({entry.path for entry in recorded.entries})
    out.write(
        f"wrote {len(recorded.entries)} baseline entries for {files_with} of {len(results)} "
        f"files to {target}\n"
    )
    return EXIT_OK
