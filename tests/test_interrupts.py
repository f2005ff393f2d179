"""SIGINT and SIGTERM stop reslint and its workers, leave no process behind, exit 130/143,
and ``fix`` says which files it had already rewritten (issue 15).

Real signals to real runs: each test starts ``python -m linter`` in a session of its own,
waits until the run is busy (workers started, or files being rewritten), signals it, and
then checks the exit status, the messages and that every worker is gone. Timeouts only
keep a regression from hanging the suite; nothing here measures speed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SEED

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc (Linux)")

ROOT = Path(__file__).resolve().parents[1]


def _children(pid: int) -> list[int]:
    """Live processes whose parent is ``pid``."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/stat").read_text(encoding="utf-8")
        except OSError:
            continue
        fields = status.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8")
    except OSError:
        return False
    return status.rsplit(")", 1)[1].split()[0] != "Z"


def _wait_for(condition: object, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.02)
    raise AssertionError("the run never got busy")


def _start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "linter", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal job is
    )


@pytest.fixture
def many(tmp_path: Path) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    data = SEED.read_bytes()
    for number in range(240):
        (folder / f"doc{number:03}.txt").write_bytes(data)
    return folder


def _workers(process: subprocess.Popen[str]) -> list[int]:
    """Wait until the run has its two workers; their process ids."""
    workers: list[int] = []

    def busy() -> bool:
        workers[:] = _children(process.pid)
        return len(workers) >= 2

    _wait_for(busy)
    return workers


def _stop_with(process: subprocess.Popen[str], signals: list[int]) -> tuple[int, str, list[int]]:
    workers = _workers(process)
    for number, sig in enumerate(signals):
        if number:
            time.sleep(0.05)
        os.killpg(process.pid, sig)  # the whole group, as Ctrl-C in a terminal
    _, err = process.communicate(timeout=30)
    return process.returncode, err, workers


def test_sigterm_stops_the_workers_and_the_run(many: Path) -> None:
    process = _start("check", "--no-cache", "--jobs", "2", str(many))
    workers = _workers(process)
    process.send_signal(signal.SIGTERM)  # to the parent only, as a service manager does
    _, err = process.communicate(timeout=30)
    assert process.returncode == 143, err
    assert "Traceback" not in err
    assert not [pid for pid in workers if _alive(pid)]


def test_a_double_ctrl_c_stops_everything_without_a_traceback(many: Path) -> None:
    process = _start("check", "--no-cache", "--jobs", "2", str(many))
    code, err, workers = _stop_with(process, [signal.SIGINT, signal.SIGINT])
    assert code == 130, err
    assert "Traceback" not in err and "reslint: interrupted" in err
    assert not [pid for pid in workers if _alive(pid)]


def test_ctrl_c_during_fix_says_which_files_were_rewritten(many: Path) -> None:
    originals = {path: path.read_bytes() for path in many.iterdir()}
    process = _start("fix", str(many))

    def some_rewritten() -> bool:
        return any(path.read_bytes() != data for path, data in originals.items())

    _wait_for(some_rewritten)
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130, err
    listed = {
        Path(line.removeprefix("reslint: rewritten: "))
        for line in err.splitlines()
        if line.startswith("reslint: rewritten: ")
    }
    assert listed and "already rewritten" in err
    changed = {path for path, data in originals.items() if path.read_bytes() != data}
    assert changed == listed  # exactly the files listed, each whole (atomic writes)
    assert not [p for p in many.iterdir() if p.name.startswith(".")]  # no temporary files


def test_workers_die_with_a_parent_killed_outright(many: Path) -> None:
    # SIGKILL leaves the parent no chance to clean up: the workers go by themselves.
    process = _start("check", "--no-cache", "--jobs", "2", str(many))
    workers = _workers(process)
    process.kill()
    process.communicate(timeout=30)
    _wait_for(lambda: not [pid for pid in workers if _alive(pid)])
