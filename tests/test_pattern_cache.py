"""The compiled-pattern cache gives the patterns ``re`` would, or steps aside.

It uses a private CPython interface (``_sre.compile`` on code lists kept across runs), so
these tests hold it hard: every pattern a lint of the corpus compiles, made from the
cache, equals ``re``'s own (a pattern's equality compares its code); a second run reads
them all and writes nothing; outputs are the same with the cache, without it, and with a
corrupt, foreign or malformed file; ``--no-cache`` and the variable turn it off.
"""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from linter.engine import patterns
from linter.engine.patterns import PatternCache
from tests.conftest import CORPUS, SEED

ROOT = Path(__file__).resolve().parent.parent
#: One file of every language, and English ones from each source.
FILES = [
    str(SEED),
    *(str(next(iter(sorted((CORPUS / lang).glob("*.txt"))))) for lang in ("ar", "es", "fr", "ru")),
    *(str(path) for path in sorted((CORPUS / "zh").glob("*.txt"))),
    *(str(path) for path in sorted((CORPUS / "en").glob("*.txt"))[:8]),
    *(str(path) for path in sorted((CORPUS / "en-sc").glob("*.txt"))[:8]),
]
_ORIGINAL: Any = re._compiler.compile  # type: ignore[attr-defined]
#: An entry whose code is two integers: not a valid program for _sre.
_BAD_ENTRY = (0, b"\x01\x00\x00\x00\x02\x00\x00\x00", 0, {}, ())


def _check(folder: Path | None, *flags: str, env: dict[str, str] | None = None) -> str:
    """The JSON report of a new process's ``reslint check`` of :data:`FILES`."""
    cache = ["--no-cache"] if folder is None else ["--cache-dir", str(folder)]
    check = [sys.executable, "-m", "linter", "check", "--format", "json", "--jobs", "1"]
    done = subprocess.run(
        [*check, "--isolated", *cache, *flags, *FILES],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        check=False,
    )
    assert done.returncode == 1, done.stderr
    return done.stdout


def _file(folder: Path) -> Path:
    [found] = folder.glob("patterns-*.marshal")
    return found


def _entries(path: Path) -> dict[tuple[str, int], Any]:
    """Every entry of the cache file at ``path`` (each read and checked as a run does)."""
    cache = PatternCache(path.parent)
    assert cache.path == path
    cache.load()
    found = {}
    for slot in cache.index:
        if slot.startswith(b"toml"):  # a data file's values: see the test of those
            continue
        blob = cache._read(slot)
        assert blob is not None
        pattern, flags, entry = marshal.loads(blob)
        found[(pattern, flags)] = entry
    cache.close()
    return found


