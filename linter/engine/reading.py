"""Reading a file safely: regular files only, and never more than the size limit.

A linter run on an archive, in CI or behind a service must not block or exhaust memory
whatever the folder holds. So a path is read only when it is (or its symbolic link leads
to) a regular file; a FIFO would block forever, and a device such as ``/dev/zero``
never ends. The size limit is enforced while reading, not trusted from ``st_size``
(which a device or a file growing under us does not honour), and the file opened is
checked to be the one that was stat'ed.

Every refusal is an :class:`OSError` with a one-line reason: the callers report it as
the file's error (exit code 2) and go on with the other files.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

from linter.source.frozen import record

#: Files larger than this are reported, not read: no resolution comes near it.
MAX_BYTES = 64 * 1024 * 1024
_CHUNK = 1024 * 1024


@record
class FileSnapshot:
    """What a file was when it was read: the writer compares it before replacing it."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    sha256: str
    mode: int
    uid: int
    gid: int
    links: int


def kind_of(mode: int) -> str:
    """A file type in words, for messages."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "not a regular file"


def _refuse(path: Path, reason: str, code: int = errno.EINVAL) -> OSError:
    error = OSError(code, reason)
    error.filename = str(path)
    return error


def read_file(path: Path, limit: int = MAX_BYTES) -> tuple[bytes, FileSnapshot]:
    """The bytes of ``path`` and a snapshot of it; :class:`OSError` with a one-line
    reason if it is not a regular file, is a symbolic link loop, or is over ``limit``."""
    try:
        before = os.stat(path)  # follows symbolic links: a link to a regular file is read
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _refuse(path, "symbolic link loop; not read", errno.ELOOP) from None
        raise
    if not stat.S_ISREG(before.st_mode):
        code = errno.EISDIR if stat.S_ISDIR(before.st_mode) else errno.EINVAL
        raise _refuse(path, f"{kind_of(before.st_mode)}, not a regular file; not read", code)
    if before.st_size > limit:
        size = before.st_size
        raise _refuse(path, f"file is {size} bytes, over the {limit} byte limit; not read")
    # O_NONBLOCK: if the path was swapped for a FIFO since the stat, opening does not block.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)
    try:
        opened = os.fstat(descriptor)
        if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (
            before.st_dev,
            before.st_ino,
        ):
            raise _refuse(path, "the file was replaced while being opened; not read")
        chunks: list[bytes] = []
        total = 0
        digest = hashlib.sha256()
        while True:
            chunk = os.read(descriptor, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            digest.update(chunk)
            total += len(chunk)
            if total > limit:
                raise _refuse(path, f"file grew over the {limit} byte limit while read; not read")
    finally:
        os.close(descriptor)
    snapshot = FileSnapshot(
        device=opened.st_dev,
        inode=opened.st_ino,
        size=total,
        mtime_ns=opened.st_mtime_ns,
        sha256=digest.hexdigest(),
        mode=opened.st_mode,
        uid=opened.st_uid,
        gid=opened.st_gid,
        links=opened.st_nlink,
    )
    return b"".join(chunks), snapshot


def read_limited(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of ``path`` (see :func:`read_file`)."""
    return read_file(path, limit)[0]


def reason(error: OSError) -> str:
    """The one-line reason of an error from this module or the OS."""
    return error.strerror or str(error)
