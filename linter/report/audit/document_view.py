"""One document's page in the audit: its text with findings marked, findings, outline.

The page of a document is data embedded in the report (rendered when the document is
opened, so a report of thousands of documents opens at once). The text is re-read from
disk here, one file at a time, so memory does not grow with the number of documents;
it is used only if it is still the text that was checked (same length and CRC-32 as
the outline recorded), else the page says so and shows the findings without the text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from linter.engine.reading import read_limited
from linter.engine.results import FileResult, Finding
from linter.report.audit.outline import Outline, outline_in, text_fingerprint
from linter.report.folding import is_layout
from linter.report.highlight import highlight_findings
from linter.source.text import DecodeError, decode

#: An edit's text longer than this is shown cut in the middle ("before → after").
EDIT_LIMIT = 160


def read_checked_text(result: FileResult, outline: Outline | None) -> tuple[str | None, str]:
    """The text that was checked, re-read from disk, or None and why not."""
    if result.error:
        return None, f"not checked: {result.error}"
    if outline is None:
        return None, "the text could not be decoded (see E001)"
    if result.source is not None:  # checked in this process: the text is at hand
        return result.source.text, ""
    try:
        text = decode(read_limited(Path(result.path)))
    except (OSError, DecodeError) as error:
        return None, f"the text cannot be read again: {error}"
    if text_fingerprint(text) != (outline.text_length, outline.text_crc):
        return None, "the file changed after it was checked: positions no longer hold"
    return text, ""


def _cut(text: str) -> str:
    if len(text) <= EDIT_LIMIT:
        return text
    half = EDIT_LIMIT // 2
    return f"{text[:half]} … {text[-half:]}"


def finding_row(finding: Finding, text: str | None) -> list[Any]:
    """``[rule, severity, message, line, column, end_line, end_column, applicability,
    [[before, after], ...], layout]`` (before is empty when the text is unknown)."""
    applicability = None
    edits: list[list[str]] = []
    if finding.fix is not None:
        applicability = finding.fix.applicability
        for edit in finding.fix.edits:
            before = text[edit.start : edit.end] if text is not None else ""
            edits.append([_cut(before), _cut(edit.replacement)])
    return [
        finding.rule,
        str(finding.severity),
        finding.message,
        finding.line,
        finding.column,
        finding.end_line,
        finding.end_column,
        applicability,
        edits,
        1 if is_layout(finding) else 0,
    ]


def outline_view(outline: Outline | None) -> dict[str, Any] | None:
    if outline is None:
        return None
    return {
        "structured": outline.structured,
        "symbol": outline.symbol,
        "body": outline.body,
        "number": outline.number,
        "title": outline.title,
        "preamble": list(outline.preamble),
        "operative": [list(item) for item in outline.operative],
        "numbering": [[issue, line, list(missing)] for issue, line, missing in outline.numbering],
        "annexes": [list(item) for item in outline.annexes],
        "sections": [list(item) for item in outline.sections],
        "notes": [list(item) for item in outline.notes],
        "markers": [list(item) for item in outline.markers],
        "unmatched_markers": list(outline.unmatched_markers()),
        "unreferenced_notes": list(outline.unreferenced_notes()),
        "adoption": {
            "date": outline.adoption_date,
            "meeting": outline.adoption_meeting,
            "line": outline.adoption_line,
            "source": outline.adoption_source,
        },
    }


def document_payload(result: FileResult) -> dict[str, Any]:
    """What the report embeds for one document: ``h`` the marked text (HTML) or null,
    ``why`` the reason there is none, ``f`` the findings, ``o`` the outline."""
    outline = outline_in(result)
    text, why = read_checked_text(result, outline)
    return {
        "h": highlight_findings(text, result.findings) if text is not None else None,
        "why": why,
        "f": [finding_row(finding, text) for finding in result.findings],
        "o": outline_view(outline),
    }
