"""The Python API gives what the command line gives, with the default rule set."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from linter import api
from linter.cli.main import run
from linter.engine.lint import lint_text
from linter.engine.registry import all_rules
from tests.conftest import CORPUS, SEED


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def cli_json(*argv: str) -> Any:
    _code, out, _err = cli(*argv)
    return json.loads(out)


def test_the_engine_alone_runs_no_rule_the_api_runs_every_rule(seed_text: str) -> None:
    assert lint_text(seed_text).findings == ()  # why the API exists
    report = api.check_text(seed_text)
    assert report.summary.findings > 200
    ran = {finding.rule for finding in report.files[0].findings}
    assert {"A001", "A002", "A006"} <= ran


def test_check_text_is_check_format_json(seed_text: str) -> None:
    expected = cli_json("check", "--isolated", "--format", "json", str(SEED))
    report = api.check_text(seed_text, path=str(SEED)).model_dump(mode="json")
    assert report == expected


def test_selection_works_as_the_flags_do(seed_text: str) -> None:
    only = api.check_text(seed_text, select="A001")
    assert set(only.summary.by_rule) == {"A001"}
    both = api.check_text(seed_text, select=["A001", "A006"], ignore="A006")
    assert set(both.summary.by_rule) == {"A001"}
    without = api.check_text(seed_text, ignore=["A"])
    assert not any(rule.startswith("A") for rule in without.summary.by_rule)


def test_the_configuration_applies_when_named(seed_text: str, tmp_path: Path) -> None:
    config = tmp_path / "reslint.toml"
    config.write_text('ignore = ["A006"]\n[severity]\nA001 = "error"\n', encoding="utf-8")
    report = api.check_text(seed_text, config=config)
    assert "A006" not in report.summary.by_rule
    assert report.summary.by_severity["error"] == report.summary.by_rule["A001"]
    assert api.fails(report, "error") and not api.fails(
        api.check_text(seed_text, select="A006"), "error"
    )
    # an edited file is read again
    config.write_text('select = ["A006"]\n', encoding="utf-8")
    assert set(api.check_text(seed_text, config=config).summary.by_rule) == {"A006"}
    # flags on top of the file: select starts afresh
    assert set(api.check_text(seed_text, config=config, select="A001").summary.by_rule) == {"A001"}


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: api.check_text("x", select="Z999"), "unknown rule selector 'Z999'"),
        (
            lambda: api.check_text("x", ignore="repeated-emphasi"),
            "did you mean 'repeated-emphasis'",
        ),
        (lambda: api.check_text("x", language="../../etc/passwd"), "ISO 639 code"),
        (lambda: api.parse_text("x", language="zh/../x"), "ISO 639 code"),
        (lambda: api.check_text("x", config="/nonexistent/reslint.toml"), "not found"),
        (lambda: api.check_paths(["/nonexistent/docs"]), "path not found"),
        (lambda: api.check_paths([]), "at least one path"),
        (lambda: api.rule_doc("hard-wra"), "did you mean 'hard-wrap'"),
    ],
)
def test_bad_input_is_one_line_error(call: Any, message: str) -> None:
    with pytest.raises(api.ReslintError) as caught:
        call()
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_fix_text_is_what_reslint_fix_writes(seed_text: str, tmp_path: Path) -> None:
    copy = tmp_path / "seed.txt"
    copy.write_text(seed_text, encoding="utf-8")
    code, _out, _err = cli("fix", "--isolated", str(copy))
    assert code == 0
    result = api.fix_text(seed_text)
    assert result.changed and result.refused is None
    assert result.text == copy.read_text(encoding="utf-8")
    assert result.applied > 0 and result.passes >= 1
    assert len(result.before.findings) == api.check_text(seed_text).summary.findings
    assert result.remaining == api.check_text(result.text).files[0].findings
    assert not any(f.fix for f in result.remaining)


def test_fix_text_leaves_a_text_that_is_no_resolution_alone() -> None:
    result = api.fix_text("no resolution here\n")
    assert not result.changed and result.text == "no resolution here\n"
    assert result.refused is None
    assert result.skipped is not None and "structure" in result.skipped


def test_fix_text_refuses_what_it_cannot_fix() -> None:
    # S/RES/26 (1947): fixing would change the parse; the text comes back as it was.
    text = (CORPUS / "en-sc" / "S_RES_0026_1947_EN_GOLD.txt").read_text(encoding="utf-8")
    result = api.fix_text(text)
    assert not result.changed and result.text == text
    assert result.refused is not None and "structure" in result.refused


def test_parse_text_is_parse_format_json(seed_text: str) -> None:
    expected = cli_json("parse", "--format", "json", str(SEED))
    assert api.parse_text(seed_text, path=str(SEED)).model_dump(mode="json") == expected


def versions(folder: Path) -> dict[str, str]:
    """The fr and es versions of A/RES/66/181, the Spanish one short of a sub-paragraph,
    written to ``folder``: path -> text."""
    texts = {}
    for language in ("fr", "es"):
        text = (CORPUS / language / f"A-RES-66-181.{language}.txt").read_text(encoding="utf-8")
        lost = " c) Para la protección de los bienes culturales;\n\n"
        if language == "es":
            assert text.count(lost) == 1
            text = text.replace(lost, "")
        path = folder / f"A-RES-66-181.{language}.txt"
        path.write_text(text, encoding="utf-8")
        texts[str(path)] = text
    return texts


def test_check_texts_compares_language_versions_as_check_does(tmp_path: Path) -> None:
    texts = versions(tmp_path)
    expected = cli_json("check", "--isolated", "--format", "json", *texts)
    report = api.check_texts(list(texts.items())).model_dump(mode="json")
    assert report == expected
    assert report["summary"]["by_rule"]["X001"] == 2  # reported in both versions


def test_check_paths_is_check_format_json() -> None:
    folder = CORPUS / "seed"
    expected = cli_json("check", "--isolated", "--format", "json", str(folder))
    assert api.check_paths([folder], isolated=True).model_dump(mode="json") == expected


def test_rules_are_the_cli_rules() -> None:
    assert [r.model_dump() for r in api.rules()] == cli_json("rules", "--format", "json")
    assert len(api.rules()) == len(all_rules())
    doc = api.rule_doc("repeated-emphasis")
    assert doc.code == "A001" and doc.sections["Why"] and doc.doc.startswith(doc.summary)


def test_the_package_is_typed() -> None:
    import linter

    assert (Path(linter.__file__).parent / "py.typed").is_file()


def test_a_language_code_never_names_a_path(tmp_path: Path) -> None:
    # The service and the CLI check the code; the lexicon loader refuses any other too.
    from linter.source.lexicon import lexicon_or_none

    (tmp_path / "x.toml").write_text('language = "x"\n', encoding="utf-8")
    relative = "../" * 12 + str(tmp_path / "x").lstrip("/")
    assert lexicon_or_none(relative) is None
