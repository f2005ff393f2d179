"""The unit of work that travels: a run's lint job and the files it is given, as data.

Whatever lints a file (this process, a forked worker, a Dask worker on another machine)
receives the same two things: the :class:`LintJob` (options, severities, forced language,
what the results must carry), sent once per worker or task, and :class:`WorkItem` s, each
a file's path, its bytes (read once, by the process that also hashes them for the cache)
and the codes of the rules to run on it (per-file ignores already applied). Rules travel
as codes, not functions: every worker has the same catalogue installed.
"""

from __future__ import annotations

import pickle
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from linter.engine.needs import Needs, compact
from linter.engine.registry import RuleSpec, Severity, rule_index
from linter.engine.results import INTERNAL_ERROR, FileResult
from linter.engine.versions import VersionKeys
from linter.source.frozen import record
from linter.source.pickling import fast_pickle

if TYPE_CHECKING:
    from linter.engine.settings import Settings


@record(slots=False)
class LintJob:
    """What every file of a run is linted with, besides its own rules."""

    options: Mapping[str, Any]
    severities: Mapping[str, Severity]
    language: str | None
    needs: Needs
    encoding: str | None = None  # the files' encoding when not UTF-8 (--encoding)
    budget: float | None = None  # seconds per document (time-budget), None: no limit

    @classmethod
    def of(cls, settings: Settings, needs: Needs) -> LintJob:
        return cls(
            dict(settings.options),
            dict(settings.severities),
            settings.language,
            needs,
            settings.encoding,
            settings.time_budget or None,
        )


@fast_pickle
@record
class WorkItem:
    """One file to lint: where it is (as reported), its bytes, its rules' codes."""

    path: str
    data: bytes
    codes: tuple[str, ...]


@cache
def rules_for_codes(codes: tuple[str, ...]) -> tuple[RuleSpec, ...]:
    """The registered rules of ``codes``, in that order (a run has few distinct sets)."""
    by_code = {spec.code: spec for spec in rule_index()}
    return tuple(by_code[code] for code in codes)


def lint_item(job: LintJob, item: WorkItem, rules: Sequence[RuleSpec] | None = None) -> FileResult:
    """Lint one file's bytes; the result is compact, carrying what ``job.needs`` asks.
    ``rules`` are the item's rules when the caller has them (else looked up by code)."""
    from linter.engine import patterns

    patterns.activate()  # the compiled-pattern cache, if the command line armed it
    from linter.engine.lint import lint_bytes  # the parser: only when a file is linted

    if rules is None:
        rules = rules_for_codes(item.codes)
    result = lint_bytes(
        item.data,
        item.path,
        rules,
        job.options,
        job.severities,
        language=job.language,
        encoding=job.encoding,
        budget=job.budget,
    )
    return compact(result, job.needs)


@fast_pickle
@record
class Packed:
    """A compact result pickled where it was made, with what a run reads before it needs
    the result itself: its findings count (progress) and its version keys (X step). The
    parent hands the bytes on to the cache and the X step's spool as they are, and
    unpickles each result once, when it is written."""

    blob: bytes
    findings: int
    versions: VersionKeys | None
    #: Whether the result may be kept in the cache (no rule crashed, the time budget held).
    cacheable: bool = True

    def result(self) -> FileResult:
        result: FileResult = pickle.loads(self.blob)
        return result


def version_keys(result: FileResult) -> VersionKeys | None:
    facts = result.versions
    if facts is None:
        return None
    return VersionKeys(facts.path, facts.language, facts.name_key, facts.symbol_key)


def pack(result: FileResult) -> Packed:
    keys = version_keys(result)
    blob = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    return Packed(blob, len(result.findings), keys, cacheable(result))


def cacheable(result: FileResult) -> bool:
    """Whether a result is an answer worth keeping: no rule crashed on the file (a bug to
    report) and its time budget did not run out (a partial result)."""
    return result.exhausted is None and not any(
        finding.message.startswith(INTERNAL_ERROR) for finding in result.findings
    )


def unpack(item: FileResult | Packed) -> FileResult:
    return item.result() if isinstance(item, Packed) else item


def lint_shard(job: LintJob, items: Sequence[WorkItem]) -> list[Packed]:
    """A shard of files, in order, packed (what a worker process or a Dask task runs)."""
    return [pack(lint_item(job, item)) for item in items]
