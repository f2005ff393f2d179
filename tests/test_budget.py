"""The time budget per document: E003 names the stage that ran out, the run goes on.

Stalls are made on purpose with fake rules (a Python loop, a catastrophic regular
expression), because reslint's own stages no longer stall on any input the benchmark
knows. Budgets here are fractions of a second; nothing measures speed.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from linter.engine import budget
from linter.engine.lint import lint_text
from linter.engine.registry import Hit, RuleSpec, Severity, all_rules
from linter.fix.fixer import fix_text
from tests.conftest import SEED
from tests.test_cli import cli

ROOT = Path(__file__).resolve().parents[1]
TEXT = SEED.read_text(encoding="utf-8")


def _fake(code: str, check: object) -> RuleSpec:
    base = next(spec for spec in all_rules() if spec.code == "A001")
    name = f"fake-{code.lower()}"
    return replace(base, code=code, name=name, check=check, severity=Severity.INFO)


def _loops(doc: object) -> Iterator[Hit]:
    while True:  # a rule that never ends
        time.sleep(0.001)
    yield Hit(0, 0, "never")


def _backtracks(doc: object) -> Iterator[Hit]:
    # (a+)+$ on 'a' x 40 + 'b' would take hours: the timer stops it inside the engine.
    if re.match(r"(a+)+$", "a" * 40 + "b"):
        yield Hit(0, 0, "never")


def _e003(result: object) -> list[str]:
    return [f.message for f in result.findings if f.rule == "E003"]  # type: ignore[attr-defined]


def test_a_budget_run_out_before_parsing_is_one_e003_at_the_start() -> None:
    result = lint_text(TEXT, "seed", all_rules(), budget=1e-9)
    assert _e003(result) == [
        "time budget of 1e-09 s ran out in line index and language; "
        "the rest of the document was not checked"
    ]
    assert [(f.line, f.column) for f in result.findings] == [(1, 1)]


@pytest.mark.parametrize("stall", [_loops, _backtracks], ids=["python-loop", "regex"])
def test_a_stalled_rule_is_named_and_the_rules_before_it_are_kept(stall: object) -> None:
    rules = [spec for spec in all_rules() if spec.code in ("A001", "E003")]
    rules.append(_fake("Z999", stall))
    result = lint_text(TEXT, "seed", rules, budget=0.3)
    assert _e003(result) == [
        "time budget of 0.3 s ran out in rule Z999 (fake-z999); "
        "the rest of the document was not checked"
    ]
    assert [f for f in result.findings if f.rule == "A001"]  # A001 ran before it


def test_no_budget_is_left_running_after_a_lint() -> None:
    lint_text(TEXT, "seed", all_rules(), budget=1e-9)
    assert budget.current_stage() is None
    assert lint_text(TEXT, "seed", all_rules()).findings  # and the next lint is whole


def test_fix_refuses_a_text_whose_budget_runs_out() -> None:
    outcome = fix_text(TEXT, [*all_rules(), _fake("Z998", _loops)], budget=0.3)
    assert outcome.error is not None
    assert outcome.error.startswith("time budget of 0.3 s ran out in rule Z998")
    assert outcome.error.endswith("while fixing; not fixed") and outcome.text == TEXT


def test_the_command_line_goes_on_with_the_next_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import linter.engine.settings as settings

    stalled = tmp_path / "stalled.txt"
    stalled.write_text(TEXT, encoding="utf-8")
    fine = tmp_path / "fine.txt"
    fine.write_text(TEXT.replace("经济及社会理事会", "大会", 1), encoding="utf-8")

    def rules_with_a_stall() -> tuple[RuleSpec, ...]:
        def stall_on_one(doc: object) -> Iterator[Hit]:
            if doc.source.path.endswith("stalled.txt"):  # type: ignore[attr-defined]
                yield from _loops(doc)
            return
            yield

        return (*all_rules(), _fake("Z997", stall_on_one))

    monkeypatch.setattr(settings, "rule_index", rules_with_a_stall)
    code, out, _ = cli("check", "--format", "json", "--time-budget", "0.5", str(tmp_path))
    report = json.loads(out)
    by_name = {Path(f["path"]).name: f for f in report["files"]}
    assert [f["rule"] for f in by_name["stalled.txt"]["findings"]].count("E003") == 1
    assert "E003" not in [f["rule"] for f in by_name["fine.txt"]["findings"]]
    assert by_name["fine.txt"]["findings"] and code == 1


def test_the_budget_is_a_setting() -> None:
    code, out, _ = cli("check", "--show-settings", "--time-budget", "2.5", str(SEED))
    assert code == 0 and "time-budget = 2.5 s" in out
    code, out, _ = cli("check", "--show-settings", "--isolated", str(SEED))
    assert "time-budget = 60 s" in out
    with pytest.raises(SystemExit):
        cli("check", "--time-budget", "-1", str(SEED))


def test_workers_keep_the_budget_too(tmp_path: Path) -> None:
    for number in range(30):
        (tmp_path / f"doc{number}.txt").write_text(TEXT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--no-cache", "--jobs", "2", "--format", "json",
         "--time-budget", "0.000001", str(tmp_path)],
        capture_output=True, text=True, timeout=120, cwd=ROOT, check=False,
    )  # fmt: skip
    report = json.loads(done.stdout)
    assert len(report["files"]) == 30
    assert all([f["rule"] for f in entry["findings"]] == ["E003"] for entry in report["files"])


def test_fix_files_in_process_runs_the_rules_it_was_given(tmp_path: Path) -> None:
    # A rule that is not in the registry (a test's, a plugin's) runs where the objects are
    # at hand: the in-process shard does not look codes up in the registry (only a worker
    # has to). With the budget, its stall makes the file refused rather than a KeyError.
    from linter.fix.files import fix_files

    document = tmp_path / "doc.txt"
    document.write_text(TEXT, encoding="utf-8")
    rules = (*all_rules(), _fake("Z996", _loops))
    [outcome] = fix_files(
        [document], lambda path: rules, unsafe=False, language=None, write=False, budget=0.3
    )
    assert outcome.refused is not None and "rule Z996" in outcome.refused
