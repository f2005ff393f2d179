"""The audit report of the whole test corpus, made once per session for the report tests
(with and without a browser), and ``reslint check --format json`` on the same files."""

from __future__ import annotations

import argparse
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from linter.cli.main import run
from linter.cli.options import collect, settings_for
from linter.engine.parallel import lint_all
from linter.report import html, markdown
from linter.report.audit.model import build_audit
from linter.report.audit.outline import outline_of
from tests.conftest import CORPUS


@dataclass(frozen=True)
class CorpusReport:
    path: Path  # the HTML file
    html: str
    markdown: str
    json: dict[str, Any]  # check --format json, run on its own


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="session")
def corpus_report(tmp_path_factory: pytest.TempPathFactory) -> CorpusReport:
    """What ``reslint report`` writes for tests/corpus (the same calls, run once for both
    formats) and what ``reslint check --format json`` says of it."""
    paths = [os.path.relpath(CORPUS)]  # relative, as a user would type it
    options = settings_for(argparse.Namespace(isolated=True), paths)
    results = lint_all(collect(options, paths), options, summarize=outline_of)
    audit = build_audit(results, options.rules, paths=paths)
    target = tmp_path_factory.mktemp("report") / "report.html"
    with target.open("w", encoding="utf-8") as stream:
        html.write(audit, results, stream)
    summary = io.StringIO()
    markdown.write(audit, summary)
    code, out, _ = cli("check", "--isolated", "--format", "json", *paths)
    assert code == 1
    return CorpusReport(
        target, target.read_text(encoding="utf-8"), summary.getvalue(), json.loads(out)
    )
