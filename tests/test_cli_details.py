"""Conventions users bring from other linters: parse over many files, a path counted once,
a subcommand's own usage, flags that cannot go together."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import A_RES_80_7_RAW, SEED
from tests.helpers import cli

ROOT = Path(__file__).resolve().parent.parent


def test_parse_takes_files_and_folders_as_json_lines(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    (folder / "notes.md").write_text("not read", encoding="utf-8")
    code, out, err = cli("parse", "--format", "json-lines", str(folder), str(A_RES_80_7_RAW))
    assert (code, err) == (0, "")
    schema = json.loads((ROOT / "schemas" / "document.schema.json").read_text("utf-8"))
    documents = [json.loads(line) for line in out.splitlines()]
    for document in documents:
        jsonschema.validate(document, schema)
    assert [(Path(d["path"]).name, d["symbol"]) for d in documents] == [
        ("seed.txt", "E/RES/2012/19"),
        (A_RES_80_7_RAW.name, "A/RES/80/7"),
    ]
    code, _, err = cli("parse", "--format", "json", str(folder), str(A_RES_80_7_RAW))
    assert code == 2 and "2 files need --format json-lines" in err


def test_parse_text_view_heads_each_file_and_shows_the_operative_count() -> None:
    code, out, _ = cli("parse", str(SEED), str(A_RES_80_7_RAW))
    assert code == 0
    assert out.startswith(f"==> {SEED} <==\nlanguage: zh\n")
    assert f"\n\n==> {A_RES_80_7_RAW} <==\n" in out
    assert "preamble: 17 paragraphs\noperative: 17 paragraphs\n" in out
    assert "operative: 5 paragraphs\n" in out
    _, single, _ = cli("parse", str(SEED))
    assert not single.startswith("==>") and "operative: 17 paragraphs\n" in single


def test_parse_goes_on_past_a_file_it_cannot_read(tmp_path: Path) -> None:
    bad = tmp_path / "a-latin.txt"
    bad.write_bytes("Résolution adoptée par l'Assemblée générale\n".encode("latin-1"))
    (tmp_path / "b.txt").write_bytes(SEED.read_bytes())
    code, out, err = cli("parse", "--format", "json-lines", str(tmp_path))
    assert code == 2
    assert err.startswith(f"reslint: {bad}: not valid UTF-8 at byte 1") and err.count("\n") == 1
    assert [json.loads(line)["symbol"] for line in out.splitlines()] == ["E/RES/2012/19"]
    code, _, err = cli("parse", str(tmp_path / "missing.txt"))
    assert code == 2 and err == f"reslint: error: path not found: {tmp_path / 'missing.txt'}\n"


def test_a_path_given_twice_is_counted_once(tmp_path: Path) -> None:
    copy = tmp_path / "seed.txt"
    copy.write_bytes(SEED.read_bytes())
    _, once, _ = cli("check", "--format", "json", str(copy))
    for twice in ([str(copy), str(copy)], [str(tmp_path), str(copy)], [str(copy), f"{tmp_path}/."]):
        _, out, _ = cli("check", "--format", "json", *twice)
        assert json.loads(out)["summary"] == json.loads(once)["summary"], twice
    _, out, _ = cli("parse", "--format", "json-lines", str(copy), str(tmp_path))
    assert len(out.splitlines()) == 1


@pytest.mark.parametrize("command", ["check", "fix", "parse", "report", "rules"])
def test_an_unknown_flag_prints_the_usage_of_its_command(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli(command, "--no-such-flag", str(SEED))
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: reslint {command} ")
    assert f"\nreslint {command}: error: unrecognized arguments: --no-such-flag" in err


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github", "gitlab", "json-lines"])
def test_statistics_with_a_format_that_cannot_carry_it_is_a_usage_error(fmt: str) -> None:
    code, out, err = cli("check", "--statistics", "--format", fmt, str(SEED))
    assert (code, out) == (2, "")
    assert err == (
        f"reslint: error: --statistics prints a table or JSON; --format {fmt} cannot carry it "
        "(use --output FORMAT=PATH for the report beside it)\n"
    )


def test_statistics_in_the_formats_that_carry_it() -> None:
    _, text, _ = cli("check", "--statistics", "--select", "A001", str(SEED))
    _, concise, _ = cli(
        "check", "--statistics", "--format", "concise", "--select", "A001", str(SEED)
    )
    assert text == concise == "    35  A001  repeated-emphasis  [fixable]\n    35  total\n"
