"""Shared strategies and helpers for the grammar tests."""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

DATA = Path(__file__).parent / "data"
SEED = DATA / "E-RES-2012-19.zh.txt"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


# Filler that cannot complete or extend a date, symbol or numeral: no digits, no capitals
# (month names, symbol roots), no slashes.
_LATIN = "abcdefghijklmnopqrstuvwxyz ,;:'\u201c\u201d"
_HAN = "的和在与及其并对为加强国际合作打击犯罪回顾认识到强调决议"


def filler(language: str) -> st.SearchStrategy[str]:
    alphabet = _HAN + "，、。" if language == "zh" else _LATIN
    return st.text(alphabet=alphabet, max_size=40)


def separator() -> st.SearchStrategy[str]:
    return st.sampled_from([" ", "\n", " \n", "\n\n"])


# Gaps an extraction may leave between two tokens: at most one blank line.
GAPS = [" ", "\n", " \n", "\n\n", " \n \n", "\u3000"]
