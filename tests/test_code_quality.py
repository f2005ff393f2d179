"""ruff and mypy, run by the test suite so that CI (the README's test command) runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / command[0]), *command[1:]], cwd=ROOT, capture_output=True, text=True, check=False
    )


@pytest.mark.slow
def test_ruff_check() -> None:
    done = _run("ruff", "check", "linter", "rules", "tests", "benchmarks", "scripts")
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
def test_ruff_format() -> None:
    done = _run("ruff", "format", "--check", "linter", "rules", "tests", "benchmarks", "scripts")
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
def test_mypy_strict() -> None:
    done = _run("mypy")
    assert done.returncode == 0, done.stdout + done.stderr
