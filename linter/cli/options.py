"""Flags several commands share, and turning them into settings and a list of files.

A run that would check nothing is a usage error (exit 2), never a silent pass: no file
found under the paths given, every rule switched off, a language or an encoding reslint
does not know. CI that is misconfigured must say so.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from linter.cli.errors import UsageError
from linter.engine.discovery import Problem
from linter.engine.errors import ConfigError
from linter.engine.needs import Needs
from linter.engine.results import FileResult
from linter.engine.settings import Settings, SettingsError

if TYPE_CHECKING:
    from linter.engine.cache import ResultCache
    from linter.engine.executors import Executor


def add_selection(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--select",
        action="append",
        metavar="RULES",
        help="rules to enable: codes, prefixes, family letters or names",
    )
    command.add_argument(
        "--ignore",
        action="append",
        metavar="RULES",
        help="rules to disable (wins over --select when equally specific)",
    )


def language_code(value: str) -> str:
    """``--language``: a language reslint has data for, or ``und`` (layout alone)."""
    from linter.source.lexicon import available_languages

    known = available_languages()
    if value in known or value == "und":
        return value
    import difflib

    close = difflib.get_close_matches(value.lower(), [*known, "und"], n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    raise argparse.ArgumentTypeError(
        f"unknown language {value!r}; {hint}reslint knows {', '.join(known)} "
        "(and und: structure from layout alone)"
    )


def encoding_name(value: str) -> str:
    """``--encoding``: a codec Python knows (``gb18030``, ``utf-16``, ``cp1252``)."""
    from linter.source.encoding import UnknownEncodingError, check_encoding

    try:
        check_encoding(value)
    except UnknownEncodingError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return value


def add_input_arguments(command: argparse.ArgumentParser, *, encoding: bool = True) -> None:
    """``--include``, ``--language`` and ``--encoding``: which files and how to read them."""
    command.add_argument(
        "--include",
        action="append",
        metavar="GLOB",
        help="file pattern to read inside directories (default: *.txt)",
    )
    command.add_argument(
        "--language", type=language_code, help="force the language (ISO 639-1 code)"
    )
    if encoding:
        command.add_argument(
            "--encoding",
            type=encoding_name,
            metavar="NAME",
            help="read files in this encoding instead of UTF-8 (gb18030, utf-16, cp1252...)",
        )


def add_stdin_filename(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="with '-' as the PATH: the file the text on stdin stands for (configuration, "
        "per-file ignores, the name in the output)",
    )


def add_config_arguments(command: argparse.ArgumentParser) -> None:
    """Where settings come from, and which files: shared by check, fix and baseline."""
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
    command.add_argument(
        "--time-budget",
        type=seconds,
        metavar="SECONDS",
        help="time each document may take (default 60; 0: no limit); past it the file "
        "gets an E003 finding and the run goes on",
    )


def seconds(value: str) -> float:
    """A number of seconds, 0 or more."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not number >= 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds, 0 or more")
    return number


def add_baseline_and_jobs(command: argparse.ArgumentParser) -> None:
    """``--baseline``, ``--no-baseline`` and ``--jobs``: shared by check and report."""
    command.add_argument(
        "--baseline", metavar="FILE", help="report and fail only on findings not in FILE"
    )
    command.add_argument(
        "--no-baseline", action="store_true", help="ignore the configuration's baseline"
    )
    add_jobs(command)


def add_jobs(command: argparse.ArgumentParser) -> None:
    """``--jobs``: check, report, baseline and fix."""
    command.add_argument(
        "--jobs",
        "-j",
        type=jobs_count,
        default=0,
        metavar="N",
        help="processes working at once (default 0: one per core when the bytes to "
        "read are worth it; 1: this process only)",
    )


