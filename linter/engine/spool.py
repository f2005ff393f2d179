"""The X rules' step on a streamed run: results wait on disk, not in memory.

Language versions of one resolution can be anywhere in a run (``A-RES-66-181.en.txt``
early, a text whose symbol is ``A/RES/66/181`` at the very end), so no file's findings
are final before every file is linted. Keeping every result until then is what made a
run over 10,000 documents take gigabytes; here each compact result is pickled to an
anonymous temporary file as it comes, and only its version keys (a few short strings)
stay in memory. When the stream ends, the versions are grouped and paired on those keys,
the facts of the paired files are read back, and the results are read back in order with
the version findings merged in.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from linter.engine.jobs import Packed
from linter.engine.lint import FileResult
from linter.engine.versions import VersionKeys, pairs, version_findings, with_findings

if TYPE_CHECKING:
    from linter.engine.settings import Settings
    from linter.facts.versions import VersionFacts


class Spool:
    """Results written in order to a temporary file and read back by index."""

    def __init__(self) -> None:
        # Closed by close(): the spool lives as long as the run.
        self.file: IO[bytes] = tempfile.TemporaryFile(prefix="reslint-")  # noqa: SIM115
        self.offsets: list[int] = []

    def append(self, result: FileResult | Packed) -> None:
        """Write a result (a packed one as it is: it is already a pickle)."""
        self.offsets.append(self.file.tell())
        if isinstance(result, Packed):
            self.file.write(result.blob)
        else:
            pickle.dump(result, self.file, protocol=pickle.HIGHEST_PROTOCOL)

    def __getitem__(self, index: int) -> FileResult:
        end = self.file.tell()
        self.file.seek(self.offsets[index])
        result: FileResult = pickle.load(self.file)
        self.file.seek(end)
        return result

    def __iter__(self) -> Iterator[FileResult]:
        self.file.seek(0)
        for _ in self.offsets:
            result: FileResult = pickle.load(self.file)
            yield result

    def close(self) -> None:
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
            facts = result.versions
            if facts is not None:
                versioned.append(len(spool.offsets))
                keys.append(
                    VersionKeys(facts.path, facts.language, facts.name_key, facts.symbol_key)
                )
            spool.append(result)
        paired = pairs(keys)
        wanted = sorted({index for pair in paired for index in pair})
        facts_of: dict[int, VersionFacts] = {}
        for index in wanted:
            found = spool[versioned[index]].versions
            assert found is not None
            facts_of[index] = found
        local = {index: position for position, index in enumerate(wanted)}
        added = version_findings(
            [facts_of[index] for index in wanted],
            [(local[a], local[b]) for a, b in paired],
            lambda path: settings.rules_for(Path(path)),
            settings.options,
            settings.severities,
        )
        by_spool = {versioned[wanted[position]]: found for position, found in added.items()}
        for index, result in enumerate(spool):
            yield with_findings(result, by_spool.get(index, ()))
    finally:
        spool.close()
