"""The settings of one run: the configuration file, then command-line flags on top.

Rule selection is layered. Each layer (the file, then the flags) may name rules with
``select``, ``extend-select`` and ``ignore``; within a layer the most specific selector
decides and a tie goes to ignore. A layer that has ``select`` starts afresh (rules it does
not name are off); a layer without it changes only the rules it names. So
``--select A001`` on the command line means exactly A001 whatever the file says, and
``--ignore A006`` switches A006 off on top of the file's choice.

Flags replace the file's scalar settings (``--fail-on``, ``--format``, ``--baseline``),
and add to its lists (``--per-file-ignores``, ``--extend-select``). Patterns in the file are
relative to its folder; patterns on the command line to the working directory.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Sequence
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter.engine.budget import DEFAULT_SECONDS
from linter.engine.discovery import DEFAULT_INCLUDE
from linter.engine.registry import RuleSpec, Severity, rule_index
from linter.engine.select import SelectorError, best_specificity, specificity
from linter.engine.select import validate as validate_selectors
from linter.source.frozen import record

if TYPE_CHECKING:
    from linter.engine.config import LoadedConfig

DEFAULT_FORMAT = "text"


class SettingsError(Exception):
    """A bad flag or configuration (one line; the command exits 2)."""


@record(slots=False)
class Layer:
    """One source of rule selection: the file or the command line."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def decide(self, spec: RuleSpec, previous: bool) -> bool:
        """Whether ``spec`` is on after this layer, given the decision before it."""
        on = best_specificity([*(self.select or ()), *self.extend_select], spec)
        off = best_specificity(self.ignore, spec)
        if on is None and off is None:
            return False if self.select is not None else previous
        return on is not None and (off is None or on > off)


@record(slots=False)
class PathPattern:
    """A glob and the folder it is relative to."""

    pattern: str
    base: Path

    def matches(self, path: Path) -> bool:
        """Match the path relative to the base, its name, or any folder above it, so
        ``drafts`` and ``archive/19*`` exclude whole folders. ``*`` also crosses ``/``."""
        pattern = self.pattern.strip().removeprefix("./").rstrip("/")
        relative = Path(os.path.relpath(os.path.abspath(path), self.base)).as_posix()
        parts = relative.split("/")
        candidates = [relative, path.name, *("/".join(parts[:i]) for i in range(1, len(parts)))]
        patterns = {pattern, pattern.removeprefix("**/")}
        return any(fnmatch.fnmatchcase(c, p) for c in candidates for p in patterns)


