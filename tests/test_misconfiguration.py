"""Texts that are no resolution, and runs that would check nothing: never a silent pass,
never a failure for a file that is not a resolution."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.engine.lint import lint_text
from linter.engine.registry import Severity, all_rules
from tests.conftest import SEED
from tests.helpers import cli

REQUIREMENTS = "pydantic>=2.5,<3\njsonschema>=4.18\n\n\npyparsing  >=3.1   \n"


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder holding a resolution and a requirements.txt."""
    (tmp_path / "requirements.txt").write_text(REQUIREMENTS, encoding="utf-8")
    (tmp_path / "E-RES-2012-19.zh.txt").write_bytes(SEED.read_bytes())
    return tmp_path


def test_a_text_without_structure_has_one_info_finding_and_nothing_else() -> None:
    result = lint_text(REQUIREMENTS, "requirements.txt", all_rules())
    assert [(f.rule, f.severity, f.line, f.column) for f in result.findings] == [
        ("E002", Severity.INFO, 1, 1)
    ]
    assert "no other rule was run" in result.findings[0].message


def test_check_on_a_folder_fails_only_for_the_resolution(mixed: Path) -> None:
    code, out, err = cli("check", "--format", "json", str(mixed))
    assert (code, err) == (1, "")
    files = {Path(f["path"]).name: f["findings"] for f in json.loads(out)["files"]}
    assert [f["rule"] for f in files["requirements.txt"]] == ["E002"]
    assert files["requirements.txt"][0]["severity"] == "info"
    assert len(files["E-RES-2012-19.zh.txt"]) > 200
    # Alone, the requirements file passes, as both pre-commit hooks run it.
    requirements = str(mixed / "requirements.txt")
    assert cli("check", requirements)[0] == 0
    assert cli("fix", requirements)[0] == 0
    assert (mixed / "requirements.txt").read_text(encoding="utf-8") == REQUIREMENTS
    # Who wants such files to fail says so.
    assert cli("check", "--fail-on", "info", requirements)[0] == 1


def test_fix_on_the_folder_fixes_the_resolution_and_leaves_the_other_alone(mixed: Path) -> None:
    code, out, err = cli("fix", str(mixed))
    assert (code, err) == (0, "")
    assert out.startswith("1 file fixed, ")
    assert out.endswith(f"1 file skipped (no resolution structure): {mixed / 'requirements.txt'}\n")
    assert (mixed / "requirements.txt").read_text(encoding="utf-8") == REQUIREMENTS


@pytest.mark.parametrize("command", ["check", "fix", "baseline", "report"])
def test_an_empty_folder_is_a_usage_error(tmp_path: Path, command: str) -> None:
    code, out, err = cli(command, str(tmp_path))
    assert (code, out) == (2, "")
    assert err == f"reslint: error: no files to check in {tmp_path}: none matches --include *.txt\n"


def test_a_wrong_include_or_an_exclude_of_everything_is_a_usage_error(mixed: Path) -> None:
    code, _, err = cli("check", "--include", "*.md", str(mixed))
    assert code == 2 and "none matches --include *.md" in err
    code, _, err = cli("check", "--exclude", "*.txt", str(mixed))
    assert code == 2 and err.endswith("none matches --include *.txt or every one is excluded\n")


def test_an_empty_selection_is_a_usage_error(tmp_path: Path) -> None:
    config = tmp_path / "reslint.toml"
    config.write_text("select = []\n", encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    for command in ("check", "fix", "baseline"):
        code, out, err = cli(command, str(tmp_path / "a.txt"))
        assert (code, out) == (2, "")
        assert err == (
            f"reslint: error: no rule is selected (configuration: {config}): "
            "check the select and ignore settings\n"
        )
    assert cli("check", "-", "--stdin-filename", str(tmp_path / "a.txt"), stdin=b"x")[0] == 2
    assert cli("check", "--show-settings", str(tmp_path))[0] == 0  # shows why


@pytest.mark.parametrize("command", ["check", "fix", "baseline", "report", "parse"])
def test_an_unknown_language_is_a_usage_error(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli(command, "--language", "xx", str(SEED))
    assert exit_info.value.code == 2
    last = capsys.readouterr().err.splitlines()[-1]
    assert last == (
        f"reslint {command}: error: argument --language: unknown language 'xx'; "
        "reslint knows ar, en, es, fr, ru, zh (and und: structure from layout alone)"
    )


def test_a_close_language_is_suggested(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli("check", "--language", "ZH", str(SEED))
    assert "unknown language 'ZH'; did you mean 'zh'?" in capsys.readouterr().err
    assert cli("check", "--language", "und", "--format", "json", str(SEED))[0] in (0, 1)


def test_e001_names_the_likely_encoding_and_encoding_reads_the_file(tmp_path: Path) -> None:
    gb = tmp_path / "gb.txt"
    gb.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    code, out, _ = cli("check", "--format", "json", str(gb))
    (finding,) = json.loads(out)["files"][0]["findings"]
    assert code == 1 and finding["rule"] == "E001"
    assert finding["message"].endswith(
        "it looks like gb18030: re-save it as UTF-8, or check it with --encoding gb18030"
    )
    _, read, _ = cli("check", "--format", "json", "--encoding", "gb18030", str(gb))
    _, utf8, _ = cli("check", "--format", "json", str(SEED))
    assert json.loads(read)["files"][0]["findings"] == json.loads(utf8)["files"][0]["findings"]
    code, out, _ = cli("parse", "--encoding", "gb18030", str(gb))
    assert code == 0 and "operative: 17 paragraphs" in out


def test_utf16_is_named_and_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").encode("utf-16"))
    _, out, _ = cli("check", "--format", "json", str(path))
    assert "it looks like utf-16" in json.loads(out)["files"][0]["findings"][0]["message"]
    code, _, err = cli("parse", str(path))
    assert code == 2 and "(it looks like utf-16: --encoding utf-16 reads it)" in err
    code, out, _ = cli("check", "--statistics", "--encoding", "utf-16", str(path))
    assert code == 1 and "A001  repeated-emphasis" in out


def test_a_wrong_or_unknown_encoding_is_said_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(SEED.read_bytes())  # UTF-8 Chinese is not valid Shift JIS
    code, _, err = cli("check", "--encoding", "shift_jis", str(path))
    assert code == 2 and err.startswith(f"reslint: {path}: not valid shift_jis at byte ")
    assert err.count("\n") == 1
    with pytest.raises(SystemExit) as exit_info:
        cli("check", "--encoding", "klingon", str(path))
    assert exit_info.value.code == 2
    assert "unknown encoding 'klingon'" in capsys.readouterr().err
