"""``--executor dask``: the same findings, the same bytes, on a LocalCluster of two worker
processes started here (the dask extra is in the dev extra, so CI runs this)."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from linter.cli.main import run
from tests.conftest import EN, SEED

distributed = pytest.importorskip("distributed")

SAMPLE = [SEED, *sorted(EN.glob("*raw*"))[:5]]


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("name", ["json", "sarif", "text"])
def test_a_dask_run_writes_what_a_local_run_writes(
    scheduler: str, tmp_path: Path, name: str
) -> None:
    for path in SAMPLE:
        shutil.copy(path, tmp_path / path.name)
    local = cli("check", "--no-cache", "--jobs", "1", "--format", name, str(tmp_path))
    remote = cli(
        "check",
        "--no-cache",
        "--format",
        name,
        "--executor",
        "dask",
        "--scheduler",
        scheduler,
        str(tmp_path),
    )
    assert remote == local
    assert local[0] == 1 and len(local[1]) > 1000


def test_dask_flags_are_checked() -> None:
    code, _, err = cli("check", "--executor", "dask", str(SEED))
    assert code == 2 and "--scheduler" in err
    code, _, err = cli("check", "--scheduler", "tcp://127.0.0.1:1", str(SEED))
    assert code == 2 and "--executor dask" in err


def test_an_unreachable_scheduler_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("linter.engine.dask_executor.CONNECT_TIMEOUT", "1s")
    code, out, err = cli(
        "check", "--no-cache", "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9", str(SEED)
    )
    assert code == 2 and out == ""
    assert err.startswith("reslint: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert err.count("\n") == 1


def test_the_api_takes_an_executor(scheduler: str, tmp_path: Path) -> None:
    from linter.api import check_paths
    from linter.engine.dask_executor import DaskExecutor

    for path in SAMPLE:
        shutil.copy(path, tmp_path / path.name)
    local = check_paths([tmp_path], isolated=True, jobs=1)
    with distributed.Client(scheduler) as client:
        remote = check_paths([tmp_path], isolated=True, executor=DaskExecutor(client))
    assert remote == local and local.summary.findings > 100
