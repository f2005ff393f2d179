"""Fixing files on disk: read, fix, guard, write atomically; or refuse and say why.

A file is written only when the fixer settled on a text that passed the content and
structure guards (``linter.fix.fixer``). The write (``linter.engine.writing``) is atomic
and safe: a temporary file of reslint's own beside the original, its permissions and
owner, a check that the file did not change since it was read, then a rename; a crash or
a full disk never leaves half a file. Symbolic links are followed only to files inside
the checked paths; hard-linked and read-only files are left alone. The command line
(``linter.cli.fix``) and the Python API are built on this module.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
from collections.abc import Callable, Generator, Sequence
from pathlib import Path

from linter.engine import interrupts
from linter.engine.display import display_path
from linter.engine.reading import read_file, reason
from linter.engine.registry import RuleSpec
from linter.engine.writing import Policy, WriteRefused, replace_file
from linter.fix.fixer import FixOutcome, fix_text
from linter.fix.rewritten import JournalWriter, Rewritten, Written
from linter.source.frozen import record
from linter.source.text import DecodeError, decode

_LISTED = 10  # names of unchanged files listed in the summary before "and N more"


@record(slots=False)
class FileFix:
    """What happened to one file.

    A compact one (from :func:`fix_files`, which may fix in worker processes) has no
    ``outcome`` (the texts stay where the file was fixed) but its counts, and the diff
    when it was asked for."""

    path: str
    outcome: FixOutcome | None = None
    refused: str | None = None  # the file was read but not fixed, and why
    io_error: str | None = None  # the file could not be read or written
    # Compact: changed, fixes, findings before, skipped (no resolution structure).
    counts: tuple[bool, int, int, bool] | None = None
    diff: str | None = None  # compact, when asked: the change as a unified diff
    written: bool = False  # the fixed text was renamed into place

    @property
    def changed(self) -> bool:
        if self.counts is not None:
            return self.counts[0]
        return self.outcome is not None and self.outcome.changed

    @property
    def skipped(self) -> bool:
        """Left alone on purpose: the file holds no resolution (not an error)."""
        if self.counts is not None:
            return self.counts[3]
        return self.outcome is not None and self.outcome.skipped is not None

    @property
    def fixes(self) -> int:
        if self.counts is not None:
            return self.counts[1]
        return self.outcome.applied if self.changed and self.outcome is not None else 0

    @property
    def found(self) -> int:
        """How many findings the file had before fixing."""
        if self.counts is not None:
            return self.counts[2]
        return len(self.outcome.first.findings) if self.outcome is not None else 0

    def compact(self, with_diff: bool) -> FileFix:
        """This result without the texts (and with its diff, if asked)."""
        if self.outcome is None:
            return self
        return FileFix(
            self.path,
            refused=self.refused,
            io_error=self.io_error,
            counts=(self.changed, self.fixes, self.found, self.skipped),
            diff=unified_diff(self) if with_diff else None,
            written=self.written,
        )


def inside(path: Path, tree: Sequence[Path]) -> bool:
    """Whether the real file ``path`` leads to lies under one of the ``tree`` folders."""
    real = Path(os.path.realpath(path))
    return any(real == root or root in real.parents for root in tree)


def tree_of(paths: Sequence[str | Path]) -> list[Path]:
    """The folders a run may write in: the folders named, and those holding the files
    named (a symbolic link's own folder, not its target's)."""
    roots = []
    for given in paths:
        path = Path(given)
        folder = path if path.is_dir() and not path.is_symlink() else path.parent
        roots.append(Path(os.path.realpath(folder)))
    return roots


def fix_file(
    path: Path,
    rules: Sequence[RuleSpec],
    *,
    unsafe: bool = False,
    language: str | None = None,
    write: bool = True,
    display: str | None = None,
    tree: Sequence[Path] | None = None,
    written: Written | None = None,
    budget: float | None = None,
) -> FileFix:
    """Fix one file on disk (or only compute the fix when ``write`` is false).

    What is left alone, and said so (``refused``): a file that changed while it was being
    fixed, a symbolic link whose file lies outside ``tree`` (or any link when no tree is
    given), a file with several hard links, a read-only file, a file whose owner could
    not be kept (see ``linter.engine.writing``). A file written is added to ``written``
    together with its rename: an interrupt cannot fall between the two."""
    shown = display or str(path)
    try:
        data, snapshot = read_file(path)
    except OSError as error:
        return FileFix(shown, io_error=f"cannot read: {reason(error)}")
    result = fix_data(data, rules, unsafe=unsafe, language=language, display=shown, budget=budget)
    outcome = result.outcome
    if not (result.changed and write and outcome is not None):
        return result
    linked = path.is_symlink()
    if linked and (tree is None or not inside(path, tree)):
        where = "outside the checked paths" if tree is not None else "elsewhere"
        return FileFix(
            shown, outcome=outcome, refused=f"is a symbolic link to a file {where}; not rewritten"
        )
    try:
        with interrupts.deferred():
            replace_file(
                path,
                outcome.text.encode("utf-8"),
                expected=snapshot,
                policy=Policy(follow_symlink=linked),
            )
            if written is not None:
                written.append(shown)
    except WriteRefused as error:
        return FileFix(shown, outcome=outcome, refused=reason(error))
    except OSError as error:
        return FileFix(shown, outcome=outcome, io_error=f"cannot write: {reason(error)}")
    return dataclasses.replace(result, written=True)


def fix_data(
    data: bytes,
    rules: Sequence[RuleSpec],
    *,
    unsafe: bool = False,
    language: str | None = None,
    display: str = "<bytes>",
    budget: float | None = None,
) -> FileFix:
    """Fix the bytes of one file (on disk, or standard input) without writing anything."""
    try:
        text = decode(data)
    except DecodeError as error:
        return FileFix(display, refused=f"{error}; not fixed (E001)")
    outcome = fix_text(text, rules, path=display, unsafe=unsafe, language=language, budget=budget)
    if outcome.error is not None:
        return FileFix(display, outcome=outcome, refused=outcome.error)
    return FileFix(display, outcome=outcome)


def unified_diff(result: FileFix) -> str:
    """The change to one file as a unified diff (``a/PATH`` and ``b/PATH``)."""
    if result.diff is not None:
        return result.diff
    return _diff(result)


def _diff(result: FileFix) -> str:
    """The change to one file as a unified diff (``a/PATH`` and ``b/PATH``)."""
    if result.outcome is None or not result.changed:
        return ""
    before = _lines(result.outcome.original)
    after = _lines(result.outcome.text)
    name = result.path.lstrip("/")
    pieces = []
    for line in difflib.unified_diff(before, after, fromfile=f"a/{name}", tofile=f"b/{name}"):
        pieces.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(pieces)


def _lines(text: str) -> list[str]:
    """Lines split at LF only (``str.splitlines`` also splits at form feeds and more)."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def summary(results: Sequence[FileFix], dry_run: bool) -> str:
    """``3 files fixed, 412 fixes, 2 files left unchanged: a.txt, b.txt``; files that hold
    no resolution are counted apart (``1 file skipped (no resolution structure): …``)."""
    changed = [r for r in results if r.changed and r.io_error is None and r.refused is None]
    kept = [r for r in results if not r.changed and r.refused is None and r.io_error is None]
    skipped = [r for r in kept if r.skipped]
    unchanged = [r for r in kept if not r.skipped]
    fixes = sum(r.fixes for r in changed)
    verb = "would be fixed" if dry_run else "fixed"
    parts = [f"{count(len(changed), 'file')} {verb}, {count(fixes, 'fix', 'fixes')}"]
    if unchanged:
        parts.append(f"{count(len(unchanged), 'file')} left unchanged: {_names(unchanged)}")
    if skipped:
        what = "skipped (no resolution structure)"
        parts.append(f"{count(len(skipped), 'file')} {what}: {_names(skipped)}")
    refused = [r for r in results if r.refused is not None or r.io_error is not None]
    if refused:
        parts.append(
            f"{count(len(refused), 'file')} refused: "
            + ", ".join(display_path(r.path) for r in refused)
        )
    return ", ".join(parts)


