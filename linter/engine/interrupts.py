"""Stopping cleanly on Ctrl-C (SIGINT) and SIGTERM: within a second, nothing left behind.

Python turns SIGINT into :class:`KeyboardInterrupt`; :func:`install` turns SIGTERM into
:class:`Terminated` the same way, so that both unwind through the code that owns worker
processes and temporary files (which stops the workers and removes the files) instead
of killing the process where it stands. The command line exits 130 for SIGINT and 143
for SIGTERM (128 + the signal number, as shells do).

While the run cleans up, a second signal is ignored (:func:`shielded`): a second Ctrl-C
must not interrupt the cleanup that makes the first one safe. Worker processes ignore
SIGINT (the terminal sends it to the whole process group; the parent decides) and die
on SIGTERM, and on Linux they are also killed when the parent dies, however it dies.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator
from types import FrameType


class Terminated(BaseException):
    """The process received SIGTERM."""


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated("terminated")


def install() -> None:
    """Raise :class:`Terminated` on SIGTERM (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminate)


def exit_status(error: BaseException) -> int:
    """128 + the signal number: 130 for Ctrl-C, 143 for SIGTERM."""
    return 128 + (signal.SIGTERM if isinstance(error, Terminated) else signal.SIGINT)


@contextlib.contextmanager
def shielded() -> Iterator[None]:
    """Ignore SIGINT and SIGTERM for the duration (cleanup that must finish)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    # The handlers to restore are read before any is changed, and changed inside the
    # ``try``: a signal raising between the two steps cannot leave them ignored for good.
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        for sig in previous:
            signal.signal(sig, signal.SIG_IGN)
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back for the duration; one that arrives meanwhile takes
    effect right after. For steps that must happen together: a file renamed into place
    and recorded as rewritten, so that the list printed on an interrupt is exact."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "pthread_sigmask"
    ):
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    # The mask to restore is read without changing it, and the signals are held back
    # inside the ``try``: a signal taking effect just after the mask call (Python runs the
    # handler there) still restores the mask, instead of leaving them held back for good.
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, ())
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, held)
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def stopping() -> None:
    """The process is exiting after an interrupt: ignore further Ctrl-C (a second SIGTERM
    kills it at once, which is what a second SIGTERM asks)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def as_worker(parent: int) -> None:
    """Signal handling for a worker process: ignore SIGINT, die on SIGTERM, and die with
    the parent, whose process id (``parent``) was read before the fork (Linux
    ``PR_SET_PDEATHSIG``), so that no worker outlives its run. A parent that died before
    this call sends no signal: the worker sees it has been given another parent and
    leaves. (Reading the parent's id here instead would read the new parent's.)"""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # forked while the parent held signals back
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    with contextlib.suppress(Exception):  # not Linux, or no libc: the parent's cleanup does it
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)
