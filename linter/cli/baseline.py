"""``reslint baseline``: record the current findings so that ``check`` reports only new ones."""

from __future__ import annotations

import argparse
import os
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from linter.cli.check import report_errors, write_output
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
from linter.engine.discovery import Problem
from linter.engine.needs import Needs
from linter.engine.results import FileResult
from linter.engine.settings import Settings

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
    baseline.add_argument(
        "--allow-outside",
        action="store_true",
        help="write the configuration's baseline even when it lies outside the "
        "configuration's folder",
    )
    add_config_arguments(baseline)
    add_jobs(baseline)
    add_run_options(baseline)
    baseline.set_defaults(handler=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from linter.engine import baseline

    settings = settings_for(args, args.paths)
    if args.baseline_output:
        target = Path(args.baseline_output)
    elif settings.baseline is not None:
        target = settings.baseline
        _check_inside_config(settings, target, args.allow_outside)
    else:
        target = Path(DEFAULT_BASELINE)
    problems: list[Problem] = []
    files = collect(settings, args.paths, problems)
    results = [FileResult(str(p.path), error=p.reason) for p in problems]
    # Kept for the baseline: the findings and their keys, not the version facts.
    results += [
        replace(result, versions=None)
        for result in lint_stream(files, settings, args, Needs(keys=True), err)
    ]
    if report_errors(results, err):
        err.write("reslint: baseline not written: every file must be readable\n")
        return EXIT_ERROR
    recorded = baseline.build(results, target.parent)
    write_output(target, baseline.dumps(recorded), "baseline")
    with_entries = len({entry.path for entry in recorded.entries})
    out.write(
        f"wrote {len(recorded.entries)} baseline entries for {with_entries} of {len(results)} "
        f"files to {target}\n"
    )
    return EXIT_OK


def _check_inside_config(settings: Settings, target: Path, allowed: bool) -> None:
    """A baseline path from the configuration must stay in the configuration's folder
    (``baseline = "../elsewhere/x.json"`` would overwrite a file outside the project)
    unless ``--allow-outside`` says so; ``-o PATH`` on the command line is explicit."""
    if allowed or settings.config is None:
        return
    base = Path(os.path.realpath(settings.config.base))
    real = Path(os.path.realpath(target))
    if real != base and base not in real.parents:
        raise UsageError(
            f"the configuration's baseline {target} lies outside {settings.config.base}; "
            "not written (use --allow-outside, or -o PATH)"
        )
