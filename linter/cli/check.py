"""``reslint check``: settings, files, lint, baseline, reports, exit code.

It imports what a run needs and no more: a plain ``reslint check FILE`` in a repository
without configuration loads neither pydantic nor any report format but text.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from linter.cli.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError
from linter.cli.options import (
    add_baseline_and_jobs,
    add_config_arguments,
    add_input_arguments,
    add_selection,
    add_stdin_filename,
    collect,
    format_names,
    settings_for,
)
from linter.cli.stdin import config_paths, lint_stdin, stdin_name, wants_stdin
from linter.engine.discovery import Problem
from linter.engine.lint import FileResult
from linter.engine.settings import Settings

if TYPE_CHECKING:
    from linter.engine.baseline import Outcome
    from linter.report.text import TextOptions


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = commands.add_parser("check", help="report findings in files and directories")
    check.add_argument("paths", nargs="*", metavar="PATH")
    check.add_argument(
        "--format",
        "--output-format",
        dest="format",
        choices=format_names(),
        help="output format on stdout (default: the configuration's, else text)",
    )
    check.add_argument(
        "--fail-on",
        choices=["error", "warning", "info"],
        help="lowest severity that makes the exit code 1 (default: warning)",
    )
    add_selection(check)
    add_input_arguments(check)
    add_stdin_filename(check)
    check.add_argument("--fix", action="store_true", help="apply safe fixes, then report the rest")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix: unsafe fixes too")
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
        "--statistics", action="store_true", help="print how many findings each rule has"
    )
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when findings fail the run"
    )
    check.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="print errors only, one line each, and no summaries (--severity shows more)",
    )
    check.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="colour the text view: auto (on a terminal, unless NO_COLOR is set), always, never",
    )
    check.add_argument(
        "--show-all",
        action="store_true",
        help="text view: list every finding (layout and repeated fixable ones are folded)",
    )
    check.add_argument(
        "--severity",
        choices=["error", "warning", "info"],
        help="text view: show only findings at or above this severity (machine formats keep all)",
    )
    add_baseline_and_jobs(check)
    check.set_defaults(handler=run)


def report_errors(results: Sequence[FileResult], err: TextIO) -> bool:
    from linter.engine.display import display_path, escape_text

    failed = False
    for result in results:
        if result.error:
            err.write(f"reslint: {display_path(result.path)}: {escape_text(result.error)}\n")
            failed = True
    return failed


def use_color(choice: str, stream: TextIO) -> bool:
    """``--color``: ``auto`` colours a terminal unless ``NO_COLOR`` is set (no-color.org)."""
    if choice != "auto":
        return choice == "always"
    isatty = getattr(stream, "isatty", None)
    return not os.environ.get("NO_COLOR") and bool(isatty and isatty())


def text_options(args: argparse.Namespace, out: TextIO) -> TextOptions:
    from linter.engine.registry import Severity
    from linter.report.text import TextOptions

    color = use_color(args.color, out)
    width = shutil.get_terminal_size((100, 24)).columns if out.isatty() else 100
    severity = Severity(args.severity) if args.severity else None
    return TextOptions(color=color, show_all=args.show_all, severity=severity, width=width)


def _write_reports(
    settings: Settings, results: Sequence[FileResult], out: TextIO, args: argparse.Namespace
) -> None:
    from linter.engine.display import for_display
    from linter.report import renderer

    # File names and quoted text safe in every format (SARIF writes names as URIs).
    shown = for_display(results)
    as_uris = for_display(results, keep_paths=True)

    def render(name: str, stream: TextIO) -> None:
        renderer(name)(as_uris if name == "sarif" else shown, stream)

    results = shown
    if args.statistics:
        from linter.report import statistics as stats

        counts = stats.render_json if settings.output_format == "json" else stats.render_text
        counts(results, out)
    elif args.quiet and settings.output_format == "text":
        from linter.engine.registry import Severity
        from linter.report.concise import render_findings

        render_findings(results, out, Severity(args.severity or "error"))
    elif settings.output_format == "text":
        from linter.report.text import render_view

        render_view(results, out, text_options(args, out))
    else:
        render(settings.output_format, out)
    for name, target in settings.outputs:
        if target == "-":
            render(name, out)
            continue
        stream = io.StringIO(newline="\n")
        render(name, stream)
        write_output(Path(target), stream.getvalue(), f"{name} report")


def write_output(path: Path, text: str, what: str) -> None:
    """Write a report or a baseline safely (``linter.engine.writing``): never through a
    link, never over anything but a regular file; one line and exit 2 when refused."""
    from linter.engine.writing import remove_stale_temporaries, replace_file

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries([path.parent])
        replace_file(path, text.encode("utf-8"))
    except OSError as error:
        reason = error.strerror or str(error)
        raise UsageError(f"cannot write {what} to {path}: {reason}") from None


#: The formats ``--statistics`` can be printed in (a table, or JSON).
STATISTICS_FORMATS = ("text", "concise", "json")


def check_flags(args: argparse.Namespace, settings: Settings) -> None:
    """Flags that contradict each other or the format: a usage error before any work."""
    fmt = settings.output_format
    if args.severity and (fmt != "text" or args.statistics):
        raise UsageError("--severity filters the text view; other formats keep every finding")
    if args.statistics and fmt not in STATISTICS_FORMATS:
        raise UsageError(
            f"--statistics prints a table or JSON; --format {fmt} cannot carry it "
            "(use --output FORMAT=PATH for the report beside it)"
        )


def quiet_note(args: argparse.Namespace, settings: Settings, results: Sequence[FileResult]) -> str:
    """``--quiet`` shows errors only: when findings it hid fail the run anyway, one line
    on stderr says so, so that exit code 1 never comes with no explanation."""
    if not (args.quiet and settings.output_format == "text") or args.statistics or args.exit_zero:
        return ""
    from linter.engine.registry import Severity

    shown = Severity(args.severity or "error").rank
    hidden = sum(
        1
        for result in results
        for finding in result.findings
        if settings.fail_on.rank <= finding.severity.rank < shown
    )
    if not hidden:
        return ""
    noun = "finding" if hidden == 1 else "findings"
    return (
        f"reslint: {hidden} {noun} below {args.severity or 'error'} not shown (--quiet) "
        f"fail the run (--fail-on {settings.fail_on.value})\n"
    )


def sarif_warning(settings: Settings, results: Sequence[FileResult]) -> str:
    """A line on stderr when a SARIF report had to leave results out (GitHub's cap)."""
    formats = {settings.output_format, *(name for name, _ in settings.outputs)}
    if "sarif" not in formats:
        return ""
    from linter.report.sarif import cap_warning, left_out

    over = left_out(results)
    return f"reslint: warning: SARIF: {cap_warning(over)}\n" if over else ""


def apply_baseline(settings: Settings, results: list[FileResult]) -> Outcome | None:
    """The settings' baseline applied to ``results`` (None when no baseline is used)."""
    if settings.baseline is None:
        return None
    from linter.engine import baseline

    try:
        recorded = baseline.load(settings.baseline)
    except baseline.BaselineError as error:
        raise UsageError(str(error)) from None
    return baseline.apply(
        results,
        recorded,
        settings.baseline.parent,
        lambda result: [spec.code for spec in settings.rules_for(Path(result.path))],
    )


def _lint(
    args: argparse.Namespace, settings: Settings, paths: Sequence[str], err: TextIO
) -> list[FileResult]:
    """The results of the files (or of standard input), after ``--fix`` when asked."""
    if wants_stdin(args.paths):
        if args.fix:
            raise UsageError("--fix does not read standard input: `reslint fix -` prints the fix")
        return lint_stdin(settings, stdin_name(args))
    problems: list[Problem] = []
    files = collect(settings, paths, problems)
    if args.fix:
        from linter.cli.fix import fix_before_check
        from linter.fix.files import tree_of

        fix_before_check(
            files,
            settings.rules_for,
            args.unsafe_fixes,
            settings.language,
            err,
            tree_of(paths),
            settings.time_budget,
        )
    from linter.engine.parallel import lint_all

    failed = [FileResult(path=str(p.path), error=p.reason) for p in problems]
    return failed + lint_all(files, settings, args.jobs)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    paths = config_paths(args)
    settings = settings_for(args, paths)
    if args.show_settings:
        from linter.engine.settings import describe

        out.write(describe(settings))
        return EXIT_OK
    if not paths:
        raise UsageError("check needs at least one PATH ('-' reads standard input)")
    check_flags(args, settings)
    results = _lint(args, settings, paths, err)
    outcome = apply_baseline(settings, results)
    note = ""
    if outcome is not None:
        results, note = outcome.results, outcome.summary()
    _write_reports(settings, results, out, args)
    if note and not args.quiet:
        to_stdout = settings.output_format == "text" and not args.statistics
        (out if to_stdout else err).write(note + "\n")
    err.write(quiet_note(args, settings, results))
    err.write(sarif_warning(settings, results))
    if report_errors(results, err):
        return EXIT_ERROR
    threshold = settings.fail_on.rank
    failing = any(f.severity.rank >= threshold for r in results for f in r.findings)
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_OK
