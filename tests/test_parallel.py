"""Checking many files in worker processes gives exactly what one process gives."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from linter.cli.options import settings_for
from linter.engine.parallel import PARALLEL_THRESHOLD, lint_all, workers_for
from tests.conftest import EN, SEED


def test_workers_only_when_they_pay() -> None:
    assert workers_for(0, 1) == 1
    assert workers_for(0, PARALLEL_THRESHOLD - 1) == 1
    assert workers_for(1, 1000) == 1
    assert workers_for(3, 2) == 2  # never more workers than files
    assert workers_for(4, 1000) == 4


def test_parallel_results_equal_serial_results(tmp_path: Path) -> None:
    files = [SEED, *sorted(EN.glob("*raw*"))]
    for path in files:
        shutil.copy(path, tmp_path / path.name)
    copies = sorted(tmp_path.iterdir())
    settings = settings_for(argparse.Namespace(isolated=True), [str(tmp_path)])
    serial = lint_all(copies, settings, jobs=1)
    parallel = lint_all(copies, settings, jobs=2)
    assert [r.path for r in parallel] == [r.path for r in serial]
    assert [r.findings for r in parallel] == [r.findings for r in serial]
    assert all(r.document is None and r.source is not None for r in parallel)
    assert sum(len(r.findings) for r in serial) > 100