@record(slots=False)
class Settings:
    """Everything a ``check`` or ``baseline`` run needs, resolved."""

    rules: tuple[RuleSpec, ...]
    config: LoadedConfig | None = None
    severities: dict[str, Severity] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[PathPattern, tuple[str, ...]], ...] = ()
    fail_on: Severity = Severity.WARNING
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[PathPattern, ...] = ()
    baseline: Path | None = None
    output_format: str = DEFAULT_FORMAT
    outputs: tuple[tuple[str, str], ...] = ()
    language: str | None = None
    encoding: str | None = None  # None: strict UTF-8
    time_budget: float = DEFAULT_SECONDS  # per document; 0: no limit
    _cache: dict[frozenset[str], tuple[RuleSpec, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def excluded(self, path: Path) -> bool:
        return any(pattern.matches(path) for pattern in self.exclude)

    def rules_for(self, path: Path) -> tuple[RuleSpec, ...]:
        """The rules to run on ``path``: the enabled ones minus its per-file ignores."""
        ignored: set[str] = set()
        for pattern, selectors in self.per_file_ignores:
            if pattern.matches(path):
                ignored |= {
                    spec.code
                    for spec in self.rules
                    if any(specificity(s, spec) is not None for s in selectors)
                }
        key = frozenset(ignored)
        if key not in self._cache:
            self._cache[key] = tuple(spec for spec in self.rules if spec.code not in ignored)
        return self._cache[key]


def split(values: Sequence[str] | None) -> list[str]:
    """``--select A001,A003 --select N`` → ``["A001", "A003", "N"]``."""
    return [item.strip() for value in values or () for item in value.split(",") if item.strip()]


def _severity_overrides(table: dict[str, str], rules: Sequence[RuleSpec]) -> dict[str, Severity]:
    found: dict[str, Severity] = {}
    for spec in rules:
        best: tuple[int, str] | None = None
        for selector, severity in table.items():
            score = specificity(selector, spec)
            if score is not None and (best is None or score > best[0]):
                best = (score, severity)
        if best is not None:
            found[spec.code] = Severity(best[1])
    return found


def _cli_per_file_ignores(
    values: Sequence[str] | None, rules: Sequence[RuleSpec]
) -> list[tuple[PathPattern, tuple[str, ...]]]:
    found = []
    for value in values or ():
        glob, sep, selectors = value.partition("=")
        if not sep or not glob.strip():
            raise SettingsError(f"--per-file-ignores takes GLOB=RULES, not {value!r}")
        codes = tuple(split([selectors]))
        _validate(codes, rules, "--per-file-ignores")
        found.append((PathPattern(glob.strip(), Path.cwd()), codes))
    return found


def _validate(selectors: Sequence[str], rules: Sequence[RuleSpec], where: str) -> None:
    try:
        validate_selectors(selectors, rules)
    except SelectorError as error:
        raise SettingsError(f"{where}: {error}") from None


def parse_outputs(values: Sequence[str] | None, formats: Sequence[str]) -> list[tuple[str, str]]:
    """``["sarif=out.sarif", "junit=-"]`` → pairs; bad names are errors with a suggestion."""
    import difflib

    found = []
    for value in values or ():
        name, sep, target = value.partition("=")
        if not sep or not target:
            raise SettingsError(f"--output takes FORMAT=PATH, not {value!r}")
        if name not in formats:
            close = difflib.get_close_matches(name, formats, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise SettingsError(f"--output: unknown format {name!r}{hint}")
        found.append((name, target))
    return found


def _flag(args: Any, name: str) -> Any:
    """A flag's value, or None when the command does not define it."""
    return getattr(args, name, None)


def _load(args: Any, paths: Sequence[str], rules: Sequence[RuleSpec]) -> LoadedConfig | None:
    from linter.engine import config as config_files

    if _flag(args, "isolated"):
        return None
    explicit = _flag(args, "config")
    path = Path(explicit) if explicit else config_files.find(config_files.start_folder(paths))
    return None if path is None else config_files.load(path, rules)


def _from_file(loaded: LoadedConfig | None, rules: Sequence[RuleSpec]) -> dict[str, Any]:
    """The keyword arguments of :class:`Settings` the file gives (before the flags)."""
    if loaded is None:
        return {"layer": Layer(), "base": Path.cwd()}
    from linter.engine.config_model import rule_options

    config, base = loaded.config, loaded.base
    return {
        "layer": Layer(
            tuple(config.select) if config.select is not None else None,
            tuple(config.extend_select),
            tuple(config.ignore),
        ),
        "base": base,
        "severities": _severity_overrides(dict(config.severity), rules),
        "options": rule_options(config, rules),
        "per_file_ignores": [
            (PathPattern(glob, base), tuple(codes))
            for glob, codes in config.per_file_ignores.items()
        ],
        "exclude": [PathPattern(pattern, base) for pattern in config.exclude],
        "fail_on": config.fail_on,
        "include": config.include,
        "output_format": config.output_format,
        "baseline": base / config.baseline if config.baseline else None,
        "time_budget": config.time_budget,
    }


def build(args: Any, paths: Sequence[str], formats: Sequence[str] = ()) -> Settings:
    """Settings from the configuration that applies to ``paths`` and the parsed flags.

    ``args`` is an :class:`argparse.Namespace`; flags a command does not define count as
    not given, so ``check`` and ``baseline`` (and later commands) share this."""
    rules = rule_index()
    loaded = _load(args, paths, rules)
    file = _from_file(loaded, rules)
    cli_select = split(_flag(args, "select"))
    cli_layer = Layer(
        tuple(cli_select) if _flag(args, "select") else None,
        tuple(split(_flag(args, "extend_select"))),
        tuple(split(_flag(args, "ignore"))),
    )
    _validate([*cli_select, *cli_layer.extend_select, *cli_layer.ignore], rules, "selection")
    file_layer: Layer = file["layer"]
    enabled = tuple(s for s in rules if cli_layer.decide(s, file_layer.decide(s, True)))
    per_file = [*file.get("per_file_ignores", ())]
    per_file += _cli_per_file_ignores(_flag(args, "per_file_ignores"), rules)
    exclude = [*file.get("exclude", ())]
    exclude += [PathPattern(p, Path.cwd()) for p in split(_flag(args, "exclude"))]
    time_budget = _flag(args, "time_budget")
    if time_budget is None:
        time_budget = file.get("time_budget")
    baseline = file.get("baseline")
    if _flag(args, "baseline"):
        baseline = Path(_flag(args, "baseline"))
    if _flag(args, "no_baseline"):
        baseline = None
    return Settings(
        rules=enabled,
        config=loaded,
        severities=file.get("severities", {}),
        options=file.get("options", {}),
        per_file_ignores=tuple(per_file),
        fail_on=Severity(_flag(args, "fail_on") or file.get("fail_on") or Severity.WARNING),
        include=tuple(split(_flag(args, "include")) or file.get("include") or DEFAULT_INCLUDE),
        exclude=tuple(exclude),
        baseline=baseline,
        output_format=_flag(args, "format") or file.get("output_format") or DEFAULT_FORMAT,
        outputs=tuple(parse_outputs(_flag(args, "output"), formats)),
        language=_flag(args, "language"),
        encoding=_flag(args, "encoding"),
        time_budget=DEFAULT_SECONDS if time_budget is None else float(time_budget),
    )


def describe(settings: Settings) -> str:
    """``--show-settings``: what this run would use, one setting per line."""
    config = settings.config
    source = f"{config.path} {config.table}".rstrip() if config else "none (defaults)"
    lines = [
        f"config = {source}",
        f"rules = {', '.join(s.code for s in settings.rules)} "
        f"({len(settings.rules)} of {len(rule_index())})",
        "severity = "
        + (", ".join(f"{c}={s.value}" for c, s in sorted(settings.severities.items())) or "-"),
        "options = "
        + (", ".join(f"{c}={o!r}" for c, o in sorted(settings.options.items())) or "-"),
        "per-file-ignores = "
        + (
            "; ".join(
                f"{p.pattern} ({p.base}) = {','.join(codes)}"
                for p, codes in settings.per_file_ignores
            )
            or "-"
        ),
        f"fail-on = {settings.fail_on.value}",
        f"include = {', '.join(settings.include)}",
        "exclude = " + (", ".join(f"{p.pattern} ({p.base})" for p in settings.exclude) or "-"),
        f"baseline = {settings.baseline or '-'}",
        f"output-format = {settings.output_format}",
        "output = " + (", ".join(f"{n}={t}" for n, t in settings.outputs) or "-"),
        f"language = {settings.language or 'detected'}",
        f"encoding = {settings.encoding or 'utf-8'}",
        f"time-budget = {f'{settings.time_budget:g} s' if settings.time_budget else 'none'}",
    ]
    return "\n".join(lines) + "\n"
