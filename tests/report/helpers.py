"""Reading the audit report back: its embedded data and the text of its marks."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from linter.source.text import split_lines

_BLOCK = re.compile(r'<script type="application/json" id="([^"]+)">(.*?)</script>', re.S)


def blocks(html: str) -> dict[str, Any]:
    """Every JSON block of the page by id: ``audit-data`` and ``d<index>``."""
    return {match.group(1): json.loads(match.group(2)) for match in _BLOCK.finditer(html)}


class MarkText(HTMLParser):
    """The text of a fragment (its textContent) and, per key, the text of its marks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.by_key: dict[str, list[str]] = {}
        self.open: list[str] = []
        self.lines = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "mark":
            keys = (values.get("data-f") or "").split()
            self.open = keys
            for key in keys:
                self.by_key.setdefault(key, [])
        elif tag == "i" and values.get("class") == "ln":
            self.lines += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.open = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for key in self.open:
            self.by_key[key].append(data)


def read_marks(fragment: str) -> MarkText:
    parser = MarkText()
    parser.feed(fragment)
    parser.close()
    return parser


def span_text(text: str, finding: dict[str, Any]) -> str:
    """A finding's text from the JSON report's 1-based lines and code-point columns."""
    starts = [line.start for line in split_lines(text)]
    start = starts[finding["line"] - 1] + finding["column"] - 1
    end = starts[finding["end_line"] - 1] + finding["end_column"] - 1
    return text[start:end]


def file_text(path: str) -> str:
    return Path(path).read_bytes().decode("utf-8")
