"""``reslint fix`` and ``reslint check --fix`` on files: writes, diffs, checks, refusals."""

from __future__ import annotations

import io
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

import linter.fix.files
from linter.cli.main import run
from linter.engine.registry import Edit, Fix, FixAvailability, Hit, RuleSpec, Severity, all_rules
from linter.fix.fixer import fix_text
from linter.parse.model import Document
from tests.conftest import A_RES_80_7_RAW, SEED

# A damaged but well-formed resolution: a hard wrap and a tripled lead phrase.
DAMAGED = """The General Assembly,

Recalling Recalling Recalling its resolution 66/181 of
19 December 2011,

1. Decides to remain seized of the matter.

40th plenary meeting

14 November 2025
"""
CANONICAL = DAMAGED.replace("Recalling Recalling Recalling", "Recalling").replace(
    "66/181 of\n19", "66/181 of 19"
)


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(SEED, tmp_path / "seed.txt")
    shutil.copy(A_RES_80_7_RAW, tmp_path / "a_res_80_7.txt")
    (tmp_path / "clean.txt").write_text(CANONICAL, encoding="utf-8")
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_fix_writes_canonical_text_and_says_so(folder: Path) -> None:
    (folder / "seed.txt").chmod(0o640)
    expected = sum(
        fix_text(path.read_text(encoding="utf-8"), all_rules()).applied
        for path in (folder / "seed.txt", folder / "a_res_80_7.txt")
    )
    code, out, err = cli("fix", str(folder))
    assert code == 0, err
    assert out == (
        f"2 files fixed, {expected} fixes, 1 file left unchanged: {folder / 'clean.txt'}\n"
    )
    assert stat.S_IMODE((folder / "seed.txt").stat().st_mode) == 0o640
    assert sorted(p.name for p in folder.iterdir()) == ["a_res_80_7.txt", "clean.txt", "seed.txt"]
    assert "1. 重申呼吁尚未批准" in (folder / "seed.txt").read_text(encoding="utf-8")
    # A second run changes nothing, and the check finds nothing left.
    before = snapshot(folder)
    assert cli("fix", str(folder))[1].startswith("0 files fixed, 0 fixes, 3 files left unchanged")
    assert snapshot(folder) == before
    assert cli("check", str(folder))[0] == 0


def test_fix_check_writes_nothing_and_exits_1(folder: Path) -> None:
    before = snapshot(folder)
    code, out, _err = cli("fix", "--check", str(folder))
    assert code == 1
    assert f"would fix {folder / 'seed.txt'} (" in out
    assert "2 files would be fixed" in out
    assert snapshot(folder) == before
    cli("fix", str(folder))
    assert cli("fix", "--check", str(folder))[0] == 0


def test_fix_diff_prints_a_unified_diff_and_writes_nothing(folder: Path) -> None:
    path = folder / "damaged.txt"
    path.write_text(DAMAGED, encoding="utf-8")
    before = snapshot(folder)
    code, out, err = cli("fix", "--diff", str(path))
    assert code == 1
    assert snapshot(folder) == before
    name = str(path).lstrip("/")
    assert out.startswith(f"--- a/{name}\n+++ b/{name}\n@@ ")
    assert "-Recalling Recalling Recalling its resolution 66/181 of\n" in out
    assert "+Recalling its resolution 66/181 of 19 December 2011,\n" in out
    assert err == "1 file would be fixed, 2 fixes\n"


def test_a_refused_file_is_left_untouched_with_a_one_line_reason(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def drops_a_word(doc: Document) -> Iterator[Hit]:
        start = doc.text.find("Decides ")
        if start >= 0:
            yield Hit(start, start + 8, "drop", Fix((Edit(start, start + 8, ""),)))

    broken = RuleSpec(
        code="Z911",
        name="drops-a-word",
        severity=Severity.WARNING,
        fix=FixAvailability.SAFE,
        check=drops_a_word,
        summary="Drops a word.",
        doc="Drops a word.",
    )
    real_fix_text = linter.fix.files.fix_text

    def with_broken_rule(text: str, rules: object, **kwargs: object) -> object:
        return real_fix_text(text, [*rules, broken], **kwargs)  # type: ignore[list-item, arg-type]

    monkeypatch.setattr(linter.fix.files, "fix_text", with_broken_rule)
    path = folder / "damaged.txt"
    path.write_text(DAMAGED, encoding="utf-8")
    code, out, err = cli("fix", str(path))
    assert code == 1
    assert path.read_text(encoding="utf-8") == DAMAGED
    assert err.count("\n") == 1
    assert err.startswith(f"reslint: {path}: not fixed: content guard: Z911: would remove")
    assert out == f"0 files fixed, 0 fixes, 1 file refused: {path}\n"


def test_files_that_cannot_be_fixed_are_refused(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Résolution adoptée\n".encode("latin-1"))
    code, out, err = cli("fix", str(tmp_path))
    assert code == 1
    assert latin.read_bytes() == "Résolution adoptée\n".encode("latin-1")
    assert f"reslint: {latin}: not fixed: not valid UTF-8 at byte 1" in err
    assert "1 file refused" in out


def test_a_text_that_is_no_resolution_is_left_alone_without_failing(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear  Sir,\n", encoding="utf-8")
    code, out, err = cli("fix", str(tmp_path))
    assert (code, err) == (0, "")
    assert letter.read_text(encoding="utf-8") == "Dear  Sir,\n"
    assert out == f"0 files fixed, 0 fixes, 1 file skipped (no resolution structure): {letter}\n"


def test_missing_path_is_a_usage_error() -> None:
    code, _out, err = cli("fix", "/nonexistent/file.txt")
    assert code == 2
    assert err.startswith("reslint: error: ") and err.count("\n") == 1


def test_write_failure_leaves_the_file_and_no_temporary(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = folder / "damaged.txt"
    path.write_text(DAMAGED, encoding="utf-8")

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    code, _out, err = cli("fix", str(path))
    assert code == 2
    assert "cannot write: No space left on device" in err
    assert path.read_text(encoding="utf-8") == DAMAGED
    assert not [p for p in folder.iterdir() if p.name.endswith(".reslint")]


def test_unsafe_fixes_are_opt_in(tmp_path: Path) -> None:
    path = tmp_path / "moji.txt"
    path.write_text(DAMAGED.replace("Decides", "DÃ©cides"), encoding="utf-8")
    cli("fix", str(path))
    assert "DÃ©cides" in path.read_text(encoding="utf-8")
    cli("fix", "--unsafe-fixes", str(path))
    assert "Décides" in path.read_text(encoding="utf-8")


def test_check_fix_fixes_then_reports_what_is_left(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    path.write_text(DAMAGED.replace("matter.", "matter.\ufffd"), encoding="utf-8")
    code, out, err = cli("check", "--fix", str(path))
    assert code == 1  # U+FFFD has no fix: it is still reported
    assert path.read_text(encoding="utf-8") == CANONICAL.replace("matter.", "matter.\ufffd")
    assert "A007" in out and "A001" not in out and "A002" not in out
    # Before fixing: A001, A002, A007 (U+FFFD, no fix) and N007 (the paragraph ends with it).
    assert err == "reslint: 1 file fixed, 2 fixes (4 findings before fixing)\n"
