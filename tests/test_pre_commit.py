"""The hooks other repositories use (``.pre-commit-hooks.yaml``), run the way they will be:
``pre-commit try-repo`` installs reslint from a git repository into its own environment
and runs it on a document repository holding a damaged resolution."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from linter.cli.main import run
from tests.conftest import SEED, seed_findings

ROOT = Path(__file__).resolve().parent.parent
#: What ``pip install .`` needs from the project; tests and corpus stay out of the copy.
PROJECT_FILES = (
    *("pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml"),
    *("linter", "rules", "schemas"),
)
GIT_ENV = {
    "GIT_AUTHOR_NAME": "reslint tests",
    "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "reslint tests",
    "GIT_COMMITTER_EMAIL": "tests@example.invalid",
}


def test_hooks_file_declares_check_and_fix() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert hooks["reslint"]["entry"] == "reslint check"
    assert hooks["reslint-fix"]["entry"] == "reslint fix"
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["files"] == r"\.txt$"


def _git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args], cwd=folder, check=True, capture_output=True, env={**os.environ, **GIT_ENV}
    )


@pytest.fixture(scope="module")
def repositories(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(hooks repository, documents repository, pre-commit cache)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    base = tmp_path_factory.mktemp("pre-commit")
    hooks = base / "hooks"
    hooks.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, hooks / name, ignore=ignore)
        else:
            shutil.copy2(source, hooks / name)
    _git(hooks, "init", "-q")
    _git(hooks, "add", "-A")
    _git(hooks, "commit", "-q", "-m", "reslint hooks")
    return hooks, base / "docs", base / "cache"


def _documents(folder: Path, name: str = "E-RES-2012-19.zh.txt", data: bytes = b"") -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    _git(folder, "init", "-q")
    document = folder / name
    document.write_bytes(data or SEED.read_bytes())
    _git(folder, "add", "-A")
    return document


def _try_repo(hooks: Path, docs: Path, cache: Path, hook: str) -> subprocess.CompletedProcess[str]:
    # The hook must run the reslint pre-commit installed, never a source tree on PYTHONPATH.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hooks), hook, "--all-files"],
        cwd=docs,
        capture_output=True,
        text=True,
        check=False,
        env={**env, **GIT_ENV, "PRE_COMMIT_HOME": str(cache)},
    )


@pytest.mark.slow
def test_check_hook_fails_on_the_seed_and_shows_a001(repositories: tuple[Path, Path, Path]) -> None:
    hooks, docs, cache = repositories
    _documents(docs)
    done = _try_repo(hooks, docs, cache, "reslint")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "8:2      warning A001 [*] '经济及社会理事会' is drawn 4 times" in output
    assert f"{seed_findings()} findings in 1 file" in output


def _fix_exists() -> bool:
    try:
        return run(["fix", "--help"]) == 0
    except SystemExit as exit_:  # argparse: --help exits 0, an unknown command exits 2
        return exit_.code == 0


@pytest.mark.slow
def test_fix_hook_repairs_the_seed(repositories: tuple[Path, Path, Path]) -> None:
    if not _fix_exists():
        pytest.skip("`reslint fix` is not on this branch yet (the fixer work adds it)")
    hooks, docs, cache = repositories
    document = _documents(docs)
    done = _try_repo(hooks, docs, cache, "reslint-fix")
    assert done.returncode != 0, "pre-commit fails a hook that changed files"
    repaired = document.read_text(encoding="utf-8")
    assert repaired != SEED.read_text(encoding="utf-8")
    assert "经济及社会理事会" * 2 not in repaired
    assert run(["check", "--select", "A001", str(document)]) == 0


@pytest.mark.slow
def test_both_hooks_pass_a_text_that_is_no_resolution(
    repositories: tuple[Path, Path, Path],
) -> None:
    """A requirements.txt in a document repository: one E002 (info), no failure, no change."""
    hooks, docs, cache = repositories
    content = b"pydantic>=2.5,<3\njsonschema>=4.18  \n"
    document = _documents(docs, "requirements.txt", content)
    for hook in ("reslint", "reslint-fix"):
        done = _try_repo(hooks, docs, cache, hook)
        assert done.returncode == 0, done.stdout + done.stderr
    assert document.read_bytes() == content
