"""A note defined twice is reported once: by F006 when the texts differ, by F003 when the
same note was extracted twice, wherever the second definition stands."""

from __future__ import annotations

import pytest

from linter.engine.lint import lint_text
from tests.helpers import spec

HEAD = """The General Assembly,

Recalling the Convention,1 its Protocols,2 and the Declaration,3

1. Decides to remain seized of the matter.

40th plenary meeting
14 November 2025
_______________

"""
ONE = "1 United Nations, Treaty Series, vol. 2225, No. 39574.\n"
TWO = "2 Ibid., vols. 2237, 2241 and 2326, No. 39574.\n"
THREE = "3 Resolution 55/2.\n"


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        (ONE + TWO + "2 Resolution 55/25, annexes I-III.\n" + THREE, [("F006", 13)]),
        (ONE + TWO + TWO + THREE, [("F003", 13)]),
        (ONE + TWO + THREE + "1 Resolution 55/25, annexes I-III.\n", [("F006", 14)]),
        (ONE + TWO + THREE + ONE, [("F003", 14)]),
    ],
    ids=["next-other-text", "next-same-text", "further-down-other-text", "further-down-same"],
)
def test_a_note_defined_twice_is_one_finding(notes: str, expected: list[tuple[str, int]]) -> None:
    result = lint_text(HEAD + notes, "<t>", [spec("F003"), spec("F006")], raise_errors=True)
    assert [(f.rule, f.line) for f in result.findings] == expected
