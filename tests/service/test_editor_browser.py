"""The editor page in a real browser (Debian's Chromium, headless, driven by Playwright)
against ``reslint serve`` on a loopback port: paste, drop, check, fix, download, copy.

Set up as the audit report's browser tests are (``.ci/install-browser``); without the
browser they skip and say why. Screenshots go to tmp/artefacts/ (not committed).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from linter import api
from tests.browser import ARTEFACTS, MARK_TEXTS
from tests.conftest import SEED
from tests.report.helpers import span_text
from tests.service.conftest import LiveServer

LAYOUT = ("A002", "A004", "A006")


class Editor:
    """The page, recording every request it makes and every script error."""

    def __init__(self, browser: Any, server: LiveServer, width: int = 1280) -> None:
        self.url = server.url + "/"
        self.context = browser.new_context(
            viewport={"width": width, "height": 900}, accept_downloads=True
        )
        self.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(self.url)

    def checked(self) -> int:
        """Wait for a check to finish; the number of findings it shows."""
        self.page.wait_for_selector("#summary .counts")
        return int(self.page.get_attribute("#summary .counts", "data-findings") or -1)

    def drop(self, name: str, data: bytes) -> None:
        transfer = self.page.evaluate_handle(
            """([name, bytes]) => {
                const transfer = new DataTransfer();
                transfer.items.add(new File([new Uint8Array(bytes)], name, {type: 'text/plain'}));
                return transfer;
            }""",
            [name, list(data)],
        )
        self.page.dispatch_event("#input", "drop", {"dataTransfer": transfer})


@pytest.fixture
def editor(browser: Any, live_server: LiveServer) -> Iterator[Editor]:
    opened = Editor(browser, live_server)
    yield opened
    opened.context.close()
    assert not opened.errors, opened.errors
    assert all(url.startswith(live_server.url) for url in opened.requests), opened.requests


def test_pasted_text_shows_every_finding_at_its_span(editor: Editor, seed_text: str) -> None:
    page = editor.page
    page.fill("#input", seed_text)
    page.click("#check")
    report = api.check_text(seed_text).model_dump(mode="json")
    findings = report["files"][0]["findings"]
    assert editor.checked() == len(findings) > 200
    marked = page.evaluate(MARK_TEXTS)
    for index, finding in enumerate(findings):
        assert marked[str(index)] == span_text(seed_text, finding), finding
    assert page.text_content("#src") == seed_text
    assert page.locator("#findings li").count() == len(findings)
    layout = sum(1 for finding in findings if finding["rule"] in LAYOUT)
    page.uncheck("#show-layout")
    assert page.locator("#findings li:visible").count() == len(findings) - layout
    page.click("#src mark.warning >> nth=0")
    assert "is drawn 4 times" in (page.text_content("#detail") or "")


def test_safe_fixes_download_and_json(editor: Editor, seed_text: str, tmp_path: Path) -> None:
    page = editor.page
    editor.drop("seed.txt", seed_text.encode())
    assert editor.checked() > 200
    assert page.text_content("#name") == "seed.txt"
    page.click("#fix")
    fixed = api.fix_text(seed_text)
    page.wait_for_function(
        "(text) => document.getElementById('input').value === text", arg=fixed.text
    )
    page.wait_for_selector(f'#summary .counts[data-findings="{len(fixed.remaining)}"]')
    assert "fixes applied" in (page.text_content("#status") or "")
    with page.expect_download() as waiting:
        page.click("#download")
    download = waiting.value
    assert download.suggested_filename == "seed.txt"
    saved = tmp_path / "downloaded.txt"
    download.save_as(saved)
    assert saved.read_text(encoding="utf-8") == fixed.text
    page.click("#copy-json")
    page.wait_for_selector("#status:has-text('clipboard')")
    copied = json.loads(page.evaluate("navigator.clipboard.readText()"))
    expected = api.check_text(fixed.text, path="seed.txt").model_dump(mode="json")
    assert copied == expected


def test_a_file_that_is_not_utf8_is_named_with_its_offset(editor: Editor) -> None:
    editor.page.set_input_files(
        "#file", files=[{"name": "bad.txt", "mimeType": "text/plain", "buffer": b"ab\xffcd"}]
    )
    editor.page.wait_for_selector("#status.error")
    assert editor.page.text_content("#status") == (
        "bad.txt: the body is not valid UTF-8 at byte 2: invalid start byte (offsets count from 0)"
    )


def test_screenshots_at_1280_and_390_pixels(
    browser: Any, live_server: LiveServer, seed_text: str
) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        opened = Editor(browser, live_server, width)
        try:
            opened.page.fill("#input", seed_text)
            opened.page.click("#check")
            opened.checked()
            opened.page.screenshot(path=str(ARTEFACTS / f"editor-{width}.png"))
            scroll = opened.page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= width, f"the page is {scroll} px wide at {width} px"
            assert not opened.errors, opened.errors
        finally:
            opened.context.close()
    assert (ARTEFACTS / "editor-390.png").stat().st_size > 10_000


def test_the_seed_file_opens_from_disk(editor: Editor) -> None:
    editor.page.set_input_files("#file", str(SEED))
    assert editor.checked() == api.check_text(SEED.read_text("utf-8")).summary.findings
