"""Configuration: discovery, the strict model, selection layers, and flags on top."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import get_args

import pytest
from pydantic import BaseModel, ConfigDict

from linter.cli.main import run
from linter.engine.config import find, load, start_folder
from linter.engine.config_model import FormatName, rule_options
from linter.engine.errors import ConfigError
from linter.engine.registry import all_rules
from linter.report import FORMATS
from tests.conftest import SEED

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A document repository: ``docs/seed.txt`` (the seed); the working directory."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "seed.txt").write_bytes(SEED.read_bytes())
    monkeypatch.chdir(tmp_path)
    return tmp_path


def rules_in(out: str) -> set[str]:
    return {f["rule"] for file in json.loads(out)["files"] for f in file["findings"]}


@cache
def seed_rules() -> set[str]:
    """The rules that fire on the seed with every rule on and no configuration."""
    from linter.engine.lint import lint_bytes

    return {f.rule for f in lint_bytes(SEED.read_bytes(), "seed", all_rules()).findings}


def test_ignore_in_pyproject_is_honoured(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "docs"\n\n[tool.reslint]\nignore = ["A001"]\n', encoding="utf-8"
    )
    code, out, _ = cli("check", "--format", "json", "docs/seed.txt")
    assert code == 1
    assert rules_in(out) == seed_rules() - {"A001"}


def test_misspelt_key_is_exit_2_with_did_you_mean(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.reslint]\nignroe = ["A001"]\n', "utf-8")
    code, out, err = cli("check", "docs/seed.txt")
    assert (code, out) == (2, "")
    assert err == (
        f"reslint: error: {project / 'pyproject.toml'}: [tool.reslint] unknown key 'ignroe'; "
        "did you mean 'ignore'?\n"
    )


def test_misspelt_key_has_no_traceback_from_the_console_script(project: Path) -> None:
    (project / "reslint.toml").write_text('fail_on = "error"\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "linter", "check", "docs/seed.txt"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "unknown key 'fail_on'; did you mean 'fail-on'?" in done.stderr


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('select = ["A0001"]', "select: unknown rule selector 'A0001'; did you mean 'A001'?"),
        ('[severity]\nrepeated-emphasys = "info"', "did you mean 'repeated-emphasis'?"),
        ('[per-file-ignores]\n"a/*" = ["Z9"]', "per-file-ignores.'a/*': unknown rule selector"),
        ('fail-on = "fatal"', "fail-on: Input should be 'error', 'warning' or 'info'"),
        ('select = "A001"', "select: Input should be a valid list"),
        ('output-format = "sarf"', "output-format: Input should be"),
        ("[options.A099]\nx = 1", "options: unknown rule 'A099'; did you mean"),
        ("[options.A001]\nx = 1", "options.A001: rule A001 takes no options"),
        ("select = [", "invalid TOML"),
    ],
)
def test_bad_configuration_is_one_line_exit_2(project: Path, toml: str, message: str) -> None:
    (project / "reslint.toml").write_text(toml + "\n", encoding="utf-8")
    code, out, err = cli("check", "docs/seed.txt")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err, err


def test_discovery_goes_up_and_prefers_reslint_toml(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.reslint]\n", encoding="utf-8")
    assert find(project / "docs") == project / "pyproject.toml"
    (project / "docs" / "reslint.toml").write_text("", encoding="utf-8")
    assert find(project / "docs") == project / "docs" / "reslint.toml"
    assert find(project) == project / "pyproject.toml"


def test_pyproject_without_a_reslint_table_is_passed_over(project: Path) -> None:
    (project / "reslint.toml").write_text('ignore = ["A006"]\n', encoding="utf-8")
    (project / "docs" / "pyproject.toml").write_text(
        '[project]\nname = "x"  # reslint is not configured here\n', encoding="utf-8"
    )
    assert find(project / "docs") == project / "reslint.toml"


def test_start_folder_is_the_common_folder_of_the_paths(project: Path) -> None:
    (project / "docs" / "sub").mkdir()
    paths = ["docs/seed.txt", "docs/sub"]
    assert start_folder(paths) == project / "docs"
    assert start_folder(["docs/seed.txt"]) == project / "docs"


def test_flags_override_the_file(project: Path) -> None:
    (project / "reslint.toml").write_text(
        'select = ["A001"]\nfail-on = "error"\noutput-format = "json"\n', encoding="utf-8"
    )
    code, out, _ = cli("check", "docs/seed.txt")
    assert code == 0 and rules_in(out) == {"A001"}  # warnings do not fail; json from file
    code, out, _ = cli("check", "--fail-on", "warning", "--select", "A003", "docs/seed.txt")
    assert code == 1 and rules_in(out) == {"A003"}  # --select starts afresh
    code, out, _ = cli("check", "--format", "text", "--extend-select", "A003", "docs/seed.txt")
    assert "warning A001 [*]" in out and "warning A003 [*]" in out and "A006" not in out


def test_cli_ignore_adds_to_the_file_and_cli_select_reenables(project: Path) -> None:
    (project / "reslint.toml").write_text('ignore = ["A001"]\n', encoding="utf-8")
    _, out, _ = cli("check", "--format", "json", "--ignore", "A006", "docs/seed.txt")
    assert rules_in(out) == seed_rules() - {"A001", "A006"}
    _, out, _ = cli("check", "--format", "json", "--select", "A001", "docs/seed.txt")
    assert rules_in(out) == {"A001"}


def test_most_specific_selector_wins_and_a_tie_goes_to_ignore(project: Path) -> None:
    (project / "reslint.toml").write_text(
        'select = ["A"]\nignore = ["A00"]\nextend-select = ["A003"]\n', encoding="utf-8"
    )
    _, out, _ = cli("check", "--format", "json", "docs/seed.txt")
    assert rules_in(out) == {"A003"}
    (project / "reslint.toml").write_text('select = ["A001"]\nignore = ["A001"]\n', "utf-8")
    code, out, err = cli("check", "--format", "json", "docs/seed.txt")
    assert (code, out) == (2, "")  # nothing selected: a usage error, not a silent pass
    assert err == (
        f"reslint: error: no rule is selected (configuration: {project / 'reslint.toml'}): "
        "check the select and ignore settings\n"
    )


def test_severity_override_most_specific_wins(project: Path) -> None:
    (project / "reslint.toml").write_text(
        '[severity]\nA = "info"\nrepeated-emphasis = "error"\n', encoding="utf-8"
    )
    code, out, _ = cli("check", "--format", "json", "docs/seed.txt")
    severities = {(f["rule"], f["severity"]) for f in json.loads(out)["files"][0]["findings"]}
    assert severities == {("A001", "error")} | {
        (code, "info") for code in seed_rules() if code != "A001"
    }
    assert code == 1
    code, _, _ = cli("check", "--ignore", "A001", "docs/seed.txt")
    assert code == 0  # only info left, below fail-on warning


def test_per_file_ignores_are_relative_to_the_config_folder(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "docs" / "other.txt").write_bytes(SEED.read_bytes())
    (project / "reslint.toml").write_text(
        '[per-file-ignores]\n"docs/seed.txt" = ["A001", "whitespace"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(project / "docs")  # patterns do not depend on the working directory
    _, out, _ = cli("check", "--format", "json", ".")
    by_file = {
        Path(f["path"]).name: {x["rule"] for x in f["findings"]} for f in json.loads(out)["files"]
    }
    assert by_file == {"other.txt": seed_rules(), "seed.txt": seed_rules() - {"A001", "A006"}}


def test_per_file_ignores_flag(project: Path) -> None:
    _, out, _ = cli(
        "check", "--format", "json", "--per-file-ignores", "docs/*.txt=A006,A003", "docs"
    )
    assert rules_in(out) == seed_rules() - {"A003", "A006"}
    code, _, err = cli("check", "--per-file-ignores", "docs/*.txt", "docs")
    assert code == 2 and "GLOB=RULES" in err


def test_include_and_exclude(project: Path) -> None:
    (project / "docs" / "drafts").mkdir()
    (project / "docs" / "drafts" / "a.txt").write_text("x\n", encoding="utf-8")
    (project / "docs" / "b.res").write_text("x\n", encoding="utf-8")
    (project / "reslint.toml").write_text(
        'include = ["*.txt", "*.res"]\nexclude = ["docs/drafts"]\n', encoding="utf-8"
    )
    _, out, _ = cli("check", "--format", "json", "docs")
    assert sorted(Path(f["path"]).name for f in json.loads(out)["files"]) == ["b.res", "seed.txt"]
    # Excluded even when named (pre-commit names every file it passes).
    _, out, _ = cli("check", "--format", "json", "docs/drafts/a.txt", "docs/seed.txt")
    assert [Path(f["path"]).name for f in json.loads(out)["files"]] == ["seed.txt"]


def test_explicit_config_and_isolated(project: Path) -> None:
    (project / "strict.toml").write_text('select = ["A003"]\n', encoding="utf-8")
    (project / "reslint.toml").write_text('select = ["A001"]\n', encoding="utf-8")
    _, out, _ = cli("check", "--format", "json", "--config", "strict.toml", "docs")
    assert rules_in(out) == {"A003"}
    _, out, _ = cli("check", "--format", "json", "--isolated", "docs")
    assert rules_in(out) == seed_rules()
    code, _, err = cli("check", "--config", "missing.toml", "docs")
    assert code == 2 and "configuration file not found: missing.toml" in err
    (project / "empty-pyproject").mkdir()
    (project / "empty-pyproject" / "pyproject.toml").write_text("[project]\n", "utf-8")
    code, _, err = cli("check", "--config", "empty-pyproject/pyproject.toml", "docs")
    assert code == 2 and "no [tool.reslint] table" in err


def test_show_settings(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.reslint]\nignore = ["A006"]\nfail-on = "error"\n[tool.reslint.severity]\n'
        'A003 = "info"\n[tool.reslint.per-file-ignores]\n"old/*" = ["A"]\n',
        encoding="utf-8",
    )
    code, out, _ = cli("check", "--show-settings", "--output", "sarif=r.sarif", "docs")
    assert code == 0
    lines = dict(line.split(" = ", 1) for line in out.splitlines())
    assert lines["config"] == f"{project / 'pyproject.toml'} [tool.reslint]"
    codes = [spec.code for spec in all_rules()]
    on = [code for code in codes if code != "A006"]
    assert lines["rules"] == f"{', '.join(on)} ({len(on)} of {len(codes)})"
    assert lines["severity"] == "A003=info"
    assert lines["fail-on"] == "error"
    assert lines["per-file-ignores"] == f"old/* ({project}) = A"
    assert lines["output"] == "sarif=r.sarif"
    code, out, _ = cli("check", "--show-settings")  # no paths: the working directory
    assert code == 0 and "fail-on = error" in out


def test_check_without_paths_is_a_usage_error(project: Path) -> None:
    code, _, err = cli("check")
    assert code == 2 and err == (
        "reslint: error: check needs at least one PATH ('-' reads standard input)\n"
    )


def test_text_output_without_config_does_not_import_pydantic(project: Path) -> None:
    probe = (
        "import sys; from linter.cli.main import run; code = run(['check', 'docs/seed.txt']);"
        "print('pydantic' in sys.modules, code)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, env=env
    )
    assert done.stdout.splitlines()[-1] == "False 1", done.stderr
    (project / "reslint.toml").write_text('ignore = ["A006"]\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, env=env
    )
    assert done.stdout.splitlines()[-1] == "True 1", done.stderr


class _Options(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    max_times: int = 4


def test_per_rule_options_are_validated_against_the_rule_model(tmp_path: Path) -> None:
    """No rule of the catalogue declares options yet, so give A001 a model here."""
    rules = tuple(
        replace(spec, options=_Options) if spec.code == "A001" else spec for spec in all_rules()
    )
    path = tmp_path / "reslint.toml"
    path.write_text("[options.repeated-emphasis]\nmax_times = 6\n", encoding="utf-8")
    loaded = load(path, rules)
    assert rule_options(loaded.config, rules) == {"A001": _Options(max_times=6)}
    path.write_text("[options.A001]\nmax_tims = 6\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown option 'max_tims' of A001; did you mean"):
        load(path, rules)
    path.write_text('[options.A001]\nmax_times = "six"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"options\.A001\.max_times: Input should be"):
        load(path, rules)


def test_format_names_in_the_model_match_the_registered_formats() -> None:
    assert set(get_args(FormatName)) == set(FORMATS)


def _readme_block(after: str, language: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index(after) :]
    start = section.index(f"```{language}\n") + len(language) + 4
    return section[start : section.index("```", start)]


def test_readme_configuration_example_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(_readme_block("## Configuration", "toml"), encoding="utf-8")
    config = load(path, all_rules()).config
    assert config.ignore == ["A006"] and config.per_file_ignores == {
        "legacy/*.txt": ["A003", "whitespace"]
    }
