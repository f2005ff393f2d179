"""The ``reslint`` command line: one module per command, assembled here.

Each command module has ``register(commands)``, which adds its sub-parser and sets its
handler ``(args, out, err) -> exit code``. Adding a command is one module and one line in
:data:`COMMANDS`. Exit codes are in :mod:`linter.cli.errors`; whatever happens, the user
sees one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from collections.abc import Sequence
from typing import TextIO

from linter import __version__
from linter.cli.errors import EXIT_ERROR, EXIT_OK, UsageError
from linter.engine import interrupts

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


#: The module of each command name, where it is not ``linter.cli.<name>``.
_MODULE_OF = {"rule": "linter.cli.rules"}


def _parser(
    command: str | None = None,
) -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The top-level parser, and each command's parser by name (aliases included).

    With ``command`` (the first argument, when it names one), only that command's module
    is imported: a pre-commit hook's ``reslint check FILE`` does not pay for importing
    the fixer, the service's set-up or the parser's JSON model to build flags it will not
    read. ``reslint --help`` and an unknown command build every command's parser."""
    parser = argparse.ArgumentParser(
        prog="reslint",
        description="Lint and fix PDF-extracted texts of United Nations resolutions.",
    )
    parser.add_argument("--version", action="version", version=f"reslint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    module = _MODULE_OF.get(command or "", f"linter.cli.{command}")
    for name in [module] if module in COMMANDS else COMMANDS:
        importlib.import_module(name).register(commands)
    return parser, dict(commands.choices)


def _parse(argv: Sequence[str] | None) -> tuple[argparse.ArgumentParser, argparse.Namespace]:
    """Parse ``argv``; a flag a command does not know is reported with that command's
    usage (argparse alone would print the top-level one, which does not list it)."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser, commands = _parser(arguments[0] if arguments else None)
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
    armed = _arm_pattern_cache(args)
    try:
        code: int = handler(args, out, err)
        return code
    except UsageError as error:
        from linter.engine.display import escape_text

        # One line whatever the message holds (a TOML error may quote the bad line).
        err.write(f"reslint: error: {escape_text(' '.join(str(error).splitlines()))}\n")
        return EXIT_ERROR
    finally:
        if armed:
            from linter.engine import patterns

            patterns.finish()


#: Commands that run for long in one process: compiling once is nothing to them.
_LONG_RUNNING = ("lsp", "serve")
#: Commands whose files may all be answered from the results cache: the pattern cache is
#: read when the first file is linted (``linter.engine.jobs.lint_item``), if one is.
_LINTS_LAZILY = ("check", "report", "baseline")


def _arm_pattern_cache(args: argparse.Namespace) -> bool:
    """Arm the compiled-pattern cache for this run (:mod:`linter.engine.patterns`): used
    from the first file linted on. Not with ``--no-cache`` or
    ``RESLINT_NO_PATTERN_CACHE=1``, nor for the commands that run for long."""
    if getattr(args, "no_cache", False) or getattr(args, "command", None) in _LONG_RUNNING:
        return False
    from linter.engine import patterns

    folder = patterns.folder_for(getattr(args, "cache_dir", None))
    if folder is None:
        return False
    patterns.arm(folder)
    if getattr(args, "command", None) not in _LINTS_LAZILY:
        patterns.activate()
    return True


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point: never a traceback, whatever the input. Ctrl-C exits 130 and
    SIGTERM 143, after the commands have stopped their workers and said what was done."""
    interrupts.install()
    try:
        code = run(argv)
    except (KeyboardInterrupt, interrupts.Terminated) as error:
        code = interrupts.exit_status(error)
        try:
            interrupts.stopping()  # a second Ctrl-C while exiting is ignored
            with contextlib.suppress(Exception):
                sys.stderr.write("reslint: interrupted\n")
        finally:
            _leave_after_interrupt(code)
    except BrokenPipeError:
        sys.stderr.close()
        code = EXIT_OK
    except Exception as error:  # the last line of defence: one line, exit 2
        if __debug__ and _debug():
            raise
        sys.stderr.write(f"reslint: internal error: {type(error).__name__}: {error}\n")
        code = EXIT_ERROR
    sys.exit(code)


def _leave_after_interrupt(code: int) -> None:
    """Exit at once with ``code``, after flushing the output.

    The commands have already stopped their workers and removed their temporary files
    while the interrupt unwound them. What an ordinary exit would still do is join the
    threads of the worker pool, and an interrupt can leave one of them waiting on a lock
    forever (see ``linter.engine.executors._GuardedFuture``): the run must end, and end
    with 130 or 143, whatever state the interrupt left a library's threads in. A second
    interrupt arriving meanwhile cannot change the exit status either."""
    import os

    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


def _debug() -> bool:
    import os

    return os.environ.get("RESLINT_DEBUG") == "1"
