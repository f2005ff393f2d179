"""``reslint fix`` and ``reslint check --fix``: repair files on disk, or refuse to.

``--diff`` prints a unified diff and ``--check`` only says what would change; neither
writes anything. What is written and when is decided in :mod:`linter.fix.files`.

``reslint fix -`` reads the text on standard input and prints the fixed text (see
:func:`fix_stdin`); ``--stdin-filename`` names the file it stands for.

Exit codes: 0 when every file is fixed, had nothing to fix or holds no resolution (it is
left alone); 1 when ``--check`` or ``--diff`` found something to change, or a file was
refused (not UTF-8, content guard, fixes that do not settle); 2 for usage errors and
files that cannot be read or written.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from linter.cli.errors import EXIT_CHANGES, EXIT_ERROR, EXIT_OK, UsageError
from linter.cli.options import (
    add_config_arguments,
    add_input_arguments,
    add_jobs,
    add_selection,
    add_stdin_filename,
    collect,
    no_rules_message,
    settings_for,
)
from linter.cli.stdin import STDIN, config_paths, read_stdin, stdin_name, wants_stdin
from linter.engine import interrupts
from linter.engine.discovery import Problem
from linter.engine.display import display_path, escape_text
from linter.engine.settings import Settings
from linter.engine.writing import remove_stale_temporaries
from linter.fix.files import (
    FileFix,
    RulesFor,
    count,
    fix_data,
    fix_files,
    summary,
    tree_of,
    unified_diff,
)
from linter.fix.rewritten import journal
from linter.source.text import DecodeError, decode


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser("fix", help="repair extraction damage in files (canonical text)")
    command.add_argument("paths", nargs="+", metavar="PATH")
    command.add_argument(
        "--diff", action="store_true", help="print a unified diff of the changes; write nothing"
    )
    command.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if any file would change; write nothing",
    )
    command.add_argument(
        "--unsafe-fixes", action="store_true", help="also apply unsafe fixes (A009, A010)"
    )
    add_input_arguments(command, encoding=False)
    add_stdin_filename(command)
    add_selection(command)
    add_config_arguments(command)
    add_jobs(command)
    command.set_defaults(handler=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``reslint fix``: the same settings as ``check`` (configuration, per-file ignores)."""
    paths = config_paths(args)
    settings = settings_for(args, paths)
    if wants_stdin(args.paths):
        return fix_stdin(args, settings, out, err)
    problems: list[Problem] = []
    files = collect(settings, paths, problems)
    for problem in problems:
        err.write(f"reslint: {display_path(str(problem.path))}: {problem.reason}\n")
    code = run_fix(args, files, settings.rules_for, out, err, tree_of(paths), settings.time_budget)
    return EXIT_ERROR if problems else code


@contextlib.contextmanager
def fix_all(
    files: Sequence[Path],
    rules_for: RulesFor,
    *,
    unsafe: bool,
    language: str | None,
    write: bool,
    tree: Sequence[Path],
    err: TextIO,
    budget: float | None = None,
    jobs: int = 1,
    diff: bool = False,
) -> Iterator[Iterator[FileFix]]:
    """The fixed files (in worker processes when ``jobs`` and the bytes call for it), as
    compact results in order, for the ``with`` block to consume; when writing, first
    remove reslint's stale temporary files in their folders.

    An interrupt anywhere in the block (while a file is fixed, or while the caller prints
    a result) first stops the workers, then says which files were already rewritten: the
    list is exact, each file in it whole, none missing (``linter.fix.rewritten``)."""
    if write:
        folders = [Path(os.path.realpath(path)).parent for path in files]
        for stale in remove_stale_temporaries(folders):
            shown = display_path(str(stale))
            err.write(f"reslint: removed {shown}, a temporary file of an interrupted run\n")
    with journal(write) as rewritten:
        stream = fix_files(
            files,
            rules_for,
            unsafe=unsafe,
            language=language,
            write=write,
            jobs=jobs,
            diff=diff,
            tree=tree,
            written=rewritten,
            budget=budget,
        )
        try:
            with contextlib.closing(stream):  # an interrupt stops the workers here first
                yield stream
        except (KeyboardInterrupt, interrupts.Terminated):
            if write:
                with interrupts.shielded():
                    _say_rewritten(rewritten.names(), len(files), err)
            raise


def _say_rewritten(written: Sequence[str], total: int, err: TextIO) -> None:
    err.write(
        f"reslint: interrupted; {count(len(written), 'file')} of {total} "
        "already rewritten" + (":" if written else "; none was changed") + "\n"
    )
    for name in written:
        err.write(f"reslint: rewritten: {display_path(name)}\n")


