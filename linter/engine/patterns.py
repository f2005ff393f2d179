"""A cache of compiled regular expressions across runs (the command line's start-up),
and of reslint's parsed data files.

A resolution's first lint compiles some 170 regular expressions (the scans of dates, acts,
Official Records, layout and rules): 60 to 70 ms of a pre-commit hook's run, the same
every time. Python compiles a pattern in two steps: parsing and code generation, in Python
(``re._parser``, ``re._compiler``: all of that time), then ``_sre.compile``, in C, which
turns the code, a list of integers, into the pattern object in microseconds. This module
keeps the code lists of the patterns a run compiled in a file of the user cache folder
and hands them to ``_sre.compile`` in the next run (1 to 2 ms for all of them).

That is a private CPython interface, so it is fenced in:

- only on the Python versions whose ``re._compiler.compile`` this mirrors line for line
  (3.11 to 3.13), and only once a probe pattern built here equals the one ``re`` builds
  (a pattern object's equality compares its code);
- the file is keyed by ``sys.version``, ``_sre.MAGIC`` and reslint's version, carries a
  digest of its index and of each entry, each entry holds its pattern (compared with
  the one asked for), and it is written whole or not at all (a temporary file renamed);
  anything unexpected in it (another key, a bad digest, a malformed entry, an error
  from ``_sre.compile``) and the pattern is compiled as usual;
- it is bounded (:data:`MAX_ENTRIES` patterns, :data:`MAX_BYTES`, :data:`KEEP_FILES`
  files), and a run reads only the entries of the patterns it compiles; used only by the
  command line (not the API, the service or the language server, which compile once per
  process anyway), and turned off by ``--no-cache`` or ``RESLINT_NO_PATTERN_CACHE=1``.

The same file keeps the parsed values of reslint's own data files (the TOML of
``rules/data/``, some 10 ms to parse in every run: :mod:`linter.source.data_files`),
keyed by a digest of the text, for the same runs.

The command line :func:`arm` s it; the file is read and the hook installed only when a
file is first linted (:func:`activate`): a run answered from the results cache compiles
next to nothing and does not pay for reading it. :func:`finish` saves what is new.

``tests/test_pattern_cache.py`` holds every pattern a lint of the corpus compiles, made
from the cache, equal to ``re.compile``'s, and covers the corrupt and foreign files.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from array import array
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

#: The Python versions whose ``re._compiler.compile`` :func:`_build` mirrors.
SUPPORTED = ((3, 11), (3, 12), (3, 13))
#: Patterns kept in one file at most (a lint compiles about 170; every language, 300).
MAX_ENTRIES = 2000
#: Bytes of entries kept from earlier runs at most (six languages' scans: some 17 MB).
MAX_BYTES = 48 * 1024 * 1024
#: Files kept in a folder (other Python or reslint versions), the oldest removed first.
KEEP_FILES = 4
#: Turns the cache off when set to 1.
DISABLE_VARIABLE = "RESLINT_NO_PATTERN_CACHE"
_PREFIX = "patterns-"
_PROBE = r"(?P<word>[^\W\d_]+)\s*(?:\d{1,3}|(?<=x)y)(?i:ß)$"

#: (final flags, code, groups - 1, groupindex, indexgroup): ``_sre.compile``'s arguments,
#: the code as the bytes of an array of ``_sre.CODESIZE``-byte integers (written and
#: read ten times faster than a list of ints).
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]


def _private(name: str) -> Any:
    """A private module of the standard library (no type stubs: ``_sre``, ``re._parser``)."""
    import importlib

    return importlib.import_module(name)


def _key() -> str:
    from linter import __version__

    text = f"{sys.version}\x1f{_private('_sre').MAGIC}\x1f{__version__}"
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


@cache
def _typecode() -> str | None:
    """The array type of ``_sre``'s code units (None: none fits, the cache stays off)."""
    size = _private("_sre").CODESIZE
    return next((code for code in "IHL" if array(code).itemsize == size), None)


def _make(pattern: str, entry: Entry) -> Any:
    """The pattern object of an entry (``_sre.compile``)."""
    flags, code, groups, groupindex, indexgroup = entry
    units = array(_typecode() or "I", code).tolist()
    return _private("_sre").compile(pattern, flags, units, groups, groupindex, indexgroup)


