"""Linting off the event loop: a bounded pool of worker processes with a time limit.

The event loop only reads requests and writes answers; every text is linted, fixed,
parsed or reported in a worker process (pebble's ``ProcessPool``, chosen because it can
stop one task that runs too long by ending its worker and starting a fresh one, which the
standard ``ProcessPoolExecutor`` cannot). So:

* a document that takes longer than the time limit is stopped and answered 422, and the
  pool is whole again for the next request;
* at most ``capacity`` documents are in the pool at once (running or waiting); past that
  a request is answered 503 with ``Retry-After`` at once, instead of queueing without
  bound while its client waits;
* a client that goes away cancels its task (a running one ends its worker).

Workers start from a fork server that has imported the engine and the rules once, so a
replaced worker is ready in a fraction of a second, and no worker is forked from the
threads of the server process.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import Callable
from typing import Any, TypeVar

import pebble

from linter.service.errors import ApiError

T = TypeVar("T")

#: Modules the fork server imports once, so that every worker starts with them.
PRELOAD = ["linter.service.jobs"]


def cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


class WorkerPool:
    """``await pool.run(function, *args)`` in a worker, within the limits above."""

    def __init__(
        self,
        workers: int,
        capacity: int,
        time_limit: float,
        initializer: Callable[[], None] | None = None,
    ) -> None:
        self.workers = max(1, workers)
        self.capacity = max(self.workers, capacity)
        self.time_limit = time_limit
        self.initializer = initializer
        self.pending = 0
        self._pool: pebble.ProcessPool | None = None

    def start(self) -> None:
        """Start the workers (also done by the first :meth:`run`)."""
        if self._pool is not None:
            return
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        self._pool = pebble.ProcessPool(
            max_workers=self.workers, initializer=self.initializer, context=context
        )

    def close(self) -> None:
        """Stop the workers; tasks still running are ended."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.stop()  # type: ignore[no-untyped-call]
            pool.join(timeout=10)

    @property
    def busy(self) -> bool:
        return self.pending >= self.capacity

    async def run(self, function: Callable[..., T], *args: Any, documents: int = 1) -> T:
        """``function(*args)`` in a worker: its result, or :class:`ApiError` 422 (over the
        time limit, ``documents`` times the limit for a task of several documents) or 503
        (the pool is full, or the worker died)."""
        if self.busy:
            raise ApiError(
                503,
                f"the server is busy ({self.pending} documents in progress); try again",
                "busy",
                retry_after=1,
            )
        self.start()
        assert self._pool is not None
        self.pending += 1
        try:
            limit = self.time_limit * max(1, documents)
            future = self._pool.schedule(function, args=args, timeout=limit)
            try:
                result: T = await asyncio.wrap_future(future)
            except asyncio.CancelledError:
                task = asyncio.current_task()
                if task is not None and task.cancelling():  # the client went away
                    future.cancel()  # type: ignore[no-untyped-call]
                    raise
                raise ApiError(503, "the task was cancelled; try again", "cancelled") from None
            return result
        except TimeoutError:
            raise ApiError(
                422,
                f"the document took longer than the {self.time_limit:g} s limit per document; "
                "send a smaller document or raise --time-limit",
                "time_limit",
            ) from None
        except pebble.ProcessExpired as error:
            raise ApiError(
                503, f"the worker checking the document stopped ({error}); try again", "worker_lost"
            ) from None
        finally:
            self.pending -= 1
