"""Checking many files in worker processes gives exactly what one process gives."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from linter.cli.options import settings_for
from linter.engine.executors import PARALLEL_MIN_BYTES, workers_for
from linter.engine.parallel import lint_all
from tests.conftest import EN, SEED


def test_workers_only_when_the_bytes_pay_for_them() -> None:
    assert workers_for(0, 0) == 1
    assert workers_for(0, PARALLEL_MIN_BYTES - 1) == 1
    assert workers_for(1, 100 * PARALLEL_MIN_BYTES) == 1
    assert workers_for(4, 10) == 4  # asked for: given
    assert workers_for(0, 100 * PARALLEL_MIN_BYTES) >= 1  # one per core


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
    # Compact results: what travels between processes holds neither text nor parse.
    assert all(r.document is None and r.source is None for r in [*serial, *parallel])
    assert sum(len(r.findings) for r in serial) > 100
