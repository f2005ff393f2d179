"""The Python API: check, fix and parse texts (and check files) without a subprocess.

    from linter.api import check_text, fix_text, parse_text, check_paths

    report = check_text(text)                   # every rule, the language detected
    report.summary.by_rule                      # {"A001": 35, ...}
    fixed = fix_text(text).text                 # canonical text, or the original and why not
    document = parse_text(text)                 # the structure, as ``reslint parse --format json``

Each function runs the default rule set (every rule) unless told otherwise: ``select``,
``ignore`` and ``extend_select`` work as the command-line flags do, and ``config`` names
a configuration file (``pyproject.toml`` with ``[tool.reslint]``, or ``reslint.toml``)
whose selection, severities and per-rule options then apply, the arguments on top, as
flags on top of the file. Text functions never look for a configuration by themselves (a
library call should not depend on the working directory); :func:`check_paths` looks for
one upward from the paths, as ``reslint check`` does, unless ``isolated`` or ``config``.

What they return are the published contracts: :class:`~linter.report.schema.Report`
(``schemas/report.schema.json``, what ``check --format json`` prints),
:class:`~linter.parse.document_json.ParsedDocument` (``schemas/document.schema.json``)
and :class:`FixResult`: pydantic models, so ``.model_dump_json()`` gives the JSON. A bad
selector, configuration, language or path raises :class:`ReslintError` (a ``ValueError``)
with a one-line message. ``path`` arguments of the text functions are labels shown in
the results: nothing is read from them.

The HTTP service (``reslint serve``) answers with these same functions and models.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Literal

from linter.api.models import FixResult, RuleDoc, RuleSummary
from linter.engine.errors import ConfigError
from linter.engine.lint import lint_text
from linter.engine.registry import RuleSpec, Severity, all_rules, rule_by_code_or_name
from linter.engine.results import FileResult
from linter.engine.settings import Settings, SettingsError
from linter.parse.document_json import ParsedDocument
from linter.report.schema import Report, build_report, finding_model

if TYPE_CHECKING:
    from linter.engine.executors import Executor

__all__ = [
    "FixResult",
    "ReslintError",
    "RuleDoc",
    "RuleSummary",
    "check_paths",
    "check_text",
    "check_texts",
    "fails",
    "fix_text",
    "lint_result",
    "lint_results",
    "parse_text",
    "rule_doc",
    "rules",
]

#: An ISO 639 code; anything else never reaches the lexicon files.
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")

Selectors = str | Sequence[str] | None
ConfigPath = str | os.PathLike[str] | None
FailOn = Literal["error", "warning", "info"]


class ReslintError(ValueError):
    """A bad selector, configuration, language or path: the message is one line."""


def _listed(values: Selectors) -> list[str] | None:
    if values is None:
        return None
    return [values] if isinstance(values, str) else [str(value) for value in values]


def _checked_language(language: str | None) -> str | None:
    if language is not None and not _LANGUAGE.match(language):
        raise ReslintError(
            f"language must be an ISO 639 code such as 'zh' or 'en', not {language!r}"
        )
    return language


def _config_key(config: ConfigPath) -> tuple[str, int] | None:
    """The configuration file and its modification time, so an edited file is read again."""
    if config is None:
        return None
    path = os.fspath(config)
    try:
        return path, os.stat(path).st_mtime_ns
    except OSError:
        return path, -1  # reading it reports the problem


def settings(
    *,
    select: Selectors = None,
    ignore: Selectors = None,
    extend_select: Selectors = None,
    config: ConfigPath = None,
    language: str | None = None,
) -> Settings:
    """The settings a text function runs with: every rule, or the configuration's
    selection, with the selectors on top (as flags on top of the file)."""
    key = (
        tuple(_listed(select) or ()) if select is not None else None,
        tuple(_listed(ignore) or ()),
        tuple(_listed(extend_select) or ()),
        _config_key(config),
        _checked_language(language),
    )
    return _settings(*key)


@lru_cache(maxsize=256)
def _settings(
    select: tuple[str, ...] | None,
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...],
    config: tuple[str, int] | None,
    language: str | None,
) -> Settings:
    args = SimpleNamespace(
        select=list(select) if select is not None else None,
        ignore=list(ignore),
        extend_select=list(extend_select),
        config=config[0] if config else None,
        isolated=config is None,
        language=language,
    )
    return _build(args, [])


def _build(args: SimpleNamespace, paths: Sequence[str]) -> Settings:
    from linter.engine import settings as settings_module

    try:
        return settings_module.build(args, paths)
    except (ConfigError, SettingsError) as error:
        raise ReslintError(str(error)) from None


def _rules_for(chosen: Settings, path: str) -> tuple[RuleSpec, ...]:
    return chosen.rules_for(Path(path)) if chosen.per_file_ignores else chosen.rules


def lint_result(
    text: str,
    *,
    language: str | None = None,
    select: Selectors = None,
    ignore: Selectors = None,
    extend_select: Selectors = None,
    config: ConfigPath = None,
    path: str = "<text>",
) -> FileResult:
    """The engine's result for ``text`` (findings, and the Source and Document they came
    from), for callers that draw findings themselves: :func:`check_text` is its report."""
    [result] = lint_results(
        [(path, text)],
        language=language,
        select=select,
        ignore=ignore,
        extend_select=extend_select,
        config=config,
    )
    return result


def lint_results(
    documents: Sequence[tuple[str, str]],
    *,
    language: str | None = None,
    select: Selectors = None,
    ignore: Selectors = None,
    extend_select: Selectors = None,
    config: ConfigPath = None,
) -> list[FileResult]:
    """The engine's results for several ``(path, text)`` documents, as ``reslint check``
    checks several files: each linted, then the language versions of one resolution among
    them compared (X rules)."""
    from linter.engine.versions import compare_versions

    chosen = settings(
        select=select, ignore=ignore, extend_select=extend_select, config=config, language=language
    )
    results = [
        lint_text(
            text,
            path,
            _rules_for(chosen, path),
            chosen.options,
            chosen.severities,
            language=chosen.language,
            budget=chosen.time_budget,  # E003 past it (the configuration's time-budget)
        )
        for path, text in documents
    ]
    return compare_versions(
        results, lambda path: _rules_for(chosen, path), chosen.options, chosen.severities
    )


def check_texts(
    documents: Sequence[tuple[str, str]],
    *,
    language: str | None = None,
    select: Selectors = None,
    ignore: Selectors = None,
    extend_select: Selectors = None,
    config: ConfigPath = None,
) -> Report:
    """The report of several ``(path, text)`` documents, language versions compared: what
    ``reslint check --format json`` prints for files holding these texts."""
    return build_report(
        lint_results(
            documents,
            language=language,
            select=select,
            ignore=ignore,
            extend_select=extend_select,
            config=config,
        )
    )


def check_text(
    text: str,
    *,
    language: str | None = None,
    select: Selectors = None,
    ignore: Selectors = None,
    extend_select: Selectors = None,
    config: ConfigPath = None,
    path: str = "<text>",
) -> Report:
    """The findings of ``text``: the report ``reslint check --format json`` prints.

    ``language`` forces the language (detected otherwise); ``path`` is the name the
    report gives the text, and what the configuration's per-file ignores match."""
    result = lint_result(
        text,
        language=language,
        select=select,
        ignore=ignore,
        extend_select=extend_select,
        config=config,
        path=path,
    )
    return build_report([result])


