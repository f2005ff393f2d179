"""X001-X003 across files: language versions of one resolution compared by `reslint check`.

The four constructed versions of A/RES/66/181 (fr, es, ru, ar; tests/corpus/SOURCES.md)
agree on every paragraph, note and figure. A Spanish version with one sub-paragraph
dropped, one note (and its marker) lost and one date changed must give exactly one
finding of each X rule in the changed file and one in the reference version it is
compared with, each naming the other file, and nothing elsewhere.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from linter.cli.main import run
from linter.cli.options import settings_for
from linter.engine.lint import FileResult
from linter.engine.parallel import lint_all
from linter.facts.versions import version_key
from tests.conftest import CORPUS

LANGUAGES = ("fr", "es", "ru", "ar")


def _copy_versions(folder: Path) -> dict[str, Path]:
    paths = {}
    for lang in LANGUAGES:
        name = f"A-RES-66-181.{lang}.txt"
        # Each in a folder of its own, as in the corpus: the key is in the name.
        (folder / lang).mkdir()
        paths[lang] = Path(shutil.copy(CORPUS / lang / name, folder / lang / name))
    return paths


def _x_findings(folder: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> list[tuple]:
    code = run(["check", "--isolated", "--format", "json", "--select", "X", *extra, str(folder)])
    report = json.loads(capsys.readouterr().out)
    found = [
        (Path(f["path"]).parent.name, x["rule"], x["line"], x["message"])
        for f in report["files"]
        for x in f["findings"]
    ]
    assert code == (1 if found else 0)
    return sorted(found)


def test_parallel_versions_that_agree_give_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _copy_versions(tmp_path)
    assert _x_findings(tmp_path, capsys) == []


def _damage(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    changes = [
        (" c) Para la protección de los bienes culturales;\n\n", ""),  # a sub-paragraph
        ("3 Ibid., vol. 2349, núm. 42146.\n", ""),  # a note ...
        ("Corrupción3 son", "Corrupción son"),  # ... and its marker
        ("64/179, de 18 de diciembre de 2009", "64/179, de 18 de diciembre de 2008"),  # a date
    ]
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def test_one_paragraph_one_note_one_date_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _damage(_copy_versions(tmp_path)["es"])
    found = _x_findings(tmp_path, capsys)
    # French is the reference of the group (no English version): the Spanish file is
    # compared with it, and each difference is reported in both.
    assert [(folder, rule, line) for folder, rule, line, _ in found] == [
        ("es", "X001", 41),
        ("es", "X002", 55),
        ("es", "X003", 21),
        ("fr", "X001", 41),
        ("fr", "X002", 57),
        ("fr", "X003", 21),
    ]
    messages = {(folder, rule): message for folder, rule, _, message in found}
    assert "A-RES-66-181.fr.txt (fr)" in messages["es", "X003"]
    assert "2008-12-18" in messages["es", "X003"] and "2009-12-18" in messages["es", "X003"]
    assert "A-RES-66-181.es.txt (es)" in messages["fr", "X001"]
    assert "note 3" in messages["fr", "X002"]


def test_configuration_turns_the_comparison_off(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _damage(_copy_versions(tmp_path)["es"])
    (tmp_path / "reslint.toml").write_text('ignore = ["X"]\n', encoding="utf-8")
    code = run(["check", "--format", "json", str(tmp_path)])
    report = json.loads(capsys.readouterr().out)
    assert code in (0, 1)
    assert not [x for f in report["files"] for x in f["findings"] if x["rule"].startswith("X")]


def test_workers_compare_versions_like_one_process(tmp_path: Path) -> None:
    paths = list(_copy_versions(tmp_path).values())
    _damage(paths[1])
    settings = settings_for(argparse.Namespace(isolated=True), [str(tmp_path)])

    def x_only(results: list[FileResult]) -> list[tuple[str, str, int]]:
        return [(r.path, f.rule, f.line) for r in results for f in r.findings if f.rule[0] == "X"]

    serial = lint_all(paths, settings, jobs=1)
    parallel = lint_all(paths, settings, jobs=2)
    assert x_only(serial) == x_only(parallel) != []
    # Workers hand back the compact facts, not the Document.
    assert all(r.document is None and r.versions is not None for r in parallel)


@pytest.mark.parametrize(
    ("path", "symbol", "expected"),
    [
        ("docs/E-RES-2012-19.zh.txt", None, ("E/RES/2012/19", None)),
        ("E-RES-2012-19.en.txt", "E/RES/2012/19", ("E/RES/2012/19", "E/RES/2012/19")),
        ("S-RES-0242-1967.zh-Hant.txt", "S/RES/242 (1967)", ("S/RES/0242/1967", "S/RES/242/1967")),
        ("A_RES_66_181_FR.txt", None, ("A/RES/66/181", None)),
        ("notes.txt", "A/RES/66/181", (None, "A/RES/66/181")),
    ],
)
def test_version_keys(path: str, symbol: str | None, expected: tuple[str | None, ...]) -> None:
    assert version_key(path, symbol) == expected
