"""The fixer: text edits applied in passes, re-linting until the text settles.

A fix is a set of edits on the text its finding came from, all applied or none. One pass
lints the text, keeps the fixes it may apply (``safe``, and ``unsafe`` ones only when
asked), drops duplicates (several findings can carry one fix: a page's notes and the
markers and furniture around them are repaired by one edit set), applies those that do
not overlap in order of position, and lints the new text again: a fix skipped because it
overlapped another is found again, on the new text, in the next pass.

The fixer stops when no fix is left or the text stops changing. A text seen before means
the fixes go round in a circle; ten passes without settling mean they do not converge:
either way the original text is kept and the rules whose fixes were still pending are
named. Every applied fix goes through the content guard (``linter.fix.guard``), and the fixed
text must parse to the same structure as the original (``linter.fix.signature``): a fix
that would lose a word or a paragraph is refused, never written.

A text in which no resolution is recognised is left alone (``skipped`` says why): it is
not an error to keep a ``requirements.txt`` beside the documents.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import field
from typing import Any

from linter.engine.budget import BudgetExceeded, limit, stage
from linter.engine.budget import stop as budget_stop
from linter.engine.lint import lint_text, out_of_time
from linter.engine.registry import Edit, Fix, RuleSpec
from linter.engine.results import FileResult, Finding
from linter.fix.guard import Allowance, GuardError, check_joins
from linter.fix.signature import differences, structure
from linter.source.frozen import record

MAX_PASSES = 10
#: Why a text without resolution structure is left alone.
NOT_A_RESOLUTION = "no resolution structure found (E002); left alone"


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, int]:
    """Apply non-overlapping edits; returns the new text and how many were applied."""
    chosen: list[Edit] = []
    last_end = -1
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < last_end or (
            chosen and _overlaps((edit.start, edit.end), (chosen[-1].start, chosen[-1].end))
        ):
            continue
        chosen.append(edit)
        last_end = edit.end
    pieces = []
    position = len(text)
    for edit in reversed(chosen):
        pieces.append(text[edit.end : position])
        pieces.append(edit.replacement)
        position = edit.start
    pieces.append(text[:position])
    return "".join(reversed(pieces)), len(chosen)


def _overlaps(first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Spans overlap, or are two insertions at one point (their order would be a guess)."""
    (a, b), (c, d) = first, second
    return (a < d and c < b) or (a == b == c == d)


class _TakenSpans:
    """The spans of the fixes chosen so far, sorted, in blocks: a new span is checked
    against its neighbours only, and inserting it moves one block, not every span.

    Chosen spans never overlap each other, so a span overlaps one of them if and only if
    it overlaps the last one that starts before its end (or is the same empty point).
    Comparing every new span with every chosen one made a text of n fixes quadratic.
    """

    _BLOCK = 512

    def __init__(self) -> None:
        self._blocks: list[list[tuple[int, int]]] = []
        self._firsts: list[tuple[int, int]] = []  # the first span of each block
        self._points: set[int] = set()  # empty spans (insertions)

    def overlaps(self, span: tuple[int, int]) -> bool:
        start, end = span
        if start == end and start in self._points:
            return True
        block = bisect.bisect_left(self._firsts, (end, -1)) - 1
        if block < 0:
            return False
        items = self._blocks[block]
        before = items[bisect.bisect_left(items, (end, -1)) - 1]  # starts before ``end``
        return _overlaps(span, before)

    def add(self, span: tuple[int, int]) -> None:
        if span[0] == span[1]:
            self._points.add(span[0])
        block = max(bisect.bisect_right(self._firsts, span) - 1, 0)
        if not self._blocks:
            self._blocks.append([span])
            self._firsts.append(span)
            return
        items = self._blocks[block]
        bisect.insort(items, span)
        self._firsts[block] = items[0]
        if len(items) > 2 * self._BLOCK:
            self._blocks[block : block + 1] = [items[: self._BLOCK], items[self._BLOCK :]]
            self._firsts[block : block + 1] = [items[0], items[self._BLOCK]]


