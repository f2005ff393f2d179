"""Records (:func:`linter.source.frozen.record`) behave as the standard frozen dataclasses
they replace: the same fields, defaults, factories, equality, hash, representation,
pickling, ``replace``, and the same refusal to change a field."""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import importlib
import pickle
import pkgutil
from typing import Any

import pytest

import linter
from linter.source.frozen import RECORD_CLASSES, record


def _import_every_module() -> None:
    """Every module of the package (those of an extra not installed excepted), so that
    every record class is defined before the tests are collected."""
    for module in pkgutil.walk_packages(linter.__path__, "linter."):
        if module.name.endswith("__main__"):
            continue  # runs the command line
        with contextlib.suppress(ImportError):
            importlib.import_module(module.name)


_import_every_module()


def _twin(cls: type[Any]) -> type[Any]:
    """The same fields in a dataclass of the standard library's own making."""
    specs: list[Any] = []
    for field in dataclasses.fields(cls):
        options: dict[str, Any] = {
            "repr": field.repr,
            "compare": field.compare,
            "hash": field.hash,
        }
        if field.default is not dataclasses.MISSING:
            options["default"] = field.default
        elif field.default_factory is not dataclasses.MISSING:
            options["default_factory"] = field.default_factory
        specs.append((field.name, field.type, dataclasses.field(**options)))
    slots = "__slots__" in cls.__dict__
    return dataclasses.make_dataclass(cls.__qualname__, specs, frozen=True, slots=slots)


def _values(cls: type[Any], tag: str) -> list[object]:
    return [(tag, field.name) for field in dataclasses.fields(cls)]


def _required(cls: type[Any]) -> int:
    return sum(
        1
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )


@pytest.mark.parametrize("cls", RECORD_CLASSES, ids=lambda cls: cls.__qualname__)
def test_a_record_behaves_as_its_standard_dataclass_twin(cls: type[Any]) -> None:
    twin = _twin(cls)
    names = [field.name for field in dataclasses.fields(cls)]
    every, other = _values(cls, "a"), _values(cls, "b")
    built, twin_built = cls(*every), twin(*every)
    assert [getattr(built, n) for n in names] == [getattr(twin_built, n) for n in names]
    if "__repr__" not in cls.__dict__ or cls.__repr__.__module__ == "linter.source.frozen":
        assert repr(built) == repr(twin_built)
    assert cls(**dict(zip(names, every, strict=True))) == built
    assert hash(cls(*every)) == hash(built) == hash(twin_built)
    assert (built == cls(*other)) == (twin_built == twin(*other))
    assert built != twin_built  # another class
    least, twin_least = cls(*every[: _required(cls)]), twin(*every[: _required(cls)])
    assert [getattr(least, n) for n in names] == [getattr(twin_least, n) for n in names]
    for name in names:
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(built, name, "changed")
        with pytest.raises(dataclasses.FrozenInstanceError):
            delattr(built, name)
    with pytest.raises(TypeError):
        cls(*every, "one too many")
    if _required(cls):
        with pytest.raises(TypeError):
            cls(*every[: _required(cls) - 1])
    assert pickle.loads(pickle.dumps(built)) == built
    assert copy.deepcopy(built) == built
    changed = dataclasses.replace(built, **{names[0]: "changed"})
    assert getattr(changed, names[0]) == "changed" and changed != built
    assert dataclasses.asdict(built) == dataclasses.asdict(twin_built)


def test_default_factories_give_each_record_its_own_value() -> None:
    @record
    class Holder:
        name: str
        items: list[int] = dataclasses.field(default_factory=list)

    first, second = Holder("a"), Holder("b")
    assert first.items == [] and first.items is not second.items
    assert Holder("c", [1]).items == [1]
    RECORD_CLASSES.remove(Holder)


def test_classes_a_record_cannot_be_are_refused() -> None:
    class Later:
        name: str

        def __post_init__(self) -> None:
            pass

    class OwnEquality:
        name: str

        def __eq__(self, other: object) -> bool:
            return True

    for cls in (Later, OwnEquality):
        with pytest.raises(TypeError):
            record(cls)
