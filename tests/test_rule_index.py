"""The rule index: every rule known without importing its module, and the same as the
catalogue's decorators say (``python -m linter.schemas`` writes it)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from linter.engine import registry
from linter.engine.registry import (
    INDEX_FILE,
    StaleIndexError,
    all_rules,
    render_index,
    rule_index,
)


def test_the_index_is_up_to_date() -> None:
    assert INDEX_FILE.read_text(encoding="utf-8") == render_index(), (
        "linter/engine/rule_index.tsv is stale: run `python -m linter.schemas`"
    )


def test_indexed_specs_equal_the_registered_ones() -> None:
    indexed = rule_index()
    assert [spec.code for spec in indexed] == [spec.code for spec in all_rules()]
    for spec, registered in zip(indexed, all_rules(), strict=True):
        assert spec == registered  # loads check and doc
        assert spec.check is registered.check and spec.doc == registered.doc
        assert spec.takes_options == registered.takes_options
        assert spec.cases_path == registered.cases_path


def test_reading_the_index_imports_no_rule() -> None:
    probe = (
        "import sys; from linter.engine.registry import rule_index; specs = rule_index(); "
        "print(len(specs), specs[0].summary != '', "
        "any(m.startswith('linter.rules') for m in sys.modules)); "
        "specs[0].doc; print(specs[0].module in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == [str(len(all_rules())), "True", "False", "True"]


def test_a_stale_index_is_an_error_that_says_what_to_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spec = all_rules()[0]
    row = registry._row(spec)
    other = "info" if row[2] != "info" else "error"
    monkeypatch.setitem(registry._indexed(), spec.code, (*row[:2], other, *row[3:]))
    with pytest.raises(StaleIndexError, match=r"python -m linter\.schemas"):
        registry._registered(spec.code, spec.module)


def test_an_unknown_attribute_is_still_an_attribute_error() -> None:
    spec = rule_index()[0]
    with pytest.raises(AttributeError):
        spec.no_such_field  # type: ignore[attr-defined]  # noqa: B018
