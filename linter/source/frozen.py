"""Immutable records, quick to define and quick to build.

reslint's values (spans, lines, edits, fixes, findings, gaps, the parts of a Document) are
frozen dataclasses. The standard ``dataclass(frozen=True, slots=True)`` costs twice over:

* **Defining** a class generates and compiles six functions (``__init__``, ``__repr__``,
  ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``), about 300 us a class: with
  some eighty classes, a quarter of what a one-file run spends before it lints.
* **Building** a record sets each field with ``object.__setattr__(self, name, value)``,
  the only way past the class's refusing ``__setattr__``: three times a plain assignment,
  and a document's lint builds some two thousand records.

:func:`record` asks ``dataclass`` only for the fields and the slots, generates one
function (``__init__``, storing each field through its slot's descriptor, or into the
instance dictionary without slots) and shares one implementation of the others among
all records: equality, hash and representation read the fields as ``dataclass`` would,
assignment and deletion raise ``FrozenInstanceError``, slotted records pickle as their
field values. ``dataclasses.fields``, ``replace`` and ``asdict`` work on them as on any
dataclass; ``tests/test_frozen_records.py`` compares every record class with a standard
dataclass twin.
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")

#: Every record class (the tests check each against a standard dataclass).
RECORD_CLASSES: list[type[Any]] = []


class _Missing:
    """No argument given for a field with a default factory."""


_MISSING = _Missing()


def _getter(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The named attributes of a record as a tuple (also for one name, or none)."""
    if not names:
        return lambda value: ()
    get = operator.attrgetter(*names)
    if len(names) == 1:
        return lambda value: (get(value),)
    return get


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is self.__class__:
        compared = self.__record_compared__
        return compared(self) == compared(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(self.__record_hashed__(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_shown__)
    return f"{self.__class__.__qualname__}({shown})"


def _setattr(self: Any, name: str, value: Any) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self: Any) -> list[Any]:
    return list(self.__record_values__(self))


def _setstate(self: Any, state: list[Any]) -> None:
    for name, value in zip(self.__record_names__, state, strict=True):
        object.__setattr__(self, name, value)


def _make_init(cls: type[Any], fields: tuple[dataclasses.Field[Any], ...], slots: bool) -> Any:
    namespace: dict[str, Any] = {"_MISSING": _MISSING}
    parameters: list[str] = []
    body: list[str] = []
    for index, field in enumerate(fields):
        name = field.name
        if field.default is not dataclasses.MISSING:
            namespace[f"_default{index}"] = field.default
            parameters.append(f"{name}=_default{index}")
        elif field.default_factory is not dataclasses.MISSING:
            namespace[f"_factory{index}"] = field.default_factory
            parameters.append(f"{name}=_MISSING")
            body.append(f"if {name} is _MISSING: {name} = _factory{index}()")
        else:
            parameters.append(name)
        if slots:
            namespace[f"_set{index}"] = cls.__dict__[name].__set__
            body.append(f"_set{index}(self, {name})")
        else:
            body.append(f"self.__dict__[{name!r}] = {name}")
    source = f"def __init__(self, {', '.join(parameters)}):\n"
    source += "".join(f"    {line}\n" for line in body or ["pass"])
    exec(source, namespace)  # generated from the field names, as dataclasses does
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _make_record(cls: type[T], slots: bool) -> type[T]:
    if "__post_init__" in cls.__dict__ or "__eq__" in cls.__dict__ or "__hash__" in cls.__dict__:
        raise TypeError(f"{cls.__name__}: a record takes no __post_init__, __eq__ or __hash__")
    made: Any = dataclasses.dataclass(cls, init=False, repr=False, eq=False, slots=slots)
    fields = dataclasses.fields(made)
    if any(not f.init or f.kw_only for f in fields):
        raise TypeError(f"{cls.__name__}: every field of a record is an __init__ argument")
    names = [f.name for f in fields]
    made.__init__ = _make_init(made, fields, slots)
    made.__record_names__ = tuple(names)
    made.__record_values__ = _getter(names)
    made.__record_compared__ = _getter([f.name for f in fields if f.compare])
    hashed = [f.name for f in fields if (f.compare if f.hash is None else f.hash)]
    made.__record_hashed__ = _getter(hashed)
    made.__record_shown__ = tuple(f.name for f in fields if f.repr)
    made.__eq__ = _eq
    made.__hash__ = _hash
    if "__repr__" not in cls.__dict__:  # as dataclass: a class's own representation stays
        made.__repr__ = _repr
    made.__setattr__ = _setattr
    made.__delattr__ = _delattr
    if slots:
        made.__getstate__ = _getstate
        made.__setstate__ = _setstate
    RECORD_CLASSES.append(made)
    result: type[T] = made
    return result


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, slots: bool = True) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(cls: type[T] | None = None, /, *, slots: bool = True) -> Any:
    """``@record`` is ``@dataclass(frozen=True, slots=True)``; ``@record(slots=False)`` is
    ``@dataclass(frozen=True)`` (a class that needs an instance dictionary, for
    ``cached_property``). Equality, hash, representation, pickling and the refusal to
    change a field are those of the standard frozen dataclass."""
    if cls is None:
        return lambda decorated: _make_record(decorated, slots)
    return _make_record(cls, slots)
