"""Writing a file safely: a new file beside the target, checked, then renamed over it.

Every file reslint writes (``fix``, ``baseline``, ``check --output``) goes through
:func:`replace_file`:

* the new text goes to a temporary file created with ``O_CREAT | O_EXCL | O_NOFOLLOW``
  in the target's folder, under an unpredictable name (``.NAME.<16 hex>.reslint.tmp``):
  nothing planted at that path, a symbolic link least of all, is ever followed or
  overwritten, and no other file is deleted;
* only a regular file is replaced; a folder, a device, a FIFO or a socket is refused,
  and so is a symbolic link, a file with several hard links (the rename would break
  them) or a read-only file, unless the caller says otherwise (:class:`Policy`);
* the permissions and, where the system allows it, the owner and group of the file
  replaced are kept; a file whose owner cannot be kept is refused;
* when the caller read the file first (``fix``), the file must be unchanged just before
  the rename: same inode, size, modification time and SHA-256 of its content, else the
  write is refused and nothing is lost;
* the rename is atomic, the data is flushed first: after a crash the file is the old or
  the new one, never half of either.

An interrupted run may leave a temporary file behind; :func:`remove_stale_temporaries`
removes those of reslint's own (the name pattern, a regular file of this user, older
than :data:`STALE_AFTER` seconds) the next time reslint writes in that folder. Every
refusal is a :class:`WriteRefused` with a one-line reason.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import stat
import time
from collections.abc import Iterable
from pathlib import Path

from linter.engine.reading import FileSnapshot, kind_of
from linter.source.frozen import record

TEMPORARY_SUFFIX = ".reslint.tmp"
#: reslint's temporary files: ``.NAME.<16 hex>.reslint.tmp``, and ``.NAME.<8>.reslint``
#: from versions that used ``tempfile.mkstemp``.
_TEMPORARY = re.compile(r"^\..+\.(?:[0-9a-f]{16}\.reslint\.tmp|[a-z0-9_]{8}\.reslint)$")
#: A temporary file older than this belongs to no running write.
STALE_AFTER = 15 * 60
_ATTEMPTS = 8


class WriteRefused(OSError):
    """reslint will not write this file (one-line reason); nothing was changed."""


@record(slots=False)
class Policy:
    """What a write may replace besides a plain regular file of one link."""

    follow_symlink: bool = False  # replace the file a symbolic link points to
    hard_links: bool = False  # replace a file with other hard links (breaking them)
    read_only: bool = False  # replace a file without write permission


def _refused(path: Path, reason: str) -> WriteRefused:
    error = WriteRefused(errno.EPERM, reason)
    error.filename = str(path)
    return error


def _target(path: Path, policy: Policy) -> tuple[Path, os.stat_result | None]:
    """The path to replace (a link's target when allowed) and its stat (None: new file)."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return path, None
    if stat.S_ISLNK(found.st_mode):
        if not policy.follow_symlink:
            raise _refused(path, "is a symbolic link; not replaced (write to its target)")
        try:
            real = Path(os.path.realpath(path, strict=True))
        except OSError as error:
            reason = "symbolic link loop" if error.errno == errno.ELOOP else "broken link"
            raise _refused(path, f"is a {reason}; not written") from None
        return _target(real, Policy(False, policy.hard_links, policy.read_only))
    if not stat.S_ISREG(found.st_mode):
        raise _refused(path, f"is {kind_of(found.st_mode)}, not a regular file; not replaced")
    if found.st_nlink > 1 and not policy.hard_links:
        raise _refused(
            path,
            f"has {found.st_nlink} hard links; not rewritten (a new file would break them)",
        )
    if not policy.read_only and not os.access(path, os.W_OK, follow_symlinks=False):
        raise _refused(path, "is read-only; not rewritten")
    if not policy.read_only and not found.st_mode & stat.S_IWUSR:
        raise _refused(path, "is read-only; not rewritten")
    return path, found


def _create_temporary(folder: Path, name: str) -> tuple[int, Path]:
    """A new, empty file of ours in ``folder`` (never an existing path, never a link)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    for _ in range(_ATTEMPTS):
        temporary = folder / f".{name}.{secrets.token_hex(8)}{TEMPORARY_SUFFIX}"
        try:
            return os.open(temporary, flags, 0o600), temporary
        except FileExistsError:
            continue  # someone else's file, or a planted link: never touched; try another
    raise _refused(folder / name, "no free temporary name in its folder; not written")


def _unchanged(path: Path, snapshot: FileSnapshot) -> bool:
    """Whether ``path`` is still the file ``snapshot`` describes, content included."""
    try:
        now = os.stat(path)
    except OSError:
        return False
    if (now.st_dev, now.st_ino, now.st_size, now.st_mtime_ns) != (
        snapshot.device,
        snapshot.inode,
        snapshot.size,
        snapshot.mtime_ns,
    ):
        return False
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as stream:
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return False
    return digest.hexdigest() == snapshot.sha256


def _keep_owner_and_mode(descriptor: int, original: os.stat_result | None) -> None:
    """The new file gets the old one's permissions and owner (refused if it cannot)."""
    if original is None:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(descriptor, 0o666 & ~umask)
        return
    os.fchmod(descriptor, stat.S_IMODE(original.st_mode))
    mine = os.fstat(descriptor)
    if (mine.st_uid, mine.st_gid) == (original.st_uid, original.st_gid):
        return
    try:
        os.fchown(descriptor, original.st_uid, original.st_gid)
    except PermissionError:
        raise WriteRefused(
            errno.EPERM, "is owned by another user or group; not rewritten (it would change owner)"
        ) from None


def replace_file(
    path: Path,
    data: bytes,
    *,
    expected: FileSnapshot | None = None,
    policy: Policy = Policy(),
) -> Path:
    """Write ``data`` to ``path`` atomically and safely (module docstring); returns the
    file written (a link's target when the policy follows links)."""
    target, original = _target(path, policy)
    if expected is not None and original is None:
        raise _refused(path, "was removed while reslint was working on it; not written")
    descriptor, temporary = _create_temporary(target.parent, target.name)
    try:
        try:
            _keep_owner_and_mode(descriptor, original)
            view = memoryview(data)
            while view:
                written = os.write(descriptor, view)
                view = view[written:]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        if expected is not None and not _unchanged(target, expected):
            raise _refused(path, "changed since reslint read it; not written (run again)")
        if original is not None:
            _target(target, Policy(False, policy.hard_links, policy.read_only))  # still so
        os.replace(temporary, target)
    except WriteRefused as error:
        _remove(temporary)
        if not error.filename:
            error.filename = str(path)
        raise
    except BaseException:
        _remove(temporary)
        raise
    _sync_folder(target.parent)
    return target


class Replacement:
    """A file written in pieces (a report streamed as results arrive) that replaces
    ``path`` only when complete (:meth:`commit`), by the same rules as
    :func:`replace_file`: a new temporary file of ours beside it, never through a link,
    never over anything but a regular file, its mode and owner kept."""

    def __init__(self, path: Path, policy: Policy = Policy()) -> None:
        self.path = path
        self.target, original = _target(path, policy)
        descriptor, self.temporary = _create_temporary(self.target.parent, self.target.name)
        try:
            _keep_owner_and_mode(descriptor, original)
        except BaseException:
            os.close(descriptor)
            _remove(self.temporary)
            raise
        self.stream = os.fdopen(descriptor, "w", encoding="utf-8", newline="\n")

    def commit(self) -> None:
        """Put the complete file in place of ``path``."""
        try:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
            _target(self.target, Policy(False))  # still a regular file (or absent)
            os.replace(self.temporary, self.target)
        except BaseException:
            self.discard()
            raise
        _sync_folder(self.target.parent)

    def discard(self) -> None:
        """Drop the unfinished file; ``path`` is left as it was."""
        with contextlib.suppress(OSError):
            self.stream.close()
        _remove(self.temporary)


def _remove(temporary: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temporary)


def _sync_folder(folder: Path) -> None:
    """Flush the rename itself (best effort: not every system can open a folder)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def is_temporary_name(name: str) -> bool:
    """Whether ``name`` is the name of one of reslint's temporary files."""
    return bool(_TEMPORARY.match(name))


def remove_stale_temporaries(folders: Iterable[Path], now: float | None = None) -> list[Path]:
    """Remove reslint's own temporary files left by interrupted runs in ``folders``.

    A file is removed only if its name is reslint's pattern, it is a regular file (not a
    link) of this user with one link, and it was last written more than
    :data:`STALE_AFTER` seconds ago (a running write is never that old). Returns what
    was removed."""
    now = time.time() if now is None else now
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    removed: list[Path] = []
    for folder in dict.fromkeys(folders):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if not is_temporary_name(entry.name):
                continue
            try:
                found = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if (
                not stat.S_ISREG(found.st_mode)
                or found.st_nlink != 1
                or (uid is not None and found.st_uid != uid)
                or now - found.st_mtime < STALE_AFTER
            ):
                continue
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed
