"""``reslint check`` and ``reslint baseline``: settings, files, lint, baseline, reports, exit.

The command line (:mod:`linter.cli`) only parses arguments; this module turns them and the
configuration file into :class:`~linter.settings.Settings` and runs. It imports what a run
needs and no more: a plain ``reslint check FILE`` in a repository without configuration
loads neither pydantic nor any report format but text.
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from linter.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError
from linter.config import ConfigError
from linter.engine import FileResult
from linter.settings import Settings, SettingsError

DEFAULT_BASELINE = ".reslint-baseline.json"


def add_config_arguments(command: argparse.ArgumentParser) -> None:
    """Flags shared by ``check`` and ``baseline``: where settings come from, and files."""
    command.add_argument(
        "--config", metavar="FILE", help="configuration file (default: found upward)"
    )
    command.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    command.add_argument(
        "--extend-select", action="append", metavar="RULES", help="rules to enable as well"
    )
    command.add_argument(
        "--per-file-ignores",
        action="append",
        metavar="GLOB=RULES",
        help="rules not run on files matching GLOB (adds to the configuration's)",
    )
    command.add_argument(
        "--exclude", action="append", metavar="GLOB", help="files and folders never checked"
    )


def add_check_arguments(check: argparse.ArgumentParser) -> None:
    """The CI flags of ``check`` (the selection and format flags are in the CLI)."""
    add_config_arguments(check)
    check.add_argument(
        "--output",
        action="append",
        metavar="FORMAT=PATH",
        help="also write a report in FORMAT to PATH ('-' is stdout); repeatable",
    )
    check.add_argument(
        "--show-settings", action="store_true", help="print the settings in effect and exit"
    )
    check.add_argument(
        "--baseline", metavar="FILE", help="report and fail only on findings not in FILE"
    )
    check.add_argument(
        "--no-baseline", action="store_true", help="ignore the configuration's baseline"
    )
    check.add_argument(
        "--statistics", action="store_true", help="print how many findings each rule has"
    )
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when findings fail the run"
    )
    check.add_argument(
        "--quiet", "-q", action="store_true", help="print findings only, no summaries"
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=0,
        metavar="N",
        help="processes checking files at once (default 0: one per core for many files)",
    )


def add_baseline_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    baseline.add_argument("--include", action="append", metavar="GLOB")
    baseline.add_argument("--language", help="force the language (ISO 639-1 code)")
    add_config_arguments(baseline)


def settings_for(args: argparse.Namespace, paths: Sequence[str]) -> Settings:
    from linter import settings
    from linter.report import FORMATS

    try:
        return settings.build(args, paths, formats=sorted(FORMATS))
    except (ConfigError, SettingsError) as error:
        raise UsageError(str(error)) from None


def collect(settings: Settings, paths: Sequence[str]) -> list[Path]:
    from linter.discovery import MissingPathError, iter_files

    try:
        found = iter_files(paths, include=settings.include)
        return [path for path in found if not settings.excluded(path)]
    except MissingPathError as error:
        raise UsageError(str(error)) from None


def lint_one(path: Path, settings: Settings) -> FileResult:
    """One file with its own rules (per-file ignores), options, severities and language."""
    from linter.engine import lint_path

    return lint_path(
        path, settings.rules_for(path), settings.options, settings.severities, settings.language
    )


#: Fewer files than this are checked in this process: starting workers costs more.
PARALLEL_THRESHOLD = 24
_WORKER_SETTINGS: Settings | None = None


def _start_worker(settings: Settings) -> None:
    global _WORKER_SETTINGS  # one per worker process, set once
    _WORKER_SETTINGS = settings


def _lint_in_worker(path: Path) -> FileResult:
    assert _WORKER_SETTINGS is not None
    result = lint_one(path, _WORKER_SETTINGS)
    # The parsed Document stays in the worker: reports need the findings and the source.
    return dataclasses.replace(result, document=None)


def workers_for(jobs: int, files: int) -> int:
    """How many processes check ``files`` files: ``jobs`` if given, else one per core
    when there are enough files to pay for starting them."""
    if jobs > 0:
        return min(jobs, max(files, 1))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if files < PARALLEL_THRESHOLD or not cores or cores < 2:
        return 1
    return min(cores, files // (PARALLEL_THRESHOLD // 2))


def lint_all(files: Sequence[Path], settings: Settings, jobs: int = 0) -> list[FileResult]:
    """Every file's result, in the order of ``files``; in worker processes when it pays.

    Workers are forked where the platform allows it (Linux), so they start with every
    module imported and every pattern compiled; each receives the settings once.
    """
    workers = workers_for(jobs, len(files))
    if workers <= 1:
        return [lint_one(path, settings) for path in files]
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, min(64, len(files) // (workers * 4)))
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(settings,)
    ) as pool:
        return list(pool.map(_lint_in_worker, files, chunksize=chunk))


def _report_errors(results: Sequence[FileResult], err: TextIO) -> bool:
    failed = False
    for result in results:
        if result.error:
            err.write(f"reslint: {result.path}: {result.error}\n")
            failed = True
    return failed


def _write_reports(
    settings: Settings, results: Sequence[FileResult], out: TextIO, statistics: bool, quiet: bool
) -> None:
    from linter.report import renderer

    if statistics:
        from linter.report import statistics as stats

        render = stats.render_json if settings.output_format == "json" else stats.render_text
        render(results, out)
    elif quiet and settings.output_format == "text":
        from linter.report.text import render_findings

        render_findings(results, out)
    else:
        renderer(settings.output_format)(results, out)
    for name, target in settings.outputs:
        if target == "-":
            renderer(name)(results, out)
            continue
        path = Path(target)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("w", encoding="utf-8", newline="\n") as stream:
                renderer(name)(results, stream)
        except OSError as error:
            raise UsageError(f"cannot write {name} report to {target}: {error.strerror}") from None


def run_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    paths = list(args.paths)
    settings = settings_for(args, paths)
    if args.show_settings:
        from linter.settings import describe

        out.write(describe(settings))
        return EXIT_OK
    if not paths:
        raise UsageError("check needs at least one PATH")
    files = collect(settings, paths)
    if getattr(args, "fix", False):
        from linter.fix_command import fix_before_check

        fix_before_check(files, settings.rules_for, args.unsafe_fixes, settings.language, err)
    results = lint_all(files, settings, getattr(args, "jobs", 0))
    note = ""
    if settings.baseline is not None:
        from linter import baseline

        try:
            recorded = baseline.load(settings.baseline)
        except baseline.BaselineError as error:
            raise UsageError(str(error)) from None
        outcome = baseline.apply(
            results,
            recorded,
            settings.baseline.parent,
            lambda result: [spec.code for spec in settings.rules_for(Path(result.path))],
        )
        results, note = outcome.results, outcome.summary()
    _write_reports(settings, results, out, args.statistics, args.quiet)
    if note and not args.quiet:
        to_stdout = settings.output_format == "text" and not args.statistics
        (out if to_stdout else err).write(note + "\n")
    if _report_errors(results, err):
        return EXIT_ERROR
    threshold = settings.fail_on.rank
    failing = any(f.severity.rank >= threshold for r in results for f in r.findings)
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_OK


def run_baseline(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from linter import baseline

    settings = settings_for(args, args.paths)
    results = [lint_one(path, settings) for path in collect(settings, args.paths)]
    if _report_errors(results, err):
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
    files = len({entry.path for entry in recorded.entries})
    out.write(
        f"wrote {len(recorded.entries)} baseline entries for {files} of {len(results)} "
        f"files to {target}\n"
    )
    return EXIT_OK
