"""A run over many files as a stream: read, look up the cache, lint, put back in order.

:func:`check_files` yields each file's compact result in the order of the files, as soon
as it and every file before it are done, so a report can be written file by file and
memory does not grow with the run: at most a window of shards is in flight.

How a file is linted:

1. this process reads it once (bytes over the size limit or unreadable give a result with
   ``error``) and, with a cache, looks its key up: a hit is a result at once;
2. the first misses (:data:`HEAD_BYTES` of them) are linted here: a small run never starts
   a worker, and a large one has imported every rule and compiled its language's patterns
   before forking, so the workers start warm;
3. then, if the bytes still to read justify it (:func:`~linter.engine.executors.workers_for`),
   the rest goes to the executor in shards of similar size in bytes (local worker
   processes, or a Dask cluster), else it is linted here too.

The X rules' comparison of language versions needs every file first; it is made after the
stream (:func:`linter.engine.versions.with_version_findings`).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from linter.engine import reading
from linter.engine.executors import WINDOW, ProcessExecutor, shard_bytes, workers_for
from linter.engine.jobs import LintJob, Packed, WorkItem, cacheable, lint_item, unpack
from linter.engine.needs import Needs
from linter.engine.registry import RuleSpec
from linter.engine.results import FileResult

if TYPE_CHECKING:
    from linter.engine.cache import ResultCache
    from linter.engine.executors import Executor, ShardFuture
    from linter.engine.settings import Settings

#: Bytes of files this process lints before it may hand work to workers.
HEAD_BYTES = 64 * 1024
#: Results waiting behind an unfinished shard at most (cache hits pile up there).
MAX_WAITING = 4096


@dataclass
class _Shard:
    items: list[WorkItem] = field(default_factory=list)
    keys: list[str | None] = field(default_factory=list)
    size: int = 0
    future: ShardFuture | None = None
    results: list[Packed] | None = None

    def add(self, item: WorkItem, key: str | None) -> int:
        self.items.append(item)
        self.keys.append(key)
        self.size += len(item.data)
        return len(self.items) - 1


#: A file's result as it comes: made here (or read from the cache), or packed by a worker.
Outcome = FileResult | Packed
#: An entry of the run, in file order: a result, or a place in a shard.
_Entry = tuple[_Shard | None, int, Outcome | None]


class _Run:
    """One run: where each file goes (cache, this process, the executor) and the order
    its results come back in."""

    def __init__(
        self,
        files: Sequence[Path],
        settings: Settings,
        job: LintJob,
        jobs: int,
        cache: ResultCache | None,
        executor: Executor | None,
    ) -> None:
        self.files = files
        self.settings = settings
        self.job = job
        self.jobs = jobs
        self.cache = cache
        self.executor = executor
        if executor is not None:
            executor.prepare(job)
        self.serial = executor is None and jobs == 1
        # Warm-up before forking: automatic runs lint the head here (a small run, all of
        # it); with --jobs N the first file is enough (and the workers get the rest).
        self.head = 0 if executor is not None else (HEAD_BYTES if jobs == 0 else 1)
        self.decided = False
        self.shard_bytes = 0
        self.in_flight = 0
        self._codes: dict[int, tuple[tuple[str, ...], str]] = {}
        self._specs: dict[tuple[str, ...], tuple[RuleSpec, ...]] = {}

    def _codes_of(self, path: Path) -> tuple[tuple[str, ...], str]:
        """The codes of the rules run on ``path``, and the job digest for its cache key
        (empty without a cache)."""
        rules = self.settings.rules_for(path)
        found = self._codes.get(id(rules))
        if found is None:
            codes = tuple(spec.code for spec in rules)
            found = self._codes[id(rules)] = (codes, self._digest(codes))
            self._specs[codes] = tuple(rules)
        return found

    def _digest(self, codes: tuple[str, ...]) -> str:
        if self.cache is None:
            return ""
        from linter.engine.cache import job_digest

        job = self.job
        return job_digest(
            ",".join(codes),
            repr(sorted(job.options.items())),
            repr(sorted((c, str(s)) for c, s in job.severities.items())),
            job.language or "-",
            job.encoding or "utf-8",
            job.needs.describe(),
        )

    def _prepare(self, path: Path) -> FileResult | tuple[WorkItem, str | None]:
        try:
            data = reading.read_limited(path)  # looked up here: tests replace it
        except OSError as error:
            return FileResult(path=str(path), error=reading.reason(error))
        codes, digest = self._codes_of(path)
        key = None
        if self.cache is not None:
            key = self.cache.key(data, digest)
            hit = self.cache.get(key, str(path))
            if hit is not None:
                return hit
        return WorkItem(str(path), data, codes), key

    def _store(self, key: str | None, result: Outcome) -> None:
        """Keep a result for the next run, unless a rule crashed on the file (a bug to
        report, not an answer to keep) or its time budget ran out (a partial result)."""
        if self.cache is None or key is None:
            return
        keep = result.cacheable if isinstance(result, Packed) else cacheable(result)
        if keep:
            self.cache.put(key, result)

    def _lint_here(self, item: WorkItem, key: str | None) -> FileResult:
        # Here the settings' own rule objects are at hand (a worker looks codes up in the
        # registry): a rule a plugin or a test adds runs in-process too.
        result = lint_item(self.job, item, self._specs.get(item.codes))
        self._store(key, result)
        return result

    def _begin(self, index: int) -> bool:
        """Decide where the files from ``index`` on go; True when they stay here."""
        self.decided = True
        remaining = sum(_size(path) for path in self.files[index:])
        if self.executor is None:
            workers = workers_for(self.jobs, remaining)
            if workers <= 1:
                self.serial = True
                return True
            self.executor = ProcessExecutor(self.job, workers)
        self.shard_bytes = shard_bytes(remaining, self.executor.workers)
        return False

    def _submit(self, shard: _Shard) -> None:
        assert self.executor is not None
        shard.future = self.executor.submit(shard.items)
        self.in_flight += 1

    def _collect(self, shard: _Shard) -> list[Packed]:
        if shard.results is None:
            assert shard.future is not None
            shard.results = shard.future.result()
            shard.future = None
            shard.items = []
            self.in_flight -= 1
            for key, result in zip(shard.keys, shard.results, strict=True):
                self._store(key, result)
        return shard.results

    def _drain(self, pending: deque[_Entry], everything: bool) -> Iterator[Outcome]:
        """Yield the results at the front that are done; wait for the front shard when
        the window is full (or, at the end, for everything)."""
        window = (self.executor.workers if self.executor else 1) * WINDOW
        while pending:
            shard, index, ready = pending[0]
            if shard is not None:
                if shard.future is None and shard.results is None:
                    if not everything:
                        return  # the shard being filled
                    self._submit(shard)
                wait = everything or self.in_flight >= window or len(pending) > MAX_WAITING
                if shard.results is None and not wait and not _done(shard.future):
                    return
                ready = self._collect(shard)[index]
            pending.popleft()
            assert ready is not None
            yield ready

    def results(self) -> Iterator[Outcome]:
        pending: deque[_Entry] = deque()
        shard: _Shard | None = None
        try:
            for index, path in enumerate(self.files):
                prepared = self._prepare(path)
                if isinstance(prepared, FileResult):
                    pending.append((None, 0, prepared))
                else:
                    item, key = prepared
                    if not self.decided and not self.serial and self.head > 0:
                        self.head -= len(item.data)
                        pending.append((None, 0, self._lint_here(item, key)))
                    elif self.serial or (not self.decided and self._begin(index)):
                        pending.append((None, 0, self._lint_here(item, key)))
                    else:
                        shard = shard or _Shard()
                        pending.append((shard, shard.add(item, key), None))
                        if shard.size >= self.shard_bytes:
                            self._submit(shard)
                            shard = None
                yield from self._drain(pending, everything=False)
            yield from self._drain(pending, everything=True)
        except BaseException:
            # An interrupt, a failed shard, or the reader gone (the generator closed):
            # the work in flight is dropped and the workers stopped at once.
            if self.executor is not None:
                self.executor.close(abort=True)
                self.executor = None
            raise
        finally:
            if self.executor is not None:
                self.executor.close()
            if self.cache is not None:
                self.cache.close()


def _done(future: ShardFuture | None) -> bool:
    done = getattr(future, "done", None)
    return bool(done()) if done is not None else True


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def check_files(
    files: Sequence[Path],
    settings: Settings,
    *,
    jobs: int = 0,
    needs: Needs | None = None,
    cache: ResultCache | None = None,
    executor: Executor | None = None,
    on_result: Callable[[int], None] | None = None,
) -> Iterator[FileResult]:
    """Each file's compact result, in the order of ``files``, with the X rules' findings.

    ``jobs``: worker processes (0: decided by the bytes to lint; 1: this process only).
    ``executor``: lint elsewhere instead (a Dask cluster); ``cache``: results kept across
    runs; ``on_result`` is told each file's number of findings as it is linted
    (progress), before the X step.
    """
    job = LintJob.of(settings, needs or Needs())
    results = _Run(files, settings, job, jobs, cache, executor).results()
    if on_result is not None:
        results = _observed(results, on_result)
    if len(files) < 2 or not _compares_versions(settings):
        return (unpack(result) for result in results)
    from linter.engine.spool import with_version_findings

    return with_version_findings(results, settings)


def _observed(results: Iterator[Outcome], on_result: Callable[[int], None]) -> Iterator[Outcome]:
    for result in results:
        on_result(result.findings if isinstance(result, Packed) else len(result.findings))
        yield result


def _compares_versions(settings: Settings) -> bool:
    from linter.engine.registry import Input

    return any(spec.input is Input.VERSIONS for spec in settings.rules)
