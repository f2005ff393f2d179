"""A JSON document written in pieces: its frame at once, its long arrays item by item.

SARIF and GitLab reports are one JSON value each, whose bulk is an array of results. The
frame (tool, rules, ...) is dumped with ``indent=2`` around named holes; an array hole is
then filled one compact item per line as results come, and a value hole (what is known
only at the end, such as SARIF's invocations) when the run ends.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

_encode = json.JSONEncoder(ensure_ascii=False).encode


def hole(name: str) -> str:
    """The placeholder value of a hole named ``name`` in a frame."""
    return f"\x00{name}\x00"


class Frame:
    """``value`` dumped with ``indent=2``, cut at the holes named, in the order given."""

    def __init__(self, value: Any, holes: Sequence[str], stream: TextIO) -> None:
        text = json.dumps(value, indent=2, ensure_ascii=False)
        self.pieces: list[str] = []
        for name in holes:
            before, text = text.split(json.dumps(hole(name)), 1)
            self.pieces.append(before)
        self.pieces.append(text)
        self.stream = stream
        self.at = 0
        self.items = 0
        stream.write(self.pieces[0])

    def _indent(self) -> str:
        """The indentation of the line holding the current hole."""
        piece = self.pieces[self.at]
        line = piece[piece.rfind("\n") + 1 :]
        return line[: len(line) - len(line.lstrip(" "))]

    def item(self, value: Any) -> None:
        """One more item of the array in the current hole (opened by the first)."""
        self.item_text(_encode(value))

    def item_text(self, encoded: str) -> None:
        """One more item, already encoded as compact JSON."""
        opening = "[" if self.items == 0 else ","
        self.stream.write(f"{opening}\n{self._indent()}  {encoded}")
        self.items += 1

    def end_array(self) -> None:
        """Close the array in the current hole and write the frame up to the next one."""
        self.stream.write(f"\n{self._indent()}]" if self.items else "[]")
        self._next()

    def value(self, value: Any) -> None:
        """Fill the current hole with ``value`` (``indent=2``, at the hole's depth)."""
        text = json.dumps(value, indent=2, ensure_ascii=False)
        self.stream.write(text.replace("\n", "\n" + self._indent()))
        self._next()

    def _next(self) -> None:
        self.at += 1
        self.items = 0
        self.stream.write(self.pieces[self.at])
