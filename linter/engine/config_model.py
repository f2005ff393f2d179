"""The configuration contract: a strict pydantic model (``schemas/config.schema.json``).

Strict means a typo never passes silently: an unknown key, an unknown rule selector, an
option a rule does not declare, or a value of the wrong type is an error naming the file
and the key, with a "did you mean" when something close exists. The command line turns
it into one line on stderr and exit code 2.

Keys are kebab-case as in the file (``extend-select``, ``per-file-ignores``, ``fail-on``).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from linter.engine.errors import ConfigError
from linter.engine.registry import RuleSpec
from linter.engine.select import SelectorError
from linter.engine.select import validate as validate_selectors

SeverityName = Literal["error", "warning", "info"]
#: The names of ``linter.report.FORMATS`` (a test keeps the two lists equal).
FormatName = Literal["text", "concise", "json", "json-lines", "sarif", "junit", "github", "gitlab"]


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class ReslintConfig(BaseModel):
    """``[tool.reslint]`` in ``pyproject.toml``, or the top level of ``reslint.toml``."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        strict=True,
        alias_generator=_kebab,
        title="reslint configuration",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    select: list[str] | None = Field(
        default=None,
        description="Rules to enable: ALL, family letters, code prefixes, codes or names. "
        "Replaces the default (ALL).",
    )
    extend_select: list[str] = Field(
        default_factory=list, description="Rules to enable in addition to select."
    )
    ignore: list[str] = Field(
        default_factory=list,
        description="Rules to disable; wins over a select selector that is equally specific.",
    )
    per_file_ignores: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Glob (relative to this file's folder; * also crosses /) → rules not run "
        "on matching files. Text files carry no inline suppressions: this and the baseline "
        "do that job.",
    )
    severity: dict[str, SeverityName] = Field(
        default_factory=dict,
        description="Selector → severity override; the most specific selector wins.",
    )
    options: dict[str, dict[str, Any]] = Field(
        default_factory=dict,
        description="Rule code or name → options, checked against the options the rule declares.",
    )
    fail_on: SeverityName | None = Field(
        default=None, description="Lowest severity that makes the exit code 1 (warning)."
    )
    include: list[str] | None = Field(
        default=None, description="File patterns checked inside directories (*.txt)."
    )
    exclude: list[str] = Field(
        default_factory=list,
        description="Globs of files and folders never checked, even when named explicitly.",
    )
    baseline: str | None = Field(
        default=None,
        description="Baseline file (relative to this file's folder) that check reads.",
    )
    output_format: FormatName | None = Field(
        default=None, description="Format written to standard output (text)."
    )
    time_budget: float | None = Field(
        default=None,
        ge=0,
        description="Seconds each document may take to check or fix (60); past it the file "
        "gets an E003 finding and the run goes on. 0: no limit.",
    )


def _close(word: str, vocabulary: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(vocabulary), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _keys() -> list[str]:
    return [field.alias or name for name, field in ReslintConfig.model_fields.items()]


def _describe(error: ValidationError, where: str) -> str:
    first = error.errors()[0]
    location = [str(part) for part in first["loc"]]
    if first["type"] == "extra_forbidden" and len(location) == 1:
        return f"{where}unknown key {location[0]!r}{_close(location[0], _keys())}"
    key = ".".join(location) or "table"
    return f"{where}{key}: {first['msg']}"


def _rule_named(key: str, rules: Sequence[RuleSpec]) -> RuleSpec | None:
    for spec in rules:
        if key.upper() == spec.code or key.lower() == spec.name:
            return spec
    return None


def _check_options(config: ReslintConfig, rules: Sequence[RuleSpec], where: str) -> None:
    vocabulary = [spec.code for spec in rules] + [spec.name for spec in rules]
    for key, values in config.options.items():
        spec = _rule_named(key, rules)
        if spec is None:
            raise ConfigError(f"{where}options: unknown rule {key!r}{_close(key, vocabulary)}")
        if spec.options is None:
            raise ConfigError(f"{where}options.{key}: rule {spec.code} takes no options")
        fields = spec.options.model_fields
        names = [f.alias or n for n, f in fields.items()]
        for name in values:
            if name not in names:
                raise ConfigError(
                    f"{where}options.{key}: unknown option {name!r} of {spec.code}"
                    f"{_close(name, names)}"
                )
        try:
            spec.options.model_validate(values)
        except ValidationError as error:
            raise ConfigError(_describe(error, f"{where}options.{key}.")) from None


def _check_selectors(config: ReslintConfig, rules: Sequence[RuleSpec], where: str) -> None:
    groups: list[tuple[str, Iterable[str]]] = [
        ("select", config.select or ()),
        ("extend-select", config.extend_select),
        ("ignore", config.ignore),
        ("severity", config.severity),
        *((f"per-file-ignores.{glob!r}", codes) for glob, codes in config.per_file_ignores.items()),
    ]
    for key, selectors in groups:
        try:
            validate_selectors(selectors, rules)
        except SelectorError as error:
            raise ConfigError(f"{where}{key}: {error}") from None


def validate(
    table: dict[str, Any], path: Path, name: str, rules: Sequence[RuleSpec]
) -> ReslintConfig:
    """The validated model of ``table`` (read from ``path``); :class:`ConfigError` if not."""
    where = f"{path}: {name + ' ' if name else ''}"
    try:
        config = ReslintConfig.model_validate(table)
    except ValidationError as error:
        raise ConfigError(_describe(error, where)) from None
    _check_selectors(config, rules, where)
    _check_options(config, rules, where)
    return config


def rule_options(config: ReslintConfig, rules: Sequence[RuleSpec]) -> dict[str, Any]:
    """Validated options objects keyed by rule code, as the engine takes them."""
    found: dict[str, Any] = {}
    for key, values in config.options.items():
        spec = _rule_named(key, rules)
        if spec is not None and spec.options is not None:
            found[spec.code] = spec.options.model_validate(values)
    return found
