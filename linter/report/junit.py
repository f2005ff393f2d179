"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

A test case per checked file (named by its path), a ``<failure>`` per finding (type: the
rule code; message: position, code, name and message), an ``<error>`` for a file that
could not be checked. Characters XML 1.0 cannot carry (C0 controls, which a rule may
quote from damaged text) are written as ``\\xNN`` so the report always parses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TextIO
from xml.etree import ElementTree

from linter.engine.lint import FileResult

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids written as escapes."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def build(results: Sequence[FileResult]) -> ElementTree.Element:
    failures = sum(len(r.findings) for r in results)
    errors = sum(1 for r in results if r.error)
    counts = {"tests": str(len(results)), "failures": str(failures), "errors": str(errors)}
    root = ElementTree.Element("testsuites", {"name": "reslint", **counts})
    suite = ElementTree.SubElement(root, "testsuite", {"name": "reslint", "skipped": "0", **counts})
    for result in results:
        path = xml_safe(result.path)
        case = ElementTree.SubElement(suite, "testcase", name=path, classname="reslint", file=path)
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
    return root


def render(results: Sequence[FileResult], stream: TextIO) -> None:
    root = build(results)
    ElementTree.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ElementTree.tostring(root, encoding="unicode") + "\n")
