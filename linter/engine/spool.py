"""The X rules' step on a streamed run: results wait on disk, not in memory.

Language versions of one resolution can be anywhere in a run (``A-RES-66-181.en.txt``
early, a text whose symbol is ``A/RES/66/181`` at the very end), so no file's findings
are final before every file is linted. Keeping every result until then is what made a
run over 10,000 documents take gigabytes; here each compact result is pickled to an
anonymous temporary file as it comes (after the first :data:`IN_MEMORY_FINDINGS`
findings, which a small run keeps in memory), and only its version keys (a few short
strings) stay in memory. When the stream ends, the versions are grouped and paired on
those keys, the facts of the paired files are read back, and the results are read back
in order with the version findings merged in.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from linter.engine.jobs import Packed, unpack, version_keys
from linter.engine.results import FileResult, Finding
from linter.engine.versions import VersionKeys, pairs, version_findings, with_findings

if TYPE_CHECKING:
    from linter.engine.settings import Settings
    from linter.facts.version_model import VersionFacts


#: Findings held in memory before the spool moves to disk: a run of a few hundred files
#: never pays for pickling, a run over an archive stays within some tens of megabytes.
IN_MEMORY_FINDINGS = 20_000


class Spool:
    """Results kept in order and read back by index: in memory while they are few, then
    in a temporary file (packed results are written as they are: already pickles)."""

    def __init__(self, in_memory_findings: int = IN_MEMORY_FINDINGS) -> None:
        self.limit = in_memory_findings
        self.held: list[FileResult | Packed] | None = []
        self.findings = 0
        self.file: IO[bytes] | None = None
        self.offsets: list[int] = []

    def __len__(self) -> int:
        return len(self.held) if self.held is not None else len(self.offsets)

    def append(self, result: FileResult | Packed) -> None:
        if self.held is not None:
            self.held.append(result)
            self.findings += result.findings if isinstance(result, Packed) else len(result.findings)
            if self.findings > self.limit:
                self._to_disk()
            return
        assert self.file is not None
        self.offsets.append(self.file.tell())
        if isinstance(result, Packed):
            self.file.write(result.blob)
        else:
            pickle.dump(result, self.file, protocol=pickle.HIGHEST_PROTOCOL)

    def _to_disk(self) -> None:
        held, self.held = self.held or [], None
        # Closed by close(): the spool lives as long as the run.
        import tempfile  # only a large run spools (tempfile imports shutil, random...)

        self.file = tempfile.TemporaryFile(prefix="reslint-")  # noqa: SIM115
        for result in held:
            self.append(result)

    def __getitem__(self, index: int) -> FileResult:
        if self.held is not None:
            return unpack(self.held[index])
        assert self.file is not None
        end = self.file.tell()
        self.file.seek(self.offsets[index])
        result: FileResult = pickle.load(self.file)
        self.file.seek(end)
        return result

    def __iter__(self) -> Iterator[FileResult]:
        if self.held is not None:
            for held in self.held:
                yield unpack(held)
            return
        assert self.file is not None
        self.file.seek(0)
        for _ in self.offsets:
            result: FileResult = pickle.load(self.file)
            yield result

    def close(self) -> None:
        self.held = []
        if self.file is not None:
            self.file.close()


def with_version_findings(
    results: Iterator[FileResult | Packed], settings: Settings
) -> Iterator[FileResult]:
    """``results`` in the same order, each with the version rules' findings added."""
    spool = Spool()
    try:
        versioned: list[int] = []  # spool index of each file with version facts
        keys: list[VersionKeys] = []
        for result in results:
            found = result.versions if isinstance(result, Packed) else version_keys(result)
            if found is not None:
                versioned.append(len(spool))
                keys.append(found)
            spool.append(result)
        added = _compare(spool, versioned, pairs(keys), settings)
        for index, result in enumerate(spool):
            yield with_findings(result, added.get(index, ()))
    finally:
        spool.close()


def _compare(
    spool: Spool, versioned: list[int], paired: list[tuple[int, int]], settings: Settings
) -> dict[int, list[Finding]]:
    """The version findings of each spooled result that has any, by spool index. One
    reference version and the versions compared with it are read back at a time, so
    memory holds one document's versions, not the archive's."""
    by_reference: dict[int, list[int]] = {}
    for version, reference in paired:
        by_reference.setdefault(reference, []).append(version)
    added: dict[int, list[Finding]] = {}
    for reference, versions in by_reference.items():
        facts = [_facts(spool, versioned[reference])]
        facts += [_facts(spool, versioned[version]) for version in versions]
        found = version_findings(
            facts,
            [(position, 0) for position in range(1, len(facts))],
            lambda path: settings.rules_for(Path(path)),
            settings.options,
            settings.severities,
        )
        where = [versioned[reference], *(versioned[version] for version in versions)]
        for position, findings in found.items():
            added.setdefault(where[position], []).extend(findings)
    return added


def _facts(spool: Spool, index: int) -> VersionFacts:
    facts = spool[index].versions
    assert facts is not None
    return facts