def _names(results: Sequence[FileFix]) -> str:
    """The first :data:`_LISTED` paths, then ``and N more``."""
    names = ", ".join(display_path(r.path) for r in results[:_LISTED])
    more = f" and {len(results) - _LISTED} more" if len(results) > _LISTED else ""
    return names + more


def count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else (plural or singular + 's')}"


RulesFor = Callable[[Path], Sequence[RuleSpec]]


@record(slots=False)
class FixJob:
    """What every file of a ``fix`` run is fixed with (sent once to each worker)."""

    unsafe: bool
    language: str | None
    write: bool
    diff: bool
    tree: tuple[Path, ...] | None
    budget: float | None
    journal: str | None = None  # where workers record each file they rewrite


def fix_shard(
    job: FixJob,
    items: Sequence[tuple[str, tuple[str, ...]]],
    written: Written | None = None,
    rules_of: Callable[[tuple[str, ...]], Sequence[RuleSpec]] | None = None,
) -> list[FileFix]:
    """Fix each ``(path, rule codes)`` of a shard; compact results, in order. In this
    process, each file rewritten is added to ``written`` (see :func:`fix_files`) and the
    rules are the caller's own (``rules_of``); a worker looks the codes up in the registry
    and records each file it rewrites in the run's journal (``linter.fix.rewritten``)."""
    from linter.engine.jobs import rules_for_codes

    if written is None and job.journal is not None and job.write:
        with JournalWriter(job.journal) as journal:
            return fix_shard(job, items, journal, rules_of)
    lookup = rules_of or rules_for_codes
    return [
        fix_file(
            Path(path),
            lookup(codes),
            unsafe=job.unsafe,
            language=job.language,
            write=job.write,
            tree=job.tree,
            written=written,
            budget=job.budget,
        ).compact(job.diff)
        for path, codes in items
    ]


