"""``reslint lsp``: the language server, over stdin and stdout (the ``lsp`` extra).

pygls is imported only when the command runs, so every other command, ``check`` first,
starts without it; without the extra the command says how to install it (exit 2).
"""

from __future__ import annotations

import argparse
from typing import TextIO

from linter.cli.errors import EXIT_OK, UsageError

#: The packages the ``lsp`` extra brings; importing the server fails without them.
EXTRA_PACKAGES = ("pygls", "lsprotocol", "cattrs")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser(
        "lsp", help="run the language server for editors (stdin/stdout; needs reslint[lsp])"
    )
    command.add_argument(
        "--stdio", action="store_true", help="talk over stdin and stdout (the only transport)"
    )
    command.set_defaults(handler=run)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        from linter.lsp.server import serve
    except ModuleNotFoundError as error:
        if (error.name or "").split(".")[0] not in EXTRA_PACKAGES:
            raise
        raise UsageError(
            "the language server needs the lsp extra: pip install 'reslint[lsp]'"
        ) from None
    serve()
    return EXIT_OK