def fails(report: Report, fail_on: FailOn | Severity = Severity.WARNING) -> bool:
    """Whether ``report`` has a finding at or above ``fail_on`` (what makes
    ``reslint check`` exit 1)."""
    threshold = Severity(fail_on).rank
    return any(
        Severity(finding.severity).rank >= threshold
        for file in report.files
        for finding in file.findings
    )


def fix_text(
    text: str,
    *,
    unsafe: bool = False,
    language: str | None = None,
    select: Selectors = None,
    ignore: Selectors = None,
    extend_select: Selectors = None,
    config: ConfigPath = None,
    path: str = "<text>",
) -> FixResult:
    """``text`` repaired as ``reslint fix`` repairs a file (safe fixes; ``unsafe`` adds
    A009 and A010), with the same guards: a text the fixer refuses comes back unchanged,
    with the reason in ``refused``."""
    from linter.fix.fixer import fix_text as fix

    chosen = settings(
        select=select, ignore=ignore, extend_select=extend_select, config=config, language=language
    )
    outcome = fix(
        text,
        _rules_for(chosen, path),
        path=path,
        unsafe=unsafe,
        language=chosen.language,
        options=chosen.options,
        budget=chosen.time_budget,
    )
    first = build_report([outcome.first]).files[0]
    return FixResult(
        text=outcome.text,
        changed=outcome.changed,
        applied=outcome.applied if outcome.error is None else 0,
        passes=outcome.passes,
        refused=outcome.error,
        skipped=outcome.skipped,
        unconverged=list(outcome.unconverged),
        before=first,
        remaining=[finding_model(finding) for finding in outcome.remaining],
    )


