"""A short run imports what it uses and no more: the modules loaded are its start-up cost.

A pre-commit hook runs ``reslint check FILE`` as a new process for every commit, so each
module imported is paid every time (issue 13: one file under 0.15 s). These tests run the
command line in a new process and look at ``sys.modules`` when it is done:

- a plain ``reslint check FILE`` (text output) lints, so it imports the parser and the
  rules, but no other report format, no worker pool, no fixer, no service;
- a run answered from the results cache (every file a hit) imports no parser, no rule,
  no grammar, no lexicon, no pyparsing: it reads the index of the rules
  (``linter/engine/rule_index.tsv``), the cache and the report writer.

Real assertions on module names, not timings.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import EN, SEED

ROOT = Path(__file__).resolve().parent.parent

#: Never imported by ``check`` with text or JSON output, whether it lints or not.
NEVER = (
    "multiprocessing",  # one small run starts no worker
    "concurrent.futures",
    "pydantic",  # no configuration, no JSON schema model
    "jsonschema",
    "yaml",
    "linter.api",
    "linter.service",
    "linter.lsp",
    "linter.fix.files",  # no --fix
    "linter.fix.fixer",
    "linter.cli.fix",
    "linter.cli.report",
    "linter.cli.baseline",
    "linter.cli.parse",
    "linter.cli.serve",
    "linter.report.sarif",
    "linter.report.junit",
    "linter.report.gitlab",
    "linter.report.github",
    "linter.report.json_lines",
    "linter.report.schema",
    "linter.report.html",
    "linter.report.audit",
)

#: Not imported either when every file is answered from the cache.
NOT_ON_A_HIT = (
    "linter.engine.lint",
    "linter.parse",
    "linter.rules",
    "linter.facts.citations",
    "linter.facts.versions",
    "linter.facts.grammars",
    "linter.source.lexicon",
    "linter.source.language",
    "pyparsing",
    "wcwidth",
)

_DRIVER = """
import json, sys
from linter.cli.main import main
sys.argv = ["reslint", *sys.argv[1:]]
try:
    main()
except SystemExit as done:
    code = done.code
print(json.dumps([code, sorted(sys.modules)]), file=sys.stderr)
"""


def _modules(cache: Path, *args: str) -> set[str]:
    """The modules a new process running ``reslint ARGS`` has imported when it is done."""
    env = {**os.environ, "RESLINT_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _DRIVER, *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env=env,
    )
    code, modules = json.loads(done.stderr.splitlines()[-1])
    assert code == 1, done.stderr  # the files have findings: they were checked
    return set(modules)


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


def test_a_plain_check_of_one_file_imports_only_what_it_uses(tmp_path: Path) -> None:
    modules = _modules(tmp_path, "check", "--isolated", str(SEED))
    assert "linter.parse.structure" in modules  # it did lint (the cache was empty)
    assert not _loaded(modules, NEVER)


def test_a_run_answered_from_the_cache_imports_no_parser_and_no_rule(tmp_path: Path) -> None:
    files = [str(SEED), *(str(path) for path in sorted(EN.glob("*.txt"))[:6])]
    first = _modules(tmp_path, "check", "--isolated", "--format", "json", *files)
    assert "linter.parse.structure" in first
    for args in (
        ["--format", "json", *files],  # many files: the X step too
        [str(SEED)],  # the pre-commit hook, text output
    ):
        modules = _modules(tmp_path, "check", "--isolated", *args)
        assert not _loaded(modules, NEVER + NOT_ON_A_HIT), args
        assert "linter.engine.cache" in modules
