"""``reslint report -o report.html``: the audit as one self-contained HTML file.

One file that opens from disk with no network (inline CSS, SVG and script, and a
Content-Security-Policy that forbids any load), prints, and stays quick for thousands of
documents: the overview is static HTML; the table of documents is drawn by the script
from a compact index (filtered, sorted and shown a hundred rows at a time); each
document's page (its text with every finding marked, findings, outline) is a JSON block
rendered only when the document is opened. The page is written to the stream document by
document, re-reading each text as it goes, so memory does not grow with the corpus.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape
from importlib import resources
from typing import Any, TextIO

from linter.engine.results import FileResult
from linter.report.audit.document_view import document_payload
from linter.report.audit.model import FAMILY_NAMES, Audit, DocumentRow
from linter.report.audit.overview import overview
from linter.report.folding import LAYOUT_RULES

_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'"
)


def _asset(name: str) -> str:
    return (resources.files("linter.report") / "assets" / name).read_text(encoding="utf-8")


def script_json(value: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: ``<`` only occurs inside JSON
    strings, where ``\\u003c`` means the same, so no ``</script>`` can end the block."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def index_row(row: DocumentRow) -> dict[str, Any]:
    """A document in the table: counts and structure health, short keys (one per row)."""
    outline = row.outline
    entry: dict[str, Any] = {
        "i": row.index,
        "p": row.path,
        "l": row.language or "",
        "x": row.error,
        "n": row.findings,
        "e": row.by_severity.get("error", 0),
        "w": row.by_severity.get("warning", 0),
        "in": row.by_severity.get("info", 0),
        "fx": row.fixable,
        "ly": row.layout,
        "r": row.by_rule,
        "fa": row.by_family,
    }
    if outline is not None:
        entry.update(
            s=outline.symbol or "",
            t=outline.title or "",
            st=outline.structured,
            pr=len(outline.preamble),
            op=len(outline.operative),
            miss=len(outline.missing_numbers()),
            nt=len(outline.notes),
            mk=len(outline.markers),
            um=len(outline.unmatched_markers()) + len(outline.unreferenced_notes()),
            ad=outline.adoption_date or "",
            mt=outline.adoption_meeting,
        )
    return entry


def index_data(audit: Audit) -> dict[str, Any]:
    return {
        "title": audit.title,
        "files": audit.files,
        "families": {
            family: FAMILY_NAMES.get(family, family)
            for family in sorted({info.family for info in audit.rules.values()})
        },
        "layout": sorted(LAYOUT_RULES),
        "rules": {
            code: {
                "name": info.name,
                "family": info.family,
                "severity": info.severity,
                "fix": info.fix,
                "summary": info.summary,
                "docs": info.docs,
            }
            for code, info in audit.rules.items()
        },
        "docs": [index_row(row) for row in audit.documents],
    }


def _options(values: Sequence[tuple[str, str]], everything: str) -> str:
    return f'<option value="">{escape(everything)}</option>' + "".join(
        f'<option value="{escape(value)}">{escape(label)}</option>' for value, label in values
    )


def filters(audit: Audit) -> str:
    families = [(f, f"{f} {FAMILY_NAMES.get(f, f)}") for f in sorted(audit.by_family)]
    rules = [
        (code, f"{code} {audit.rules[code].name if code in audit.rules else ''} ({count})")
        for code, count in sorted(audit.by_rule.items())
    ]
    languages = sorted({row.language for row in audit.documents if row.language})
    severities = [
        ("error", "with errors"),
        ("warning", "with warnings"),
        ("info", "with info"),
        ("clean", "clean documents"),
    ]
    return (
        '<div class="filters" role="search">'
        '<input type="search" id="f-text" placeholder="Search path, symbol, title" '
        'aria-label="search documents">'
        f'<select id="f-family" aria-label="family">{_options(families, "every family")}</select>'
        f'<select id="f-rule" aria-label="rule">{_options(rules, "every rule")}</select>'
        f'<select id="f-severity" aria-label="severity">'
        f"{_options(severities, 'every severity')}</select>"
        f'<select id="f-language" aria-label="language">'
        f"{_options([(lang, lang) for lang in languages], 'every language')}</select>"
        "</div>"
    )


def _head(audit: Audit) -> str:
    return (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="color-scheme" content="light">'
        f"<title>{escape(audit.title)}</title>"
        f"<style>{_asset('report.css')}</style></head>\n"
    )


def _body_start(audit: Audit) -> str:
    paths = ", ".join(audit.paths)
    return (
        '<body><header class="top">'
        f"<h1>{escape(audit.title)}</h1>"
        f'<p class="meta">reslint {escape(audit.version)} · {escape(audit.generated)}'
        f"{' · ' + escape(paths) if paths else ''}</p>"
        '<nav><a href="#overview">Overview</a><a href="#documents">Documents</a></nav>'
        "</header><main>"
        f'<section id="overview"><h2>Overview</h2>{overview(audit)}</section>'
        '<section id="documents"><h2>Documents</h2>'
        + filters(audit)
        + '<p id="doc-count" aria-live="polite"></p>'
        '<div class="table-wrap"><table id="doc-table"><thead></thead><tbody></tbody></table>'
        '</div><button type="button" id="more" hidden>Show more</button>'
        "<noscript><p>The table of documents and their pages need JavaScript.</p></noscript>"
        '</section><section id="doc" hidden></section></main>\n'
    )


def write(audit: Audit, results: Sequence[FileResult], stream: TextIO) -> None:
    """Write the report of ``results`` (the run, in the order checked) to ``stream``."""
    stream.write(_head(audit))
    stream.write(_body_start(audit))
    stream.write(
        f'<script type="application/json" id="audit-data">{script_json(index_data(audit))}'
        "</script>\n"
    )
    for index, result in enumerate(results):
        payload = script_json(document_payload(result))
        stream.write(f'<script type="application/json" id="d{index}">{payload}</script>\n')
    stream.write(f"<script>{_asset('report.js')}</script>\n</body></html>\n")
