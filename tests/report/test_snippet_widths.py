"""The text view's shortcut for character widths gives wcwidth's answer, character by
character, for every block it answers without importing wcwidth."""

from __future__ import annotations

from wcwidth import wcwidth

from linter.report.snippet import KNOWN_WIDTHS, char_width


def test_every_known_width_is_wcwidths() -> None:
    for first, last, width in KNOWN_WIDTHS:
        wrong = [hex(code) for code in range(first, last + 1) if wcwidth(chr(code)) != width]
        assert not wrong, f"{hex(first)}-{hex(last)} is not all {width} columns: {wrong[:5]}"


def test_other_characters_ask_wcwidth() -> None:
    for char in "\u0301\u200b\u0627\U0001f600\u302a\uac00":
        assert char_width(ord(char)) == wcwidth(char)
