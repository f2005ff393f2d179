"""``reslint report``: the audit's numbers, its outline, its marks, its Markdown summary.

The browser tests (tests/test_report_browser.py) check the page as an editor sees it;
these check what the page is made of, without a browser.
"""

from __future__ import annotations

import argparse
import pickle
import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.cli.options import settings_for
from linter.engine.lint import lint_path
from linter.engine.parallel import lint_all
from linter.engine.registry import all_rules
from linter.report.audit.model import build_audit
from linter.report.audit.outline import Outline, outline_of
from linter.report.highlight import Mark, highlight, highlight_findings
from linter.report.schema import build_report
from tests.conftest import EN, SEED
from tests.report.conftest import CorpusReport, cli
from tests.report.helpers import blocks, file_text, read_marks, span_text

ENGLISH = EN / "GA56_C3_draft_right-to-development_2001-11-28_job01-66657.mnbvc-453500.txt"


# ---- highlighting ----


def test_overlapping_nested_and_empty_spans_keep_their_exact_text() -> None:
    text = "ab\ncd\r\nef"
    marks = [Mark(1, 4, "0", "warning", 2), Mark(3, 5, "1", "error", 3), Mark(5, 5, "2")]
    fragment = highlight(text, marks)
    read = read_marks(fragment)
    assert "".join(read.text) == text  # the carriage return survives as &#13;
    assert {key: "".join(parts) for key, parts in read.by_key.items()} == {
        "0": "b\nc",
        "1": "cd",
        "2": "",
    }
    assert read.lines == 3
    assert '<mark class="error" data-f="0 1">c</mark>' in fragment  # the heavier class wins


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet="ab中\n\r <&", max_size=40),
    st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45)), max_size=8),
)
def test_every_mark_holds_its_span_text(text: str, spans: list[tuple[int, int]]) -> None:
    marks = [Mark(min(a, b), max(a, b), str(i)) for i, (a, b) in enumerate(spans)]
    read = read_marks(highlight(text, marks))
    assert "".join(read.text) == text
    for mark in marks:
        start, end = min(mark.start, len(text)), min(mark.end, len(text))
        assert "".join(read.by_key[mark.key]) == text[start:end]


def test_highlight_findings_marks_every_seed_finding_at_its_span() -> None:
    result = lint_path(SEED, all_rules())
    assert result.source is not None
    text = result.source.text
    read = read_marks(highlight_findings(text, result.findings))
    for index, finding in enumerate(result.findings):
        assert "".join(read.by_key[str(index)]) == text[finding.start : finding.end]


# ---- the outline ----


def test_outline_of_the_seed() -> None:
    outline = outline_of(lint_path(SEED, all_rules()))
    assert isinstance(outline, Outline)
    assert [number for number, _line, _part in outline.operative] == list(range(1, 18))
    assert outline.missing_numbers() == () and outline.numbering == ()
    assert len(outline.preamble) > 10 and outline.number == "2012/19"
    assert outline.adoption_date == "2012-07-26" and outline.adoption_meeting == 46
    assert outline.unmatched_markers() == () and outline.unreferenced_notes() == ()
    assert len(pickle.dumps(outline)) < 4000  # small enough to send back from a worker