@pytest.fixture(scope="module")
def warmed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A cache folder after one run, and the report of a run without any cache."""
    folder = tmp_path_factory.mktemp("patterns")
    reference = _check(None)
    assert _check(folder) == reference
    return folder, reference


def test_every_pattern_from_the_cache_equals_res_own(warmed: tuple[Path, str]) -> None:
    entries = _entries(_file(warmed[0]))
    assert len(entries) > 150  # the scans of six languages, layout and rules
    for (pattern, flags), entry in entries.items():
        assert patterns._make(pattern, entry) == _ORIGINAL(pattern, flags), pattern[:80]


def test_every_data_file_from_the_cache_equals_tomllibs_reading(
    warmed: tuple[Path, str],
) -> None:
    import tomllib

    cache = PatternCache(warmed[0])
    cache.load()
    kept = 0
    for path in sorted((ROOT / "rules" / "data").rglob("*.toml")):
        text = path.read_text(encoding="utf-8")
        data = cache.get_data(text)
        if data is not None:
            assert data == tomllib.loads(text), path
            kept += 1
    cache.close()
    assert kept >= 10  # six lexicons, their numerals, bodies and calendars


def test_a_second_run_reads_every_pattern_and_writes_nothing(warmed: tuple[Path, str]) -> None:
    folder, reference = warmed
    path = _file(folder)
    before = path.read_bytes(), path.stat().st_mtime_ns
    assert _check(folder) == reference
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:1000],  # cut short
        lambda data: data[:40] + bytes([data[40] ^ 0xFF]) + data[41:],  # in the index
        lambda data: data[:-99] + bytes([data[-99] ^ 0xFF]) + data[-98:],  # in an entry
        lambda data: b"",
        lambda data: b"\x00" * 64,
    ],
)
def test_a_corrupt_file_is_passed_over_and_written_again(
    warmed: tuple[Path, str], tmp_path: Path, damage: Any
) -> None:
    folder, reference = warmed
    path = tmp_path / _file(folder).name
    path.write_bytes(damage(_file(folder).read_bytes()))
    assert _check(tmp_path) == reference
    assert len(_entries(path)) > 150


def test_a_file_of_another_version_is_not_read(
    warmed: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, reference = warmed
    foreign = PatternCache(tmp_path)  # named for this version, written for another
    # Whole and well formed, but its code lists are garbage here.
    for (pattern, flags), _entry in _entries(_file(folder)).items():
        slot = patterns._hash(pattern, flags)
        foreign.new[slot] = marshal.dumps((pattern, flags, _BAD_ENTRY))
    monkeypatch.setattr(patterns, "_key", lambda: "another version")
    foreign.save()
    monkeypatch.undo()
    assert _check(tmp_path) == reference
    assert len(_entries(_file(tmp_path))) > 150  # written again, for this version


def test_a_malformed_entry_is_compiled_as_usual(tmp_path: Path) -> None:
    pattern = r"(?P<unique>qz{2,5})\d+ malformed-entry-test"
    slot = patterns._hash(pattern, 0)
    writer = PatternCache(tmp_path)
    writer.new[slot] = marshal.dumps((pattern, 0, _BAD_ENTRY))  # bad code
    writer.save()
    cache = PatternCache(tmp_path)
    cache.load()
    assert slot in cache.index
    assert cache.install()
    try:
        made = re._compiler.compile(pattern, 0)  # type: ignore[attr-defined]
    finally:
        cache.uninstall()
    assert made == _ORIGINAL(pattern, 0)
    assert slot not in cache.index and slot in cache.new  # replaced by the right code
    cache.save()
    assert _entries(cache.path)[(pattern, 0)] != _BAD_ENTRY


def test_an_entry_is_used_only_for_its_own_pattern(tmp_path: Path) -> None:
    """A hash that led to another pattern's entry (never seen: 128 bits) is not used."""
    cache = PatternCache(tmp_path)
    slot = patterns._hash("first-pattern", 0)
    cache.new[slot] = marshal.dumps(("other-pattern", 0, patterns._build("other-pattern", 0)[1]))
    cache.save()
    cache = PatternCache(tmp_path)
    cache.load()
    assert cache._cached("first-pattern", 0, slot) is None
    cache.close()


def test_the_cache_is_off_with_no_cache_and_with_the_variable(
    warmed: tuple[Path, str], tmp_path: Path
) -> None:
    reference = warmed[1]
    variable = {patterns.DISABLE_VARIABLE: "1"}
    assert _check(tmp_path, env=variable) == reference
    assert not list(tmp_path.glob("patterns-*"))
    assert patterns.folder_for(None) is not None
    os.environ[patterns.DISABLE_VARIABLE] = "1"
    try:
        assert patterns.folder_for(str(tmp_path)) is None
    finally:
        del os.environ[patterns.DISABLE_VARIABLE]


def test_an_unknown_python_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patterns, "SUPPORTED", ())
    assert not PatternCache(tmp_path).install()
    assert re._compiler.compile is _ORIGINAL  # type: ignore[attr-defined]


def test_the_file_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patterns, "MAX_ENTRIES", 3)
    monkeypatch.setattr(patterns, "KEEP_FILES", 2)
    for old in range(3):  # files of other versions
        (tmp_path / f"patterns-old{old}.marshal").write_bytes(b"x")
        os.utime(tmp_path / f"patterns-old{old}.marshal", (old, old))
    cache = PatternCache(tmp_path)
    assert cache.install()
    try:
        for number in range(6):
            made = re._compiler.compile(rf"bounded-test-{number}\d+", 0)  # type: ignore[attr-defined]
            assert made == _ORIGINAL(rf"bounded-test-{number}\d+", 0)
    finally:
        cache.uninstall()
    cache.save()
    assert len(_entries(cache.path)) == 3
    assert sorted(p.name for p in tmp_path.glob("patterns-*")) == sorted(
        [cache.path.name, "patterns-old2.marshal"]
    )


def test_data_values_are_used_only_for_their_own_text(tmp_path: Path) -> None:
    text, other = 'script = "Han"\n', 'script = "Latin"\n'
    writer = PatternCache(tmp_path)
    slot, _digest = patterns._data_slot(text)
    writer.new[slot] = marshal.dumps(("toml", patterns._data_slot(other)[1], {"script": "x"}))
    writer.put_data(other, {"script": "Latin"})
    writer.save()
    cache = PatternCache(tmp_path)
    cache.load()
    assert cache.get_data(text) is None
    assert cache.get_data(other) == {"script": "Latin"}
    cache.close()