def choose_fixes(fixes: Sequence[Fix], unsafe: bool = False) -> list[Fix]:
    """The fixes of one pass: applicable, whole, not overlapping, in order of position.

    Of two fixes starting at one place the wider goes first: it usually contains the
    other (a joined line break contains the trailing spaces before it), so the layout is
    repaired in one pass rather than through an intermediate text.
    """
    taken = _TakenSpans()
    chosen: list[Fix] = []
    for fix in sorted(fixes, key=_position):
        if fix.applicability == "unsafe" and not unsafe:
            continue
        spans = [(e.start, e.end) for e in fix.edits]
        if any(taken.overlaps(span) for span in spans):
            continue
        for span in _merged(spans):
            taken.add(span)
        chosen.append(fix)
    return chosen


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of one fix with those that overlap each other joined, so that the chosen
    spans stay disjoint (a span overlaps the join exactly when it overlaps one of them)."""
    merged: list[tuple[int, int]] = []
    for span in sorted(spans):
        if merged and _overlaps(merged[-1], span):
            merged[-1] = (merged[-1][0], max(merged[-1][1], span[1]))
        else:
            merged.append(span)
    return merged


def _edit_position(edit: Edit) -> tuple[int, int]:
    return edit.start, edit.end


def _position(fix: Fix) -> tuple[int, int]:
    start = min((edit.start for edit in fix.edits), default=0)
    end = max((edit.end for edit in fix.edits), default=0)
    return start, -end


def apply_fixes(text: str, fixes: Sequence[Fix], unsafe: bool = False) -> tuple[str, int]:
    """Apply whole fixes (all edits of a fix or none) that do not overlap each other."""
    chosen = choose_fixes(fixes, unsafe)
    fixed, _ = apply_edits(text, [edit for fix in chosen for edit in fix.edits])
    return fixed, len(chosen)


@record(slots=False)
class FixOutcome:
    """What fixing one text did."""

    path: str
    original: str
    text: str  # the fixed text; the original when refused or when nothing changed
    first: FileResult  # the findings of the first pass
    remaining: tuple[Finding, ...] = ()  # findings left in ``text``
    applied: int = 0  # fixes applied over all passes
    passes: int = 0
    error: str | None = None  # why the text was refused (None: fixed, or nothing to fix)
    unconverged: tuple[str, ...] = field(default=())
    skipped: str | None = None  # why the text was left alone without being an error

    @property
    def changed(self) -> bool:
        return self.error is None and self.text != self.original

    @property
    def fixable(self) -> int:
        """Findings of the first pass that carried a fix."""
        return sum(1 for finding in self.first.findings if finding.fix is not None)


def _pending(findings: Iterable[Finding], unsafe: bool) -> dict[Fix, list[str]]:
    """Distinct applicable fixes, in finding order, with the rules that carry each.

    Many findings carry the same fix object (the notes' one fix, a block's joins), and a
    fix hashes all its edits: each object is looked up once, then found by identity (a
    text of many notes hashed the notes' fix once per note: quadratic)."""
    pending: dict[Fix, list[str]] = {}
    by_identity: dict[int, list[str]] = {}
    for finding in findings:
        fix = finding.fix
        if fix is None or (fix.applicability == "unsafe" and not unsafe):
            continue
        carriers = by_identity.get(id(fix))
        if carriers is None:
            carriers = by_identity[id(fix)] = pending.setdefault(fix, [])
        carriers.append(finding.rule)
    return pending


def fix_text(
    text: str,
    rules: Sequence[RuleSpec],
    *,
    path: str = "<text>",
    unsafe: bool = False,
    language: str | None = None,
    options: Mapping[str, Any] | None = None,
    budget: float | None = None,
) -> FixOutcome:
    """Fix ``text`` with ``rules`` until it settles; see the module docstring. All passes
    share one time ``budget``: when it runs out the text is refused, unchanged."""
    with limit(budget) as owner:
        try:
            return _fix_text(text, rules, path, unsafe, language, options)
        except BudgetExceeded as error:
            if not owner:
                raise
            budget_stop()
            first = out_of_time(path, rules, {}, error)
            return _refused(path, text, first, f"{error} while fixing; not fixed")


def _fix_text(
    text: str,
    rules: Sequence[RuleSpec],
    path: str,
    unsafe: bool,
    language: str | None,
    options: Mapping[str, Any] | None,
) -> FixOutcome:
    first = lint_text(text, path, rules, options, language=language)
    language = first.language
    if first.document is None or not first.document.has_structure:
        return _unchanged(path, text, first, skipped=NOT_A_RESOLUTION)
    allowance = Allowance()
    seen = {text}
    current, result = text, first
    applied = 0
    for number in range(1, MAX_PASSES + 1):
        stage(f"fix pass {number}")
        pending = _pending(result.findings, unsafe)
        if not pending:
            return _settled(path, text, current, first, result, applied, number - 1, allowance)
        chosen = choose_fixes(list(pending), unsafe)
        try:
            for fix in chosen:
                allowance.admit(current, fix, pending[fix])
        except GuardError as error:
            return _refused(path, text, first, f"content guard: {error}")
        edits = sorted((edit for fix in chosen for edit in fix.edits), key=_edit_position)
        try:
            check_joins(current, edits)
        except GuardError as error:
            return _refused(path, text, first, f"content guard: {error}")
        new, _ = apply_edits(current, edits)
        applied += len(chosen)
        if new in seen:
            rules_left = sorted({rule for fix in chosen for rule in pending[fix]})
            return _refused(
                path,
                text,
                first,
                f"fixes of {', '.join(rules_left)} go round in a circle; nothing was changed",
                tuple(rules_left),
            )
        seen.add(new)
        current = new
        result = lint_text(current, path, rules, options, language=language)
    pending = _pending(result.findings, unsafe)
    if not pending:
        return _settled(path, text, current, first, result, applied, MAX_PASSES, allowance)
    rules_left = sorted({rule for codes in pending.values() for rule in codes})
    return _refused(
        path,
        text,
        first,
        f"fixes of {', '.join(rules_left)} did not settle in {MAX_PASSES} passes; "
        "nothing was changed",
        tuple(rules_left),
    )


def _refused(
    path: str, text: str, first: FileResult, reason: str, unconverged: tuple[str, ...] = ()
) -> FixOutcome:
    """The outcome of a text the fixer will not change: the original, and why."""
    return _unchanged(path, text, first, error=reason, unconverged=unconverged)


def _unchanged(
    path: str,
    text: str,
    first: FileResult,
    error: str | None = None,
    unconverged: tuple[str, ...] = (),
    skipped: str | None = None,
) -> FixOutcome:
    """The original text kept: refused (``error``) or left alone (``skipped``)."""
    return FixOutcome(
        path=path,
        original=text,
        text=text,
        first=first,
        remaining=first.findings,
        error=error,
        unconverged=unconverged,
        skipped=skipped,
    )


def _settled(
    path: str,
    original: str,
    fixed: str,
    first: FileResult,
    final: FileResult,
    applied: int,
    passes: int,
    allowance: Allowance,
) -> FixOutcome:
    """The text settled: check it against the original before anyone writes it."""
    try:
        allowance.check_texts(original, fixed)
    except GuardError as error:
        return _refused(path, original, first, f"content guard: {error}")
    if first.document is not None and final.document is not None:
        changed = differences(structure(first.document), structure(final.document))
        if changed:
            reason = f"fixing would change the structure ({'; '.join(changed)})"
            return _refused(path, original, first, reason)
    return FixOutcome(
        path=path,
        original=original,
        text=fixed,
        first=first,
        remaining=final.findings,
        applied=applied,
        passes=passes,
    )
