"""The rule catalogue installs as ``linter.rules`` and is found by every kind of install."""

from __future__ import annotations

import email.parser
import json
import re
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
    folders.add("linter.json_schemas")  # schemas/, installed as data
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
    # PEP 561 marker, the language server, the schemas, the licence (PEP 639).
    assert "linter/py.typed" in names and "linter/lsp/server.py" in names
    for schema in (ROOT / "schemas").glob("*.json"):
        with zipfile.ZipFile(wheel).open(f"linter/json_schemas/{schema.name}") as stream:
            assert stream.read() == schema.read_bytes(), schema.name
    dist_info = f"reslint-{linter.__version__}.dist-info"
    assert f"{dist_info}/licenses/LICENSE" in names
    metadata = email.parser.Parser().parsestr(
        zipfile.ZipFile(wheel).read(f"{dist_info}/METADATA").decode("utf-8")
    )
    assert metadata["Version"] == linter.__version__
    assert metadata["License-Expression"] == "MIT"
    assert metadata.get_all("License-File") == ["LICENSE"]
    assert "lsp" in (metadata.get_all("Provides-Extra") or [])
    assert any(
        r.startswith("pygls") and 'extra == "lsp"' in r
        for r in metadata.get_all("Requires-Dist") or []
    )
    classifiers = metadata.get_all("Classifier") or []
    assert "Typing :: Typed" in classifiers
    assert not any(c.startswith("License ::") for c in classifiers)  # PEP 639: the expression
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


def _project() -> dict[str, object]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project: dict[str, object] = config["project"]
    return project


def test_the_version_has_one_source() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in config["project"] and "version" in config["project"]["dynamic"]
    assert config["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "linter.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", linter.__version__)
    from importlib import metadata

    assert metadata.version("reslint") == linter.__version__


def test_licence_and_classifiers() -> None:
    from trove_classifiers import classifiers as known

    project = _project()
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License\n") and "WITHOUT WARRANTY OF ANY KIND" in licence
    listed = project["classifiers"]
    assert isinstance(listed, list) and listed
    assert [c for c in listed if c not in known] == []
    # setuptools reads PEP 639's licence expression from 77 on: the build must require it.
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "setuptools>=77" in config["build-system"]["requires"]
    assert "setuptools>=77" in [d.split(" ")[0] for d in project["optional-dependencies"]["dev"]]  # type: ignore[index]


def test_py_typed_and_published_schemas() -> None:
    from linter.schemas import published

    assert (ROOT / "linter" / "py.typed").exists()
    for schema in (ROOT / "schemas").glob("*.json"):
        assert published(schema.name) == json.loads(schema.read_text(encoding="utf-8"))


def test_hooks_declare_the_oldest_pre_commit_they_run_on() -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    dev = _project()["optional-dependencies"]["dev"]  # type: ignore[index]
    tested = next(d for d in dev if d.startswith("pre-commit>="))
    assert [hook["minimum_pre_commit_version"] for hook in hooks] == ["3.5.0"] * len(hooks)
    assert tested == "pre-commit>=3.5"
