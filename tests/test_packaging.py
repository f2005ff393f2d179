"""The rule catalogue installs as ``linter.rules`` and is found by every kind of install."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

import linter
from linter.engine.registry import all_rules

ROOT = Path(__file__).resolve().parent.parent


def _source_rule_modules() -> set[str]:
    return {p.stem for p in (ROOT / "rules").rglob("[A-Z][0-9][0-9][0-9]_*.py")}


def test_no_top_level_rules_module() -> None:
    import importlib.util

    spec = importlib.util.find_spec("rules")
    assert spec is None or "reslint" not in str(spec.origin or ""), spec


def test_installed_package_finds_every_rule() -> None:
    found = {spec.module.rsplit(".", 1)[-1] for spec in all_rules()}
    assert found == _source_rule_modules()
    assert all(spec.module.startswith("linter.rules.") for spec in all_rules())


def test_every_package_folder_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    folders = {
        "linter." + ".".join(p.parent.relative_to(ROOT / "linter").parts)
        for p in (ROOT / "linter").rglob("__init__.py")
    }
    folders = {f.rstrip(".") for f in folders}
    folders |= {
        "linter.rules" + "".join("." + part for part in p.parent.relative_to(ROOT / "rules").parts)
        for p in (ROOT / "rules").rglob("__init__.py")
    }
    assert folders == listed


@pytest.mark.slow
def test_built_wheel_holds_and_finds_every_rule(tmp_path: Path) -> None:
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    wheel = next(tmp_path.glob("reslint-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert not any(name.startswith("rules/") for name in names)
    for stem in _source_rule_modules():
        assert any(n.endswith(f"/{stem}.py") and n.startswith("linter/rules/") for n in names)
        assert any(n.endswith(f"/{stem}.cases.yaml") for n in names), stem
    assert "linter/rules/data/lang/zh.toml" in names
    assert "linter/py.typed" in names  # the API's types reach users (PEP 561)
    for asset in ("editor.html", "editor.js", "editor.css"):
        assert f"linter/service/assets/{asset}" in names
    # Import from the wheel itself (it is pure Python): the rules and data must load.
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import linter; assert linter.__file__.startswith(sys.argv[1]), linter.__file__;"
        "from linter.engine.registry import all_rules; from linter.source.lexicon import lexicon;"
        "print(len(all_rules()), lexicon('zh').language)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(wheel)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(len(_source_rule_modules())), "zh"]
    assert Path(linter.__file__).is_relative_to(ROOT), "tests run on the editable install"
