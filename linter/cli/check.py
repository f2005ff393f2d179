"""``reslint check``: settings, files, lint, baseline, reports, exit code.

It imports what a run needs and no more: a plain ``reslint check FILE`` in a repository
without configuration loads neither pydantic nor any report format but text.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from linter.cli.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError
from linter.cli.options import (
    add_baseline_and_jobs,
    add_config_arguments,
    add_input_arguments,
    add_run_options,
    add_selection,
    add_stdin_filename,
    collect,
    format_names,
    lint_stream,
    settings_for,
)
from linter.cli.stdin import config_paths, lint_stdin, stdin_name, wants_stdin
from linter.engine.discovery import Problem
from linter.engine.needs import Needs
from linter.engine.results import FileResult
from linter.engine.settings import Settings

if TYPE_CHECKING:
    from linter.engine.baseline import Matcher
    from linter.engine.writing import Replacement
    from linter.report import Writer
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
    add_run_options(check)
    check.set_defaults(handler=run)


def report_errors(results: Iterable[FileResult], err: TextIO) -> bool:
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
    if out.isatty():
        import shutil

        width = shutil.get_terminal_size((100, 24)).columns
    else:
        width = 100
    severity = Severity(args.severity) if args.severity else None
    return TextOptions(color=color, show_all=args.show_all, severity=severity, width=width)


def _primary(settings: Settings, out: TextIO, args: argparse.Namespace) -> Writer:
    """The writer of what stdout gets."""
    from linter.report import writer

    if args.statistics:
        from linter.report import statistics

        return statistics.Writer(out, as_json=settings.output_format == "json")
    if args.quiet and settings.output_format == "text":
        from linter.engine.registry import Severity
        from linter.report import concise

        return concise.Writer(out, counted=False, minimum=Severity(args.severity or "error"))
    if settings.output_format == "text":
        from linter.report import text

        return text.Writer(out, text_options(args, out))
    return writer(settings.output_format, out)


def needs_of(settings: Settings, args: argparse.Namespace) -> Needs:
    """What the run's outputs and baseline need of each result besides its findings."""
    from linter.report import NEEDS

    needs = Needs(keys=settings.baseline is not None)
    if not args.statistics:
        needs |= NEEDS.get(settings.output_format, Needs())
    for name, _target in settings.outputs:
        needs |= NEEDS.get(name, Needs())
    return needs


class Outputs:
    """Every output of a run (stdout's and each ``--output``), fed one result at a time.
    Report files are written beside their target and renamed into place when complete."""

    def __init__(self, settings: Settings, out: TextIO, args: argparse.Namespace) -> None:
        from linter.report import writer

        self.files: list[tuple[Replacement, str]] = []
        primary_uris = settings.output_format == "sarif" and not args.statistics
        self.writers: list[tuple[Writer, bool]] = [(_primary(settings, out, args), primary_uris)]
        for name, target in settings.outputs:
            if target == "-":
                self.writers.append((writer(name, out), name == "sarif"))
                continue
            from linter.engine.writing import Replacement, remove_stale_temporaries

            path = Path(target)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                remove_stale_temporaries([path.parent])
                replacement = Replacement(path)
            except OSError as error:
                self.discard()
                reason = error.strerror or str(error)
                raise UsageError(f"cannot write {name} report to {target}: {reason}") from None
            self.files.append((replacement, name))
            self.writers.append((writer(name, replacement.stream), name == "sarif"))

    def add(self, result: FileResult) -> None:
        # File names and quoted text safe in every format; SARIF writes names as URIs.
        from dataclasses import replace

        from linter.engine.display import display_path, for_display

        [as_uri] = for_display([result], keep_paths=True)
        shown = replace(as_uri, path=display_path(result.path))
        for target, uris in self.writers:
            target.add(as_uri if uris else shown)

    def close(self) -> None:
        for target, _uris in self.writers:
            target.close()
        for replacement, name in self.files:
            try:
                replacement.commit()
            except OSError as error:
                self.discard()
                reason = error.strerror or str(error)
                raise UsageError(
                    f"cannot write {name} report to {replacement.path}: {reason}"
                ) from None
        self.files = []

    def sarif_warning(self) -> str:
        """A line for stderr when a SARIF report had to leave results out (GitHub's cap)."""
        sarif = sys.modules.get("linter.report.sarif")
        if sarif is None:  # not imported: no SARIF writer (and none imported just to see)
            return ""
        over = max(
            (w.left_out for w, _uris in self.writers if isinstance(w, sarif.Writer)), default=0
        )
        return f"reslint: warning: SARIF: {sarif.cap_warning(over)}\n" if over else ""

    def discard(self) -> None:
        """Remove the report files not written whole (the run failed)."""
        for replacement, _name in self.files:
            replacement.discard()
        self.files = []


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


