"""``reslint lsp``: a language server, so that an editor shows findings as one types.

Optional: it needs the ``lsp`` extra (pygls), and nothing outside this package and
:mod:`linter.cli.lsp` imports it, so ``reslint check`` never pays for it.
"""
