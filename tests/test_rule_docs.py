"""Every rule documents itself, and its Example and Use instead blocks are true."""

from __future__ import annotations

import pytest

from linter.engine.registry import RuleSpec
from linter.engine.ruledoc import REQUIRED, sections
from tests.helpers import every_rule, fix_with, lint_with

RULES = every_rule()


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_docstring_sections(rule: RuleSpec) -> None:
    parts = sections(rule.doc)
    assert parts["summary"].endswith("."), "the summary is one sentence"
    for name in REQUIRED:
        assert parts.get(name, "").strip(), f"{rule.code} lacks a {name!r} section"
    if rule.fix.value != "none":
        assert parts.get("Fix safety"), f"{rule.code} has a fix but no 'Fix safety' section"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_example_fires_and_use_instead_does_not(rule: RuleSpec) -> None:
    parts = sections(rule.doc)
    # An input rule's Example is stored in a legacy encoding (see E001's docs).
    encoding = "latin-1" if rule.input.value == "bytes" else "utf-8"
    other = parts.get("Other version")  # rules that compare two language versions
    fired = lint_with(rule.code, parts["Example"], encoding=encoding, other=other).findings
    assert [f for f in fired if f.rule == rule.code], f"{rule.code}: Example does not fire"
    clean = lint_with(rule.code, parts["Use instead"], other=other).findings
    assert not [f for f in clean if f.rule == rule.code], [f.message for f in clean]
    if rule.fix.value != "none":  # unsafe fixes too: the docs show what they do
        assert fix_with(rule.code, parts["Example"]) == parts["Use instead"]
