"""Content keys and the baseline: findings are matched by what they are, not where."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from linter.cli.main import run
from linter.engine.baseline import Baseline, dumps
from tests.conftest import SEED, seed_findings

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def seed_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seed in a folder of its own, which is also the working directory."""
    path = tmp_path / "E-RES-2012-19.zh.txt"
    path.write_bytes(SEED.read_bytes())
    monkeypatch.chdir(tmp_path)
    return path


def test_seed_baseline_survives_blank_lines_and_reports_one_new_phrase(seed_copy: Path) -> None:
    code, out, _ = cli("baseline", str(seed_copy), "-o", ".reslint-baseline.json")
    assert code == 0 and f"{seed_findings()} baseline entries" in out
    code, out, _ = cli("check", "--baseline", ".reslint-baseline.json", str(seed_copy))
    assert code == 0, out
    assert f"{seed_findings()} findings baselined, 0 baseline entries fixed, 0 new findings" in out

    text = seed_copy.read_text(encoding="utf-8")
    seed_copy.write_text("\n\n\n" + text, encoding="utf-8")
    code, out, _ = cli("check", "--baseline", ".reslint-baseline.json", str(seed_copy))
    assert code == 0, out

    lines = ("\n\n\n" + text).split("\n")
    lines[40:40] = ["注意到注意到注意到注意到这一问题的重要性，", ""]  # a new damaged phrase
    seed_copy.write_text("\n".join(lines), encoding="utf-8")
    code, out, _ = cli(
        "check", "--format", "json", "--baseline", ".reslint-baseline.json", str(seed_copy)
    )
    assert code == 1
    findings = json.loads(out)["files"][0]["findings"]
    assert [(f["rule"], f["line"], f["column"], f["end_column"]) for f in findings] == [
        ("A001", 41, 1, 13)
    ]


def test_fixed_findings_are_counted_as_gone(seed_copy: Path) -> None:
    cli("baseline", str(seed_copy), "-o", "b.json")
    lines = seed_copy.read_text(encoding="utf-8").split("\n")
    assert lines[2].endswith("2)通过] ")  # the seed's line 3: one finding, a trailing space
    lines[2] = lines[2].rstrip()
    seed_copy.write_text("\n".join(lines), encoding="utf-8")
    code, out, _ = cli("check", "--baseline", "b.json", str(seed_copy))
    assert code == 0
    assert (
        f"{seed_findings() - 1} findings baselined, 1 baseline entry fixed, 0 new findings" in out
    )


def test_an_entry_survives_an_edit_next_to_it(seed_copy: Path) -> None:
    """The seed's line 8 has a damaged phrase, an indentation and a trailing space;
    repairing the phrase by hand changes the context of the two whitespace findings on
    it, but their rule and text occur no more often than recorded: they stay baselined
    (the count-based fallback), and only the repaired phrase's entry is fixed."""
    cli("baseline", str(seed_copy), "-o", "b.json")
    text = seed_copy.read_text(encoding="utf-8")
    seed_copy.write_text(text.replace("经济及社会理事会" * 4, "经济及社会理事会", 1), "utf-8")
    code, out, _ = cli("check", "--show-all", "--baseline", "b.json", str(seed_copy))
    assert code == 0
    baselined = seed_findings() - 1
    assert f"{baselined} findings baselined, 1 baseline entry fixed, 0 new findings" in out


def test_a_rule_and_text_found_more_often_than_recorded_is_new(seed_copy: Path) -> None:
    """The fallback never hides an added finding: one more damaged phrase than recorded is
    one new finding. (Which one is new cannot always be told: the phrase added at the end
    has the context line 8 had, so it takes line 8's entry, and the edited line 8 is
    the one reported.)"""
    cli("baseline", str(seed_copy), "-o", "b.json")
    text = seed_copy.read_text(encoding="utf-8")
    damaged = "经济及社会理事会" * 4
    # Line 8 edited right after its damaged phrase, and the phrase added at the end.
    edited = text.replace(damaged + "，", damaged + "又，", 1) + "\n" + damaged + "，\n"
    seed_copy.write_text(edited, "utf-8")
    code, out, _ = cli(
        "check", "--format", "json", "--select", "A001", "--baseline", "b.json", str(seed_copy)
    )
    assert code == 1
    found = json.loads(out)["files"][0]["findings"]
    assert [f["line"] for f in found] == [8]


def test_fewer_occurrences_after_an_edit_stay_baselined(seed_copy: Path) -> None:
    cli("baseline", str(seed_copy), "-o", "b.json")
    text = seed_copy.read_text(encoding="utf-8")
    # The damaged '回顾' lead phrases: the first one repaired, the second one edited next to.
    damaged = "回顾回顾回顾回顾"
    assert text.count(damaged) >= 2
    first = text.index(damaged)
    second = text.index(damaged, first + 1)
    edited = (
        text[:first] + "回顾" + text[first + len(damaged) : second] + damaged + "又"
        + text[second + len(damaged) :]
    )  # fmt: skip
    seed_copy.write_text(edited, "utf-8")
    code, out, _ = cli("check", "--select", "A001", "--baseline", "b.json", str(seed_copy))
    assert code == 0
    assert "34 findings baselined, 1 baseline entry fixed, 0 new findings" in out


