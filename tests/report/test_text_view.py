"""The text view of ``reslint check``: grouped by file, carets under spans, folding, colour."""

from __future__ import annotations

import io
import re

import pytest
from wcwidth import wcswidth

from linter.cli.check import use_color
from linter.report.snippet import caret_lines
from tests.conftest import SEED
from tests.report.conftest import cli

ESCAPE = re.compile(r"\x1b\[")


def test_carets_stand_under_cjk_text_two_columns_a_character() -> None:
    excerpt, carets = caret_lines("回顾大会 2011年 12月", 8, 10, 100)  # '1年'
    assert excerpt == "回顾大会 2011年 12月"
    assert carets == " " * wcswidth("回顾大会 201") + "^^^"  # '1' one column, '年' two
    assert len(carets) == 15


def test_control_characters_are_drawn_and_long_lines_cut_around_the_span() -> None:
    excerpt, carets = caret_lines("a\tb", 1, 2, 100)
    assert (excerpt, carets) == ("a→b", " ^")
    line = "x" * 300 + "TARGET" + "y" * 300
    excerpt, carets = caret_lines(line, 300, 306, 60)
    assert excerpt.startswith("…") and excerpt.endswith("…") and len(excerpt) <= 60
    assert excerpt[carets.index("^") :].startswith("TARGET") and carets.endswith("^" * 6)
    assert caret_lines("abc", 3, 3, 100) == ("abc", "   ^")  # an empty span at the line end


def test_the_seed_default_view_fits_on_one_screen() -> None:
    code, out, _ = cli("check", "--isolated", str(SEED))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) <= 50, out
    assert lines[0] == f"{SEED}  (zh; 222 findings, 222 fixable)"
    assert "  145 layout repairs (A002 32, A004 14, A006 99) [*]: `reslint fix` makes them" in lines
    assert "  … 32 more A001 repeated-emphasis [*]" in lines
    assert lines[-2:] == [
        "[*] 222 fixable with `reslint fix` (or `reslint check --fix`)",
        "222 findings in 1 file",
    ]
    first = lines.index(
        "  8:2      warning A001 [*] '经济及社会理事会' is drawn 4 times "
        "(extracted emphasis); keep it once"
    )
    assert lines[first + 1] == "     8 |  " + "经济及社会理事会" * 4 + "， "
    assert lines[first + 2] == "       |  " + "^" * 64  # 32 characters, two columns each


def test_show_all_lists_every_finding() -> None:
    _, out, _ = cli("check", "--isolated", "--show-all", str(SEED))
    listed = [line for line in out.splitlines() if re.match(r"  \d+:\d+ +warning ", line)]
    assert len(listed) == 222 and "folded" not in out


def test_findings_an_editor_must_act_on_are_never_folded() -> None:
    path = (
        "tests/corpus/en/GA56_C3_draft_right-to-development_2001-11-28_job01-66657.mnbvc-453500.txt"
    )
    _, out, _ = cli("check", "--isolated", "--format", "json", path)
    import json

    errors = sum(1 for f in json.loads(out)["files"][0]["findings"] if f["fix"] is None)
    _, out, _ = cli("check", "--isolated", path)
    unfixable = [
        line for line in out.splitlines() if re.match(r"  \d+:\d+ ", line) and "[*]" not in line
    ]
    assert len(unfixable) == errors > 10


def test_severity_shows_only_what_fails_the_run() -> None:
    path = "tests/corpus/en-sc/S_RES_0434_1978_EN_GOLD.txt"
    code, out, _ = cli("check", "--isolated", "--severity", "error", path)
    assert code == 1
    listed = [line for line in out.splitlines() if re.match(r"  \d+:\d+ ", line)]
    assert listed and all(" error " in line for line in listed)
    assert "findings below error not shown (--severity error)" in out
    code, _, err = cli("check", "--isolated", "--severity", "error", "--format", "json", path)
    assert code == 2 and "machine formats" not in err and "other formats keep every" in err


def test_color_never_and_no_color_write_no_escape_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = cli("check", "--isolated", "--color", "never", str(SEED))
    assert not ESCAPE.search(out)
    _, out, _ = cli("check", "--isolated", "--color", "always", str(SEED))
    assert ESCAPE.search(out) and "\x1b[33mwarning\x1b[0m" in out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_auto_colours_a_terminal_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color("auto", _Terminal()) and not use_color("auto", io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color("auto", _Terminal())
    assert use_color("always", io.StringIO()) and not use_color("never", _Terminal())


def test_machine_formats_keep_every_finding() -> None:
    _, out, _ = cli("check", "--isolated", "--format", "concise", str(SEED))
    assert len(out.splitlines()) == 223
