"""Shared fixtures. Rules raise under tests instead of becoming internal-error findings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["RESLINT_RAISE_INTERNAL"] = "1"

CORPUS = Path(__file__).parent / "corpus"
SEED = CORPUS / "seed" / "E-RES-2012-19.zh.txt"
EN = CORPUS / "en"
A_RES_80_7_RAW = EN / "A_RES_80_7.railcar-pymupdf-raw-v1.0.0.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
