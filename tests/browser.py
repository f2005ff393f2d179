"""Headless Chromium for the browser tests: Debian's package, driven by Playwright.

The machines reach no browser download (``playwright install`` does not work here):
``.ci/install-browser`` installs Debian's chromium, and the tests skip, saying why, when it
is missing. ``browser`` (the fixture in tests/conftest.py) launches it once per module.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTEFACTS = Path(__file__).resolve().parents[1] / "tmp" / "artefacts"

#: The text of every mark of the page's source view, by finding key.
MARK_TEXTS = """() => {
  const found = {};
  document.querySelectorAll('#src mark[data-f]').forEach((mark) => {
    for (const key of mark.dataset.f.split(' ')) found[key] = (found[key] || '') + mark.textContent;
  });
  return found;
}"""


def launch() -> Iterator[Any]:
    """A headless Chromium, or a skip that says what is missing."""
    if not CHROMIUM.exists():
        pytest.skip(f"no browser: {CHROMIUM} is missing (.ci/run installs Debian's chromium)")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')"
    )
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()
