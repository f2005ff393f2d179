"""Which files a run checks: the paths given, directories walked recursively.

Files named on the command line are always checked; inside directories only files whose
name matches an include pattern (``*.txt`` by default) are, hidden directories (``.git``,
``.venv``) are skipped, and symbolic links to directories are not followed, so a walk
always ends. Paths come out sorted, so output is stable.

A folder that cannot be read is reported once, as a :class:`Problem`, and the walk goes
on with the rest. What is not a regular file (a FIFO, a device, a socket, a symbolic link
loop) is listed like any file and refused when read (``linter.engine.reading``), so it
too is reported once, by name.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from linter.source.frozen import record

DEFAULT_INCLUDE = ("*.txt",)


class MissingPathError(FileNotFoundError):
    """A path given on the command line does not exist."""


@record(slots=False)
class Problem:
    """A folder the walk could not read, and why."""

    path: Path
    reason: str


def _matches(name: str, relative: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(relative, p) for p in patterns)


def iter_files(
    paths: Sequence[str | Path],
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    problems: list[Problem] | None = None,
) -> Iterator[Path]:
    """Every file to check, in order. Raises :class:`MissingPathError` first if a path is
    missing, before any file is yielded; folders that cannot be read go to ``problems``."""

    def unreadable(error: OSError) -> None:
        if problems is not None:
            where = Path(error.filename) if error.filename else Path(".")
            problems.append(Problem(where, f"cannot read folder: {error.strerror or error}"))

    roots = [Path(p) for p in paths]
    for root in roots:
        if not root.exists() and not root.is_symlink():
            raise MissingPathError(f"path not found: {root}")
    for root in roots:
        if not root.is_dir():
            yield root
            continue
        for directory, subdirectories, files in os.walk(root, onerror=unreadable):
            subdirectories[:] = sorted(d for d in subdirectories if not d.startswith("."))
            for name in sorted(files):
                path = Path(directory) / name
                relative = path.relative_to(root).as_posix()
                if _matches(name, relative, include) and not _matches(name, relative, exclude):
                    yield path
