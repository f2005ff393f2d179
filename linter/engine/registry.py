"""The rule API: the ``@rule`` decorator, hits, fixes, and the registry it fills.

A rule is one function in one module under ``rules/``. Decorating it registers it, so
there is no hand-kept list: :func:`all_rules` imports every module of the catalogue once
and returns what registered itself. Rules are pure: they read a Document (or, for input
rules, the raw bytes) and yield :class:`Hit` objects with character spans; the engine
turns hits into findings with code, name, severity, line and column.

Importing the catalogue imports the parser, the grammars and pyparsing: some 60 ms that a
run answered from the results cache never needs. So settings, selection and cache keys
read :func:`rule_index` instead: the same specs, made from ``linter/engine/rule_index.tsv``
(generated from the decorators by ``python -m linter.schemas``, checked by a test), whose
``check`` and ``doc`` are loaded from the rule's module the first time they are read.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import field
from enum import StrEnum
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from linter.source.frozen import record
from linter.source.pickling import fast_pickle

if TYPE_CHECKING:
    from linter.facts.version_model import Place

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
@record
class Edit:
    """Replace ``text[start:end]`` (code-point offsets) with ``replacement``."""

    start: int
    end: int
    replacement: str


@fast_pickle
@record
class Fix:
    """What a hit's fix changes. ``removes`` names what the content guard may lose."""

    edits: tuple[Edit, ...]
    applicability: Literal["safe", "unsafe"] = "safe"
    removes: str = ""  # e.g. "repeated emphasis", "page furniture": text the fix deletes


@record
class Hit:
    """What a rule reports: a span of the text and a message."""

    start: int
    end: int
    message: str
    fix: Fix | None = None


@record
class PlacedHit:
    """A hit that carries its own line and column: rules that compare files have no
    Source at hand (the files were linted apart, perhaps in other processes)."""

    place: Place
    message: str


Check = Callable[..., Iterable[Any]]


@record(slots=False)
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
        import inspect

        module_file = Path(inspect.getfile(self.check))
        return module_file.with_name(module_file.stem + ".cases.yaml")

    def default_options(self) -> Any:
        return self.options() if self.options is not None else None

    @cached_property
    def takes_options(self) -> bool:
        import inspect

        return len(inspect.signature(self.check).parameters) >= 2

    if not TYPE_CHECKING:  # at run time only: to mypy, every spec has all its fields

        def __getattr__(self, name: str) -> Any:
            """A spec of :func:`rule_index` gets ``check`` and ``doc`` from its module the
            first time they are read (every other field is known from the index)."""
            if name not in _LOADED_FIELDS or "module" not in self.__dict__:
                raise AttributeError(name)
            loaded = _registered(self.code, self.module)
            self.__dict__.update({field: getattr(loaded, field) for field in _LOADED_FIELDS})
            return self.__dict__[name]


#: The fields of a spec that only its module knows (:func:`rule_index`).
_LOADED_FIELDS = ("check", "doc")


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
        import inspect

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
    import pkgutil

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


class StaleIndexError(RuleDefinitionError):
    """A rule's module declares it otherwise than ``linter/engine/rule_index.tsv`` says."""


def _registered(code: str, module: str) -> RuleSpec:
    """The spec rule ``code`` registers when ``module`` is imported, checked against the
    index (a development install whose index was not regenerated after an edit)."""
    importlib.import_module(module)
    loaded = _REGISTRY.get(code)
    indexed = _indexed().get(code)
    if loaded is None or (indexed is not None and _row(loaded) != indexed):
        raise StaleIndexError(
            f"rule {code}: {module} does not declare it as linter/engine/rule_index.tsv "
            "says; run `python -m linter.schemas`"
        )
    return loaded


#: One rule in the index: code, name, severity, fix, input, requires_structure, module,
#: summary (a line of :data:`INDEX_FILE`).
IndexRow = tuple[str, str, str, str, str, bool, str, str]


def _row(spec: RuleSpec) -> IndexRow:
    return (
        spec.code,
        spec.name,
        spec.severity.value,
        spec.fix.value,
        spec.input.value,
        spec.requires_structure,
        spec.module,
        spec.summary,
    )


#: The index of the catalogue, beside this module (package data).
INDEX_FILE = Path(__file__).with_name("rule_index.tsv")
_INDEX_HEADER = (
    "# The rule catalogue's index, generated from the rules' decorators by\n"
    "# `python -m linter.schemas` (do not edit): what settings, selection and cache keys\n"
    "# need of every rule, read without importing one (linter.engine.registry.rule_index).\n"
    "# code\tname\tseverity\tfix\tinput\trequires_structure\tmodule\tsummary\n"
)


@cache
def _indexed() -> dict[str, IndexRow]:
    rows = {}
    with open(INDEX_FILE, encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            code, name, severity, fix, input_, structure, module, summary = line.rstrip("\n").split(
                "\t"
            )
            rows[code] = (code, name, severity, fix, input_, structure == "1", module, summary)
    return rows


@cache
def rule_index() -> tuple[RuleSpec, ...]:
    """Every rule of the catalogue, sorted by code, without importing a rule module: each
    spec loads its ``check`` and ``doc`` when they are first read (and then equals the
    spec of :func:`all_rules`). The index holds no option models: :func:`render_index`
    refuses a rule that declares options, until one does and the index learns them."""
    specs = []
    for row in _indexed().values():
        code, name, severity, fix, input_, structure, module, summary = row
        spec = object.__new__(RuleSpec)
        spec.__dict__.update(
            code=code,
            name=name,
            severity=Severity(severity),
            fix=FixAvailability(fix),
            summary=summary,
            module=module,
            input=Input(input_),
            requires_structure=structure,
            options=None,
        )
        specs.append(spec)
    return tuple(sorted(specs, key=lambda spec: spec.code))


def render_index() -> str:
    """The text of :data:`INDEX_FILE`, from the registered rules."""
    lines = [_INDEX_HEADER]
    for spec in all_rules():
        if spec.options is not None:
            raise RuleDefinitionError(f"rule {spec.code}: the index holds no option models yet")
        row = _row(spec)
        fields = [*row[:5], "1" if row[5] else "0", *row[6:]]
        if any("\t" in part or "\n" in part for part in fields):
            raise RuleDefinitionError(f"rule {spec.code}: a tab or a line break in its index row")
        lines.append("\t".join(fields) + "\n")
    return "".join(lines)


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
