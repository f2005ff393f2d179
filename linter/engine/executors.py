"""Where shards of files are linted: in this process, or in warm worker processes.

An executor takes shards (lists of :class:`~linter.engine.jobs.WorkItem`) and returns a
future of their compact results, in the shard's order; :mod:`linter.engine.pipeline`
decides what goes where and puts the results back in the order of the files.

Worker processes are forked (where the platform allows it) only after this process has
linted the first files of the run itself (see the pipeline's head): by then every rule
module is imported and the patterns of the run's language are compiled, and the workers
inherit all of it instead of each building it again. The lint job is given to each worker
once, by its initializer. :mod:`linter.engine.dask_executor` is the same interface on a
Dask cluster.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from linter.engine import interrupts
from linter.engine.jobs import LintJob, WorkItem, lint_shard

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor


#: Below this many bytes of files still to lint, starting workers costs more than it saves
#: (forking, sending bytes and results): measured on the corpus, see benchmarks/.
PARALLEL_MIN_BYTES = 256 * 1024
#: Shards in flight per worker.
WINDOW = 4
#: Bounds of a shard's size: large enough that sending it costs little next to linting
#: it, small enough that the workers finish together and memory stays low.
SHARD_MIN_BYTES = 32 * 1024
SHARD_MAX_BYTES = 512 * 1024

_WORKER_JOB: Any = None
_WORKER_RUN: Callable[[Any, Sequence[Any]], list[Any]] | None = None

Job = TypeVar("Job")
Item = TypeVar("Item")
Out = TypeVar("Out")


class ShardFuture(Protocol):
    """What an executor's ``submit`` returns (concurrent.futures and Dask futures alike)."""

    def result(self) -> list[Any]: ...


class Executor(Protocol):
    """Lints shards somewhere; ``workers`` is how many shards it runs at once. It is
    given the run's job before the first shard (an executor made for one job, such as
    :class:`ProcessExecutor`, may ignore it)."""

    workers: int

    def prepare(self, job: LintJob) -> None: ...

    def submit(self, items: Sequence[WorkItem]) -> ShardFuture: ...

    def close(self, abort: bool = False) -> None:
        """Let go of the workers: after the work in flight, or (``abort``) at once."""
        ...


def _start_worker(job: Any, run: Callable[[Any, Sequence[Any]], list[Any]], parent: int) -> None:
    global _WORKER_JOB, _WORKER_RUN  # one per worker process, set once
    _WORKER_JOB, _WORKER_RUN = job, run
    interrupts.as_worker(parent)


def _run_in_worker(items: Sequence[Any]) -> list[Any]:
    assert _WORKER_RUN is not None
    return _WORKER_RUN(_WORKER_JOB, items)


class ProcessExecutor:
    """Worker processes on this machine, forked warm where the platform allows it.

    Each worker receives ``job`` once; ``run(job, shard)`` is what it does with each
    shard (by default, lint it)."""

    def __init__(
        self,
        job: Any,
        workers: int,
        run: Callable[[Any, Sequence[Any]], list[Any]] = lint_shard,
    ) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.workers = workers
        self.pool: ProcessPoolExecutor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(job, run, os.getpid()),
        )

    def prepare(self, job: LintJob) -> None:
        """Nothing to send: each worker received the job when it was forked (``__init__``
        passes it to the pool's initializer); Dask's workers need it sent once instead."""

    def submit(self, items: Sequence[Any]) -> ShardFuture:
        # Workers are forked as shards are submitted; a signal arriving in the middle of a
        # fork is lost (Python runs no handler there), so hold it until after. The pool's
        # threads are started here too, so they inherit the held signals and never take
        # one: this process's signals always reach the main thread (see _GuardedFuture).
        with interrupts.deferred():
            return _GuardedFuture(self.pool.submit(_run_in_worker, list(items)))

    def close(self, abort: bool = False) -> None:
        """After the work in flight; or (``abort``: an interrupt, an error, a consumer
        that stopped) with the shards not yet started cancelled, without waiting, and the
        workers stopped: SIGTERM, then SIGKILL a second later (no process outlives the
        run; workers also die with this process, see ``interrupts.as_worker``)."""
        if not abort:
            self.pool.shutdown()
            return
        # Killing workers leaves the pool's own threads two ways to wait forever, which
        # this process would do at exit (seen with CPython 3.11 under the tests):
        # - shards queued to dead workers stay in the call queue's pipe, and its feeder
        #   thread is joined: it is a daemon thread, so it is not joined;
        # - a worker killed while it sends a result leaves the pool's reader waiting for
        #   the rest: once the workers are gone this process closes its own copy of the
        #   pipe's writing end, the reader sees the end of the pipe and the pool breaks.
        call_queue = getattr(self.pool, "_call_queue", None)
        result_queue = getattr(self.pool, "_result_queue", None)
        with interrupts.shielded():
            if call_queue is not None:
                call_queue.cancel_join_thread()
            self.pool.shutdown(wait=False, cancel_futures=True)
            stop_workers()
            writer = getattr(result_queue, "_writer", None)
            if writer is not None:
                writer.close()


