"""Linting many files: in this process, or in worker processes when it pays.

Each file is linted with its own rules (per-file ignores), options, severities and
language, as :class:`~linter.engine.settings.Settings` say. Results come back in the
order of the files, whatever the number of workers.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from linter.engine.lint import FileResult, lint_path
from linter.engine.settings import Settings

#: Fewer files than this are checked in this process: starting workers costs more.
PARALLEL_THRESHOLD = 24

#: Turns a result that still holds its Document into a small picklable value (stored in
#: ``FileResult.outline``), computed where the file is linted so that the Document never
#: has to travel between processes. A top-level function, so workers can receive it.
Summarize = Callable[[FileResult], object]

_WORKER_SETTINGS: Settings | None = None
_WORKER_SUMMARIZE: Summarize | None = None


def lint_one(path: Path, settings: Settings) -> FileResult:
    """One file with its own rules (per-file ignores), options, severities and language."""
    return lint_path(
        path, settings.rules_for(path), settings.options, settings.severities, settings.language
    )


def _summarized(result: FileResult, summarize: Summarize | None) -> FileResult:
    if summarize is None:
        return result
    return dataclasses.replace(result, outline=summarize(result))


def _start_worker(settings: Settings, summarize: Summarize | None = None) -> None:
    global _WORKER_SETTINGS, _WORKER_SUMMARIZE  # one per worker process, set once
    _WORKER_SETTINGS = settings
    _WORKER_SUMMARIZE = summarize


def _lint_in_worker(path: Path) -> FileResult:
    assert _WORKER_SETTINGS is not None
    result = _summarized(lint_one(path, _WORKER_SETTINGS), _WORKER_SUMMARIZE)
    # The parsed Document stays in the worker: reports need the findings and the source.
    return dataclasses.replace(result, document=None)


def workers_for(jobs: int, files: int) -> int:
    """How many processes check ``files`` files: ``jobs`` if given, else one per core
    when there are enough files to pay for starting them."""
    if jobs > 0:
        return min(jobs, max(files, 1))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if files < PARALLEL_THRESHOLD or not cores or cores < 2:
        return 1
    return min(cores, files // (PARALLEL_THRESHOLD // 2))


def lint_all(
    files: Sequence[Path], settings: Settings, jobs: int = 0, summarize: Summarize | None = None
) -> list[FileResult]:
    """Every file's result, in the order of ``files``; in worker processes when it pays.

    Workers are forked where the platform allows it (Linux), so they start with every
    module imported and every pattern compiled; each receives the settings once.
    ``summarize``, if given, fills each result's ``outline`` from its Document. When
    the files are done, language versions of one resolution among them are compared
    (X rules, :mod:`linter.engine.versions`).
    """
    return _compare_versions(_lint_files(files, settings, jobs, summarize), settings)


def _compare_versions(results: list[FileResult], settings: Settings) -> list[FileResult]:
    if sum(1 for result in results if result.versions is not None) < 2:
        return results
    from linter.engine.versions import compare_versions

    return compare_versions(
        results, lambda path: settings.rules_for(Path(path)), settings.options, settings.severities
    )


def _lint_files(
    files: Sequence[Path], settings: Settings, jobs: int, summarize: Summarize | None
) -> list[FileResult]:
    workers = workers_for(jobs, len(files))
    if workers <= 1:
        return [_summarized(lint_one(path, settings), summarize) for path in files]
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, min(64, len(files) // (workers * 4)))
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(settings, summarize),
    ) as pool:
        return list(pool.map(_lint_in_worker, files, chunksize=chunk))
