"""The baseline: adopt reslint on an archive without fixing every old finding first.

``reslint baseline PATH... -o .reslint-baseline.json`` records every current finding by
its content key (:mod:`linter.engine.fingerprint`), not by line number; ``reslint check
--baseline FILE`` then reports, and fails on, only findings the baseline does not hold.
Because the key is the matched text and a hash of its line with the span masked, a
finding keeps its key when lines are inserted or removed elsewhere in the file.

The file (``schemas/baseline.schema.json``) is JSON with one entry per line, so a
review of a baseline change reads like a list of accepted findings::

    {"version": 1, "tool": "reslint", "entries": [
    {"path": "a.txt", "rule": "A001", "text": "回顾回顾回顾回顾", "context": "…", "occurrence": 0,
      "line": 8}
    ]}

(each entry is on one line in the file; it is wrapped here).

``path`` is relative to the baseline file's folder (``/`` separators), so the file works
from any working directory; ``line`` is for people and is not matched on.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import field, replace
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from linter.engine.fingerprint import Key, keys_of
from linter.engine.reading import read_limited
from linter.engine.results import FileResult, Finding
from linter.engine.writing import replace_file
from linter.source.frozen import record


class BaselineError(Exception):
    """The baseline file is missing, unreadable or malformed (one-line message)."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BaselineEntry(_Model):
    """One accepted finding."""

    path: str = Field(description="The file, relative to the baseline's folder, '/'-separated.")
    rule: str = Field(pattern=r"^[A-Z]\d{3}$", description="Rule code.")
    text: str = Field(
        description="The matched text, whitespace collapsed; 'sha256:<hex>' when it is long."
    )
    context: str = Field(
        pattern=r"^[0-9a-f]{16}$",
        description="Hash of the finding's lines with the span masked, whitespace collapsed.",
    )
    occurrence: int = Field(ge=0, description="Index among equal keys of the file, in order.")
    line: int | None = Field(
        default=None, ge=1, description="Where it was when recorded; informative, not matched."
    )


class Baseline(_Model):
    """The file ``reslint baseline`` writes and ``reslint check --baseline`` reads."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="reslint baseline",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    version: Literal[1] = 1
    tool: Literal["reslint"] = "reslint"
    entries: list[BaselineEntry]


def relative_path(path: str, base: Path) -> str:
    """``path`` (as reported) relative to ``base``, with ``/`` separators."""
    return Path(os.path.relpath(os.path.abspath(path), os.path.abspath(base))).as_posix()


def build(results: Sequence[FileResult], base: Path) -> Baseline:
    """A baseline holding every finding of ``results``; paths relative to ``base``."""
    entries = []
    for result in results:
        path = relative_path(result.path, base)
        for finding, key in zip(result.findings, keys_of(result), strict=True):
            entries.append(
                BaselineEntry(
                    path=path,
                    rule=key.rule,
                    text=key.text,
                    context=key.context,
                    occurrence=key.occurrence,
                    line=finding.line,
                )
            )
    entries.sort(key=lambda e: (e.path, e.line or 0, e.rule, e.occurrence))
    return Baseline(entries=entries)


def dumps(baseline: Baseline) -> str:
    """The file's text: one entry per line, so diffs of a baseline read well."""
    rows = [
        json.dumps(entry.model_dump(exclude_none=True), ensure_ascii=False)
        for entry in baseline.entries
    ]
    body = ",\n".join(rows)
    head = f'{{"version": {baseline.version}, "tool": "{baseline.tool}", "entries": ['
    return f"{head}\n{body}\n]}}\n" if rows else f"{head}]}}\n"


def write(baseline: Baseline, path: Path) -> None:
    """Write atomically and safely (``linter.engine.writing``): a temporary file of
    reslint's own, never a link or anything but a regular file replaced; a crash never
    leaves half a file, and no other file is touched."""
    replace_file(path, dumps(baseline).encode("utf-8"))


