"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

A test case per checked file (named by its path), a ``<failure>`` per finding (type: the
rule code; message: position, code, name and message), an ``<error>`` for a file that
could not be checked. Characters XML 1.0 cannot carry (C0 controls, which a rule may
quote from damaged text) are written as ``\\xNN`` so the report always parses.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Sequence
from typing import IO, TextIO
from xml.etree import ElementTree

from linter.engine.results import FileResult

#: Test cases kept in memory up to this size, then in a temporary file.
SPOOL_BYTES = 4 * 1024 * 1024
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids written as escapes."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def testcase(result: FileResult) -> ElementTree.Element:
    """The test case of one file: an error if it could not be checked, a failure per finding."""
    path = xml_safe(result.path)
    case = ElementTree.Element("testcase", name=path, classname="reslint", file=path)
    if result.error:
        error = ElementTree.SubElement(case, "error", message=xml_safe(result.error))
        error.text = f"{path}: {xml_safe(result.error)}"
    for finding in result.findings:
        where = f"line {finding.line}, column {finding.column}"
        message = xml_safe(finding.message)
        failure = ElementTree.SubElement(
            case,
            "failure",
            type=finding.rule,
            message=f"{where}: {finding.rule} {finding.name}: {message}",
        )
        failure.text = (
            f"{path}:{finding.line}:{finding.column}: {finding.rule} "
            f"[{finding.severity.value}] {message}"
        )
    return case


def _counts(tests: int, failures: int, errors: int) -> dict[str, str]:
    return {"tests": str(tests), "failures": str(failures), "errors": str(errors)}


def build(results: Sequence[FileResult]) -> ElementTree.Element:
    """The whole report as one tree (a few results; runs stream through :class:`Writer`)."""
    counts = _counts(
        len(results), sum(len(r.findings) for r in results), sum(1 for r in results if r.error)
    )
    root = ElementTree.Element("testsuites", {"name": "reslint", **counts})
    suite = ElementTree.SubElement(root, "testsuite", {"name": "reslint", "skipped": "0", **counts})
    suite.extend(testcase(result) for result in results)
    return root


class Writer:
    """JUnit puts the counts first: the test cases wait in a temporary file (in memory
    while small) until the run ends and the counts are known."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        # Closed by close(): a writer lives as long as the run.
        self.cases: IO[str] = tempfile.SpooledTemporaryFile(  # noqa: SIM115
            max_size=SPOOL_BYTES, mode="w+", encoding="utf-8"
        )
        self.tests = self.failures = self.errors = 0

    def add(self, result: FileResult) -> None:
        case = testcase(result)
        ElementTree.indent(case, space="  ", level=2)
        self.cases.write("    " + ElementTree.tostring(case, encoding="unicode").rstrip() + "\n")
        self.tests += 1
        self.failures += len(result.findings)
        self.errors += 1 if result.error else 0

    def close(self) -> None:
        counts = _counts(self.tests, self.failures, self.errors)
        root = ElementTree.Element("testsuites", {"name": "reslint", **counts})
        suite = ElementTree.SubElement(
            root, "testsuite", {"name": "reslint", "skipped": "0", **counts}
        )
        head = ElementTree.tostring(root, encoding="unicode").split("<testsuite ", 1)[0]
        opening = ElementTree.tostring(suite, encoding="unicode").removesuffix(" />")
        self.stream.write(f'<?xml version="1.0" encoding="UTF-8"?>\n{head}\n  {opening}>\n')
        self.cases.seek(0)
        shutil.copyfileobj(self.cases, self.stream)
        self.cases.close()
        self.stream.write("  </testsuite>\n</testsuites>\n")
