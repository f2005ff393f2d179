"""``reslint lsp`` driven over stdio as an editor drives it (pygls's own client).

The positions the server publishes are checked against UTF-16 offsets computed here, from
``reslint check``'s code-point columns, independently of the server's conversion.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient

from tests.conftest import SEED
from tests.helpers import cli

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 60  # seconds for a whole session: a hang fails the test, never the suite


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def expected_ranges(text: str, path: Path, rule: str) -> list[tuple[int, int, int, int]]:
    """(line, character, end line, end character), 0-based UTF-16, of ``rule``'s findings
    as ``reslint check`` reports them in code points."""
    path.write_text(text, encoding="utf-8")
    _, out, _ = cli("check", "--format", "json", "--select", rule, str(path))
    lines = text.split("\n")
    found = []
    for finding in json.loads(out)["files"][0]["findings"]:
        line, column = finding["line"] - 1, finding["column"] - 1
        end_line, end_column = finding["end_line"] - 1, finding["end_column"] - 1
        found.append(
            (
                line,
                _utf16(lines[line][:column]),
                end_line,
                _utf16(lines[end_line][:end_column]),
            )
        )
    return found


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP text edits (UTF-16 positions), last first, as an editor does."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        before = sum(len(line) + 1 for line in lines[: position.line])
        units = lines[position.line].encode("utf-16-le")[: 2 * position.character]
        return before + len(units.decode("utf-16-le"))

    ordered = sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character))
    for edit in reversed(ordered):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


def _ranges(diagnostics: list[types.Diagnostic], rule: str) -> list[tuple[int, int, int, int]]:
    return [
        (d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)
        for d in diagnostics
        if d.code == rule
    ]


class Session:
    """A client talking to ``python -m linter lsp``; diagnostics gathered per document."""

    def __init__(self) -> None:
        self.client = LanguageClient("reslint-test", "1")
        self.published: dict[str, list[types.PublishDiagnosticsParams]] = defaultdict(list)
        self.arrived = asyncio.Event()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.published[params.uri].append(params)
            self.arrived.set()

    async def start(self, encodings: list[str] | None = None) -> types.InitializeResult:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        await self.client.start_io(sys.executable, "-m", "linter", "lsp", env=env)
        general = types.GeneralClientCapabilities(position_encodings=encodings)
        result = await self.client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(general=general),
                root_uri=ROOT.as_uri(),
            )
        )
        self.client.initialized(types.InitializedParams())
        return result

    async def diagnostics(self, uri: str, version: int) -> list[types.Diagnostic]:
        while True:
            for params in self.published[uri]:
                if params.version == version:
                    return list(params.diagnostics)
            self.arrived.clear()
            await self.arrived.wait()

    def open(self, uri: str, text: str) -> None:
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id="plaintext", version=1, text=text
                )
            )
        )

    def change(self, uri: str, version: int, text: str) -> None:
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    async def actions(
        self, uri: str, where: types.Range, only: list[str] | None = None
    ) -> list[types.CodeAction]:
        result = await self.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=where,
                context=types.CodeActionContext(diagnostics=[], only=only),  # type: ignore[arg-type]
            )
        )
        return [action for action in result or [] if isinstance(action, types.CodeAction)]

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


def run_session(body: Any) -> None:
    async def main() -> None:
        session = Session()
        try:
            await asyncio.wait_for(body(session), TIMEOUT)
        finally:
            await asyncio.wait_for(session.stop(), TIMEOUT)

    asyncio.run(main())


@pytest.mark.slow
def test_seed_diagnostics_and_one_code_action(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    expected = expected_ranges(text, tmp_path / "seed.zh.txt", "A001")
    assert len(expected) == 35
    uri = (tmp_path / "seed.zh.txt").as_uri()

    async def body(session: Session) -> None:
        initialized = await session.start()
        assert initialized.capabilities.position_encoding == types.PositionEncodingKind.Utf16
        session.open(uri, text)
        diagnostics = await session.diagnostics(uri, 1)
        assert _ranges(diagnostics, "A001") == expected
        first = next(d for d in diagnostics if d.code == "A001")
        assert (first.source, first.severity) == ("reslint", types.DiagnosticSeverity.Warning)
        actions = await session.actions(uri, first.range, only=[types.CodeActionKind.QuickFix])
        (action,) = [a for a in actions if a.title.startswith("Fix A001")]
        assert action.is_preferred and action.edit is not None and action.edit.changes
        fixed = apply_edits(text, action.edit.changes[uri])
        assert len(fixed) < len(text)
        session.change(uri, 2, fixed)
        after = await session.diagnostics(uri, 2)
        assert len(_ranges(after, "A001")) == 34
        # Fix on save: the whole text, as `reslint fix` makes it.
        everything = types.Range(start=types.Position(0, 0), end=types.Position(0, 0))
        (fix_all,) = await session.actions(uri, everything, only=["source.fixAll"])
        assert fix_all.kind == "source.fixAll.reslint" and fix_all.edit and fix_all.edit.changes
        whole = apply_edits(fixed, fix_all.edit.changes[uri])
        copy = tmp_path / "copy.zh.txt"
        copy.write_text(fixed, encoding="utf-8")
        assert cli("fix", str(copy))[0] == 0
        assert whole == copy.read_text(encoding="utf-8")

    run_session(body)


@pytest.mark.slow
def test_positions_count_utf16_units_past_astral_characters(tmp_path: Path) -> None:
    """𠮷 (U+20BB7) is one code point and two UTF-16 units: the finding after it on its
    line is one character further right in the editor than in `reslint check`."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    assert lines[7].startswith(" 经济及社会理事会经济")  # line 8: A001 at column 2
    lines[7] = "𠮷" + lines[7]
    text = "\n".join(lines)
    expected = expected_ranges(text, tmp_path / "astral.zh.txt", "A001")
    uri = (tmp_path / "astral.zh.txt").as_uri()

    async def body(session: Session) -> None:
        await session.start()
        session.open(uri, text)
        got = _ranges(await session.diagnostics(uri, 1), "A001")
        assert got == expected
        assert got[0] == (7, 3, 7, 3 + 32)  # code points: columns 2 to 34, 0-based 2..34

    run_session(body)


@pytest.mark.slow
def test_a_client_that_asks_for_utf32_gets_code_points(tmp_path: Path) -> None:
    text = "𠮷" + SEED.read_text(encoding="utf-8")
    uri = (tmp_path / "utf32.zh.txt").as_uri()

    async def body(session: Session) -> None:
        initialized = await session.start(encodings=[types.PositionEncodingKind.Utf32])
        assert initialized.capabilities.position_encoding == types.PositionEncodingKind.Utf32
        session.open(uri, text)
        diagnostics = await session.diagnostics(uri, 1)
        assert _ranges(diagnostics, "A001")[0] == (7, 1, 7, 33)  # code points, 0-based

    run_session(body)


def test_without_the_extra_lsp_says_how_to_install_it() -> None:
    probe = (
        "import sys; sys.modules['pygls'] = None;from linter.cli.main import main; main(['lsp'])"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 2
    assert done.stderr == (
        "reslint: error: the language server needs the lsp extra: pip install 'reslint[lsp]'\n"
    )


def test_check_does_not_import_the_language_server() -> None:
    probe = (
        "import sys; from linter.cli.main import run; run(['check', '-q', sys.argv[1]]);"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol')"
        " or m.startswith('linter.lsp')]; print(loaded)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(SEED)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.stdout.strip() == "[]", done.stderr
