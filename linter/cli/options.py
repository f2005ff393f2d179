"""Flags several commands share, and turning them into settings and a list of files."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from linter.cli.errors import UsageError
from linter.engine.errors import ConfigError
from linter.engine.settings import Settings, SettingsError


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


def add_baseline_and_jobs(command: argparse.ArgumentParser) -> None:
    """``--baseline``, ``--no-baseline`` and ``--jobs``: shared by check and report."""
    command.add_argument(
        "--baseline", metavar="FILE", help="report and fail only on findings not in FILE"
    )
    command.add_argument(
        "--no-baseline", action="store_true", help="ignore the configuration's baseline"
    )
    command.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=0,
        metavar="N",
        help="processes checking files at once (default 0: one per core for many files)",
    )


def format_names() -> list[str]:
    from linter.report import FORMATS

    return sorted(FORMATS)


def settings_for(args: argparse.Namespace, paths: Sequence[str]) -> Settings:
    from linter.engine import settings

    try:
        return settings.build(args, paths, formats=format_names())
    except (ConfigError, SettingsError) as error:
        raise UsageError(str(error)) from None


def collect(settings: Settings, paths: Sequence[str]) -> list[Path]:
    from linter.engine.discovery import MissingPathError, iter_files

    try:
        found = iter_files(paths, include=settings.include)
        return [path for path in found if not settings.excluded(path)]
    except MissingPathError as error:
        raise UsageError(str(error)) from None
