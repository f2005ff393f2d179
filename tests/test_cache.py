"""The results cache: keyed on content and the run's job, shared by concurrent runs,
bounded, and never a reason for a run to fail."""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from linter.cli.main import run
from linter.cli.options import settings_for
from linter.engine import cache as cache_module
from linter.engine.cache import FILE_NAME, ResultCache
from linter.engine.needs import Needs
from linter.engine.pipeline import check_files
from tests.conftest import EN, SEED

SAMPLE = [SEED, *sorted(EN.glob("*raw*"))[:3]]


def _copies(folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    for path in SAMPLE:
        shutil.copy(path, folder / path.name)
    return sorted(folder.iterdir())


def _run(
    files: list[Path], cache: ResultCache, needs: Needs | None = None, **flags: object
) -> list[object]:
    settings = settings_for(argparse.Namespace(isolated=True, **flags), [str(files[0].parent)])
    needs = Needs(keys=True) if needs is None else needs
    return list(check_files(files, settings, jobs=1, cache=cache, needs=needs))


def test_a_second_run_reads_every_result_from_the_cache(tmp_path: Path) -> None:
    files = _copies(tmp_path / "docs")
    cold = ResultCache(tmp_path / "cache")
    first = _run(files, cold)
    assert (cold.hits, cold.misses) == (0, len(files))
    warm = ResultCache(tmp_path / "cache")
    second = _run(files, warm)
    assert (warm.hits, warm.misses) == (len(files), 0)
    assert second == first


def test_the_key_is_content_and_job_not_path(tmp_path: Path) -> None:
    files = _copies(tmp_path / "docs")
    _run(files, ResultCache(tmp_path / "cache"))
    # Another selection is another job: nothing is found.
    other = ResultCache(tmp_path / "cache")
    _run(files, other, select=["A"])
    assert other.hits == 0
    # A changed file is looked up again; the others are found.
    files[0].write_text(files[0].read_text("utf-8") + "\nOne more line.\n", encoding="utf-8")
    changed = ResultCache(tmp_path / "cache")
    _run(files, changed)
    assert (changed.hits, changed.misses) == (len(files) - 1, 1)
    # The same content under another name is found, reported under its own name.
    moved = tmp_path / "moved"
    moved.mkdir()
    renamed = moved / f"renamed-{files[1].name}"
    shutil.copy(files[1], renamed)
    cache = ResultCache(tmp_path / "cache")
    [result] = _run([renamed], cache)
    assert cache.hits == 1 and result.path == str(renamed)  # type: ignore[attr-defined]


def test_the_cache_stays_under_its_bound(tmp_path: Path) -> None:
    files = _copies(tmp_path / "docs")
    cache = ResultCache(tmp_path / "cache", max_bytes=10_000)
    _run(files, cache)
    import sqlite3

    with sqlite3.connect(tmp_path / "cache" / FILE_NAME) as db:
        total = db.execute("SELECT COALESCE(SUM(size), 0) FROM results").fetchone()[0]
        count = db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
    assert total <= 10_000 and count < len(files)


def test_a_broken_cache_is_not_a_failed_run(tmp_path: Path) -> None:
    files = _copies(tmp_path / "docs")
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / FILE_NAME).write_bytes(b"this is not a database" * 100)
    out, err = io.StringIO(), io.StringIO()
    code = run(["check", "--isolated", "--cache-dir", str(folder), str(files[0])], out, err)
    assert code == 1 and "findings in 1 file" in out.getvalue()
    assert err.getvalue().startswith("reslint: cache at ") and "not used" in err.getvalue()


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    files = _copies(tmp_path / "docs")
    folder = tmp_path / "cache"
    code = run(["check", "--no-cache", "--cache-dir", str(folder), str(files[0])], io.StringIO())
    assert code == 1 and not folder.exists()


def test_concurrent_runs_share_one_cache(tmp_path: Path) -> None:
    files = _copies(tmp_path / "docs")
    folder = tmp_path / "cache"
    command = [sys.executable, "-m", "linter", "check", "--isolated", "--format", "json"]
    command += ["--cache-dir", str(folder), "--jobs", "1", *map(str, files)]
    env = {**os.environ, "RESLINT_RAISE_INTERNAL": "0"}
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        for _ in range(3)
    ]
    outputs = [process.communicate(timeout=300) for process in runs]
    assert [process.returncode for process in runs] == [1, 1, 1]
    assert all(err == b"" for _out, err in outputs), outputs[0][1]
    assert len({out for out, _err in outputs}) == 1
    warm = ResultCache(folder)
    _run(files, warm, Needs())  # what --format json asks
    assert warm.hits == len(files)


class _Refusing:
    """A connection whose switch to WAL mode is refused as another run's would be."""

    def __init__(self, connection: sqlite3.Connection, refusals: list[int]) -> None:
        self.connection, self.refusals = connection, refusals

    def execute(self, statement: str, *args: object) -> object:
        if statement.startswith("PRAGMA journal_mode") and self.refusals[0] > 0:
            self.refusals[0] -= 1
            raise sqlite3.OperationalError("database is locked")
        return self.connection.execute(statement, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self.connection, name)


def _refusing(monkeypatch: pytest.MonkeyPatch, times: int) -> list[int]:
    refusals = [times]
    connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: _Refusing(connect(*a, **k), refusals))
    return refusals


def test_a_cache_another_run_is_opening_is_waited_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Runs started together on a new cache folder: SQLite refuses the switch to WAL mode
    # at once, without its busy timeout; opening is tried again.
    refusals = _refusing(monkeypatch, 3)
    cache = ResultCache(tmp_path / "cache")
    assert cache._connection() is not None and cache.problem is None
    assert refusals == [0]
    cache.close()


def test_a_cache_held_longer_than_the_busy_timeout_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "BUSY_SECONDS", 0.2)
    _refusing(monkeypatch, 1_000_000)
    cache = ResultCache(tmp_path / "cache")
    assert cache._connection() is None
    assert cache.problem is not None and "database is locked" in cache.problem


@pytest.mark.parametrize("flag", ["--cache-dir", "RESLINT_CACHE_DIR"])
def test_where_the_cache_lives(tmp_path: Path, flag: str, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _copies(tmp_path / "docs")
    folder = tmp_path / "chosen"
    args = ["check", "--isolated", str(files[0])]
    if flag == "--cache-dir":
        args[1:1] = ["--cache-dir", str(folder)]
    else:
        monkeypatch.setenv("RESLINT_CACHE_DIR", str(folder))
    run(args, io.StringIO(), io.StringIO())
    assert (folder / FILE_NAME).exists() and (folder / ".gitignore").read_text().endswith("*\n")


def test_an_edit_to_reslint_itself_is_not_answered_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A developer's change to a rule or a lexicon (same version) is a new job."""
    from linter.engine import cache as cache_module

    files = _copies(tmp_path / "docs")
    _run(files, ResultCache(tmp_path / "cache"))
    monkeypatch.setattr(cache_module, "code_stamp", lambda: "another build")
    after_an_edit = ResultCache(tmp_path / "cache")
    _run(files, after_an_edit)
    assert after_an_edit.hits == 0
