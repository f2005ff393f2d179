"""Comparing language versions: the cross-file step after every file is linted.

Rules declared with ``input=Input.VERSIONS`` (X001-X003) read a :class:`VersionPair`,
two language versions of one resolution, instead of a Document. Each file hands over its
:class:`~linter.facts.versions.VersionFacts` (computed while it was linted, so the
Documents need not outlive their workers); this step groups the files of a run into
versions of one document, pairs each version with the group's reference version, and
runs every selected version rule on both orders of the pair, so that each difference is
reported in both files, each finding naming the other file.

Versions of one document share a key: the file name less its language code
(``E-RES-2012-19.zh.txt`` / ``E-RES-2012-19.en.txt``) or the symbol in the text
(``A/RES/66/181``). Only versions in different languages are compared (two extractions of
one text are not parallel versions). The reference is the English version when there is
one, else the first in the order below: one comparison per version, not one per pair.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from linter.engine.fingerprint import keys
from linter.engine.registry import Input, PlacedHit, RuleSpec, Severity, iter_placed_hits
from linter.engine.results import FileResult, Finding, Key, finding_order
from linter.source.frozen import record

if TYPE_CHECKING:
    # Types only: the X step of a run answered from the cache reads facts unpickled from
    # it, and must not import what makes them (the parser, the grammars).
    from linter.facts.version_model import VersionFacts

#: Which version is the reference of a group: the first language here that it holds.
REFERENCE_ORDER = ("en", "fr", "es", "ru", "ar", "zh")


@record
class VersionPair:
    """What a version rule reads: ``this`` version (where it reports) and ``other``."""

    this: VersionFacts
    other: VersionFacts


class Versioned(Protocol):
    """What grouping and pairing read of a version (its facts, or only their keys)."""

    @property
    def path(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def name_key(self) -> str | None: ...
    @property
    def symbol_key(self) -> str | None: ...


@record
class VersionKeys:
    """The keys of a version without its facts (what a streamed run keeps per file)."""

    path: str
    language: str
    name_key: str | None
    symbol_key: str | None


def _groups(facts: Sequence[Versioned]) -> list[list[int]]:
    """Indices of versions of one document: files joined by a shared name or symbol key."""
    parent = list(range(len(facts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[str, int] = {}
    for index, version in enumerate(facts):
        for key in (version.name_key, version.symbol_key):
            if key is None:
                continue
            if key in first_with:
                parent[root(index)] = root(first_with[key])
            else:
                first_with[key] = index
    groups: dict[int, list[int]] = {}
    for index in range(len(facts)):
        groups.setdefault(root(index), []).append(index)
    return [members for members in groups.values() if len(members) > 1]


def _rank(language: str) -> int:
    return REFERENCE_ORDER.index(language) if language in REFERENCE_ORDER else len(REFERENCE_ORDER)


def pairs(facts: Sequence[Versioned]) -> list[tuple[int, int]]:
    """``(version, reference)`` index pairs to compare, in file order."""
    out = []
    for members in _groups(facts):
        reference = min(members, key=lambda i: (_rank(facts[i].language), facts[i].path))
        for index in members:
            if facts[index].language != facts[reference].language:
                out.append((index, reference))
    return sorted(out)


def _finding(spec: RuleSpec, hit: PlacedHit, severity: Severity) -> Finding:
    place = hit.place
    return Finding(
        rule=spec.code,
        name=spec.name,
        severity=severity,
        message=hit.message,
        line=place.line,
        column=place.column,
        end_line=place.end_line,
        end_column=place.end_column,
        start=place.start,
        end=place.end,
    )


def compare_pair(
    pair: VersionPair,
    rules: Iterable[RuleSpec],
    options: Mapping[str, Any] | None = None,
    severities: Mapping[str, Severity] | None = None,
) -> list[Finding]:
    """The findings of the version rules in ``pair.this`` (compared with ``pair.other``)."""
    options = options or {}
    severities = severities or {}
    found = []
    for spec in rules:
        if spec.input is not Input.VERSIONS:
            continue
        chosen = options.get(spec.code, spec.default_options())
        severity = severities.get(spec.code, spec.severity)
        found += [_finding(spec, hit, severity) for hit in iter_placed_hits(spec, pair, chosen)]
    return found


def version_findings(
    facts: Sequence[VersionFacts],
    paired: Iterable[tuple[int, int]],
    rules_for: Callable[[str], Sequence[RuleSpec]],
    options: Mapping[str, Any] | None = None,
    severities: Mapping[str, Severity] | None = None,
) -> dict[int, list[Finding]]:
    """The version rules' findings of each pair in both orders, by index in ``facts``.

    ``rules_for(path)`` gives the rules selected for a file (per-file ignores apply): a
    version rule reports in a file only where it is selected there.
    """
    added: dict[int, list[Finding]] = {}
    for first, second in paired:
        for this, other in ((first, second), (second, first)):
            rules = rules_for(facts[this].path)
            pair = VersionPair(facts[this], facts[other])
            added.setdefault(this, []).extend(compare_pair(pair, rules, options, severities))
    return added


def with_findings(result: FileResult, findings: Sequence[Finding]) -> FileResult:
    """``result`` with ``findings`` (of the version rules) merged in file order.

    A compact result that carries content keys gets keys for the merged findings: the
    text is read again for them (version findings are few, and only files with a version
    to compare have any); edit regions get None for the new findings (they have no fix).
    """
    if not findings:
        return result
    tagged = [(finding, index) for index, finding in enumerate(result.findings)]
    tagged += [(finding, -1) for finding in findings]
    tagged.sort(key=lambda pair: finding_order(pair[0]))
    merged = tuple(finding for finding, _ in tagged)
    regions = result.edit_regions
    if regions is not None:
        regions = tuple(regions[i] if i >= 0 else None for _, i in tagged)
    out = dataclasses.replace(result, findings=merged, edit_regions=regions, keys=None)
    if result.keys is not None:
        out = dataclasses.replace(out, keys=_keys_from_disk(out))
    return out


def _keys_from_disk(result: FileResult) -> tuple[Key, ...]:
    from pathlib import Path

    from linter.engine.reading import read_limited
    from linter.source.text import DecodeError, Source, decode

    try:
        text = decode(read_limited(Path(result.path)))
    except (OSError, DecodeError):
        text = ""
    source = Source.from_text(text, path=result.path, language=result.language or "und")
    return keys(dataclasses.replace(result, source=source))


def compare_versions(
    results: Sequence[FileResult],
    rules_for: Callable[[str], Sequence[RuleSpec]],
    options: Mapping[str, Any] | None = None,
    severities: Mapping[str, Severity] | None = None,
) -> list[FileResult]:
    """``results`` with the findings of the version rules added, in the same order."""
    indexed = [(i, r.versions) for i, r in enumerate(results) if r.versions is not None]
    if len(indexed) < 2:
        return list(results)
    facts = [version for _, version in indexed]
    added = version_findings(facts, pairs(facts), rules_for, options, severities)
    out = list(results)
    for position, findings in added.items():
        out[indexed[position][0]] = with_findings(out[indexed[position][0]], findings)
    return out


def compare_texts(
    text: str,
    other: str,
    rules: Sequence[RuleSpec],
    *,
    language: str | None = None,
    other_language: str | None = None,
    path: str = "<text>",
    other_path: str = "<other>",
) -> list[Finding]:
    """The version rules' findings in ``text`` compared with ``other`` (docs, cases, API)."""
    from linter.engine.lint import lint_text

    first = lint_text(text, path, rules, language=language)
    second = lint_text(other, other_path, rules, language=other_language)
    if first.versions is None or second.versions is None:
        return []
    return compare_pair(VersionPair(first.versions, second.versions), rules)
