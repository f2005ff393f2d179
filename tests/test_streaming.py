"""Runs as streams: results in file order as they are done, every format written file by
file, the same bytes whatever the number of workers, compact results, progress."""

from __future__ import annotations

import argparse
import io
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from linter.cli import progress
from linter.cli.main import run
from linter.cli.options import settings_for
from linter.engine.pipeline import check_files
from linter.report import FORMATS
from linter.report.schema import Report, build_report
from tests.conftest import EN, SEED

ROOT = Path(__file__).resolve().parent.parent
#: A few documents of both languages, with findings of every family.
SAMPLE = [SEED, *sorted(EN.glob("*raw*"))[:6]]


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sample")
    for path in SAMPLE:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_gives_the_same_bytes_with_workers(sample: Path, name: str) -> None:
    outputs = []
    for jobs in ("1", "2"):
        code, out, _ = cli("check", "--no-cache", "--jobs", jobs, "--format", name, str(sample))
        assert code == 1
        outputs.append(out)
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 1000


def test_streamed_json_fits_the_schema_and_the_models(sample: Path) -> None:
    code, out, _ = cli("check", "--no-cache", "--format", "json", str(sample))
    assert code == 1
    written = json.loads(out)
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text("utf-8"))
    jsonschema.validate(written, schema)
    Report.model_validate(written)  # the contract's own model accepts it
    settings = settings_for(argparse.Namespace(isolated=True), [str(sample)])
    files = sorted(sample.iterdir())
    results = list(check_files(files, settings, jobs=1))
    assert written == json.loads(build_report(results).model_dump_json())


