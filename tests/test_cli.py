"""The command line end to end: output formats, exit codes, bad input."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import linter.engine.reading
from linter.cli.main import run
from tests.conftest import A_RES_80_7_RAW, SEED

ROOT = Path(__file__).resolve().parent.parent
SEED_A001_LINES = [
    8,
    10,
    14,
    18,
    32,
    48,
    58,
    68,
    82,
    96,
    106,
    138,
    142,
    156,
    162,
    166,
    168,
    174,
    176,
    181,
    195,
    210,
    220,
    226,
    236,
    240,
    250,
    258,
    264,
    272,
    281,
    287,
    293,
    301,
    305,
]


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


def report_schema() -> dict[str, object]:
    return json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))


def test_seed_json_report() -> None:
    code, out, err = cli("check", "--format", "json", str(SEED))
    assert code == 1, err
    report = json.loads(out)
    jsonschema.validate(report, report_schema())
    findings = report["files"][0]["findings"]
    a001 = [f for f in findings if f["rule"] == "A001"]
    assert [f["line"] for f in a001] == SEED_A001_LINES  # 35 findings, one per run
    line_8 = a001[0]
    assert (line_8["column"], line_8["end_column"]) == (2, 34)
    assert line_8["fix"]["edits"][0]["replacement"] == "经济及社会理事会"
    run_226 = next(f for f in a001 if f["line"] == 226)
    assert "又邀请" in run_226["message"]
    run_32 = next(f for f in a001 if f["line"] == 32)
    assert "强调指出" in run_32["message"]
    assert not [f for f in findings if f["rule"][0] in "NFD"]
    assert report["summary"]["by_rule"]["A001"] == 35
    assert report["files"][0]["language"] == "zh"


def test_concise_format_is_path_line_col_code_severity_message() -> None:
    code, out, _ = cli("check", "--format", "concise", "--select", "A001", str(SEED))
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(f"{SEED}:8:2: A001 [warning] ")
    assert len(out.splitlines()) == 36
    assert out.splitlines()[-1] == "35 findings in 1 file"


def test_findings_are_sorted_by_file_line_column(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Recalling  it,\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("  Recalling it,  \n", encoding="utf-8")
    _, out, _ = cli("check", "--format", "json", str(tmp_path))
    report = json.loads(out)
    assert [Path(f["path"]).name for f in report["files"]] == ["a.txt", "b.txt"]
    for file in report["files"]:
        keys = [(f["line"], f["column"]) for f in file["findings"]]
        assert keys == sorted(keys)


def test_fail_on_error_relaxes_warnings() -> None:
    code, _, _ = cli("check", "--fail-on", "error", "--select", "A", str(SEED))
    assert code == 0


def test_select_and_ignore() -> None:
    _, out, _ = cli(
        "check", "--format", "json", "--select", "A", "--ignore", "repeated-emphasis", str(SEED)
    )
    rules = {f["rule"] for f in json.loads(out)["files"][0]["findings"]}
    assert "A001" not in rules and "A006" in rules


def test_unknown_selector_is_a_usage_error() -> None:
    code, _, err = cli("check", "--select", "A09", str(SEED))
    assert code == 2
    assert err.count("\n") == 1 and "did you mean" in err


def test_latin_1_file_gives_e001(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Résolution adoptée par l'Assemblée générale\n".encode("latin-1"))
    code, out, _ = cli("check", "--format", "json", str(path))
    assert code == 1
    findings = json.loads(out)["files"][0]["findings"]
    assert [f["rule"] for f in findings] == ["E001"]
    assert "byte 1" in findings[0]["message"]


def test_missing_path_is_exit_2_with_one_line() -> None:
    code, out, err = cli("check", "no/such/file.txt")
    assert code == 2
    assert err == "reslint: error: path not found: no/such/file.txt\n"
    assert out == ""


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        b"\x00" * 100,
        b"   \n\n\n",
        "\ufeff经济及社会理事会，\n".encode(),
        b"1.\n" * 500,
        b"(a)\n" * 50,
    ],
    ids=["empty", "png", "nul-bytes", "blank", "bom", "numbers-only", "labels-only"],
)
def test_odd_input_never_crashes(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(content)
    os.environ.pop("RESLINT_RAISE_INTERNAL", None)
    try:
        for fmt in ("text", "json"):
            code, out, _ = cli("check", "--format", fmt, str(path))
            assert code in (0, 1)
            if fmt == "json":
                jsonschema.validate(json.loads(out), report_schema())
                assert "internal error" not in out
        code, _, _ = cli("parse", str(path)) if content[:4] != b"\x89PNG" else (0, "", "")
        assert code in (0, 2)
    finally:
        os.environ["RESLINT_RAISE_INTERNAL"] = "1"


def test_unreadable_file_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("The General Assembly,\n", encoding="utf-8")

    real_read = linter.engine.reading.read_limited

    def refuse(target: Path) -> bytes:
        if target == path:
            raise PermissionError(13, "Permission denied")
        return real_read(target)

    # chmod 000 does not stop root, so refuse the read where the engine makes it.
    monkeypatch.setattr("linter.engine.reading.read_limited", refuse)
    code, out, err = cli("check", str(path), str(SEED))
    assert code == 2
    assert err == f"reslint: {path}: Permission denied\n"
    assert f"{SEED}  (zh; " in out and "  8:2 " in out  # the other file is still checked


def test_huge_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(65 * 1024 * 1024)  # sparse: no disk used
    code, _, err = cli("check", str(path))
    assert code == 2 and "over the" in err and err.count("\n") == 1


def test_directory_walk_includes_txt_only_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("x\n", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text("x\n", encoding="utf-8")
    (tmp_path / ".git" / "c.txt").write_text("x\n", encoding="utf-8")
    _, out, _ = cli("check", "--format", "json", str(tmp_path))
    assert [Path(f["path"]).name for f in json.loads(out)["files"]] == ["a.txt"]
    _, out, _ = cli("check", "--format", "json", "--include", "*.md", str(tmp_path))
    assert [Path(f["path"]).name for f in json.loads(out)["files"]] == ["b.md"]


def test_parse_seed_json() -> None:
    code, out, _ = cli("parse", "--format", "json", str(SEED))
    assert code == 0
    doc = json.loads(out)
    schema = json.loads((ROOT / "schemas" / "document.schema.json").read_text("utf-8"))
    jsonschema.validate(doc, schema)
    assert [p["number"] for p in doc["operative"]] == list(range(1, 18))
    assert [n["number"] for n in doc["notes"]] == list(range(1, 11))
    assert len(doc["markers"]) == 16
    assert doc["adoption"] == {
        "date": "2012-07-26",
        "meeting": 46,
        "line": 313,
        "source": "adoption-line",
    }
    assert doc["language"] == "zh" and doc["symbol"] == "E/RES/2012/19"


def test_parse_a_res_80_7_json() -> None:
    _, out, _ = cli("parse", "--format", "json", str(A_RES_80_7_RAW))
    doc = json.loads(out)
    assert [p["number"] for p in doc["operative"]] == [1, 2, 3, 4, 5]
    assert [n["number"] for n in doc["notes"]] == [1, 2, 3]
    assert doc["adoption"]["date"] == "2025-11-14" and doc["adoption"]["meeting"] == 40


def test_parse_text_outline() -> None:
    code, out, _ = cli("parse", str(A_RES_80_7_RAW))
    assert code == 0 and "adoption: 2025-11-14, meeting 40" in out


def test_rules_and_rule() -> None:
    code, out, _ = cli("rules", "--format", "json")
    rows = json.loads(out)
    assert {"A001", "A003", "A006", "E001", "E002"} <= {row["code"] for row in rows}
    code, out, _ = cli("rule", "repeated-emphasis")
    assert code == 0 and out.startswith("A001 repeated-emphasis") and "Why:" in out
    code, _, err = cli("rule", "A00l")
    assert code == 2 and "did you mean" in err


def test_console_script_and_module_entry_points() -> None:
    script = shutil.which("reslint") or str(Path(sys.executable).parent / "reslint")
    for command in ([script], [sys.executable, "-m", "linter"]):
        done = subprocess.run(
            [*command, "check", "--select", "A001", str(SEED)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 1, done.stderr
        assert done.stdout.splitlines()[-1] == "35 findings in 1 file"
        assert "Traceback" not in done.stderr


def test_usage_error_has_no_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "linter", "check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