def _build(pattern: str, flags: int) -> tuple[Any, Entry]:
    """What ``re._compiler.compile(pattern, flags)`` does (3.11-3.13), keeping the code."""
    compiler, parser = _private("re._compiler"), _private("re._parser")
    parsed = parser.parse(pattern, flags)
    code = compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    groups = parsed.state.groups - 1
    made = _private("_sre").compile(
        pattern, flags | parsed.state.flags, code, groups, groupindex, tuple(indexgroup)
    )
    units = array(_typecode() or "I", code).tobytes()
    return made, (flags | parsed.state.flags, units, groups, groupindex, tuple(indexgroup))


#: The start of a cache file (its format: :meth:`PatternCache.save`).
_MAGIC = b"reslint patterns 1\n"


def _hash(pattern: str, flags: int) -> bytes:
    text = f"{flags}\x1f{pattern}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=16).digest()


def _data_slot(text: str) -> tuple[bytes, bytes]:
    """The slot and the content digest of a data file's text."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=32).digest()
    return b"toml" + digest[:12], digest


def _digest(blob: bytes) -> bytes:
    return hashlib.blake2b(blob, digest_size=16).digest()


class PatternCache:
    """The compiled code of the patterns of past runs, and of this run's new ones.

    The file holds an index (pattern hash → place, length and digest of its entry) and
    the entries; a run reads the index and only the entries of the patterns it compiles
    (a file that has served six languages is megabytes; one language needs a tenth)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / f"{_PREFIX}{_key()}.marshal"
        self.index: dict[bytes, tuple[int, int, bytes]] = {}
        self.new: dict[bytes, bytes] = {}  # entries made by this run, marshalled
        self.used: set[bytes] = set()
        self.hits = 0
        self._stream: Any = None
        self._data_start = 0
        self._original: Callable[..., Any] | None = None

    @property
    def added(self) -> int:
        return len(self.new)

    def load(self) -> None:
        """Read the index of this key's file, if there is one and it is whole."""
        try:
            stream = self.path.open("rb")
        except OSError:
            return
        try:
            head = stream.read(len(_MAGIC) + 24)
            if head[: len(_MAGIC)] != _MAGIC:
                raise ValueError("not a pattern cache")
            size = int.from_bytes(head[len(_MAGIC) : len(_MAGIC) + 8], "little")
            blob = stream.read(size)
            if _digest(blob) != head[len(_MAGIC) + 8 :]:
                raise ValueError("index damaged")
            key, index = marshal.loads(blob)
            if key != _key() or not isinstance(index, dict):
                raise ValueError("another key")
        except (OSError, ValueError, EOFError, TypeError):
            stream.close()
            return
        self.index, self._stream = index, stream
        self._data_start = len(_MAGIC) + 24 + size

    def _read(self, slot: bytes) -> bytes | None:
        """The marshalled entry of ``slot`` from the file, if it is whole."""
        try:
            offset, length, digest = self.index[slot]
            self._stream.seek(self._data_start + offset)
            blob: bytes = self._stream.read(length)
        except (OSError, ValueError, TypeError):
            return None
        return blob if _digest(blob) == digest else None

    def _cached(self, pattern: str, flags: int, slot: bytes) -> Any:
        """The pattern made from its cached entry, or None."""
        blob = self._read(slot)
        if blob is None:
            return None
        try:
            stored, stored_flags, entry = marshal.loads(blob)
            if stored != pattern or stored_flags != flags:  # not this one: never trusted
                return None
            made = _make(pattern, entry)
        except Exception:  # a malformed entry: compiled as usual, and replaced
            return None
        self.used.add(slot)
        self.hits += 1
        return made

    def get_data(self, text: str) -> dict[str, Any] | None:
        """The parsed values of a data file's ``text`` (:mod:`linter.source.data_files`),
        if kept: the entry holds the text's own digest, compared with this one's."""
        slot, digest = _data_slot(text)
        if slot not in self.index:
            return None
        blob = self._read(slot)
        try:
            kind, stored, data = marshal.loads(blob) if blob is not None else (None, None, None)
        except (ValueError, EOFError, TypeError):
            kind = None
        if kind != "toml" or stored != digest or not isinstance(data, dict):
            del self.index[slot]
            return None
        self.used.add(slot)
        self.hits += 1
        return data

    def put_data(self, text: str, data: dict[str, Any]) -> None:
        """Keep the parsed values of a data file's text (values marshal cannot write,
        such as dates, are not kept: the text is parsed again next time)."""
        slot, digest = _data_slot(text)
        if len(self.index) + len(self.new) < MAX_ENTRIES:
            with contextlib.suppress(ValueError):
                self.new[slot] = marshal.dumps(("toml", digest, data))

    def compile(self, pattern: Any, flags: int = 0) -> Any:
        """``re._compiler.compile``, from the cache when it holds the pattern."""
        original = self._original
        assert original is not None
        if type(pattern) is not str or flags & 128:  # re.DEBUG prints the code: as usual
            return original(pattern, flags)
        slot = _hash(pattern, flags)
        if slot in self.index:
            made = self._cached(pattern, flags, slot)
            if made is not None:
                return made
            del self.index[slot]
        try:
            made, entry = _build(pattern, flags)
        except Exception:  # an invalid pattern: let re raise its own error
            return original(pattern, flags)
        if len(self.index) + len(self.new) < MAX_ENTRIES:
            self.new[slot] = marshal.dumps((pattern, flags, entry))
        return made

    def install(self) -> bool:
        """Route ``re``'s compilation through the cache, if this Python is one it knows
        and the probe pattern built here equals ``re``'s. Returns whether it did."""
        if sys.version_info[:2] not in SUPPORTED or _typecode() is None:
            return False
        compiler = _private("re._compiler")
        original = compiler.compile
        try:
            if _build(_PROBE, 0)[0] != original(_PROBE, 0):
                return False
        except Exception:
            return False
        self._original = original
        compiler.compile = self.compile
        return True

    def uninstall(self) -> None:
        if self._original is not None:
            _private("re._compiler").compile = self._original
            self._original = None

    def save(self) -> None:
        """Write the file when this run compiled new patterns: the index, then the
        entries (the old ones that are whole, unless the file would pass
        :data:`MAX_BYTES`: then only this run's), whole (a temporary file renamed),
        private to the user; the oldest files of other keys are removed."""
        if not self.new:
            self.close()
            return
        import tempfile

        entries = dict(self.new)
        kept = 0
        for slot in list(self.index):
            blob = self._read(slot)
            if blob is not None and kept + len(blob) <= MAX_BYTES:
                entries.setdefault(slot, blob)
                kept += len(blob)
            elif blob is not None and slot in self.used:
                entries.setdefault(slot, blob)
        self.close()
        index: dict[bytes, tuple[int, int, bytes]] = {}
        offset = 0
        for slot, blob in entries.items():
            index[slot] = (offset, len(blob), _digest(blob))
            offset += len(blob)
        head = marshal.dumps((_key(), index))
        # A cache that cannot be written is no reason for a run to fail.
        with contextlib.suppress(OSError, ValueError):
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".patterns-")
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(_MAGIC + len(head).to_bytes(8, "little") + _digest(head))
                    stream.write(head)
                    for blob in entries.values():
                        stream.write(blob)
                os.replace(temporary, self.path)
            except BaseException:
                os.unlink(temporary)
                raise
            others = sorted(self.folder.glob(f"{_PREFIX}*.marshal"), key=_modified)
            for old in others[: max(0, len(others) - KEEP_FILES)]:
                old.unlink()

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = None


_armed: Path | None = None
_active: PatternCache | None = None


def arm(folder: Path) -> None:
    """Use the cache in ``folder`` from the first lint of this process on."""
    global _armed
    _armed = folder


def activate() -> None:
    """Read the cache's index and route compilation through it, if armed and not yet
    done."""
    global _armed, _active
    if _armed is None or _active is not None:
        return
    cache = PatternCache(_armed)
    _armed = None
    cache.load()
    if cache.install():
        from linter.source import data_files

        _active = data_files.store = cache
    else:
        cache.close()


def finish() -> None:
    """Stop using the cache, and write the patterns this run compiled anew."""
    global _armed, _active
    _armed = None
    if _active is not None:
        from linter.source import data_files

        data_files.store = None
        _active.uninstall()
        _active.save()
        _active = None


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def folder_for(cache_dir: str | None) -> Path | None:
    """Where the command line keeps compiled patterns: ``--cache-dir``, else
    ``RESLINT_CACHE_DIR``, else the user cache folder; None when turned off."""
    if os.environ.get(DISABLE_VARIABLE) == "1":
        return None
    if cache_dir:
        return Path(cache_dir)
    configured = os.environ.get("RESLINT_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reslint"