def test_one_clean_file_is_a_valid_report(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("经济及社会理事会，\n", encoding="utf-8")
    code, out, _ = cli("check", "--no-cache", "--format", "json", "--select", "A001", str(clean))
    assert code == 0
    written = json.loads(out)
    assert written["files"][0]["findings"] == [] and written["summary"]["findings"] == 0


def test_results_come_as_files_are_done(tmp_path: Path) -> None:
    """The first result is there before the second file is even read."""
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(SEED, first)
    settings = settings_for(argparse.Namespace(isolated=True, ignore=["X"]), [str(tmp_path)])
    results = check_files([first, second], settings, jobs=1)
    assert next(results).path == str(first)
    shutil.copy(SEED, second)  # written only now
    late = next(results)
    assert late.path == str(second) and late.error is None and late.findings


def test_results_are_compact_and_carry_what_was_asked(sample: Path) -> None:
    settings = settings_for(argparse.Namespace(isolated=True), [str(sample)])
    from linter.engine.needs import Needs

    files = sorted(sample.iterdir())
    for jobs in (1, 2):
        needs = Needs(keys=True, edit_regions=True)
        for result in check_files(files, settings, jobs=jobs, needs=needs):
            assert result.source is None and result.document is None
            assert result.keys is not None and len(result.keys) == len(result.findings)
            assert result.edit_regions is not None
            assert len(result.edit_regions) == len(result.findings)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_only(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "INTERVAL", 0.0)
    terminal = _Terminal()
    out = io.StringIO()
    code = run(["check", "--no-cache", "--format", "json", str(sample)], out, terminal)
    assert code == 1
    drawn = terminal.getvalue()
    assert f"/{len(SAMPLE)} files" in drawn and "findings" in drawn and "files/s" in drawn
    assert drawn.endswith("\r")  # erased at the end
    assert "\r" not in out.getvalue()
    quiet = _Terminal()
    run(["check", "--no-cache", "--quiet", "--exit-zero", str(sample)], io.StringIO(), quiet)
    assert quiet.getvalue() == ""
    plain = io.StringIO()
    run(["check", "--no-cache", "--format", "json", str(sample)], io.StringIO(), plain)
    assert "files/s" not in plain.getvalue()


def test_output_files_appear_whole_or_not_at_all(sample: Path, tmp_path: Path) -> None:
    target = tmp_path / "reports" / "out.sarif"
    code, _, _ = cli("check", "--no-cache", "--output", f"sarif={target}", str(sample))
    assert code == 1 and json.loads(target.read_text("utf-8"))["version"] == "2.1.0"
    assert [p.name for p in target.parent.iterdir()] == ["out.sarif"]  # no temporary left


def test_fix_and_baseline_with_workers_do_what_one_process_does(tmp_path: Path) -> None:
    trees = []
    for jobs in ("1", "2"):
        folder = tmp_path / f"jobs{jobs}"
        folder.mkdir()
        for path in SAMPLE:
            shutil.copy(path, folder / path.name)
        diff = cli("fix", "--isolated", "--diff", "--jobs", jobs, str(folder))
        baseline = folder / "baseline.json"
        recorded = cli(
            "baseline", "--isolated", "--no-cache", "--jobs", jobs, "-o", str(baseline), str(folder)
        )
        fixed = cli("fix", "--isolated", "--jobs", jobs, str(folder))
        texts = {p.name: p.read_bytes() for p in sorted(folder.glob("*.txt"))}
        relative = baseline.read_text("utf-8")
        trees.append(
            (diff[0], diff[1].replace(str(folder), "F"), recorded[0], relative, fixed[0], texts)
        )
    assert trees[0] == trees[1]
    assert trees[0][1].count("+++ bF/") >= 2  # diffs of several files, in file order
    assert trees[0][3].count('"rule"') > 100


@pytest.mark.parametrize("in_memory", [0, 100_000])
def test_version_findings_whether_results_wait_in_memory_or_on_disk(
    in_memory: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from linter.engine import spool
    from tests.test_parallel_versions import _copy_versions, _damage

    monkeypatch.setattr(spool, "IN_MEMORY_FINDINGS", in_memory)
    _damage(_copy_versions(tmp_path)["es"])
    for path in SAMPLE:  # other files between and around the versions
        shutil.copy(path, tmp_path / path.name)
    files = sorted(tmp_path.rglob("*.txt"))
    settings = settings_for(argparse.Namespace(isolated=True), [str(tmp_path)])
    results = list(check_files(files, settings, jobs=2))
    assert [r.path for r in results] == [str(f) for f in files]
    versions = {Path(r.path).parent.name for r in results for f in r.findings if f.rule[0] == "X"}
    assert versions == {"es", "fr"}  # es against the reference (fr), in both files
    reference = list(check_files(files, settings, jobs=1))
    assert [r.findings for r in results] == [r.findings for r in reference]


def test_a_one_file_run_imports_what_it_uses() -> None:
    """A pre-commit run on one file starts no worker and opens no cache it was told not
    to: neither multiprocessing nor sqlite3 (nor pydantic, without configuration or JSON)."""
    import subprocess
    import sys

    code = (
        "import io, sys; from linter.cli.main import run; "
        f"run(['check', '--no-cache', '--isolated', {str(SEED)!r}], io.StringIO(), io.StringIO()); "
        "loaded = [m for m in ('multiprocessing', 'concurrent.futures', 'sqlite3', 'pydantic') "
        "if m in sys.modules]; assert not loaded, loaded"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_a_run_left_early_lets_its_workers_go(tmp_path: Path) -> None:
    """A reader that goes away (a closed pipe, an error) does not wait for the whole run:
    the shards not started are cancelled, and the workers leave after the one in hand."""
    import multiprocessing
    import time

    for copy in range(8):
        for path in SAMPLE:
            shutil.copy(path, tmp_path / f"{copy}-{path.name}")
    files = sorted(tmp_path.iterdir())
    settings = settings_for(argparse.Namespace(isolated=True, ignore=["X"]), [str(tmp_path)])
    before = set(multiprocessing.active_children())
    results = check_files(files, settings, jobs=2)
    for _ in range(3):
        next(results)
    assert set(multiprocessing.active_children()) - before, "the run had workers"
    began = time.monotonic()
    results.close()
    assert time.monotonic() - began < 1  # no waiting for the rest of the run
    while set(multiprocessing.active_children()) - before and time.monotonic() - began < 30:
        time.sleep(0.05)
    assert not set(multiprocessing.active_children()) - before
