"""Pickling slotted dataclasses fast: as their class and field values.

Results travel between processes (worker to parent, to the spool of the X step, to the
cache), and most of their weight is small frozen slotted records (findings, fixes,
edits, content keys, version facts). Python 3.11 pickled the frozen dataclasses they were
through ``__getstate__``, which calls :func:`dataclasses.fields` for every object: on 500
documents that was 8 seconds of a run's 10. :func:`fast_pickle` gives a class a
``__reduce__`` that returns its constructor and a tuple of its fields, read in C by
:func:`operator.attrgetter`.
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def fast_pickle(cls: type[T]) -> type[T]:
    """Decorate a dataclass or record whose fields are all ``__init__`` arguments; write it
    above ``@record`` (or ``@dataclass``), so that the slotted class made there is the one
    decorated."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if not all(field.init for field in fields):
        raise TypeError(f"{cls.__name__}: every field must be an __init__ argument")
    names = [field.name for field in fields]
    getter: Callable[[Any], Any] = operator.attrgetter(*names)
    if len(names) == 1:
        single = getter

        def getter(value: Any) -> tuple[Any, ...]:
            return (single(value),)

    def reduce(self: T) -> tuple[type[T], tuple[Any, ...]]:
        return cls, getter(self)

    cls.__reduce__ = reduce  # type: ignore[assignment, method-assign]
    return cls
