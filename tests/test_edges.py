"""Edges of the input that once broke the output or the run (issue 15).

File names that are not UTF-8 or hold a newline, in every output format; control and
escape characters quoted from a document; configuration and baseline files of any shape;
``--jobs`` below zero. Output formats are checked through a real process, whose standard
output is a UTF-8 stream like a terminal's or a pipe's (a ``StringIO`` accepts anything).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from linter.engine.display import display_path, escape_text
from linter.report import FORMATS
from tests.conftest import SEED
from tests.test_cli import cli

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = (
    "The General Assembly,\n\n"
    "Recalling the Convention\x1b[2J\x1b]0;pwned\x07,1\n\n"
    "1. Decides to remain seized of the matter.\n\n"
    "40th plenary meeting\n14 November 2025\n_______________\n\n"
    "1 Resolution 55/25, annexes I-III.\n"
)


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "linter", *args],
        capture_output=True,
        timeout=120,
        cwd=cwd,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


@pytest.fixture
def odd_names(tmp_path: Path) -> Path:
    folder = tmp_path / "odd"
    folder.mkdir()
    data = SEED.read_bytes()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as stream:  # Latin-1
        stream.write(data)
    (folder / "two\nlines.txt").write_bytes(data)
    (folder / "back\\slash.txt").write_bytes(data)
    return folder


def _check_format(name: str, output: str) -> None:
    """The output parses as its format says, and no file name broke a line."""
    if name in ("json", "sarif", "gitlab"):
        json.loads(output)
    elif name == "json-lines":
        for line in output.splitlines():
            json.loads(line)
    elif name == "junit":
        ElementTree.fromstring(output)
    elif name in ("concise", "github"):  # one finding per line, each names a whole file
        for line in output.splitlines():
            assert line.startswith(("::", "/")) or " findings in " in line, line


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_any_file_name_survives_every_output_format(odd_names: Path, name: str) -> None:
    done = run("check", "--format", name, str(odd_names))
    assert done.returncode == 1, done.stderr.decode("utf-8", "replace")
    output = done.stdout.decode("utf-8")  # valid UTF-8, whatever the names
    _check_format(name, output)
    if name == "sarif":  # file names as URIs: their bytes percent-encoded
        assert "caf%E9.txt" in output and "two%0Alines.txt" in output
    else:  # escaped, not dropped (JSON doubles the backslashes of the escapes)
        shown = output.replace("\\\\", "\\")
        assert "caf\\xe9.txt" in shown and "two\\nlines.txt" in shown


def test_file_names_are_escaped_unambiguously() -> None:
    assert display_path("plain/name.txt") == "plain/name.txt"
    assert display_path("back\\slash.txt") == "back\\slash.txt"  # plain: left alone
    assert display_path("caf\udce9.txt") == "caf\\xe9.txt"
    assert display_path("a\\b\nc.txt") == "a\\\\b\\nc.txt"  # escaped: backslashes doubled


@pytest.mark.parametrize("name", ["text", "github"])
def test_quoted_control_characters_are_escaped(tmp_path: Path, name: str) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    done = run("check", "--format", name, str(path))
    output = done.stdout.decode("utf-8")
    assert "\x1b" not in output and "\x07" not in output
    assert "\\x1b]0;pwned\\x07" in output  # still said, as escapes


def test_escape_text_leaves_ordinary_text_alone() -> None:
    assert escape_text("经济及社会理事会 — Société, 1.") == "经济及社会理事会 — Société, 1."
    assert escape_text("a\u202eb\tc") == "a\\u202eb\\tc"


# -- configuration and baseline files of any shape ------------------------------------------


def _one_line_error(folder: Path, *args: str) -> str:
    done = run("check", *args, str(folder / "doc.txt"), cwd=folder)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2, err
    assert err.count("\n") == 1 and err.startswith("reslint: error: "), err
    assert "Traceback" not in err and "internal error" not in err
    return err


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "doc.txt").write_bytes(SEED.read_bytes())
    return tmp_path


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"[tool.reslint]\nselect = " + b"[" * 5000 + b"]" * 5000 + b"\n", "nested too deeply"),
        (b"[tool.reslint]\noptions = " + b"{a=" * 3000 + b"1" + b"}" * 3000, "nested too deeply"),
        (b"[tool.reslint]\nignore = ['A006']\n# caf\xe9\n", "not UTF-8"),
        (b"[tool.reslint]\nignore = ['A0\x0006']\n", "invalid TOML"),
        (b"[tool.reslint]\nselect = " + b"[" * 300 + b"]" * 300 + b"\n", "valid string"),
        (b"[tool.reslint]\ntime-budget = -1\n", "time-budget"),
    ],
    ids=["deep-array", "deep-table", "latin-1", "nul", "nested-list", "negative-budget"],
)
def test_a_broken_pyproject_is_one_line_and_exit_2(
    project: Path, content: bytes, says: str
) -> None:
    (project / "pyproject.toml").write_bytes(content)
    assert says in _one_line_error(project)


def test_a_fifo_as_configuration_is_refused_not_waited_for(project: Path) -> None:
    os.mkfifo(project / "fifo.toml")
    assert "FIFO" in _one_line_error(project, "--config", "fifo.toml")


def test_a_deeply_nested_baseline_is_one_line_and_exit_2(project: Path) -> None:
    (project / "base.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert "not a reslint baseline" in _one_line_error(project, "--baseline", "base.json")


def test_jobs_below_zero_are_a_usage_error() -> None:
    with pytest.raises(SystemExit) as stop:
        cli("check", "--jobs", "-3", str(SEED))
    assert stop.value.code == 2
    done = run("check", "--jobs", "-3", str(SEED))
    assert done.returncode == 2
    assert b"-3 is negative" in done.stderr
