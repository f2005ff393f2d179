"""The rule API: the ``@rule`` decorator, hits, fixes, and the registry it fills.

A rule is one function in one module under ``rules/``. Decorating it registers it, so
there is no hand-kept list: :func:`all_rules` imports every module of the catalogue once
and returns what registered itself. Rules are pure: they read a Document (or, for input
rules, the raw bytes) and yield :class:`Hit` objects with character spans; the engine
turns hits into findings with code, name, severity, line and column.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from linter.source.frozen import fast_init
from linter.source.pickling import fast_pickle

if TYPE_CHECKING:
    from linter.facts.versions import Place

CODE = re.compile(r"^[A-Z]\d{3}$")
NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class FixAvailability(StrEnum):
    NONE = "none"
    SAFE = "safe"
    SOMETIMES = "sometimes"  # safe where unambiguous, else no fix
    UNSAFE = "unsafe"


class Input(StrEnum):
    DOCUMENT = "document"  # the rule reads the parsed Document
    BYTES = "bytes"  # the rule reads the raw bytes (input rules, before decoding)
    # The rule compares two language versions of one resolution (a VersionPair), after
    # every file of a run has been linted; it yields PlacedHits in the pair's first file.
    VERSIONS = "versions"
    ENGINE = "engine"  # the engine reports it (a time budget ran out): the rule words it


@fast_pickle
@fast_init
@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` (code-point offsets) with ``replacement``."""

    start: int
    end: int
    replacement: str


@fast_pickle
@fast_init
@dataclass(frozen=True, slots=True)
class Fix:
    """What a hit's fix changes. ``removes`` names what the content guard may lose."""

    edits: tuple[Edit, ...]
    applicability: Literal["safe", "unsafe"] = "safe"
    removes: str = ""  # e.g. "repeated emphasis", "page furniture": text the fix deletes


@fast_init
@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule reports: a span of the text and a message."""

    start: int
    end: int
    message: str
    fix: Fix | None = None


@dataclass(frozen=True, slots=True)
class PlacedHit:
    """A hit that carries its own line and column: rules that compare files have no
    Source at hand (the files were linted apart, perhaps in other processes)."""

    place: Place
    message: str


Check = Callable[..., Iterable[Any]]


@dataclass(frozen=True)
class RuleSpec:
    """A registered rule and everything known about it."""

    code: str
    name: str
    severity: Severity
    fix: FixAvailability
    check: Check = field(repr=False)
    summary: str
    doc: str = field(repr=False)
    module: str = ""
    input: Input = Input.DOCUMENT
    requires_structure: bool = False
    options: type[Any] | None = None

    @property
    def family(self) -> str:
        return self.code[0]

    @property
    def cases_path(self) -> Path:
        """``A001_repeated_emphasis.cases.yaml`` beside the rule's module."""
        module_file = Path(inspect.getfile(self.check))
        return module_file.with_name(module_file.stem + ".cases.yaml")

    def default_options(self) -> Any:
        return self.options() if self.options is not None else None

    @cached_property
    def takes_options(self) -> bool:
        return len(inspect.signature(self.check).parameters) >= 2


_REGISTRY: dict[str, RuleSpec] = {}


class RuleDefinitionError(Exception):
    """A rule was declared wrongly (bad code or name, duplicate, missing docs)."""


def rule(
    code: str,
    name: str,
    severity: Severity | str,
    fix: FixAvailability | str = FixAvailability.NONE,
    *,
    input: Input | str = Input.DOCUMENT,
    requires_structure: bool = False,
    options: type[Any] | None = None,
) -> Callable[[Check], Check]:
    """Register the decorated function as rule ``code`` / ``name``."""
    if not CODE.match(code):
        raise RuleDefinitionError(f"{code!r} is not a rule code like A001")
    if not NAME.match(name):
        raise RuleDefinitionError(f"{name!r} is not a kebab-case rule name")

    def register(check: Check) -> Check:
        doc = inspect.getdoc(check) or ""
        if not doc:
            raise RuleDefinitionError(f"rule {code} has no docstring")
        existing = _REGISTRY.get(code)
        if existing is not None and existing.module != check.__module__:
            raise RuleDefinitionError(f"rule code {code} is registered twice")
        _REGISTRY[code] = RuleSpec(
            code=code,
            name=name,
            severity=Severity(severity),
            fix=FixAvailability(fix),
            check=check,
            summary=doc.splitlines()[0].strip(),
            doc=doc,
            module=check.__module__,
            input=Input(input),
            requires_structure=requires_structure,
            options=options,
        )
        return check

    return register


_CATALOGUE = "linter.rules"


@cache
def all_rules() -> tuple[RuleSpec, ...]:
    """Every rule of the catalogue, sorted by code (imports the catalogue once)."""
    package = importlib.import_module(_CATALOGUE)
    for module in pkgutil.walk_packages(package.__path__, prefix=f"{_CATALOGUE}."):
        importlib.import_module(module.name)
    names: dict[str, str] = {}
    for spec in _REGISTRY.values():
        if spec.name in names and names[spec.name] != spec.code:
            raise RuleDefinitionError(
                f"rule name {spec.name} is used by {names[spec.name]} and {spec.code}"
            )
        names[spec.name] = spec.code
    return tuple(sorted(_REGISTRY.values(), key=lambda spec: spec.code))


def rule_by_code_or_name(key: str) -> RuleSpec | None:
    for spec in all_rules():
        if key.upper() == spec.code or key.lower() == spec.name:
            return spec
    return None


def _call(spec: RuleSpec, subject: Any, options: Any) -> Iterable[Any]:
    """Call a rule the way it was declared: with options if it takes them."""
    return spec.check(subject, options) if spec.takes_options else spec.check(subject)


def iter_hits(spec: RuleSpec, subject: Any, options: Any) -> Iterator[Hit]:
    """The hits of a rule that reads a Document or bytes."""
    yield from _call(spec, subject, options)


def iter_placed_hits(spec: RuleSpec, subject: Any, options: Any) -> Iterator[PlacedHit]:
    """The hits of a rule that compares files (``Input.VERSIONS``)."""
    yield from _call(spec, subject, options)