def fix_files(
    files: Sequence[Path],
    rules_for: RulesFor,
    *,
    unsafe: bool,
    language: str | None,
    write: bool,
    jobs: int = 1,
    diff: bool = False,
    tree: Sequence[Path] | None = None,
    written: Rewritten | None = None,
    budget: float | None = None,
) -> Generator[FileFix, None, None]:
    """Fix each file with its own rules (the configuration's per-file ignores apply), in
    worker processes when ``jobs`` and the bytes to fix call for it (see
    :func:`linter.engine.executors.map_ordered`); compact results, in the order of
    ``files``, with each file's diff when ``diff`` is asked.

    Each file rewritten is added to ``written``: by this process together with its rename
    (an interrupt cannot fall between the two); by a worker to ``written``'s journal
    together with its rename, and to ``written`` itself when its result arrives."""
    from linter.engine.executors import map_ordered

    specs: dict[tuple[str, ...], Sequence[RuleSpec]] = {}
    items = []
    for path in files:
        rules = rules_for(path)
        codes = tuple(spec.code for spec in rules)
        specs.setdefault(codes, rules)
        items.append((str(path), codes))
    sizes = [_size(path) for path in files]
    job = FixJob(
        unsafe,
        language,
        write,
        diff,
        tuple(tree) if tree is not None else None,
        budget,
        written.journal if written is not None else None,
    )

    def here(job: FixJob, shard: Sequence[tuple[str, tuple[str, ...]]]) -> list[FileFix]:
        return fix_shard(job, shard, written, specs.__getitem__)

    for result in map_ordered(fix_shard, job, items, sizes, jobs, here=here):
        if result.written and written is not None:
            written.append(result.path)
        yield result


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
