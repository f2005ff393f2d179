"""What reports show of file names and messages: nothing a terminal or a parser chokes on.

File names come from the file system: on Linux any bytes, read by Python with undecodable
bytes as lone surrogates, and possibly holding a newline. Messages quote the document,
which may hold ESC and other control characters. Every output format gets them through
:func:`for_display`:

* a control character (C0, DEL, C1), a bidirectional override and, in a file name, an
  undecodable byte is written as an escape: ``\\x1b``, ``\\n``, ``\\u202e``, ``\\xe9``
  for the byte 0xE9 of a Latin-1 name. A terminal shows it, JSON and XML can hold it, a
  text line stays one line. A file name written with escapes has its backslashes
  doubled, so that it reads back unambiguously;
* everything else is left as it is.

SARIF keeps the name itself and writes it as a URI, percent-encoding its bytes
(``caf%E9.txt``): exact, and what SARIF viewers expect.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from linter.engine.results import FileResult

# Controls, bidirectional formatting characters, and the surrogates that stand for the
# undecodable bytes of a file name (PEP 383).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escape_text(text: str) -> str:
    """``text`` with control and bidirectional characters written as escapes."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def display_path(path: str) -> str:
    """A file name as reports write it: unchanged when it is plain, else escaped (with
    its backslashes doubled)."""
    if not _UNSAFE.search(path):
        return path
    return _UNSAFE.sub(_escape, path.replace("\\", "\\\\"))


def for_display(results: Sequence[FileResult], keep_paths: bool = False) -> list[FileResult]:
    """The results with file names, messages and errors safe for every format.

    ``keep_paths`` leaves the file names as they are, for a format that encodes them
    itself (SARIF writes URIs: the bytes of a name, percent-encoded)."""
    shown: list[FileResult] = []
    for result in results:
        findings = tuple(
            dataclasses.replace(finding, message=escape_text(finding.message))
            if _UNSAFE.search(finding.message)
            else finding
            for finding in result.findings
        )
        error = escape_text(result.error) if result.error else result.error
        shown.append(
            dataclasses.replace(
                result,
                path=result.path if keep_paths else display_path(result.path),
                findings=findings,
                error=error,
            )
        )
    return shown
