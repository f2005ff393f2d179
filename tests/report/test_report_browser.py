"""The audit report in a real browser: Debian's Chromium, headless, driven by Playwright.

.ci/run installs the browser (``apt-get install chromium``); Playwright for Python comes
with the dev extra and drives that browser (its own browser downloads are never used).
Without either, these tests skip and say why. Screenshots at 1280 and 390 pixels wide
are kept in tmp/artefacts/ (not committed).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser import ARTEFACTS, MARK_TEXTS
from tests.report.conftest import CorpusReport
from tests.report.helpers import file_text, span_text

SEED_NAME = "E-RES-2012-19.zh.txt"
ENGLISH_NAME = "GA56_C3_draft_right-to-development_2001-11-28_job01-66657.mnbvc-453500.txt"


class Session:
    """A page on the report that records every request and every script error."""

    def __init__(self, browser: Any, report: CorpusReport, width: int) -> None:
        self.url = report.path.as_uri()
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(self.url)

    def stat(self, key: str) -> int:
        return int(self.page.get_attribute(f'[data-stat="{key}"] b', "data-value"))

    def open_document(self, name: str) -> None:
        self.page.goto(self.url + "#documents")
        self.page.fill("#f-text", name)
        self.page.click(f'#doc-table tbody a:has-text("{name}")')
        self.page.wait_for_selector("#src")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def session(browser: Any, corpus_report: CorpusReport) -> Iterator[Session]:
    opened = Session(browser, corpus_report, 1280)
    yield opened
    opened.close()
    assert not opened.errors, opened.errors


def _entry(report: CorpusReport, name: str) -> dict[str, Any]:
    return next(f for f in report.json["files"] if f["path"].endswith(name))


def test_the_report_makes_no_network_request(session: Session) -> None:
    session.open_document(SEED_NAME)
    session.page.click("#toggle-layout")
    session.page.goto(session.url + "#rule=F001")
    session.page.wait_for_timeout(200)
    assert session.requests and all(url.startswith(session.url) for url in session.requests), [
        url for url in session.requests if not url.startswith(session.url)
    ]


def test_overview_numbers_equal_the_json_report(
    session: Session, corpus_report: CorpusReport
) -> None:
    summary = corpus_report.json["summary"]
    assert session.stat("files") == summary["files"]
    assert session.stat("findings") == summary["findings"]
    for severity, count in summary["by_severity"].items():
        assert session.stat(f"severity-{severity}") == count
    clean = sum(1 for f in corpus_report.json["files"] if not f["findings"] and not f["error"])
    assert session.stat("clean") == clean
    rows = session.page.eval_on_selector_all(
        "#by-rule tr[data-rule]",
        "rows => rows.map(r => [r.dataset.rule, Number(r.querySelector('td[data-value]')"
        ".dataset.value)])",
    )
    assert dict(rows) == summary["by_rule"]


def test_filter_by_rule(session: Session, corpus_report: CorpusReport) -> None:
    expected = {
        f["path"]
        for f in corpus_report.json["files"]
        if any(x["rule"] == "F001" for x in f["findings"])
    }
    session.page.select_option("#f-rule", "F001")
    count = session.page.text_content("#doc-count") or ""
    assert re.match(rf"Showing {len(expected)} of {len(expected)} matching documents", count)
    shown = session.page.eval_on_selector_all(
        "#doc-table tbody tr", "rows => rows.map(r => r.querySelector('td.path a').textContent)"
    )
    assert set(shown) == expected
    header = session.page.text_content("#doc-table thead") or ""
    assert "F001 findings" in header


@pytest.mark.parametrize("name", [SEED_NAME, ENGLISH_NAME])
def test_highlighted_spans_hold_exactly_the_findings_text(
    session: Session, corpus_report: CorpusReport, name: str
) -> None:
    assert session.page.locator("mark").count() == 0  # nothing is drawn before it is opened
    session.open_document(name)
    entry = _entry(corpus_report, name)
    text = file_text(entry["path"])
    marked = session.page.evaluate(MARK_TEXTS)
    assert len(entry["findings"]) > 20
    for index, finding in enumerate(entry["findings"]):
        assert marked[str(index)] == span_text(text, finding), finding
    assert session.page.text_content("#src") == text


def test_a_document_page_folds_layout_and_shows_the_outline(session: Session) -> None:
    session.open_document(SEED_NAME)
    page = session.page
    assert "145 layout repairs" in (page.text_content("#layout-fold") or "")
    assert page.locator("#findings li").count() == 222 - 145
    page.click("#toggle-layout")
    assert page.locator("#findings li").count() == 222
    operative = page.locator(".outline dt:has-text('operative') + dd .chip")
    assert operative.count() == 17
    assert "2012-07-26 · meeting 46" in (page.text_content(".outline") or "")
    page.click("#src mark.warning >> nth=0")
    assert "is drawn 4 times" in (page.text_content("#card") or "")


def test_screenshots_at_1280_and_390_pixels(browser: Any, corpus_report: CorpusReport) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        opened = Session(browser, corpus_report, width)
        try:
            opened.page.screenshot(path=str(ARTEFACTS / f"report-overview-{width}.png"))
            opened.open_document(SEED_NAME)
            opened.page.screenshot(path=str(ARTEFACTS / f"report-document-{width}.png"))
            scroll = opened.page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= width, f"the page is {scroll} px wide at {width} px"
            assert not opened.errors, opened.errors
        finally:
            opened.close()
    assert (ARTEFACTS / "report-document-390.png").stat().st_size > 10_000
    shutil.copy(ARTEFACTS / "report-document-1280.png", ARTEFACTS / "latest.png")
