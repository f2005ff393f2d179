"""The overview of the HTML audit: figures, tables and charts, written as static HTML.

The overview is plain HTML and inline SVG made here (no script needed to read or print
it). Every figure carries its exact value in ``data-value`` beside the formatted one, so
tests read the numbers the page shows and compare them with the JSON report.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from linter.report.audit.model import FAMILY_NAMES, Audit, DocumentRow
from linter.report.folding import LAYOUT_RULES

#: How many documents the chart of the worst ones shows.
WORST_SHOWN = 10


def number(value: int) -> str:
    return f"{value:,}"


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "–"


def _figure(key: str, label: str, value: int, note: str = "") -> str:
    extra = f'<span class="note">{escape(note)}</span>' if note else ""
    return (
        f'<div class="figure" data-stat="{key}"><b data-value="{value}">{number(value)}</b>'
        f"<span>{escape(label)}</span>{extra}</div>"
    )


def figures(audit: Audit) -> str:
    with_findings = audit.files - audit.clean - audit.unreadable
    parts = [
        _figure("files", "documents checked", audit.files),
        _figure("clean", "clean", audit.clean, share(audit.clean, audit.files)),
        _figure("with-findings", "with findings", with_findings),
        _figure("findings", "findings", audit.findings),
    ]
    for severity in ("error", "warning", "info"):
        count = audit.by_severity.get(severity, 0)
        if count or severity != "info":
            parts.append(_figure(f"severity-{severity}", f"{severity}s", count))
    parts.append(
        _figure(
            "fixable", "fixable by reslint fix", audit.fixable, share(audit.fixable, audit.findings)
        )
    )
    if audit.unreadable:
        parts.append(_figure("unreadable", "not readable", audit.unreadable))
    html = '<div class="figures">' + "".join(parts) + "</div>"
    if audit.baseline is not None:
        b = audit.baseline
        html += (
            f'<p class="baseline" data-stat="baseline">Baseline: '
            f'<b data-value="{b.baselined}">{number(b.baselined)}</b> findings baselined, '
            f'<b data-value="{b.fixed}">{number(b.fixed)}</b> baseline entries fixed, '
            f'<b data-value="{b.new}">{number(b.new)}</b> new findings (shown here).</p>'
        )
    return html


def bar_chart(rows: Iterable[tuple[str, list[tuple[int, str]], str]], label: str) -> str:
    """Horizontal bars as inline SVG: ``(name, [(value, css class), ...], title)`` rows,
    each bar stacked from its parts, scaled to the longest."""
    rows = list(rows)
    if not rows:
        return ""
    longest = max(sum(value for value, _css in parts) for _name, parts, _t in rows) or 1
    height, gap, name_width, bar_width = 18, 6, 230, 420
    total_height = len(rows) * (height + gap)
    out = [
        f'<svg class="chart" role="img" aria-label="{escape(label)}" '
        f'viewBox="0 0 {name_width + bar_width + 80} {total_height}" '
        f'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
    ]
    for row, (name, parts, title) in enumerate(rows):
        y = row * (height + gap)
        short = name if len(name) <= 34 else "…" + name[-33:]
        out.append(
            f'<text x="{name_width - 6}" y="{y + 13}" text-anchor="end">{escape(short)}</text>'
        )
        x = float(name_width)
        for value, css in parts:
            width = bar_width * value / longest
            if width > 0:
                out.append(
                    f'<rect class="{css}" x="{x:.1f}" y="{y}" width="{max(width, 1):.1f}" '
                    f'height="{height}"><title>{escape(title)}</title></rect>'
                )
            x += width
        total = sum(value for value, _css in parts)
        out.append(f'<text x="{x + 6:.1f}" y="{y + 13}">{number(total)}</text>')
    out.append("</svg>")
    return "".join(out)


def family_table(audit: Audit) -> str:
    rows = []
    for family, count in sorted(audit.by_family.items(), key=lambda item: -item[1]):
        name = FAMILY_NAMES.get(family, family)
        documents = audit.documents_by_family.get(family, 0)
        rows.append(
            f'<tr data-family="{family}"><td><b>{family}</b> {escape(name)}</td>'
            f'<td class="n" data-value="{count}">{number(count)}</td>'
            f'<td class="n">{share(count, audit.findings)}</td>'
            f'<td class="n" data-value="{documents}">{number(documents)}</td></tr>'
        )
    chart = bar_chart(
        (
            (f"{family} {FAMILY_NAMES.get(family, family)}", [(count, f"fam-{family}")], "")
            for family, count in sorted(audit.by_family.items(), key=lambda item: -item[1])
        ),
        "findings per family",
    )
    return (
        '<table class="counts" id="by-family"><thead><tr><th>family</th><th>findings</th>'
        "<th>share</th><th>documents</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
        + chart
    )


def rule_table(audit: Audit) -> str:
    rows = []
    for code, count in sorted(audit.by_rule.items(), key=lambda item: (-item[1], item[0])):
        info = audit.rules.get(code)
        name = info.name if info else ""
        summary = info.summary if info else ""
        layout = ' <span class="tag">layout</span>' if code in LAYOUT_RULES else ""
        documents = audit.documents_by_rule.get(code, 0)
        rows.append(
            f'<tr data-rule="{code}" title="{escape(summary)}">'
            f'<td><a href="#rule={code}" class="rule-link">{code}</a></td>'
            f"<td>{escape(name)}{layout}</td>"
            f'<td class="n" data-value="{count}">{number(count)}</td>'
            f'<td class="n">{share(count, audit.findings)}</td>'
            f'<td class="n" data-value="{documents}">{number(documents)}</td></tr>'
        )
    return (
        '<table class="counts" id="by-rule"><thead><tr><th>rule</th><th>name</th>'
        "<th>findings</th><th>share</th><th>documents</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def _worst_parts(row: DocumentRow) -> list[tuple[int, str]]:
    errors = row.by_severity.get("error", 0)
    other = row.findings - row.layout - errors
    # Layout findings of error severity (by configuration) count once, as errors.
    layout = row.findings - errors - max(other, 0)
    return [(errors, "sev-error"), (max(other, 0), "sev-warning"), (layout, "layout")]


def worst_chart(audit: Audit) -> str:
    worst = [row for row in audit.documents if not row.clean][:WORST_SHOWN]
    return bar_chart(
        (
            (
                row.path.rsplit("/", 1)[-1],
                _worst_parts(row),
                f"{row.path}: {row.by_severity.get('error', 0)} errors, "
                f"{row.findings - row.layout} findings besides layout, {row.layout} layout",
            )
            for row in worst
        ),
        "the worst documents",
    )


def overview(audit: Audit) -> str:
    """The overview section's inner HTML."""
    layout_note = (
        f"<p>{number(audit.layout)} of the findings ({share(audit.layout, audit.findings)}) "
        "are layout repairs (A002 hard wraps, A004 page residue, A006 whitespace): "
        "<code>reslint fix</code> makes them.</p>"
        if audit.layout
        else ""
    )
    return (
        figures(audit)
        + layout_note
        + '<div class="columns"><div><h3>Findings by family</h3>'
        + family_table(audit)
        + "</div><div><h3>The worst documents</h3>"
        + '<p class="legend"><span class="key sev-error"></span>errors '
        + '<span class="key sev-warning"></span>other findings '
        + '<span class="key layout"></span>layout</p>'
        + (worst_chart(audit) or "<p>No document has a finding.</p>")
        + "</div></div><h3>Findings by rule</h3>"
        + rule_table(audit)
    )
