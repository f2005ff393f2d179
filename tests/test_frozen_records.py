"""Records built by :func:`linter.source.frozen.fast_init` are the records their
dataclass builds: the same fields, defaults, factories, equality, hash and refusals."""

from __future__ import annotations

import dataclasses
import pickle
from typing import Any

import pytest

import linter.engine.lint  # imports every record class decorated
import linter.fix.canonical  # noqa: F401
from linter.source.frozen import FAST_INIT_CLASSES, fast_init


def _plain_twin(cls: type[Any]) -> type[Any]:
    """The same fields as a dataclass of the standard library's own making."""
    fields = [(f.name, f.type, f) for f in dataclasses.fields(cls)]
    specs = []
    for name, kind, field in fields:
        if field.default is not dataclasses.MISSING:
            specs.append((name, kind, dataclasses.field(default=field.default)))
        elif field.default_factory is not dataclasses.MISSING:
            specs.append((name, kind, dataclasses.field(default_factory=field.default_factory)))
        else:
            specs.append((name, kind))
    return dataclasses.make_dataclass(f"Plain{cls.__name__}", specs, frozen=True, slots=True)


def _arguments(cls: type[Any]) -> list[object]:
    return [f"value of {f.name}" for f in dataclasses.fields(cls)]


@pytest.mark.parametrize("cls", FAST_INIT_CLASSES, ids=lambda cls: cls.__name__)
def test_a_fast_record_holds_what_its_dataclass_would(cls: type[Any]) -> None:
    plain = _plain_twin(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    required = [
        f.name
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    every = _arguments(cls)
    built, twin = cls(*every), plain(*every)
    assert [getattr(built, n) for n in names] == [getattr(twin, n) for n in names]
    by_name = {n: getattr(twin, n) for n in names}
    assert cls(**by_name) == built and hash(cls(**by_name)) == hash(built)
    least = cls(*every[: len(required)])
    least_twin = plain(*every[: len(required)])
    assert [getattr(least, n) for n in names] == [getattr(least_twin, n) for n in names]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(built, names[0], "changed")
    with pytest.raises(TypeError):
        cls(*every, "one too many")
    if required:
        with pytest.raises(TypeError):
            cls(*every[: len(required) - 1])
    assert pickle.loads(pickle.dumps(built)) == built


def test_default_factories_give_each_record_its_own_value() -> None:
    @fast_init
    @dataclasses.dataclass(frozen=True, slots=True)
    class Holder:
        name: str
        items: list[int] = dataclasses.field(default_factory=list)

    first, second = Holder("a"), Holder("b")
    assert first.items == [] and first.items is not second.items
    assert Holder("c", [1]).items == [1]
    FAST_INIT_CLASSES.remove(Holder)


def test_classes_it_cannot_build_the_same_way_are_refused() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Later:
        name: str

        def __post_init__(self) -> None:
            pass

    @dataclasses.dataclass(slots=True)
    class Unfrozen:
        name: str

    for cls in (Later, Unfrozen):
        with pytest.raises(TypeError):
            fast_init(cls)