def jobs_count(value: str) -> int:
    """``--jobs``: a whole number, 0 (one per core) or more."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{number} is negative; use 0 for one per core")
    return number


def format_names() -> list[str]:
    from linter.report import FORMATS

    return sorted(FORMATS)


def settings_for(args: argparse.Namespace, paths: Sequence[str]) -> Settings:
    from linter.engine import settings

    try:
        return settings.build(args, paths, formats=format_names())
    except (ConfigError, SettingsError) as error:
        raise UsageError(str(error)) from None


def collect(
    settings: Settings, paths: Sequence[str], problems: list[Problem] | None = None
) -> list[Path]:
    """The files a run reads: each once, in the order found (a path given twice, or a file
    and its folder, count once). No file, or no rule to run, is a usage error. Folders
    that cannot be read go to ``problems`` (each command reports them and exits 2, having
    done the rest)."""
    if not settings.rules:
        raise UsageError(no_rules_message(settings))
    return find_files(paths, settings.include, settings.excluded, bool(settings.exclude), problems)


def find_files(
    paths: Sequence[str],
    include: Sequence[str],
    excluded: Callable[[Path], bool] | None = None,
    excluding: bool = False,
    problems: list[Problem] | None = None,
) -> list[Path]:
    """The files under ``paths`` matching ``include`` and not ``excluded``, each once;
    :class:`UsageError` for a missing path, and when there is no file at all (unless a
    folder that could not be read is the reason: that goes to ``problems``)."""
    from linter.engine.discovery import MissingPathError, iter_files

    try:
        found = iter_files(paths, include=include, problems=problems)
        files = _unique(path for path in found if not (excluded and excluded(path)))
    except MissingPathError as error:
        raise UsageError(str(error)) from None
    if not files and not problems:
        excluded_note = " or every one is excluded" if excluding else ""
        raise UsageError(
            f"no files to check in {', '.join(paths)}: none matches --include "
            f"{', '.join(include)}{excluded_note}"
        )
    return files


def _unique(paths: Iterable[Path]) -> list[Path]:
    seen: set[str] = set()
    kept = []
    for path in paths:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            kept.append(path)
    return kept


def no_rules_message(settings: Settings) -> str:
    where = f" (configuration: {settings.config.path})" if settings.config else ""
    return f"no rule is selected{where}: check the select and ignore settings"


def add_run_options(command: argparse.ArgumentParser) -> None:
    """Where and how files are linted: the cache, and Dask; shared by check, report and
    baseline (``--jobs`` is with the baseline options, or added by the command)."""
    command.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the results cache"
    )
    command.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="results cache folder (default: $RESLINT_CACHE_DIR, else .reslint_cache beside "
        "the configuration file, else the user cache folder)",
    )
    command.add_argument(
        "--executor",
        choices=["local", "dask"],
        default="local",
        help="lint on this machine (default) or on a Dask cluster (pip install 'reslint[dask]')",
    )
    command.add_argument(
        "--scheduler", metavar="ADDRESS", help="with --executor dask: the scheduler's address"
    )


def _cache(args: argparse.Namespace, settings: Settings) -> ResultCache | None:
    if getattr(args, "no_cache", False):
        return None
    from linter.engine.cache import ResultCache, default_folder

    if getattr(args, "cache_dir", None):
        return ResultCache(Path(args.cache_dir))
    project = settings.config.base if settings.config is not None else None
    return ResultCache(default_folder(project))


def _executor(args: argparse.Namespace, settings: Settings) -> Executor | None:
    if getattr(args, "executor", "local") != "dask":
        if getattr(args, "scheduler", None):
            raise UsageError("--scheduler needs --executor dask")
        return None
    if not args.scheduler:
        raise UsageError("--executor dask needs --scheduler ADDRESS (e.g. tcp://host:8786)")
    from linter.engine.dask_executor import DaskUnavailable, connect

    try:
        return connect(args.scheduler)
    except DaskUnavailable as error:
        raise UsageError(str(error)) from None


def lint_stream(
    files: Sequence[Path],
    settings: Settings,
    args: argparse.Namespace,
    needs: Needs,
    err: TextIO,
    out: TextIO | None = None,
) -> Iterator[FileResult]:
    """The run's results in order, with the cache, executor and progress the flags ask
    for; the progress line is cleared before anything is written to ``out`` if it shares
    the terminal. Says once on ``err`` when the cache could not be used. The executor is
    set up here, before the first result is asked for: a scheduler out of reach is a
    usage error before any output is written."""
    cache = _cache(args, settings)
    executor = _executor(args, settings)
    return _stream(files, settings, args, needs, err, out, cache, executor)


def _stream(
    files: Sequence[Path],
    settings: Settings,
    args: argparse.Namespace,
    needs: Needs,
    err: TextIO,
    out: TextIO | None,
    cache: ResultCache | None,
    executor: Executor | None,
) -> Iterator[FileResult]:
    from linter.cli.progress import Progress, wanted
    from linter.engine.pipeline import check_files

    progress = Progress(err, len(files)) if wanted(err, getattr(args, "quiet", False)) else None
    shared = progress is not None and out is not None and out.isatty()
    try:
        for result in check_files(
            files,
            settings,
            jobs=getattr(args, "jobs", 0),
            needs=needs,
            cache=cache,
            executor=executor,
            on_result=progress,
        ):
            if shared and progress is not None:
                progress.close()
            yield result
    finally:
        if progress is not None:
            progress.close()
        if cache is not None and cache.problem:
            err.write(f"reslint: {cache.problem}\n")