def fix_stdin(args: argparse.Namespace, settings: Settings, out: TextIO, err: TextIO) -> int:
    """``reslint fix -``: the fixed text on stdout, as a formatter gives it to an editor.

    Whatever happens, stdout gets a whole text: the fixed one, or the original when the
    text was refused, has nothing to fix or its name is excluded, so an editor that puts
    stdout in place of its buffer never loses a word. ``--diff`` and ``--check`` print
    what they print for a file. Refusals are one line on stderr and exit 1."""
    name = stdin_name(args)
    data = read_stdin()
    path = Path(name)
    if name != STDIN and settings.excluded(path):
        if not (args.diff or args.check):
            out.write(_decoded(data, name))
        return EXIT_OK
    if not settings.rules:
        raise UsageError(no_rules_message(settings))
    result = fix_data(
        data,
        settings.rules_for(path),
        unsafe=args.unsafe_fixes,
        language=settings.language,
        display=name,
        budget=settings.time_budget,
    )
    if result.outcome is None:  # not UTF-8: there is no text to give back
        raise UsageError(f"{name}: {result.refused}")
    if args.diff:
        out.write(unified_diff(result))
    elif args.check:
        if result.changed:
            out.write(f"would fix {display_path(name)} ({count(result.fixes, 'fix', 'fixes')})\n")
    else:
        out.write(result.outcome.text)
    report_problems([result], err)
    if result.refused or ((args.diff or args.check) and result.changed):
        return EXIT_CHANGES
    return EXIT_OK


def _decoded(data: bytes, name: str) -> str:
    try:
        return decode(data)
    except DecodeError as error:
        raise UsageError(f"{name}: {error}") from None


def report_problems(results: Sequence[FileFix], err: TextIO) -> None:
    """One line on stderr for each file that was refused or could not be read or written."""
    for result in results:
        if result.io_error is not None:
            err.write(f"reslint: {display_path(result.path)}: {escape_text(result.io_error)}\n")
        elif result.refused is not None:
            err.write(
                f"reslint: {display_path(result.path)}: not fixed: {escape_text(result.refused)}\n"
            )


def run_fix(
    args: argparse.Namespace,
    files: Sequence[Path],
    rules_for: RulesFor,
    out: TextIO,
    err: TextIO,
    tree: Sequence[Path],
    budget: float | None = None,
) -> int:
    """``reslint fix``: fix, diff or check every file, print the summary. Diffs and
    ``would fix`` lines are written as files are done; the results kept for the summary
    hold no text."""
    dry_run = args.diff or args.check
    results = []
    with fix_all(
        files,
        rules_for,
        unsafe=args.unsafe_fixes,
        language=args.language,
        write=not dry_run,
        tree=tree,
        err=err,
        budget=budget,
        jobs=args.jobs,
        diff=args.diff,
    ) as fixed:
        for result in fixed:
            if args.diff:
                out.write(_shown_diff(result))
            elif args.check and result.changed:
                fixes = count(result.fixes, "fix", "fixes")
                out.write(f"would fix {display_path(result.path)} ({fixes})\n")
            results.append(dataclasses.replace(result, diff=None))
    report_problems(results, err)
    (err if args.diff else out).write(summary(results, dry_run) + "\n")
    if any(result.io_error for result in results):
        return EXIT_ERROR
    if any(result.refused for result in results):
        return EXIT_CHANGES
    if dry_run and any(result.changed for result in results):
        return EXIT_CHANGES
    return EXIT_OK


def _shown_diff(result: FileFix) -> str:
    """The file's diff, its name escaped in the header as every output escapes it."""
    text = unified_diff(result)
    shown = display_path(result.path)
    if shown == result.path or not text:
        return text
    name, safe = result.path.lstrip("/"), shown.lstrip("/")
    return text.replace(f"a/{name}", f"a/{safe}", 1).replace(f"b/{name}", f"b/{safe}", 1)


def fix_before_check(
    files: Sequence[Path],
    settings: Settings,
    args: argparse.Namespace,
    err: TextIO,
    paths: Sequence[str],
) -> None:
    """``reslint check --fix``: write the fixes first; the check then reports what is left."""
    with fix_all(
        files,
        settings.rules_for,
        unsafe=args.unsafe_fixes,
        language=settings.language,
        write=True,
        tree=tree_of(paths),
        err=err,
        budget=settings.time_budget,
        jobs=args.jobs,
    ) as fixed:
        results = list(fixed)
    report_problems(results, err)
    found = count(sum(r.found for r in results), "finding")
    err.write(f"reslint: {summary(results, dry_run=False)} ({found} before fixing)\n")