def test_outline_reports_the_gap_the_n_rules_report(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    lines = text.split("\n")
    number = next(i for i, line in enumerate(lines) if line.strip().startswith("7."))
    lines[number] = lines[number].replace("7.", "8.", 1)
    copy = tmp_path / "gap.txt"
    copy.write_text("\n".join(lines), encoding="utf-8")
    result = lint_path(copy, all_rules())
    outline = outline_of(result)
    assert outline is not None and outline.missing_numbers() == (7,)
    assert any(f.rule in {"N001", "N002"} for f in result.findings)


def test_workers_send_outlines_not_documents(tmp_path: Path) -> None:
    for path in [SEED, *sorted(EN.glob("*raw*"))]:
        shutil.copy(path, tmp_path / path.name)
    files = sorted(tmp_path.iterdir())
    options = settings_for(argparse.Namespace(isolated=True), [str(tmp_path)])
    serial = lint_all(files, options, jobs=1, summarize=outline_of)
    parallel = lint_all(files, options, jobs=2, summarize=outline_of)
    assert all(r.document is None for r in parallel)
    assert [r.outline for r in parallel] == [r.outline for r in serial]
    assert all(isinstance(r.outline, Outline) for r in parallel)


# ---- numbers and pages ----


def test_audit_numbers_are_the_json_reports() -> None:
    results = [lint_path(path, all_rules()) for path in [SEED, *sorted(EN.glob("*raw*"))]]
    audit = build_audit(results)
    summary = build_report(results).summary
    assert (audit.files, audit.findings) == (summary.files, summary.findings)
    assert audit.by_rule == summary.by_rule and audit.by_severity == summary.by_severity
    assert sum(audit.by_family.values()) == audit.findings


def test_report_numbers_equal_check_json(corpus_report: CorpusReport) -> None:
    html, report = corpus_report.html, corpus_report.json
    index = blocks(html)["audit-data"]
    summary = report["summary"]
    assert len(index["docs"]) == summary["files"] == len(report["files"])
    assert sum(doc["n"] for doc in index["docs"]) == summary["findings"]
    by_rule: dict[str, int] = {}
    for doc in index["docs"]:
        for rule, count in doc["r"].items():
            by_rule[rule] = by_rule.get(rule, 0) + count
    assert by_rule == summary["by_rule"]
    for rule, count in summary["by_rule"].items():
        assert f'<tr data-rule="{rule}"' in html
        assert f'data-value="{count}">{count:,}</td>' in html
    assert f'data-stat="findings"><b data-value="{summary["findings"]}">' in html
    assert f'data-stat="files"><b data-value="{summary["files"]}">' in html


def test_report_is_self_contained(corpus_report: CorpusReport) -> None:
    html = corpus_report.html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    for attribute in ("src=", 'href="http', "@import", "url("):
        assert attribute not in html, attribute


def test_every_corpus_span_is_marked_exactly(corpus_report: CorpusReport) -> None:
    """The check the browser test makes on two documents, made here on all of them."""
    html, report = corpus_report.html, corpus_report.json
    data = blocks(html)
    order = {doc["p"]: doc["i"] for doc in data["audit-data"]["docs"]}
    checked = 0
    for entry in report["files"]:
        page = data[f"d{order[entry['path']]}"]
        if page["h"] is None:
            continue
        text = file_text(entry["path"])
        read = read_marks(page["h"])
        assert "".join(read.text) == text
        for index, finding in enumerate(entry["findings"]):
            assert "".join(read.by_key[str(index)]) == span_text(text, finding), entry["path"]
            checked += 1
    assert checked == report["summary"]["findings"]  # every document kept its text


def test_a_file_changed_after_checking_is_shown_without_marks(tmp_path: Path) -> None:
    from linter.report.audit.document_view import document_payload

    copy = tmp_path / "seed.txt"
    shutil.copy(SEED, copy)
    result = lint_path(copy, all_rules())
    result = type(result)(copy.as_posix(), result.findings, "zh", outline=outline_of(result))
    copy.write_text("changed\n", encoding="utf-8")
    page = document_payload(result)
    assert page["h"] is None and "changed after it was checked" in page["why"]
    assert len(page["f"]) == len(result.findings)


# ---- the Markdown summary and the command ----


def test_markdown_summary_is_short_for_the_whole_corpus(corpus_report: CorpusReport) -> None:
    out = corpus_report.markdown
    lines = out.splitlines()
    assert len(lines) <= 45 and len(out.encode()) < 8 * 1024
    assert lines[0] == "## reslint audit"
    assert "| A006 whitespace |" in out and "Worst 10 documents:" in out


def test_report_command_writes_markdown_by_suffix_and_refuses_no_path(tmp_path: Path) -> None:
    target = tmp_path / "out" / "summary.md"
    code, _, err = cli("report", str(SEED), "-o", str(target))
    assert code == 0 and "wrote markdown report on 1 files" in err
    assert target.read_text(encoding="utf-8").startswith("## reslint audit")
    assert not list(target.parent.glob(".*.tmp"))
    code, _, err = cli("report")
    assert code == 2 and err == "reslint: error: report needs at least one PATH\n"


def test_report_with_a_baseline_shows_its_counts(tmp_path: Path) -> None:
    copy = tmp_path / "seed.txt"
    shutil.copy(SEED, copy)
    cli("baseline", str(copy), "-o", str(tmp_path / "b.json"))
    code, out, _ = cli(
        "report", "--format", "markdown", "--baseline", str(tmp_path / "b.json"), str(copy)
    )
    assert code == 0
    assert "findings baselined, 0 baseline entries fixed, 0 new findings" in out
