"""``reslint report --format markdown``: the audit, short enough for a GitHub job summary.

Whatever the size of the corpus the summary stays a screenful or two: the figures, the
findings per family, the ten most frequent rules and the ten worst documents with their
structure health. It is GitHub-flavoured Markdown (tables), meant for
``$GITHUB_STEP_SUMMARY`` (limited to 1 MiB a step); the HTML report holds the rest.
"""

from __future__ import annotations

from typing import TextIO

from linter.report.audit.model import FAMILY_NAMES, Audit, DocumentRow
from linter.report.audit.overview import number, share

#: Rows in the tables of rules and of documents.
TOP = 10


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _health(row: DocumentRow) -> list[str]:
    outline = row.outline
    if outline is None:
        return ["–", "–", "–"]
    missing = outline.missing_numbers()
    operative = str(len(outline.operative)) + (f" ({len(missing)} missing)" if missing else "")
    unmatched = len(outline.unmatched_markers()) + len(outline.unreferenced_notes())
    notes = f"{len(outline.notes)} / {len(outline.markers)}" + (
        f" ({unmatched} unmatched)" if unmatched else ""
    )
    if outline.adoption_date:
        adoption = outline.adoption_date
    elif outline.structured:
        adoption = "**not found**"
    else:
        adoption = "–"
    return [operative, notes, adoption]


def lines(audit: Audit) -> list[str]:
    errors = audit.by_severity.get("error", 0)
    warnings = audit.by_severity.get("warning", 0)
    out = [
        f"## {_cell(audit.title)}",
        "",
        f"**{number(audit.files)}** documents checked, **{number(audit.clean)}** clean; "
        f"**{number(audit.findings)}** findings ({number(errors)} errors, "
        f"{number(warnings)} warnings), {number(audit.fixable)} fixable by `reslint fix`.",
    ]
    if audit.unreadable:
        out.append(f"{number(audit.unreadable)} files could not be read.")
    if audit.baseline is not None:
        b = audit.baseline
        out.append(
            f"Baseline: {number(b.baselined)} findings baselined, {number(b.fixed)} "
            f"baseline entries fixed, {number(b.new)} new findings."
        )
    if audit.layout:
        out.append(
            f"{number(audit.layout)} of them ({share(audit.layout, audit.findings)}) are "
            "layout repairs (A002, A004, A006) that `reslint fix` makes."
        )
    if audit.by_family:
        out += ["", "| family | findings | share | documents |", "|---|--:|--:|--:|"]
        for family, count in sorted(audit.by_family.items(), key=lambda item: -item[1]):
            out.append(
                f"| {family} {FAMILY_NAMES.get(family, family)} | {number(count)} | "
                f"{share(count, audit.findings)} | "
                f"{number(audit.documents_by_family.get(family, 0))} |"
            )
        rules = sorted(audit.by_rule.items(), key=lambda item: (-item[1], item[0]))
        out += ["", "| rule | findings | documents |", "|---|--:|--:|"]
        for code, count in rules[:TOP]:
            name = audit.rules[code].name if code in audit.rules else ""
            out.append(
                f"| {code} {name} | {number(count)} | "
                f"{number(audit.documents_by_rule.get(code, 0))} |"
            )
        if len(rules) > TOP:
            rest = sum(count for _code, count in rules[TOP:])
            out.append(f"| {len(rules) - TOP} more rules | {number(rest)} | |")
    worst = [row for row in audit.documents if not row.clean][:TOP]
    if worst:
        out += [
            "",
            f"Worst {len(worst)} documents:",
            "",
            "| document | errors | findings | not layout | operative | notes / markers "
            "| adoption |",
            "|---|--:|--:|--:|--:|--:|---|",
        ]
        for row in worst:
            cells = [
                f"`{_cell(row.path)}`",
                number(row.by_severity.get("error", 0)),
                number(row.findings),
                number(row.findings - row.layout),
                *_health(row),
            ]
            if row.error:
                cells[1:] = [f"not checked: {_cell(row.error)}", "", "", "", "", ""]
            out.append("| " + " | ".join(cells) + " |")
    return out


def write(audit: Audit, stream: TextIO) -> None:
    stream.write("\n".join(lines(audit)) + "\n")