def parse_text(text: str, *, language: str | None = None, path: str = "<text>") -> ParsedDocument:
    """The structure of ``text``: what ``reslint parse --format json`` prints."""
    from linter.parse.document_json import document_model
    from linter.parse.structure import parse
    from linter.source.text import Source

    source = Source.from_text(text, path=path, language=_checked_language(language))
    return document_model(parse(source))


def check_paths(
    paths: Sequence[str | os.PathLike[str]],
    *,
    language: str | None = None,
    select: Selectors = None,
    ignore: Selectors = None,
    extend_select: Selectors = None,
    config: ConfigPath = None,
    isolated: bool = False,
    include: Selectors = None,
    exclude: Selectors = None,
    jobs: int = 0,
    executor: Executor | None = None,
) -> Report:
    """Check files and directories as ``reslint check --format json`` does: the
    configuration found upward from the paths (or ``config``; none with ``isolated``),
    directories walked for ``include`` patterns, many files in worker processes (``jobs``:
    0 is one per core when it pays), or on ``executor`` (a Dask cluster:
    ``linter.engine.dask_executor.connect(address)``). No baseline is applied."""
    from linter.engine.discovery import MissingPathError, iter_files
    from linter.engine.pipeline import check_files

    if not paths:
        raise ReslintError("check_paths needs at least one path")
    names = [os.fspath(path) for path in paths]
    args = SimpleNamespace(
        select=_listed(select),
        ignore=_listed(ignore),
        extend_select=_listed(extend_select),
        include=_listed(include),
        exclude=_listed(exclude),
        config=os.fspath(config) if config is not None else None,
        isolated=isolated,
        language=_checked_language(language),
    )
    chosen = _build(args, names)
    try:
        files = [p for p in iter_files(names, include=chosen.include) if not chosen.excluded(p)]
    except MissingPathError as error:
        raise ReslintError(str(error)) from None
    return build_report(list(check_files(files, chosen, jobs=jobs, executor=executor)))


def _summary(spec: RuleSpec) -> dict[str, str]:
    return {
        "code": spec.code,
        "name": spec.name,
        "severity": spec.severity.value,
        "fix": spec.fix.value,
        "summary": spec.summary,
    }


def rules() -> list[RuleSummary]:
    """Every rule, by code (what ``reslint rules --format json`` prints)."""
    return [RuleSummary.model_validate(_summary(spec)) for spec in all_rules()]


def rule_doc(key: str) -> RuleDoc:
    """One rule by code or name, with its documentation; an unknown one raises
    :class:`ReslintError` with a suggestion."""
    import difflib

    from linter.engine.ruledoc import sections

    spec = rule_by_code_or_name(key)
    if spec is None:
        names = [s.code for s in all_rules()] + [s.name for s in all_rules()]
        close = difflib.get_close_matches(key, names, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise ReslintError(f"no rule {key!r}{hint}")
    return RuleDoc.model_validate(
        {**_summary(spec), "doc": spec.doc, "sections": sections(spec.doc)}
    )
