"""Every rule's cases file: exact findings, and for fixable rules the fixed text."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from linter.engine.cases import Case, CasesFile
from tests.helpers import every_rule, fix_with, lint_with, spec


def _load(path: Path) -> CasesFile:
    return CasesFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def _params() -> list[object]:
    params = []
    for rule in every_rule():
        cases = _load(rule.cases_path)
        assert cases.rule == rule.code, f"{rule.cases_path} is for {cases.rule}"
        for case in cases.cases:
            params.append(pytest.param(rule.code, case, id=f"{rule.code}::{case.name}"))
    return params


def test_every_rule_has_a_cases_file() -> None:
    missing = [r.code for r in every_rule() if not r.cases_path.is_file()]
    assert not missing, f"rules without a cases file: {missing}"


def test_every_rule_has_a_case_that_fires_and_one_that_does_not() -> None:
    for rule in every_rule():
        cases = _load(rule.cases_path).cases
        assert any(c.findings for c in cases), f"{rule.code}: no case with findings"
        assert any(not c.findings for c in cases), f"{rule.code}: no clean case"


@pytest.mark.parametrize(("code", "case"), _params())
def test_case(code: str, case: Case) -> None:
    result = lint_with(
        code, case.text, case.language, case.encoding, case.other, case.other_language
    )
    got = [f for f in result.findings if f.rule == code]
    assert len(got) == len(case.findings), [(f.line, f.column, f.message) for f in got]
    for finding, expected in zip(got, case.findings, strict=True):
        assert (finding.line, finding.column) == (expected.line, expected.column), finding
        if expected.end_line is not None:
            assert finding.end_line == expected.end_line, finding
        if expected.end_column is not None:
            assert finding.end_column == expected.end_column, finding
        if expected.message is not None:
            assert expected.message in finding.message, finding.message
    rule = spec(code)
    if case.encoding != "utf-8" or rule.fix.value == "none":
        return
    fixed = fix_with(code, case.text, case.language)
    if case.fixed is None:
        assert fixed == case.text, "a case without `fixed` must come back unchanged"
        return
    assert fixed == case.fixed
    again = lint_with(code, case.fixed, case.language)
    assert not [f for f in again.findings if f.rule == code], "`fixed` must lint clean"
    assert fix_with(code, case.fixed, case.language) == case.fixed
