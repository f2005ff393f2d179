"""SARIF as GitHub code scanning reads it: baselined results marked (not dropped), the
25,000-results cap, Markdown help, informationUri, automationDetails."""

from __future__ import annotations

import email.message
import importlib.metadata
import json
from pathlib import Path
from typing import Any

import pytest

from linter.engine.registry import all_rules
from linter.engine.ruledoc import markdown, plain_text, sections
from tests.conftest import SEED, seed_findings
from tests.helpers import cli
from tests.test_formats import validate_sarif


@pytest.fixture
def seed_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    copy = tmp_path / "seed.txt"
    copy.write_bytes(SEED.read_bytes())
    return copy


def _run(*args: str) -> tuple[int, dict[str, Any], str]:
    code, out, err = cli("check", "--format", "sarif", *args)
    log = json.loads(out)
    validate_sarif(log)
    return code, log["runs"][0], err


def test_baselined_results_are_suppressed_and_new_ones_are_new(seed_copy: Path) -> None:
    cli("baseline", "seed.txt", "-o", "b.json")
    text = seed_copy.read_text(encoding="utf-8")
    seed_copy.write_text(text + "\n回顾回顾回顾回顾本决议，\n", encoding="utf-8")
    code, run, err = _run("--baseline", "b.json", "seed.txt")
    assert code == 1
    states: dict[str, list[dict[str, Any]]] = {}
    for result in run["results"]:
        states.setdefault(result["baselineState"], []).append(result)
    assert len(states["unchanged"]) == seed_findings()
    assert all(r["suppressions"] == [{"kind": "external", "justification":
               "recorded in the reslint baseline"}] for r in states["unchanged"])  # fmt: skip
    new = states["new"]
    assert new and not any("suppressions" in r for r in new)
    assert {r["ruleId"] for r in new} >= {"A001"}
    assert f"{len(new)} new finding" in err
    # Without a baseline, no result claims a baseline state.
    _, run, _ = _run("--no-baseline", "seed.txt")
    assert not any("baselineState" in r or "suppressions" in r for r in run["results"])


def test_a_run_over_the_cap_keeps_the_most_severe_and_warns(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("linter.report.sarif.MAX_RESULTS", 20)
    # A few errors among the seed's warnings: a paragraph number skipped (N001).
    text = seed_copy.read_text(encoding="utf-8")
    seed_copy.write_text(text.replace("\n 17. ", "\n 18. ", 1), encoding="utf-8")
    _, report, _ = cli("check", "--format", "json", "seed.txt")
    summary = json.loads(report)["summary"]
    assert 0 < summary["by_severity"]["error"] < 20
    code, _, err = cli("check", "--format", "concise", "--output", "sarif=out.sarif", "seed.txt")
    assert code == 1
    run = json.loads(Path("out.sarif").read_text(encoding="utf-8"))["runs"][0]
    results = run["results"]
    assert len(results) == 20
    assert sum(r["level"] == "error" for r in results) == summary["by_severity"]["error"]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results]
    assert lines == sorted(lines)  # in file order again
    notification = run["invocations"][0]["toolExecutionNotifications"][-1]
    assert notification["level"] == "warning"
    assert notification["message"]["text"].startswith(
        f"{summary['findings'] - 20} results left out: GitHub code scanning takes at most 20 "
    )
    assert err == f"reslint: warning: SARIF: {notification['message']['text']}\n"


def test_rule_help_is_plain_text_and_markdown() -> None:
    _, run, _ = _run(str(SEED))
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    a010 = rules["A010"]["help"]
    assert "``" not in a010["text"] and "inter-\n" in a010["text"]
    assert "**Why**" in a010["markdown"] and "`international`" in a010["markdown"]
    assert (
        "```text\nThe General Assembly,\n\nRecalling the importance of inter-\n"
        in (a010["markdown"])
    )
    for spec in all_rules():  # every text a fenced block; no reStructuredText literal
        texts = [name for name in ("Example", "Use instead", "Other version")
                 if name in sections(spec.doc)]  # fmt: skip
        assert markdown(spec.doc).count("```text\n") == len(texts), spec.code
        assert "``" not in plain_text(spec.doc).split("\nExample:\n")[0], spec.code


def test_automation_details_and_information_uri(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RESLINT_DOCS_URL", raising=False)
    message = email.message.Message()
    monkeypatch.setattr(importlib.metadata, "metadata", lambda name: message)
    _, run, _ = _run(str(SEED))
    assert run["automationDetails"] == {"id": "reslint/"}
    assert "informationUri" not in run["tool"]["driver"]  # no address known: none made up
    message["Project-URL"] = "Documentation, https://docs.example.org/reslint/rules.md"
    _, run, _ = _run(str(SEED))
    assert run["tool"]["driver"]["informationUri"] == "https://docs.example.org/reslint/rules.md"
    message["Project-URL"] = "Homepage, https://example.org/reslint"
    _, run, _ = _run(str(SEED))
    assert run["tool"]["driver"]["informationUri"] == "https://example.org/reslint"
