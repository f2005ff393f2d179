"""E003 time-budget-exceeded."""

from __future__ import annotations

from collections.abc import Iterator

from linter.engine.budget import BudgetExceeded
from linter.engine.registry import Hit, Input, Severity, rule


@rule("E003", "time-budget-exceeded", Severity.ERROR, input=Input.ENGINE)
def time_budget_exceeded(event: BudgetExceeded) -> Iterator[Hit]:
    """Checking or fixing the document took longer than its time budget.

    Why:
        A run on an archive or behind a service must never stall on one document. Each
        document has a time budget (``time-budget`` in the configuration, or
        ``--time-budget SECONDS``; 60 seconds by default, far above what a resolution
        takes). When it runs out, the stage that was running (parsing, a rule, a fix
        pass) is named, the findings of the rules that finished are kept, the rest of
        the document is not checked, and the run goes on with the next file. ``fix``
        leaves the file unchanged.

    Example:
        The General Assembly,

        1. Decides to remain seized of the matter.

    Use instead:
        The General Assembly,

        1. Decides to remain seized of the matter.

    Fix safety:
        No fix. A document this slow is usually huge or damaged beyond reading; split it,
        or raise the budget if it is a legitimate large file. (The Example is the same
        text checked with a budget that has already run out.)
    """
    yield Hit(
        0,
        0,
        f"time budget of {event.seconds:g} s ran out in {event.stage}; "
        "the rest of the document was not checked",
    )
