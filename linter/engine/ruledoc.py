"""The sections of a rule's docstring: summary, Why, Example, Use instead, ...

Rule docs are read by people (``reslint rule A001``) and run by the tests: the Example
must make the rule fire, the Use instead must not (and is what the fix produces).
"""

from __future__ import annotations

import re
import textwrap

REQUIRED = ("Why", "Example", "Use instead")
#: A rule that compares language versions (X) shows the version its Example and Use
#: instead are compared with under "Other version".
KNOWN = (*REQUIRED, "Other version", "Options", "Fix safety")
_TEXTS = ("Example", "Use instead", "Other version")
_HEADING = re.compile(r"^(?P<name>[A-Z][A-Za-z ]+):\s*$")


def sections(doc: str) -> dict[str, str]:
    """``{"summary": ..., "Why": ..., "Example": ...}``; bodies dedented, one final newline
    for Example and Use instead (they are texts), stripped for the rest."""
    lines = doc.splitlines()
    found: dict[str, list[str]] = {"summary": [lines[0]] if lines else []}
    current = "summary"
    for line in lines[1:]:
        match = _HEADING.match(line)
        if match and match.group("name") in KNOWN:
            current = match.group("name")
            found[current] = []
            continue
        found.setdefault(current, []).append(line)
    result: dict[str, str] = {}
    for name, body in found.items():
        text = textwrap.dedent("\n".join(body)).strip("\n")
        result[name] = text + "\n" if name in _TEXTS else text.strip()
    return result
