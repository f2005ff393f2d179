"""The ``reslint`` command line: one module per command, assembled here.

Each command module has ``register(commands)``, which adds its sub-parser and sets its
handler ``(args, out, err) -> exit code``. Adding a command is one module and one line in
:data:`COMMANDS`. Exit codes are in :mod:`linter.cli.errors`; whatever happens, the user
sees one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import TextIO

from linter import __version__
from linter.cli.errors import EXIT_ERROR, EXIT_OK, UsageError

#: The command modules, in the order ``reslint --help`` lists them.
COMMANDS = (
    "linter.cli.check",
    "linter.cli.report",
    "linter.cli.baseline",
    "linter.cli.fix",
    "linter.cli.parse",
    "linter.cli.rules",
    "linter.cli.lsp",
    "linter.cli.serve",
)


def _parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The top-level parser, and each command's parser by name (aliases included)."""
    parser = argparse.ArgumentParser(
        prog="reslint",
        description="Lint and fix PDF-extracted texts of United Nations resolutions.",
    )
    parser.add_argument("--version", action="version", version=f"reslint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(name).register(commands)
    return parser, dict(commands.choices)


def _parse(argv: Sequence[str] | None) -> tuple[argparse.ArgumentParser, argparse.Namespace]:
    """Parse ``argv``; a flag a command does not know is reported with that command's
    usage (argparse alone would print the top-level one, which does not list it)."""
    parser, commands = _parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        command = commands.get(getattr(args, "command", None) or "", parser)
        command.error(f"unrecognized arguments: {' '.join(unknown)}")
    return parser, args


def run(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser, args = _parse(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(err)
        return EXIT_ERROR
    try:
        code: int = handler(args, out, err)
        return code
    except UsageError as error:
        err.write(f"reslint: error: {error}\n")
        return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point: never a traceback, whatever the input."""
    try:
        code = run(argv)
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        sys.stderr.close()
        code = EXIT_OK
    except Exception as error:  # the last line of defence: one line, exit 2
        if __debug__ and _debug():
            raise
        sys.stderr.write(f"reslint: internal error: {type(error).__name__}: {error}\n")
        code = EXIT_ERROR
    sys.exit(code)


def _debug() -> bool:
    import os

    return os.environ.get("RESLINT_DEBUG") == "1"
