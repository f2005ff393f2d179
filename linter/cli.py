"""The ``reslint`` command line.

Exit codes: 0 when no finding reaches ``--fail-on`` (default ``warning``), 1 when one
does, 2 for a usage error, a missing or unreadable path or a bad configuration, always
with a one-line message on stderr and never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from linter import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A problem the user can fix; printed as one line, exit code 2."""


def _parser() -> argparse.ArgumentParser:
    from linter import checking

    parser = argparse.ArgumentParser(
        prog="reslint",
        description="Lint and fix PDF-extracted texts of United Nations resolutions.",
    )
    parser.add_argument("--version", action="version", version=f"reslint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="report findings in files and directories")
    check.add_argument("paths", nargs="*", metavar="PATH")
    check.add_argument(
        "--format",
        "--output-format",
        dest="format",
        choices=_format_names(),
        help="output format on stdout (default: the configuration's, else text)",
    )
    check.add_argument(
        "--fail-on",
        choices=["error", "warning", "info"],
        help="lowest severity that makes the exit code 1 (default: warning)",
    )
    _add_selection(check)
    check.add_argument(
        "--include",
        action="append",
        metavar="GLOB",
        help="file pattern to check inside directories (default: *.txt)",
    )
    check.add_argument("--language", help="force the language (ISO 639-1 code)")
    check.add_argument("--fix", action="store_true", help="apply safe fixes, then report the rest")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix: unsafe fixes too")
    checking.add_check_arguments(check)
    checking.add_baseline_command(commands)

    fix = commands.add_parser("fix", help="repair extraction damage in files (canonical text)")
    _add_fix_arguments(fix)
    _add_selection(fix)
    checking.add_config_arguments(fix)

    parse = commands.add_parser("parse", help="print the structure of one resolution")
    parse.add_argument("path", metavar="FILE")
    parse.add_argument("--format", choices=["text", "json"], default="text")
    parse.add_argument("--language", help="force the language (ISO 639-1 code)")

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=["text", "json"], default="text")

    rule = commands.add_parser("rule", help="show the documentation of one rule")
    rule.add_argument("key", metavar="CODE|NAME")
    return parser


def _add_fix_arguments(command: argparse.ArgumentParser) -> None:
    from linter.fix_command import add_arguments

    add_arguments(command)


def _fix(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``reslint fix``: the same settings as ``check`` (configuration, per-file ignores)."""
    from linter.checking import collect, settings_for
    from linter.fix_command import run_fix

    settings = settings_for(args, args.paths)
    return run_fix(args, collect(settings, args.paths), settings.rules_for, out, err)


def _format_names() -> list[str]:
    from linter.report import FORMATS

    return sorted(FORMATS)


def _add_selection(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--select",
        action="append",
        metavar="RULES",
        help="rules to enable: codes, prefixes, family letters or names",
    )
    command.add_argument(
        "--ignore",
        action="append",
        metavar="RULES",
        help="rules to disable (wins over --select when equally specific)",
    )


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from linter.checking import run_check

    return run_check(args, out, err)


def _baseline(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from linter.checking import run_baseline

    return run_baseline(args, out, err)


def _parse(args: argparse.Namespace, out: TextIO) -> int:
    from linter.document_json import document_model, document_text
    from linter.engine import read_limited
    from linter.source import DecodeError, Source
    from linter.structure import parse

    path = Path(args.path)
    try:
        data = read_limited(path)
        source = Source.from_bytes(data, path=str(path), language=args.language)
    except FileNotFoundError:
        raise UsageError(f"path not found: {path}") from None
    except IsADirectoryError:
        raise UsageError(f"{path} is a directory; parse takes one file") from None
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    except DecodeError as error:
        raise UsageError(f"{path}: {error}") from None
    document = parse(source)
    if args.format == "json":
        out.write(document_model(document).model_dump_json(indent=2) + "\n")
    else:
        out.write(document_text(document))
    return EXIT_OK


def _rules(args: argparse.Namespace, out: TextIO) -> int:
    import json

    from linter.registry import all_rules

    specs = all_rules()
    if args.format == "json":
        rows = [
            {
                "code": s.code,
                "name": s.name,
                "severity": s.severity.value,
                "fix": s.fix.value,
                "summary": s.summary,
            }
            for s in specs
        ]
        out.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    for spec in specs:
        fix = "" if spec.fix.value == "none" else f" (fix: {spec.fix.value})"
        out.write(f"{spec.code}  {spec.name:<28} {spec.severity.value:<8} {spec.summary}{fix}\n")
    return EXIT_OK


def _rule(args: argparse.Namespace, out: TextIO) -> int:
    from linter.registry import all_rules, rule_by_code_or_name

    spec = rule_by_code_or_name(args.key)
    if spec is None:
        import difflib

        names = [s.code for s in all_rules()] + [s.name for s in all_rules()]
        close = difflib.get_close_matches(args.key, names, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise UsageError(f"no rule {args.key!r}{hint}")
    out.write(f"{spec.code} {spec.name} ({spec.severity.value}, fix: {spec.fix.value})\n\n")
    out.write(spec.doc + "\n")
    return EXIT_OK


def run(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return _check(args, out, err)
        if args.command == "baseline":
            return _baseline(args, out, err)
        if args.command == "fix":
            return _fix(args, out, err)
        if args.command == "parse":
            return _parse(args, out)
        if args.command == "rules":
            return _rules(args, out)
        if args.command == "rule":
            return _rule(args, out)
        parser.print_help(err)
        return EXIT_ERROR
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
