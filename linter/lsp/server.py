"""The language server: diagnostics as one types, each fix a code action.

Built on pygls (the ``lsp`` extra), over stdin and stdout. The client sends the whole text
on every change (full synchronisation: a resolution is small, and reslint's line breaks,
``\\r\\n``, ``\\r`` and ``\\n``, are then the only ones that count). Each open document is
linted on open and on every change with the settings a file at its path would get (the
configuration found from its folder upward, per-file ignores, excludes), and its findings
are published as diagnostics: code, severity, message, and the span in the position unit
agreed with the client (UTF-16 code units unless the client offers another;
:mod:`linter.lsp.positions`).

Code actions: every finding with a fix is a ``quickfix`` (safe fixes preferred, unsafe
ones offered and named so); ``source.fixAll.reslint``, when asked for by kind (an editor's
fix-on-save), runs the whole fixer and replaces the text with the canonical one, or offers
nothing when the fixer refuses the text.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from linter import __version__
from linter.engine.errors import ConfigError
from linter.engine.lint import lint_text
from linter.engine.registry import Fix, Severity
from linter.engine.results import FileResult, Finding
from linter.engine.settings import Settings, SettingsError, build
from linter.lsp.positions import UTF16, PositionMap
from linter.report.sarif import docs_url
from linter.source.frozen import record

SOURCE = "reslint"
FIX_ALL = "source.fixAll.reslint"
_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


@record(slots=False)
class Linted:
    """One version of an open document and what reslint found in it."""

    version: int | None
    path: Path
    settings: Settings | None  # None: excluded, or the configuration is broken
    result: FileResult | None
    positions: PositionMap
    diagnostics: tuple[types.Diagnostic, ...]


class ReslintServer(LanguageServer):
    """pygls's server plus the last lint of each open document."""

    def __init__(self) -> None:
        super().__init__(
            SOURCE, __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full
        )
        self.linted: dict[str, Linted] = {}
        self.reported: set[str] = set()  # configuration errors already shown once
        # The catalogue's address, read once: package metadata costs a millisecond a read.
        self.docs = docs_url()

    def encoding(self) -> str:
        return str(self.workspace.position_encoding or UTF16)

    def lint(self, uri: str) -> Linted:
        """Lint the document's current text (again only when its version changed)."""
        document = self.workspace.get_text_document(uri)
        known = self.linted.get(uri)
        if known is not None and known.version == document.version and known.version is not None:
            return known
        path = Path(to_fs_path(uri) or uri)
        positions = PositionMap(document.source, self.encoding())
        settings = self._settings(path)
        result = None
        if settings is not None and not settings.excluded(path):
            result = lint_text(
                document.source,
                str(path),
                settings.rules_for(path),
                settings.options,
                settings.severities,
                language=settings.language,
            )
        diagnostics = tuple(
            diagnostic(finding, positions, self.docs)
            for finding in (result.findings if result else ())
        )
        linted = Linted(document.version, path, settings, result, positions, diagnostics)
        self.linted[uri] = linted
        return linted

    def _settings(self, path: Path) -> Settings | None:
        try:
            return build(argparse.Namespace(), [str(path)])
        except (ConfigError, SettingsError) as error:
            message = f"reslint: {error}"
            if message not in self.reported:
                self.reported.add(message)
                self.window_show_message(
                    types.ShowMessageParams(type=types.MessageType.Error, message=message)
                )
            return None

    def publish(self, uri: str) -> None:
        linted = self.lint(uri)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, version=linted.version, diagnostics=list(linted.diagnostics)
            )
        )


def lsp_range(positions: PositionMap, start: int, end: int) -> types.Range:
    return types.Range(
        start=types.Position(*positions.position(start)),
        end=types.Position(*positions.position(end)),
    )


def diagnostic(finding: Finding, positions: PositionMap, docs: str | None) -> types.Diagnostic:
    """The LSP diagnostic of a finding; ``docs`` is the rule catalogue's address, if known."""
    return types.Diagnostic(
        range=lsp_range(positions, finding.start, finding.end),
        message=finding.message,
        severity=_SEVERITIES[finding.severity],
        code=finding.rule,
        code_description=(
            types.CodeDescription(href=f"{docs}#{finding.rule.lower()}") if docs else None
        ),
        source=SOURCE,
    )


def _overlaps(finding: Finding, start: int, end: int) -> bool:
    """Whether the finding touches the range asked about (a cursor is an empty range)."""
    return finding.start <= end and start <= max(finding.end, finding.start)


def _wants(only: list[str] | None, kind: str, default: bool) -> bool:
    """Whether a request limited to the kinds ``only`` wants actions of ``kind``."""
    if not only:
        return default
    return any(kind == wanted or kind.startswith(wanted + ".") for wanted in only)


def quick_fix(uri: str, linted: Linted, index: int, fix: Fix) -> types.CodeAction:
    finding = linted.result.findings[index] if linted.result else None
    assert finding is not None
    unsafe = fix.applicability == "unsafe"
    edits = [
        types.TextEdit(range=lsp_range(linted.positions, e.start, e.end), new_text=e.replacement)
        for e in fix.edits
    ]
    return types.CodeAction(
        title=f"Fix {finding.rule} ({finding.name}){' (unsafe)' if unsafe else ''}",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[linted.diagnostics[index]],
        edit=types.WorkspaceEdit(changes={uri: edits}),
        is_preferred=not unsafe,
    )


def fix_all(uri: str, linted: Linted, text: str) -> types.CodeAction | None:
    """The whole text fixed, as one edit; None when nothing changes or it is refused."""
    from linter.fix.fixer import fix_text

    if linted.settings is None or linted.result is None:
        return None
    settings = linted.settings
    outcome = fix_text(
        text, settings.rules_for(linted.path), path=str(linted.path), language=settings.language
    )
    if not outcome.changed:
        return None
    whole = lsp_range(linted.positions, 0, len(text))
    return types.CodeAction(
        title=f"Fix all reslint findings ({outcome.applied} fixes)",
        kind=FIX_ALL,
        edit=types.WorkspaceEdit(
            changes={uri: [types.TextEdit(range=whole, new_text=outcome.text)]}
        ),
    )


def create_server() -> ReslintServer:
    server = ReslintServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ReslintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ReslintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ReslintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.linted.pop(uri, None)
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]),
    )
    def code_action(ls: ReslintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        linted = ls.lint(uri)
        if linted.result is None:
            return []
        only = [str(kind) for kind in params.context.only] if params.context.only else None
        actions: list[types.CodeAction] = []
        if _wants(only, types.CodeActionKind.QuickFix, default=True):
            start = linted.positions.offset(params.range.start.line, params.range.start.character)
            end = linted.positions.offset(params.range.end.line, params.range.end.character)
            for index, finding in enumerate(linted.result.findings):
                if finding.fix is not None and _overlaps(finding, start, end):
                    actions.append(quick_fix(uri, linted, index, finding.fix))
        if _wants(only, FIX_ALL, default=False):
            whole = fix_all(uri, linted, ls.workspace.get_text_document(uri).source)
            if whole is not None:
                actions.append(whole)
        return actions

    return server


def serve() -> None:
    """Run the server over stdin and stdout until the client says exit."""
    create_server().start_io()
