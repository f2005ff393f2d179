"""Shared fixtures. Rules raise under tests instead of becoming internal-error findings."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

os.environ["RESLINT_RAISE_INTERNAL"] = "1"
# The results cache of every command the tests run: one folder for the session, never the
# user's own cache.
os.environ["RESLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="reslint-tests-cache-")

CORPUS = Path(__file__).parent / "corpus"
SEED = CORPUS / "seed" / "E-RES-2012-19.zh.txt"
EN = CORPUS / "en"
#: The first corpus (the seed and 56 English extractions) and the development sets added
#: for the accuracy work (Security Council volumes, GA 80th session raw texts and drafts).
FIRST_CORPUS = sorted([SEED, *EN.glob("*.txt")])
DEVELOPMENT_CORPUS = sorted(
    [*(CORPUS / "en-sc").glob("*.txt"), *(CORPUS / "en-ga80").glob("*.txt")]
)
A_RES_80_7_RAW = EN / "A_RES_80_7.railcar-pymupdf-raw-v1.0.0.txt"


@cache
def seed_findings() -> int:
    """How many findings every rule together reports on the seed (it grows with rules)."""
    from linter.engine.lint import lint_bytes
    from linter.engine.registry import all_rules

    return len(lint_bytes(SEED.read_bytes(), str(SEED), all_rules()).findings)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium for the browser tests (tests/browser.py), once per module."""
    from tests.browser import launch

    yield from launch()


# The fuzzing suite's long run (tests/test_fuzz_documents.py): a million inputs per property.
settings.register_profile(
    "long",
    max_examples=1_000_000,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
