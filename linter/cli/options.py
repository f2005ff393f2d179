"""Flags several commands share, and turning them into settings and a list of files."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from linter.cli.errors import UsageError
from linter.engine.discovery import Problem
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
    """The files to check; folders that cannot be read go to ``problems`` (each command
    reports them and exits 2, having done the rest)."""
    from linter.engine.discovery import MissingPathError, iter_files

    try:
        found = iter_files(paths, include=settings.include, problems=problems)
        return [path for path in found if not settings.excluded(path)]
    except MissingPathError as error:
        raise UsageError(str(error)) from None
