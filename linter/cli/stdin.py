"""``-`` as the path: the text comes on standard input, as editors and formatters send it.

``--stdin-filename NAME`` says which file the text stands for, so that everything a file
on disk would get applies to it: the configuration found from NAME's folder upward, the
per-file ignores and excludes that match NAME, and NAME in every report. The language is
detected from the text, as for a file (``--language`` forces it), so ``reslint check -
--stdin-filename x.zh.txt < x.zh.txt`` reports exactly what ``reslint check x.zh.txt`` does.
A NAME the configuration excludes is not checked: the editor of an excluded file sees no
findings, as ``check`` on the whole folder would show none for it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from linter.cli.errors import UsageError
from linter.cli.options import no_rules_message
from linter.engine.reading import MAX_BYTES
from linter.engine.results import FileResult
from linter.engine.settings import Settings

STDIN = "-"


def wants_stdin(paths: Sequence[str]) -> bool:
    """Whether the text comes on stdin; ``-`` must then be the only path."""
    if STDIN not in paths:
        return False
    if len(paths) > 1:
        raise UsageError("'-' (standard input) must be the only PATH")
    return True


def stdin_name(args: argparse.Namespace) -> str:
    """The name the text on stdin is reported and configured under."""
    name: str | None = getattr(args, "stdin_filename", None)
    return name or STDIN


def config_paths(args: argparse.Namespace) -> list[str]:
    """The paths that decide which configuration applies: the stdin file name (its folder
    is where the search starts), or the paths given."""
    paths = list(args.paths)
    if getattr(args, "stdin_filename", None) and not wants_stdin(paths):
        raise UsageError("--stdin-filename is for '-' (standard input) as the PATH")
    return [stdin_name(args)] if wants_stdin(paths) else paths


def read_stdin(stream: BinaryIO | None = None) -> bytes:
    """All of standard input, refused past the size limit files have."""
    source = stream if stream is not None else sys.stdin.buffer
    data = source.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise UsageError(f"standard input is over the {MAX_BYTES} byte limit; not checked")
    return data


def lint_stdin(settings: Settings, name: str) -> list[FileResult]:
    """The one result of the text on stdin (none when the configuration excludes NAME)."""
    from linter.engine import patterns

    patterns.activate()  # the compiled-pattern cache, if armed: a file is linted
    from linter.engine.lint import lint_bytes

    data = read_stdin()
    path = Path(name)
    if name != STDIN and settings.excluded(path):
        return []
    if not settings.rules:
        raise UsageError(no_rules_message(settings))
    return [
        lint_bytes(
            data,
            name,
            settings.rules_for(path),
            settings.options,
            settings.severities,
            language=settings.language,
            encoding=settings.encoding,
            budget=settings.time_budget,
        )
    ]
