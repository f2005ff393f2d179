"""``reslint fix`` and ``reslint check --fix``: repair files on disk, or refuse to.

A file is written only when the fixer settled on a text that passed the content and
structure guards (``linter.fixes``). The write is atomic: the new text goes to a
temporary file in the same directory, with the original's permissions, which then
replaces the original (``os.replace``), so a crash or a full disk never leaves half a
file. ``--diff`` prints a unified diff and ``--check`` only says what would change;
neither writes anything.

Exit codes: 0 when every file is fixed or had nothing to fix; 1 when ``--check`` or
``--diff`` found something to change, or a file was refused (not UTF-8, no structure,
content guard, fixes that do not settle); 2 for usage errors and files that cannot be
read or written.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import os
import stat
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from linter.engine import read_limited
from linter.fixes import FixOutcome, fix_text
from linter.registry import RuleSpec
from linter.source import DecodeError, decode

EXIT_OK, EXIT_CHANGES, EXIT_ERROR = 0, 1, 2
_LISTED = 10  # names of unchanged files listed in the summary before "and N more"


@dataclass(frozen=True)
class FileFix:
    """What happened to one file."""

    path: str
    outcome: FixOutcome | None = None
    refused: str | None = None  # the file was read but not fixed, and why
    io_error: str | None = None  # the file could not be read or written

    @property
    def changed(self) -> bool:
        return self.outcome is not None and self.outcome.changed

    @property
    def fixes(self) -> int:
        return self.outcome.applied if self.changed and self.outcome is not None else 0


def add_arguments(command: argparse.ArgumentParser) -> None:
    """The options of ``reslint fix`` (selection options are added by the caller)."""
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
    command.add_argument(
        "--include",
        action="append",
        metavar="GLOB",
        help="file pattern to fix inside directories (default: *.txt)",
    )
    command.add_argument("--language", help="force the language (ISO 639-1 code)")


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data``: temporary file beside it, same mode, then rename."""
    target = path.resolve()
    mode = stat.S_IMODE(target.stat().st_mode)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".reslint", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def fix_file(
    path: Path,
    rules: Sequence[RuleSpec],
    *,
    unsafe: bool = False,
    language: str | None = None,
    write: bool = True,
    display: str | None = None,
) -> FileFix:
    """Fix one file on disk (or only compute the fix when ``write`` is false)."""
    shown = display or str(path)
    try:
        data = read_limited(path)
    except OSError as error:
        return FileFix(shown, io_error=f"cannot read: {error.strerror or error}")
    try:
        text = decode(data)
    except DecodeError as error:
        return FileFix(shown, refused=f"{error}; not fixed (E001)")
    outcome = fix_text(text, rules, path=shown, unsafe=unsafe, language=language)
    if outcome.error is not None:
        return FileFix(shown, outcome=outcome, refused=outcome.error)
    if outcome.changed and write:
        try:
            write_atomic(path, outcome.text.encode("utf-8"))
        except OSError as error:
            return FileFix(shown, outcome=outcome, io_error=f"cannot write: {error.strerror}")
    return FileFix(shown, outcome=outcome)


def unified_diff(result: FileFix) -> str:
    """The change to one file as a unified diff (``a/PATH`` and ``b/PATH``)."""
    if result.outcome is None or not result.changed:
        return ""
    before = _lines(result.outcome.original)
    after = _lines(result.outcome.text)
    name = result.path.lstrip("/")
    pieces = []
    for line in difflib.unified_diff(before, after, fromfile=f"a/{name}", tofile=f"b/{name}"):
        pieces.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(pieces)


def _lines(text: str) -> list[str]:
    """Lines split at LF only (``str.splitlines`` also splits at form feeds and more)."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def summary(results: Sequence[FileFix], dry_run: bool) -> str:
    """``3 files fixed, 412 fixes, 2 files left unchanged: a.txt, b.txt``."""
    changed = [r for r in results if r.changed and r.io_error is None]
    unchanged = [r for r in results if not r.changed and r.refused is None and r.io_error is None]
    fixes = sum(r.fixes for r in changed)
    verb = "would be fixed" if dry_run else "fixed"
    parts = [f"{_count(len(changed), 'file')} {verb}, {_count(fixes, 'fix', 'fixes')}"]
    if unchanged:
        names = ", ".join(r.path for r in unchanged[:_LISTED])
        more = f" and {len(unchanged) - _LISTED} more" if len(unchanged) > _LISTED else ""
        parts.append(f"{_count(len(unchanged), 'file')} left unchanged: {names}{more}")
    refused = [r for r in results if r.refused is not None or r.io_error is not None]
    if refused:
        parts.append(
            f"{_count(len(refused), 'file')} refused: " + ", ".join(r.path for r in refused)
        )
    return ", ".join(parts)


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else (plural or singular + 's')}"


RulesFor = Callable[[Path], Sequence[RuleSpec]]


def fix_files(
    files: Sequence[Path],
    rules_for: RulesFor,
    *,
    unsafe: bool,
    language: str | None,
    write: bool,
) -> list[FileFix]:
    """Fix each file with its own rules (the configuration's per-file ignores apply)."""
    return [
        fix_file(path, rules_for(path), unsafe=unsafe, language=language, write=write)
        for path in files
    ]


def report_problems(results: Sequence[FileFix], err: TextIO) -> None:
    """One line on stderr for each file that was refused or could not be read or written."""
    for result in results:
        if result.io_error is not None:
            err.write(f"reslint: {result.path}: {result.io_error}\n")
        elif result.refused is not None:
            err.write(f"reslint: {result.path}: not fixed: {result.refused}\n")


def run_fix(
    args: argparse.Namespace,
    files: Sequence[Path],
    rules_for: RulesFor,
    out: TextIO,
    err: TextIO,
) -> int:
    """``reslint fix``: fix, diff or check every file, print the summary."""
    dry_run = args.diff or args.check
    results = fix_files(
        files, rules_for, unsafe=args.unsafe_fixes, language=args.language, write=not dry_run
    )
    if args.diff:
        for result in results:
            out.write(unified_diff(result))
    elif args.check:
        for result in results:
            if result.changed:
                out.write(f"would fix {result.path} ({_count(result.fixes, 'fix', 'fixes')})\n")
    report_problems(results, err)
    (err if args.diff else out).write(summary(results, dry_run) + "\n")
    if any(result.io_error for result in results):
        return EXIT_ERROR
    if any(result.refused for result in results):
        return EXIT_CHANGES
    if dry_run and any(result.changed for result in results):
        return EXIT_CHANGES
    return EXIT_OK


def fix_before_check(
    files: Sequence[Path],
    rules_for: RulesFor,
    unsafe: bool,
    language: str | None,
    err: TextIO,
) -> None:
    """``reslint check --fix``: write the fixes first; the check then reports what is left."""
    results = fix_files(files, rules_for, unsafe=unsafe, language=language, write=True)
    report_problems(results, err)
    before = sum(len(r.outcome.first.findings) for r in results if r.outcome is not None)
    found = _count(before, "finding")
    err.write(f"reslint: {summary(results, dry_run=False)} ({found} before fixing)\n")