def baseline_matcher(settings: Settings) -> Matcher | None:
    """The settings' baseline, ready to filter results (None when no baseline is used)."""
    if settings.baseline is None:
        return None
    from linter.engine import baseline

    try:
        recorded = baseline.load(settings.baseline)
    except baseline.BaselineError as error:
        raise UsageError(str(error)) from None
    return baseline.Matcher(
        recorded,
        settings.baseline.parent,
        lambda result: [spec.code for spec in settings.rules_for(Path(result.path))],
    )


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


class QuietNote:
    """``--quiet`` shows errors only: when findings it hid fail the run anyway, one line
    on stderr says so, so that exit code 1 never comes with no explanation."""

    def __init__(self, args: argparse.Namespace, settings: Settings) -> None:
        from linter.engine.registry import Severity

        self.active = (
            args.quiet
            and settings.output_format == "text"
            and not args.statistics
            and not args.exit_zero
        )
        self.shown = Severity(args.severity or "error").rank
        self.fail_on = settings.fail_on
        self.label = args.severity or "error"
        self.hidden = 0

    def add(self, result: FileResult) -> None:
        if self.active:
            low, high = self.fail_on.rank, self.shown
            self.hidden += sum(1 for f in result.findings if low <= f.severity.rank < high)

    def text(self) -> str:
        if not self.hidden:
            return ""
        noun = "finding" if self.hidden == 1 else "findings"
        return (
            f"reslint: {self.hidden} {noun} below {self.label} not shown (--quiet) "
            f"fail the run (--fail-on {self.fail_on.value})\n"
        )


def _results(
    args: argparse.Namespace,
    settings: Settings,
    paths: Sequence[str],
    needs: Needs,
    out: TextIO,
    err: TextIO,
) -> Iterator[FileResult]:
    """The results of the files (or of standard input), after ``--fix`` when asked. What
    can be a usage error (no files, a scheduler out of reach) is one here, before any
    output is written."""
    if wants_stdin(args.paths):
        if args.fix:
            raise UsageError("--fix does not read standard input: `reslint fix -` prints the fix")
        return iter(lint_stdin(settings, stdin_name(args)))
    problems: list[Problem] = []
    files = collect(settings, paths, problems)
    if args.fix:
        from linter.cli.fix import fix_before_check

        fix_before_check(files, settings, args, err, paths)
    failed = [FileResult(path=str(p.path), error=p.reason) for p in problems]
    return itertools.chain(failed, lint_stream(files, settings, args, needs, err, out))


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    paths = config_paths(args)
    settings = settings_for(args, paths)
    if args.show_settings:
        from linter.engine.settings import describe

        out.write(describe(settings))
        return EXIT_OK
    if not paths:
        raise UsageError("check needs at least one PATH ('-' reads standard input)")
    from linter.engine.display import display_path, escape_text

    check_flags(args, settings)
    matcher = baseline_matcher(settings)
    results = _results(args, settings, paths, needs_of(settings, args), out, err)
    outputs = Outputs(settings, out, args)
    quiet = QuietNote(args, settings)
    errors: list[str] = []
    failing = False
    threshold = settings.fail_on.rank
    try:
        for result in results:
            if matcher is not None:
                result = matcher.filter(result)
            outputs.add(result)
            quiet.add(result)
            if result.error:
                errors.append(
                    f"reslint: {display_path(result.path)}: {escape_text(result.error)}\n"
                )
            failing = failing or any(f.severity.rank >= threshold for f in result.findings)
        outputs.close()
    finally:
        outputs.discard()
    if matcher is not None and not args.quiet:
        to_stdout = settings.output_format == "text" and not args.statistics
        (out if to_stdout else err).write(matcher.counts().summary() + "\n")
    err.write(quiet.text())
    err.write(outputs.sarif_warning())
    err.writelines(errors)
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_OK