#: Longest stretch, in seconds, for which waiting on a shard holds signals back: how late
#: a Ctrl-C or SIGTERM may take effect while this process waits for a worker.
WAIT_SLICE = 0.05


class _GuardedFuture:
    """A shard's future that a signal cannot break.

    Python raises the exception of a signal handler (``KeyboardInterrupt``,
    :class:`~linter.engine.interrupts.Terminated`) between any two steps of Python code,
    including inside ``concurrent.futures``: a future's ``done()`` or ``result()``
    interrupted just after taking the future's lock leaves the lock held for good (a
    ``with`` statement does not protect the step after ``__enter__``, CPython issue
    gh-74174). The pool's manager thread then blocks forever when it completes or
    cancels that future, and the interpreter, which joins that thread at exit, hangs
    after the interrupt was reported. A tight loop of ``done()`` under SIGTERM left the
    lock held in a third of the trials on CPython 3.11 (tests/test_interrupts.py).

    So every call into the future runs with the signals held back
    (:func:`~linter.engine.interrupts.deferred`), and a signal takes effect right after,
    in reslint's own code. A wait is cut into slices of :data:`WAIT_SLICE` seconds so that
    a signal is never held back longer than that.
    """

    __slots__ = ("future",)

    def __init__(self, future: Future[list[Any]]) -> None:
        self.future = future

    def done(self) -> bool:
        with interrupts.deferred():
            return self.future.done()

    def result(self) -> list[Any]:
        while True:
            with interrupts.deferred():
                try:
                    return self.future.result(timeout=WAIT_SLICE)
                except TimeoutError:
                    if self.future.done():  # the shard itself raised TimeoutError
                        raise


def stop_workers(grace: float = 1.0) -> None:
    """Terminate every worker process of this process, kill those still alive after
    ``grace`` seconds, and reap them all."""
    import multiprocessing
    import time

    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    deadline = time.monotonic() + grace
    for child in children:
        child.join(max(0.0, deadline - time.monotonic()))
    for child in children:
        if child.is_alive():
            child.kill()
            child.join(1.0)


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def workers_for(jobs: int, remaining_bytes: int) -> int:
    """How many processes lint the rest of a run: ``jobs`` if given, else one per core
    when the bytes still to lint pay for starting them (1: stay in this process)."""
    if jobs > 0:
        return jobs
    if remaining_bytes < PARALLEL_MIN_BYTES:
        return 1
    return cores()


def shard_bytes(remaining: int, workers: int) -> int:
    """The size of a shard: about eight per worker over what is left."""
    return min(max(remaining // (workers * 8), SHARD_MIN_BYTES), SHARD_MAX_BYTES)


def map_ordered(
    run: Callable[[Job, Sequence[Item]], list[Out]],
    job: Job,
    items: Sequence[Item],
    sizes: Sequence[int],
    jobs: int = 0,
    here: Callable[[Job, Sequence[Item]], list[Out]] | None = None,
) -> Iterator[Out]:
    """``run(job, shard)`` over ``items`` in shards, results in the order of ``items``.

    The first item is done here (the workers are forked warm after it); the rest in
    worker processes when their bytes (``sizes``) justify it, in shards of similar size,
    at most :data:`WINDOW` shards per worker in flight. For commands other than ``check``
    (``fix``), which have no cache to consult between files. ``here``, if given, is what
    this process runs instead of ``run`` (a closure over state of this process).
    """
    if not items:
        return
    local = here or run  # what this process runs (it may keep state workers cannot)
    yield from local(job, items[:1])
    workers = workers_for(jobs, sum(sizes[1:]))
    if workers <= 1:
        for index in range(1, len(items)):
            yield from local(job, items[index : index + 1])
        return
    executor = ProcessExecutor(job, workers, run)
    target = shard_bytes(sum(sizes[1:]), workers)
    in_flight: deque[ShardFuture] = deque()
    try:
        start = 1
        while start < len(items):
            end, size = start, 0
            while end < len(items) and (end == start or size < target):
                size += sizes[end]
                end += 1
            in_flight.append(executor.submit(items[start:end]))
            start = end
            while len(in_flight) >= workers * WINDOW:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()
    except BaseException:
        executor.close(abort=True)
        raise
    executor.close()
