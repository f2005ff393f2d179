"""``-`` as the path: ``check -`` and ``fix -`` with ``--stdin-filename``, as editors use them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED
from tests.helpers import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "E-RES-2012-19.zh.txt"


def _findings(report: str) -> list[tuple[object, ...]]:
    """What a finding says, without its fix (a fix's offsets follow the text's length)."""
    (entry,) = json.loads(report)["files"]
    return [
        (f["rule"], f["line"], f["column"], f["end_line"], f["end_column"], f["message"])
        for f in entry["findings"]
    ]


def test_check_stdin_reports_what_the_file_reports() -> None:
    _, from_file, _ = cli("check", "--format", "json", str(SEED))
    code, from_stdin, err = cli(
        "check", "-", "--stdin-filename", str(SEED), "--format", "json", stdin=SEED.read_bytes()
    )
    assert (code, err) == (1, "")
    assert from_stdin == from_file  # the same text under the same name: the same report


def test_the_shell_recipe_of_the_issue_gives_the_same_findings(tmp_path: Path) -> None:
    """``printf '%s' "$(cat FILE)" | reslint check - --stdin-filename x.zh.txt``: the shell
    drops the final newlines; every finding is still the file's."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    reslint = [sys.executable, "-m", "linter"]
    piped = subprocess.run(
        ["sh", "-c", 'printf "%s" "$(cat "$1")" | "$2" -m linter check - '
         '--stdin-filename x.zh.txt --format json', "sh", str(EXAMPLE), sys.executable],
        capture_output=True, text=True, check=False, env=env, cwd=tmp_path,
    )  # fmt: skip
    direct = subprocess.run(
        [*reslint, "check", "--format", "json", str(EXAMPLE)],
        capture_output=True, text=True, check=False, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert piped.returncode == direct.returncode == 1, piped.stderr
    assert json.loads(piped.stdout)["files"][0]["path"] == "x.zh.txt"
    piped_findings, file_findings = _findings(piped.stdout), _findings(direct.stdout)
    assert len(file_findings) > 200
    # Every finding is found at the same place, by the same rule...
    assert [f[:3] for f in piped_findings] == [f[:3] for f in file_findings]
    # ... and says the same, but for the one about the blank lines that end the file:
    # `$(cat FILE)` took the final line breaks away, so there are fewer of them.
    differing = [(a, b) for a, b in zip(piped_findings, file_findings, strict=True) if a != b]
    assert [(a[5], b[5]) for a, b in differing] == [
        (
            "1 blank line(s) at the end of the text; end it with one line break",
            "4 blank line(s) at the end of the text; end it with one line break",
        )
    ]


def test_stdin_filename_brings_the_configuration_and_its_per_file_ignores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    (project / "legacy").mkdir(parents=True)
    (project / "reslint.toml").write_text(
        '[per-file-ignores]\n"legacy/*.txt" = ["A001"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    data = SEED.read_bytes()
    _, report, _ = cli(
        "check", "-", "--stdin-filename", "project/legacy/r.txt", "--format", "json", stdin=data
    )
    assert "A001" not in {f[0] for f in _findings(report)}  # the per-file ignore applied
    _, report, _ = cli(
        "check", "-", "--stdin-filename", "project/new/r.txt", "--format", "json", stdin=data
    )
    assert "A001" in {f[0] for f in _findings(report)}
    code, out, _ = cli("check", "-", "--stdin-filename", "project/new/r.txt", "--show-settings")
    assert code == 0 and f"config = {project / 'reslint.toml'}" in out


def test_an_excluded_stdin_filename_is_not_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "reslint.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    data = SEED.read_bytes()
    code, out, _ = cli("check", "-", "--stdin-filename", "drafts/a.txt", stdin=data)
    assert code == 0 and out.endswith("0 findings in 0 files\n")
    code, out, _ = cli("fix", "-", "--stdin-filename", "drafts/a.txt", stdin=data)
    assert code == 0 and out == data.decode("utf-8")  # an editor's buffer is given back


def test_the_language_is_the_text_s_and_can_be_forced() -> None:
    _, out, _ = cli(
        "check", "-", "--stdin-filename", "x.en.txt", "--format", "json", stdin=SEED.read_bytes()
    )
    assert json.loads(out)["files"][0]["language"] == "zh"  # as `check x.en.txt` would say
    _, out, _ = cli("check", "-", "--language", "en", "--format", "json", stdin=SEED.read_bytes())
    assert json.loads(out)["files"][0]["language"] == "en"


def test_fix_stdin_prints_the_fixed_text(tmp_path: Path) -> None:
    copy = tmp_path / "copy.zh.txt"
    copy.write_bytes(SEED.read_bytes())
    assert cli("fix", str(copy))[0] == 0
    code, out, err = cli("fix", "-", "--stdin-filename", "x.zh.txt", stdin=SEED.read_bytes())
    assert (code, err) == (0, "")
    assert out == copy.read_text(encoding="utf-8") != SEED.read_text(encoding="utf-8")
    code, out, _ = cli("fix", "-", "--check", stdin=SEED.read_bytes())
    assert code == 1 and out.startswith("would fix - (")
    code, out, _ = cli("fix", "-", "--diff", stdin=SEED.read_bytes())
    assert code == 1 and out.startswith("--- a/-\n+++ b/-\n")


def test_fix_stdin_gives_back_what_it_cannot_fix() -> None:
    letter = "Dear  Sir,\n"
    assert cli("fix", "-", stdin=letter.encode()) == (0, letter, "")  # not a resolution
    code, out, err = cli("fix", "-", stdin="Résolution\n".encode("latin-1"))
    assert (code, out) == (2, "")  # there is no text to give back: nothing on stdout
    assert err.startswith("reslint: error: -: not valid UTF-8 at byte 1")


def test_stdin_must_be_the_only_path() -> None:
    code, _, err = cli("check", "-", str(SEED), stdin=b"")
    assert code == 2 and err == "reslint: error: '-' (standard input) must be the only PATH\n"
    code, _, err = cli("check", "--stdin-filename", "a.txt", str(SEED))
    assert code == 2 and "--stdin-filename is for '-'" in err
    code, _, err = cli("check", "--fix", "-", stdin=b"")
    assert code == 2 and "`reslint fix -`" in err


def test_stdin_over_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("linter.cli.stdin.MAX_BYTES", 10)
    code, out, err = cli("check", "-", stdin=b"x" * 11)
    assert (code, out) == (2, "")
    assert err == "reslint: error: standard input is over the 10 byte limit; not checked\n"
