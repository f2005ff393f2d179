"""Hostile file systems: nothing is read unbounded, nothing blocks, nothing is written
outside its target, nothing reslint did not create is deleted (issue 15).

Each case of the issue's list: a symbolic link to ``/dev/zero`` and one to a FIFO, a FIFO
and a symbolic link loop among the files, an unreadable folder, a planted symbolic link at
the temporary path, a device node as the output, a read-only target, a file replaced by a
folder, a file changed during ``fix``, a symbolic link out of the tree, hard links,
ownership, stale temporary files, a baseline outside the configuration's folder.
Commands that could block run in a subprocess with a timeout, so a regression fails the
test instead of hanging the suite.
"""

from __future__ import annotations

import json
import os
import secrets
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from linter.engine import writing
from linter.engine.reading import read_file
from linter.engine.writing import Policy, WriteRefused, remove_stale_temporaries, replace_file
from tests.conftest import SEED
from tests.test_cli import cli

SEED_TEXT = SEED.read_bytes()


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "linter", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def seed_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seed in a folder of its own, which is also the working directory."""
    path = tmp_path / "seed.txt"
    path.write_bytes(SEED_TEXT)
    monkeypatch.chdir(tmp_path)
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A checked folder holding one real document."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED_TEXT)
    return folder


# -- reads ------------------------------------------------------------------------------


def test_a_link_to_dev_zero_is_refused_without_reading(tree: Path) -> None:
    (tree / "zero.txt").symlink_to("/dev/zero")
    done = run("check", "--format", "json", str(tree))
    assert done.returncode == 2
    assert f"{tree / 'zero.txt'}: a device, not a regular file; not read" in done.stderr
    files = {Path(f["path"]).name: f for f in json.loads(done.stdout)["files"]}
    assert files["seed.txt"]["findings"]  # the rest is still checked


def test_fifos_are_refused_without_blocking(tree: Path, tmp_path: Path) -> None:
    os.mkfifo(tree / "pipe.txt")
    os.mkfifo(tmp_path / "elsewhere.fifo")
    (tree / "to-pipe.txt").symlink_to(tmp_path / "elsewhere.fifo")
    done = run("check", str(tree), timeout=30)
    assert done.returncode == 2
    assert done.stderr.count("a FIFO (named pipe), not a regular file; not read") == 2
    done = run("check", str(tree / "pipe.txt"), timeout=30)  # named on the command line
    assert done.returncode == 2 and "FIFO" in done.stderr


def test_a_symbolic_link_loop_is_reported_once(tree: Path) -> None:
    (tree / "a.txt").symlink_to(tree / "b.txt")
    (tree / "b.txt").symlink_to(tree / "a.txt")
    code, _, err = cli("check", str(tree))
    assert code == 2
    assert err.count("symbolic link loop") == 2  # a.txt and b.txt, each once
    assert err.count(str(tree / "a.txt")) == 1


def test_the_size_limit_is_enforced_while_reading_not_from_st_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "grows.txt"
    path.write_bytes(b"x" * 100)
    real_stat = os.stat

    def small(target: object, *args: object, **kwargs: object) -> os.stat_result:
        # st_size says 5 bytes, under the limit, as a device or a growing file may.
        values = list(real_stat(target, *args, **kwargs))  # type: ignore[call-overload]
        values[stat.ST_SIZE] = 5
        return os.stat_result(values)

    monkeypatch.setattr(os, "stat", small)
    with pytest.raises(OSError, match="grew over the 10 byte limit"):
        read_file(path, limit=10)


def test_an_unreadable_folder_is_reported_once_and_the_rest_is_checked(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tree / "locked"
    locked.mkdir()
    (locked / "x.txt").write_bytes(SEED_TEXT)
    real_scandir = os.scandir

    def refuse(path: object = ".") -> object:
        if Path(os.fspath(path)) == locked:  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", os.fspath(path))  # type: ignore[arg-type]
        return real_scandir(path)  # type: ignore[arg-type]

    # chmod 000 does not stop root: refuse where the walk reads the folder.
    monkeypatch.setattr(os, "scandir", refuse)
    code, out, err = cli("check", "--format", "concise", str(tree))
    assert code == 2
    assert err == f"reslint: {locked}: cannot read folder: Permission denied\n"
    assert f"{tree / 'seed.txt'}:8:2: A001" in out


# -- writes -----------------------------------------------------------------------------


def test_a_planted_link_at_the_temporary_path_is_never_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    target = tmp_path / "out.json"
    # The attack: PATH.tmp planted as a link to the victim.
    (tmp_path / "out.json.tmp").symlink_to(victim)
    # And the name reslint would pick first, guessed and planted too.
    tokens = iter(["0123456789abcdef", "fedcba9876543210"])
    monkeypatch.setattr(secrets, "token_hex", lambda _n: next(tokens))
    planted = tmp_path / ".out.json.0123456789abcdef.reslint.tmp"
    planted.symlink_to(victim)
    replace_file(target, b"{}\n")
    assert target.read_text(encoding="utf-8") == "{}\n"
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert planted.is_symlink() and (tmp_path / "out.json.tmp").is_symlink()  # not deleted
    assert not list(tmp_path.glob("*fedcba9876543210*"))  # the one used was renamed away


def test_baseline_output_over_a_planted_tmp_link_leaves_the_victim(seed_copy: Path) -> None:
    folder = seed_copy.parent
    victim = folder / "victim.txt.keep"
    victim.write_text("precious\n", encoding="utf-8")
    (folder / "base.json.tmp").symlink_to(victim)
    user_file = folder / "notes.json.tmp"
    user_file.write_text("mine\n", encoding="utf-8")
    code, _, _ = cli("baseline", str(seed_copy), "-o", str(folder / "base.json"))
    assert code == 0
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert (folder / "base.json.tmp").is_symlink()
    assert user_file.read_text(encoding="utf-8") == "mine\n"


def test_a_device_node_as_output_is_refused(tree: Path) -> None:
    code, _, err = cli("check", "--output", "json=/dev/null", str(tree / "seed.txt"))
    assert code == 2
    assert err == (
        "reslint: error: cannot write json report to /dev/null: "
        "is a device, not a regular file; not replaced\n"
    )
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_folder_as_output_and_a_link_as_output_are_refused(tree: Path, tmp_path: Path) -> None:
    (tmp_path / "report.json").mkdir()
    code, _, err = cli("check", "--output", f"json={tmp_path / 'report.json'}", str(tree))
    assert code == 2 and "is a folder, not a regular file" in err
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text("keep\n", encoding="utf-8")
    (tmp_path / "link.json").symlink_to(elsewhere)
    code, _, err = cli("check", "--output", f"json={tmp_path / 'link.json'}", str(tree))
    assert code == 2 and "is a symbolic link; not replaced" in err
    assert elsewhere.read_text(encoding="utf-8") == "keep\n"


def test_a_read_only_file_is_left_alone(tree: Path) -> None:
    path = tree / "seed.txt"
    path.chmod(0o444)
    code, _, err = cli("fix", str(path))
    assert code == 1
    assert "not fixed: is read-only; not rewritten" in err
    assert path.read_bytes() == SEED_TEXT


def test_a_file_with_hard_links_is_left_alone(tree: Path) -> None:
    os.link(tree / "seed.txt", tree / "same.txt.bak")
    code, _, err = cli("fix", str(tree / "seed.txt"))
    assert code == 1 and "has 2 hard links; not rewritten" in err
    assert (tree / "seed.txt").read_bytes() == SEED_TEXT == (tree / "same.txt.bak").read_bytes()


def test_a_file_changed_during_fix_is_not_overwritten(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import linter.fix.files as files

    path = tree / "seed.txt"
    real_fix_text = files.fix_text

    def fix_and_append(*args: object, **kwargs: object) -> object:
        outcome = real_fix_text(*args, **kwargs)  # type: ignore[arg-type]
        with path.open("ab") as stream:  # someone appends while reslint works
            stream.write(b"\nappended meanwhile\n")
        return outcome

    monkeypatch.setattr(files, "fix_text", fix_and_append)
    code, _, err = cli("fix", str(path))
    assert code == 1 and "changed since reslint read it; not written" in err
    assert path.read_bytes() == SEED_TEXT + b"\nappended meanwhile\n"
    assert not [p for p in tree.iterdir() if p.name.endswith(".reslint.tmp")]


def test_a_file_replaced_by_a_folder_is_not_written_over(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(SEED_TEXT)
    _, snapshot = read_file(path)
    path.unlink()
    path.mkdir()
    with pytest.raises(WriteRefused, match="is a folder, not a regular file"):
        replace_file(path, b"new\n", expected=snapshot)
    assert path.is_dir() and not list(tmp_path.glob(".*.reslint.tmp"))


def test_a_symbolic_link_out_of_the_tree_is_left_alone(tmp_path: Path, tree: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "other.txt").write_bytes(SEED_TEXT)
    (tree / "link.txt").symlink_to(outside / "other.txt")
    code, _, err = cli("fix", str(tree))
    assert code == 1
    assert f"{tree / 'link.txt'}: not fixed: is a symbolic link to a file outside" in err
    assert (outside / "other.txt").read_bytes() == SEED_TEXT
    assert (tree / "seed.txt").read_bytes() != SEED_TEXT  # the real file was fixed


def test_a_symbolic_link_inside_the_tree_is_fixed_through(tree: Path) -> None:
    (tree / "sub").mkdir()
    (tree / "sub" / "real.txt").write_bytes(SEED_TEXT)
    (tree / "link.txt").symlink_to(tree / "sub" / "real.txt")
    code, _, _ = cli("fix", str(tree / "link.txt"), str(tree / "sub"))
    assert code == 0
    assert (tree / "link.txt").is_symlink()  # still a link, to the fixed file
    assert (tree / "sub" / "real.txt").read_bytes() != SEED_TEXT


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_ownership_and_mode_are_kept(tree: Path) -> None:
    path = tree / "seed.txt"
    os.chown(path, 65534, 65534)
    path.chmod(0o640)
    code, _, _ = cli("fix", str(path))
    assert code == 0
    found = os.stat(path)
    assert (found.st_uid, found.st_gid, stat.S_IMODE(found.st_mode)) == (65534, 65534, 0o640)


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        replace_file(tmp_path / "new.json", b"{}\n")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(os.stat(tmp_path / "new.json").st_mode) == 0o644


# -- reslint's own leftovers ------------------------------------------------------------


def _aged(path: Path, seconds: float) -> Path:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)
    return path


def test_stale_temporary_files_of_reslint_are_removed_and_nothing_else(tree: Path) -> None:
    old = tree / ".seed.txt.0123456789abcdef.reslint.tmp"  # a fix killed mid-write
    old.write_text("half", encoding="utf-8")
    _aged(old, 3600)
    legacy = tree / ".seed.txt.k3j_9x2a.reslint"  # tempfile.mkstemp's name, older versions
    legacy.write_text("half", encoding="utf-8")
    _aged(legacy, 3600)
    fresh = tree / ".seed.txt.fedcba9876543210.reslint.tmp"  # a write running right now
    fresh.write_text("half", encoding="utf-8")
    lookalike = tree / "seed.txt.reslint.tmp"  # not our pattern: somebody's file
    lookalike.write_text("mine", encoding="utf-8")
    _aged(lookalike, 3600)
    linked = tree / ".x.txt.00000000000000ff.reslint.tmp"
    linked.symlink_to(tree / "seed.txt")
    _aged(linked, 3600)
    code, _, err = cli("fix", str(tree))
    assert code == 0
    assert "removed" in err and str(old) in err and str(legacy) in err
    assert not old.exists() and not legacy.exists()
    assert fresh.exists() and lookalike.exists() and linked.is_symlink()


def test_the_temporary_name_pattern() -> None:
    assert writing.is_temporary_name(".a.txt.0123456789abcdef.reslint.tmp")
    assert writing.is_temporary_name(".a b.txt.k3j_9x2a.reslint")
    assert not writing.is_temporary_name("a.txt.0123456789abcdef.reslint.tmp")
    assert not writing.is_temporary_name(".a.txt.0123456789ABCDEF.reslint.tmp")
    assert not remove_stale_temporaries([Path("/nonexistent-folder")])


def test_a_symbolic_link_is_followed_only_when_asked(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old\n", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(real)
    with pytest.raises(WriteRefused, match="symbolic link"):
        replace_file(tmp_path / "link.txt", b"new\n")
    assert replace_file(tmp_path / "link.txt", b"new\n", policy=Policy(follow_symlink=True)) == real
    assert real.read_text(encoding="utf-8") == "new\n" and (tmp_path / "link.txt").is_symlink()


# -- the baseline's place ---------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "seed.txt").write_bytes(SEED_TEXT)
    (project / "reslint.toml").write_text('baseline = "../outside/x.json"\n', encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "x.json").write_text("theirs\n", encoding="utf-8")
    yield project


def test_a_baseline_outside_the_configuration_folder_needs_a_flag(project: Path) -> None:
    outside = project.parent / "outside" / "x.json"
    code, _, err = cli("baseline", str(project / "docs"))
    assert code == 2 and "lies outside" in err and "--allow-outside" in err
    assert outside.read_text(encoding="utf-8") == "theirs\n"
    code, _, _ = cli("baseline", "--allow-outside", str(project / "docs"))
    assert code == 0 and json.loads(outside.read_text(encoding="utf-8"))["entries"]
