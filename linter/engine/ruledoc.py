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


#: ``literal`` in a docstring (reStructuredText): `literal` in Markdown, bare in plain text.
_LITERAL = re.compile(r"``(.+?)``", re.DOTALL)


def _ordered(parts: dict[str, str]) -> list[str]:
    return [name for name in KNOWN if name in parts]


def plain_text(doc: str) -> str:
    """The docstring as plain text: its sections, with no reStructuredText markup."""
    parts = sections(doc)
    out = [_LITERAL.sub(r"\1", parts.get("summary", ""))]
    for name in _ordered(parts):
        body = parts[name] if name in _TEXTS else _LITERAL.sub(r"\1", parts[name])
        out.append(f"{name}:\n" + textwrap.indent(body.rstrip("\n"), "    "))
    return "\n\n".join(out) + "\n"


def markdown(doc: str) -> str:
    """The docstring as Markdown: sections in bold, the texts as fenced blocks (a fence
    longer than any run of backticks they hold), literals as code spans."""
    parts = sections(doc)
    out = [_LITERAL.sub(r"`\1`", parts.get("summary", ""))]
    for name in _ordered(parts):
        out.append(f"**{name}**")
        if name in _TEXTS:
            longest = max((len(run) for run in re.findall(r"`+", parts[name])), default=0)
            fence = "`" * max(3, longest + 1)
            out.append(f"{fence}text\n{parts[name].rstrip(chr(10))}\n{fence}")
        else:
            out.append(_LITERAL.sub(r"`\1`", parts[name]))
    return "\n\n".join(out) + "\n"
