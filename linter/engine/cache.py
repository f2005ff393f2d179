"""A cache of results, keyed on what a result depends on: file content and the run's job.

A file's compact result depends only on its bytes, the reslint version (and its code: see
:func:`code_stamp`), the rules run on it, their options and severities, a forced language
and what the result must carry (:class:`~linter.engine.needs.Needs`); the key hashes
exactly these. Not the path: a file moved or copied is found again (the path is written
back on the way out; the version facts carry it too). Not the other files of the run
either: the X rules' comparison is made after the cache, on every run.

Storage is one SQLite file (the standard library's ``sqlite3``): a transaction makes
every write whole, WAL mode and a busy timeout let several runs share the cache at once,
and a run that cannot use it (locked too long, a full disk, a corrupt file) goes on
without it and says why once. Values are pickled and compressed; the cache folder is
made private to its user, since pickles must only be read from where this user wrote
them. The size is bounded: when a run ends with the file over :data:`DEFAULT_MAX_BYTES`,
the entries used longest ago are dropped until it is under three quarters of that.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import time
import zlib
from dataclasses import replace
from functools import cache
from pathlib import Path

from linter import __version__
from linter.engine.jobs import Packed
from linter.engine.results import FileResult

DEFAULT_MAX_BYTES = 512 * 1024 * 1024
FILE_NAME = "results-v1.sqlite"
#: Entries written per transaction (fewer commits, less fsync).
_BATCH = 256
#: How long a run waits for a cache another run holds (SQLite's busy timeout, and the
#: time opening it may be retried), in seconds.
BUSY_SECONDS = 10.0
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB NOT NULL,"
    " size INTEGER NOT NULL, used INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS results_used ON results (used)",
)


def default_folder(project: Path | None) -> Path:
    """``RESLINT_CACHE_DIR``; else ``.reslint_cache`` beside the configuration file (the
    project); else the user cache folder (``$XDG_CACHE_HOME/reslint``, ``~/.cache/reslint``)."""
    configured = os.environ.get("RESLINT_CACHE_DIR")
    if configured:
        return Path(configured)
    if project is not None:
        return project / ".reslint_cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reslint"


@cache
def code_stamp() -> str:
    """A stamp of reslint's own code and data (each file's name, size and modification
    time): an upgrade changes the version, but a developer's edit to a rule or a lexicon
    in an editable install does not, and must not be answered from the cache."""
    from importlib.util import find_spec

    stamp = hashlib.blake2b(digest_size=16)
    roots = set()
    for package in ("linter", "linter.rules"):  # the rules install as linter.rules
        spec = find_spec(package)
        if spec is not None and spec.origin:
            roots.add(os.path.dirname(spec.origin))
    # os.walk and plain strings, not Path.rglob: this runs on every run with a cache,
    # and sorting some 800 Path objects was most of its time.
    for root in sorted(roots):
        for folder, folders, names in os.walk(root):
            folders[:] = sorted(f for f in folders if f != "__pycache__")  # byte code only
            for name in sorted(names):
                if name.endswith((".py", ".toml", ".yaml", ".tsv")):
                    path = os.path.join(folder, name)
                    info = os.stat(path)
                    stamp.update(f"{path}\x1f{info.st_size}\x1f{info.st_mtime_ns}\n".encode())
    return stamp.hexdigest()


def job_digest(*parts: str) -> str:
    """A digest of what, besides the content, a result depends on (the version and the
    code included)."""
    text = "\x1f".join((__version__, code_stamp(), *parts))
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


class ResultCache:
    """Compact results by key; every failure turns the cache off for the run."""

    def __init__(self, folder: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self.problem: str | None = None  # why the cache was turned off, if it was
        self.hits = self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._writes: list[tuple[str, bytes, int, int]] = []
        self._used: list[str] = []

    @staticmethod
    def key(data: bytes, job: str) -> str:
        """The key of a file's bytes under a job digest (:func:`job_digest`)."""
        content = hashlib.blake2b(data, digest_size=20)
        content.update(job.encode())
        return content.hexdigest()

    def _connection(self) -> sqlite3.Connection | None:
        if self._db is None and self.problem is None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
                ignore = self.folder / ".gitignore"
                if not ignore.exists():
                    ignore.write_text("# made by reslint: the cache is never committed\n*\n")
                self._db = self._open()
            except (OSError, sqlite3.Error) as error:
                self._fail(error)
        return self._db

    def _open(self) -> sqlite3.Connection:
        """Open the cache, retried while another run holds it.

        SQLite waits up to its busy timeout for most locks, but not for all: switching a
        new file to WAL mode while another run opens it too returns "database is locked"
        at once (waiting could deadlock the two). Runs started together on a new cache
        folder met it under load; opening is therefore tried again, with growing pauses,
        for as long as the busy timeout."""
        deadline = time.monotonic() + BUSY_SECONDS
        pause = 0.01
        while True:
            db = sqlite3.connect(
                self.folder / FILE_NAME, timeout=BUSY_SECONDS, isolation_level=None
            )
            try:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                for statement in _SCHEMA:
                    db.execute(statement)
                return db
            except sqlite3.OperationalError as error:
                db.close()
                if not _busy(error) or time.monotonic() + pause > deadline:
                    raise
            except BaseException:
                db.close()
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)

    def _fail(self, error: Exception) -> None:
        self.problem = f"cache at {self.folder} not used: {error}"
        if self._db is not None:
            self._db.close()
        self._db = None
        self._writes.clear()

    def get(self, key: str, path: str) -> FileResult | None:
        """The result stored under ``key``, as the result of the file at ``path``."""
        db = self._connection()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as error:
            self._fail(error)
            return None
        if row is None:
            self.misses += 1
            return None
        try:
            result = pickle.loads(zlib.decompress(row[0]))
        except Exception:  # an entry from a broken write: treat as missing, rewrite it
            self.misses += 1
            return None
        if not isinstance(result, FileResult):
            self.misses += 1
            return None
        self.hits += 1
        self._used.append(key)
        return at_path(result, path)

    def put(self, key: str, result: FileResult | Packed) -> None:
        if self._connection() is None:
            return
        if isinstance(result, Packed):
            blob = result.blob
        else:
            blob = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        value = zlib.compress(blob, 1)
        self._writes.append((key, value, len(value), int(time.time())))
        if len(self._writes) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        db = self._db
        if db is None or (not self._writes and not self._used):
            return
        now = int(time.time())
        try:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)", self._writes)
            db.executemany(
                "UPDATE results SET used = ? WHERE key = ?", [(now, k) for k in self._used]
            )
            db.execute("COMMIT")
        except sqlite3.Error as error:
            self._fail(error)
            return
        self._writes.clear()
        self._used.clear()

    def close(self) -> None:
        """Write what is pending, keep the file under its bound, and let it go."""
        self.flush()
        db = self._db
        if db is None:
            return
        try:
            self._evict(db)
        except sqlite3.Error as error:
            self._fail(error)
        finally:
            if self._db is not None:
                self._db.close()
                self._db = None

    def _evict(self, db: sqlite3.Connection) -> None:
        total = db.execute("SELECT COALESCE(SUM(size), 0) FROM results").fetchone()[0]
        if total <= self.max_bytes:
            return
        target = total - self.max_bytes * 3 // 4
        db.execute("BEGIN IMMEDIATE")
        freed = 0
        doomed = []
        for key, size in db.execute("SELECT key, size FROM results ORDER BY used"):
            doomed.append((key,))
            freed += size
            if freed >= target:
                break
        db.executemany("DELETE FROM results WHERE key = ?", doomed)
        db.execute("COMMIT")


def _busy(error: sqlite3.OperationalError) -> bool:
    """Whether SQLite refused because another connection holds the file."""
    message = str(error).lower()
    return "locked" in message or "busy" in message


def at_path(result: FileResult, path: str) -> FileResult:
    """A cached result as the result of the file at ``path`` (the content may have been
    seen under another name): the path, and the version facts' path and name key."""
    if result.path == path:
        return result
    versions = result.versions
    if versions is not None:
        from linter.facts.version_model import version_key

        versions = replace(versions, path=path, name_key=version_key(path, None)[0])
    return replace(result, path=path, versions=versions)