def load(path: Path) -> Baseline:
    try:
        data = read_limited(path)
    except FileNotFoundError:
        raise BaselineError(f"baseline file not found: {path}") from None
    except OSError as error:
        raise BaselineError(f"cannot read baseline {path}: {error.strerror or error}") from None
    try:
        return Baseline.model_validate_json(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "file"
        raise BaselineError(
            f"{path} is not a reslint baseline: {where}: {first['msg']}"
            " (regenerate it with `reslint baseline`)"
        ) from None


@record(slots=False)
class Counts:
    """What ``check --baseline`` found, counted over a run."""

    baselined: int
    fixed: int  # entries for checked files and rules that no finding matched any more
    new: int

    def summary(self) -> str:
        def plural(count: int, one: str, many: str) -> str:
            return f"{count} {one if count == 1 else many}"

        return (
            f"{plural(self.baselined, 'finding', 'findings')} baselined, "
            f"{plural(self.fixed, 'baseline entry', 'baseline entries')} fixed, "
            f"{plural(self.new, 'new finding', 'new findings')}"
        )


@record(slots=False)
class Outcome(Counts):
    """The counts, and the results holding new findings only."""

    results: list[FileResult] = field(default_factory=list)


EntryKey = tuple[str, str, str, int]


class Matcher:
    """Drops the findings a baseline holds from each result as it comes (a run streams its
    results, so nothing here keeps them); :meth:`counts` says what it saw.

    A finding matches an entry with its whole key (rule, text, context, occurrence). What
    is left is matched by count: an edit right next to a finding changes its context, yet
    when its rule and matched text occur in the file no more often than the baseline
    recorded, nothing was added and the leftover findings take the leftover entries of
    their rule and text. Only a rule and text that now occur more often than recorded
    are reported as new (which of the equal findings is the new one cannot be told).
    The dropped findings stay on the result (``FileResult.baselined``): SARIF reports
    them as suppressed, with ``baselineState`` ``unchanged``.

    ``rules_run(result)`` names the rules that ran on a file, so entries of rules not run
    this time are not counted as fixed."""

    def __init__(
        self, baseline: Baseline, base: Path, rules_run: Callable[[FileResult], Collection[str]]
    ) -> None:
        self.base = base
        self.rules_run = rules_run
        self.by_path: dict[str, list[EntryKey]] = {}
        for entry in baseline.entries:
            self.by_path.setdefault(entry.path, []).append(
                (entry.rule, entry.text, entry.context, entry.occurrence)
            )
        self.baselined = self.fixed = self.new = 0

    def filter(self, result: FileResult) -> FileResult:
        """``result`` with only the findings the baseline does not hold; it carries the keys
        of the whole file's findings, so occurrence indices stay right."""
        recorded = self.by_path.get(relative_path(result.path, self.base), [])
        matched, consumed = _match(result, recorded)
        kept = [index for index, (_, _, hit) in enumerate(matched) if not hit]
        ran = set(self.rules_run(result))
        left = Counter(recorded) - consumed
        self.baselined += len(matched) - len(kept)
        self.fixed += 0 if result.error else sum(n for e, n in left.items() if e[0] in ran)
        self.new += len(kept)
        regions = result.edit_regions
        return replace(
            result,
            findings=tuple(matched[i][0] for i in kept),
            keys=tuple(matched[i][1] for i in kept),
            edit_regions=None if regions is None else tuple(regions[i] for i in kept),
            baselined=tuple(
                (f, k, None if regions is None else regions[i])
                for i, (f, k, hit) in enumerate(matched)
                if hit
            ),
        )

    def counts(self) -> Counts:
        return Counts(self.baselined, self.fixed, self.new)


def apply(
    results: Sequence[FileResult],
    baseline: Baseline,
    base: Path,
    rules_run: Callable[[FileResult], Collection[str]],
) -> Outcome:
    """Every result of a run filtered by :class:`Matcher`, and the counts."""
    matcher = Matcher(baseline, base, rules_run)
    kept = [matcher.filter(result) for result in results]
    counts = matcher.counts()
    return Outcome(counts.baselined, counts.fixed, counts.new, kept)


def _match(
    result: FileResult, recorded: Sequence[EntryKey]
) -> tuple[list[tuple[Finding, Key, bool]], Counter[EntryKey]]:
    """Each finding of ``result`` with its key and whether the baseline holds it (by its
    whole key, else by the count of its rule and text: see :func:`apply`), and the
    entries that matched."""
    pairs = list(zip(result.findings, keys_of(result), strict=True))
    spare = Counter(recorded)
    consumed: Counter[EntryKey] = Counter()
    hits = []
    for _, key in pairs:
        wanted = _entry_key(key)
        hit = spare[wanted] > 0
        if hit:
            spare[wanted] -= 1
            consumed[wanted] += 1
        hits.append(hit)
    recorded_count = Counter((rule, text) for rule, text, _, _ in recorded)
    found_count = Counter((key.rule, key.text) for _, key in pairs)
    left: dict[tuple[str, str], list[EntryKey]] = {}
    for entry, count in spare.items():
        left.setdefault(entry[:2], []).extend([entry] * count)
    for index, (_, key) in enumerate(pairs):
        group = (key.rule, key.text)
        if hits[index] or found_count[group] > recorded_count[group] or not left.get(group):
            continue
        entry = left[group].pop()
        consumed[entry] += 1
        hits[index] = True
    return [(f, k, hit) for (f, k), hit in zip(pairs, hits, strict=True)], consumed


def _entry_key(key: Key) -> EntryKey:
    return (key.rule, key.text, key.context, key.occurrence)