def test_rules_not_run_are_not_counted_as_fixed(seed_copy: Path) -> None:
    cli("baseline", str(seed_copy), "-o", "b.json")
    code, out, _ = cli("check", "--select", "A001", "--baseline", "b.json", str(seed_copy))
    assert code == 0
    assert "35 findings baselined, 0 baseline entries fixed, 0 new findings" in out


def test_baseline_paths_are_relative_to_the_baseline_file(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (seed_copy.parent / "ci").mkdir()
    cli("baseline", str(seed_copy), "-o", "ci/baseline.json")
    data = json.loads((seed_copy.parent / "ci" / "baseline.json").read_text("utf-8"))
    assert {e["path"] for e in data["entries"]} == {"../E-RES-2012-19.zh.txt"}
    monkeypatch.chdir(seed_copy.parent / "ci")  # another working directory
    code, out, _ = cli("check", "--baseline", "baseline.json", "../E-RES-2012-19.zh.txt")
    assert code == 0 and "0 new findings" in out


def test_baseline_file_validates_and_has_one_entry_per_line(seed_copy: Path) -> None:
    cli("baseline", str(seed_copy), "-o", "b.json")
    text = (seed_copy.parent / "b.json").read_text(encoding="utf-8")
    schema = json.loads((ROOT / "schemas" / "baseline.schema.json").read_text("utf-8"))
    jsonschema.validate(json.loads(text), schema)
    assert len(text.splitlines()) == seed_findings() + 2
    assert Baseline.model_validate_json(text) == Baseline.model_validate_json(
        dumps(Baseline.model_validate_json(text))
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "is not a reslint baseline"),
        ('{"version": 2, "tool": "reslint", "entries": []}', "version"),
        ('{"version": 1, "tool": "reslint", "entries": [{"path": "a"}]}', "entries.0"),
    ],
)
def test_bad_baseline_is_exit_2_with_one_line(seed_copy: Path, content: str, expected: str) -> None:
    (seed_copy.parent / "b.json").write_text(content, encoding="utf-8")
    code, out, err = cli("check", "--baseline", "b.json", str(seed_copy))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and expected in err


def test_missing_baseline_is_exit_2(seed_copy: Path) -> None:
    code, _, err = cli("check", "--baseline", "nope.json", str(seed_copy))
    assert code == 2 and err == "reslint: error: baseline file not found: nope.json\n"


def test_baseline_from_configuration_and_no_baseline_flag(seed_copy: Path) -> None:
    (seed_copy.parent / "reslint.toml").write_text('baseline = "b.json"\n', encoding="utf-8")
    code, out, _ = cli("baseline", str(seed_copy))  # writes the configured file
    assert code == 0 and (seed_copy.parent / "b.json").is_file(), out
    assert cli("check", str(seed_copy))[0] == 0
    assert cli("check", "--no-baseline", str(seed_copy))[0] == 1


def test_baseline_summary_goes_to_stderr_for_machine_formats(seed_copy: Path) -> None:
    cli("baseline", str(seed_copy), "-o", "b.json")
    code, out, err = cli("check", "--format", "sarif", "--baseline", "b.json", str(seed_copy))
    assert code == 0
    results = json.loads(out)["runs"][0]["results"]  # listed, as suppressed
    assert len(results) == seed_findings()
    assert all(r["baselineState"] == "unchanged" and r["suppressions"] for r in results)
    assert f"{seed_findings()} findings baselined" in err


def test_quiet_drops_the_summaries(seed_copy: Path) -> None:
    cli("baseline", str(seed_copy), "-o", "b.json")
    code, out, err = cli("check", "--quiet", "--baseline", "b.json", str(seed_copy))
    assert (code, out, err) == (0, "", "")


def test_console_baseline_run_has_no_traceback(seed_copy: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--baseline", "missing.json", str(seed_copy)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_readme_baseline_example_is_what_reslint_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Baseline") :]
    start = section.index("```json\n") + len("```json\n")
    example = json.loads(section[start : section.index("```", start)])
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / SEED.name).write_bytes(SEED.read_bytes())
    monkeypatch.chdir(tmp_path)
    cli("baseline", "docs", "-o", ".reslint-baseline.json")
    written = json.loads((tmp_path / ".reslint-baseline.json").read_text("utf-8"))
    assert example["entries"][0] in written["entries"]


def test_unwritable_baseline_target_is_exit_2_and_leaves_nothing(seed_copy: Path) -> None:
    (seed_copy.parent / "taken").mkdir()
    code, _, err = cli("baseline", str(seed_copy), "-o", "taken")
    assert code == 2 and err == "reslint: error: cannot write baseline taken: Is a directory\n"
    assert sorted(p.name for p in seed_copy.parent.iterdir()) == [seed_copy.name, "taken"]
