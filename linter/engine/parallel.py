"""Linting many files into a list, and one file: the simple entry points of the engine.

The command line streams :func:`linter.engine.pipeline.check_files` (results written as
they come, memory flat); these collect a run into a list, for callers that need it all at
once (the audit report, the Python API, tests). Where the files are linted (this process,
warm workers, a cluster) is :mod:`linter.engine.executors`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from linter.engine.executors import PARALLEL_MIN_BYTES, workers_for
from linter.engine.lint import lint_path
from linter.engine.needs import Needs, Summarize
from linter.engine.pipeline import check_files
from linter.engine.results import FileResult
from linter.engine.settings import Settings

__all__ = ["PARALLEL_MIN_BYTES", "lint_all", "lint_one", "workers_for"]


def lint_all(
    files: Sequence[Path], settings: Settings, jobs: int = 0, summarize: Summarize | None = None
) -> list[FileResult]:
    """Every file's compact result, in the order of ``files`` (with the X rules' findings).

    A list, for callers that need the whole run at once (the audit report, tests); the
    command line streams :func:`linter.engine.pipeline.check_files` instead.
    """
    return list(check_files(files, settings, jobs=jobs, needs=Needs(summarize=summarize)))


def lint_one(path: Path, settings: Settings) -> FileResult:
    """One file with its own rules (per-file ignores), options, severities and language;
    a full result (Source and Document), linted here."""
    return lint_path(
        path,
        settings.rules_for(path),
        settings.options,
        settings.severities,
        settings.language,
        encoding=settings.encoding,
        budget=settings.time_budget or None,
    )
