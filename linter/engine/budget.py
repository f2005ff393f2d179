"""A time budget per document: no input can stall a run or a service worker.

Every stage of checking or fixing one document runs inside :func:`limit`; the stage
names itself (:func:`stage`: "parse", "rule A010 (line-end-hyphenation)", "fix pass 3").
When the budget runs out, :class:`BudgetExceeded` is raised in the stage that was
running, naming it; the engine turns it into an E003 finding for that file, keeps the
findings of the rules that finished, and the run goes on with the next file.

The budget is enforced twice: cooperatively, between stages, and by a timer
(``SIGALRM``) that interrupts a stage in the middle, even inside a regular expression.
The timer needs the main thread of its process (the command line and its workers run
there); elsewhere (a thread of a server) only the checks between stages apply.

Budgets do not nest: a fix re-lints the text several times within one budget.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Iterator
from contextvars import ContextVar
from types import FrameType

#: The default budget per document, in seconds: far above any real resolution (they take
#: milliseconds) and still a bound on a pathological or huge input.
DEFAULT_SECONDS = 60.0


class BudgetExceeded(BaseException):
    """The time budget of a document ran out during ``stage``.

    A ``BaseException``, like ``KeyboardInterrupt``: no ``except Exception`` in a rule,
    a grammar or a library may take it for an error of its own and go on."""

    def __init__(self, seconds: float, stage: str) -> None:
        super().__init__(f"time budget of {seconds:g} s ran out in {stage}")
        self.seconds = seconds
        self.stage = stage


class _Budget:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.stage = "reading"
        self.running = False  # the body is running: the timer may interrupt it

    def exceeded(self) -> BudgetExceeded:
        return BudgetExceeded(self.seconds, self.stage)


_ACTIVE: ContextVar[_Budget | None] = ContextVar("reslint_budget", default=None)


def stage(name: str) -> None:
    """Name the stage starting now, and stop if the budget has run out."""
    budget = _ACTIVE.get()
    if budget is None:
        return
    budget.stage = name
    if time.monotonic() > budget.deadline:
        raise budget.exceeded()


def stop() -> None:
    """The budget has run out and is being handled: no further interruption."""
    budget = _ACTIVE.get()
    if budget is not None:
        budget.running = False


def current_stage() -> str | None:
    budget = _ACTIVE.get()
    return None if budget is None else budget.stage


@contextlib.contextmanager
def limit(seconds: float | None) -> Iterator[bool]:
    """Run the body within ``seconds`` (None or 0: no limit; inside another budget: that
    one's clock goes on). Yields whether this call started a budget: only its owner
    turns :class:`BudgetExceeded` into a finding, an inner caller lets it pass."""
    if not seconds or seconds <= 0 or _ACTIVE.get() is not None:
        yield False
        return
    budget = _Budget(seconds)
    token = _ACTIVE.set(budget)
    timer = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    previous: object = None
    try:
        if timer:

            def expire(signum: int, frame: FrameType | None) -> None:
                # Before the body starts or after it ends, the checks between stages
                # (or nobody) take over: raising here would escape the caller's handler.
                if budget.running:
                    raise budget.exceeded()

            previous = signal.signal(signal.SIGALRM, expire)
            signal.setitimer(signal.ITIMER_REAL, seconds)
        budget.running = True
        yield True
    finally:
        budget.running = False
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            restore = previous if previous is not None else signal.SIG_DFL
            signal.signal(signal.SIGALRM, restore)  # type: ignore[arg-type]
        _ACTIVE.reset(token)
