"""What the consumers of a run need from each file, made where the file is linted.

A result that leaves the process (or the cache, or a cluster) is *compact*: its Source and
Document stay behind, because they are most of its weight and a run over an archive
cannot keep them (10,000 documents once took 5.4 GB). What the reports and the baseline
still need from the text is computed first, by :func:`compact`, and travels instead:

- ``keys``: the content key of each finding (baseline, SARIF, GitLab, JSON lines);
- ``edit_regions``: the line and column of each fix edit (SARIF's fixes);
- ``summarize``: a compact summary of the Document (the audit report's outline), made by
  a top-level function, so that worker processes can receive it.

The X rules' version facts are made by the linter itself whenever an X rule is selected
(:attr:`FileResult.versions`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from linter.engine.results import FileResult, Region
from linter.source.frozen import record

#: Turns a result that still holds its Document into a small picklable value (stored in
#: ``FileResult.outline``). A top-level function, so workers can receive it.
Summarize = Callable[[FileResult], object]


@record(slots=False)
class Needs:
    """What a compact result must carry besides its findings."""

    keys: bool = False
    edit_regions: bool = False
    summarize: Summarize | None = None

    def __or__(self, other: Needs) -> Needs:
        if self.summarize and other.summarize and self.summarize is not other.summarize:
            raise ValueError("two different summaries asked of one run")
        return Needs(
            self.keys or other.keys,
            self.edit_regions or other.edit_regions,
            self.summarize or other.summarize,
        )

    def describe(self) -> str:
        """A stable text naming these needs (part of a cache key)."""
        summary = self.summarize
        name = f"{summary.__module__}.{summary.__qualname__}" if summary else "-"
        return f"keys={int(self.keys)} regions={int(self.edit_regions)} summary={name}"


def _regions(result: FileResult) -> tuple[tuple[Region, ...] | None, ...]:
    source = result.source
    assert source is not None
    out: list[tuple[Region, ...] | None] = []
    for finding in result.findings:
        if finding.fix is None:
            out.append(None)
            continue
        out.append(
            tuple(
                (*source.position(edit.start), *source.position(edit.end))
                for edit in finding.fix.edits
            )
        )
    return tuple(out)


def compact(result: FileResult, needs: Needs) -> FileResult:
    """``result`` without its Source and Document, with what ``needs`` asks computed."""
    keys, regions, outline = result.keys, result.edit_regions, result.outline
    if needs.keys and keys is None:
        from linter.engine.fingerprint import keys as content_keys

        keys = content_keys(result)
    if needs.edit_regions and regions is None and result.source is not None:
        regions = _regions(result)
    if needs.summarize is not None and outline is None:
        outline = needs.summarize(result)
    return dataclasses.replace(
        result, source=None, document=None, keys=keys, edit_regions=regions, outline=outline
    )
