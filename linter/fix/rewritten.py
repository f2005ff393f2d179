"""Which files a ``fix`` run has rewritten so far, exactly, whenever it is stopped.

On an interrupt ``reslint fix`` lists the files it had already rewritten (each whole:
writes are atomic), so that whoever stopped it knows what changed. This process records a
file it rewrites together with the rename (``linter.fix.files.fix_file``). A worker
process sends its results only when its whole shard is done, so a file it renamed a
moment before the interrupt would be missing from the list: each worker therefore also
appends the name to a journal file the moment it renames the file, with the signals held
back between the two, and the list read on an interrupt is this process's own plus the
journal's, once the workers have been stopped.

A journal line is the name as JSON (ASCII: a name holding a line break or bytes that are
not UTF-8 still takes one line and reads back the same), written in one ``write`` to a
file opened for appending, so the lines of two workers never mix.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Protocol

# ``json`` is imported where a journal is written or read: only worker processes and an
# interrupted run do either, and a one-file ``fix`` (a pre-commit hook) imports nothing
# else that needs it.


class Written(Protocol):
    """Where a rewritten file's name is recorded (a list, or a worker's journal)."""

    def append(self, name: str, /) -> None: ...


class Rewritten:
    """The names of the files a run rewrote, in the order this process learnt of them,
    each once: its own, then (:meth:`names`) those only the journal holds."""

    def __init__(self, journal: str | None = None) -> None:
        self.journal = journal
        self._names: list[str] = []
        self._seen: set[str] = set()

    def append(self, name: str, /) -> None:
        if name not in self._seen:
            self._seen.add(name)
            self._names.append(name)

    def names(self) -> list[str]:
        """Every file rewritten so far, the workers' included (read once they stopped)."""
        if self.journal is not None:
            for name in read_journal(self.journal):
                self.append(name)
        return list(self._names)


class JournalWriter:
    """A worker's end of the journal: one line per file, appended as it is renamed."""

    def __init__(self, path: str) -> None:
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND)

    def __enter__(self) -> JournalWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def append(self, name: str, /) -> None:
        import json

        os.write(self._fd, (json.dumps(name) + "\n").encode("ascii"))

    def close(self) -> None:
        os.close(self._fd)


@contextlib.contextmanager
def journal(write: bool) -> Iterator[Rewritten]:
    """What a run rewrites; with a journal file (in the temporary folder, removed after
    the run) when it writes files at all. Without a temporary folder to write in, the run
    goes on without a journal: only a list printed on an interrupt may then miss files a
    worker had just rewritten."""
    path = _new_journal() if write else None
    if path is None:
        yield Rewritten()
        return
    try:
        yield Rewritten(path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)


_PREFIX = "reslint-rewritten-"
_SUFFIX = ".jsonl"


def _new_journal() -> str | None:
    _remove_orphans(tempfile.gettempdir())
    try:
        handle, path = tempfile.mkstemp(prefix=f"{_PREFIX}{os.getpid()}-", suffix=_SUFFIX)
    except OSError:
        return None
    os.close(handle)
    return path


def _remove_orphans(folder: str) -> None:
    """Remove the journals of runs that were killed outright (SIGKILL, a power cut), whose
    own cleanup never ran: a journal names its run's process, and one whose process is
    gone and that this user owns is nobody's. A process id taken again by another process
    keeps its journal until that process is gone too (never the other way round). POSIX
    only: elsewhere ``os.kill(pid, 0)`` is no liveness test (Windows sends Ctrl-C)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if not (name.startswith(_PREFIX) and name.endswith(_SUFFIX)):
                continue
            pid = name[len(_PREFIX) :].split("-", 1)[0]
            with contextlib.suppress(OSError):
                if pid.isdigit() and entry.stat().st_uid == os.getuid() and not _alive(int(pid)):
                    os.unlink(entry.path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # alive, another user's
        return True
    return True


def read_journal(path: str) -> list[str]:
    """The names in a journal; a line that does not read back whole is skipped (a worker
    killed outright in the middle of its write)."""
    import json

    try:
        data = Path(path).read_bytes()
    except OSError:
        return []
    names = []
    for line in data.splitlines():
        with contextlib.suppress(ValueError):
            name = json.loads(line)
            if isinstance(name, str):
                names.append(name)
    return names
