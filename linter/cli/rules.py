"""``reslint rules`` (every rule) and ``reslint rule CODE`` (one rule's documentation)."""

from __future__ import annotations

import argparse
from typing import TextIO

from linter.cli.errors import EXIT_OK, UsageError


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=["text", "json"], default="text")
    rules.set_defaults(handler=run_rules)

    rule = commands.add_parser("rule", help="show the documentation of one rule")
    rule.add_argument("key", metavar="CODE|NAME")
    rule.set_defaults(handler=run_rule)


def run_rules(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.format == "json":
        import json

        from linter.api import rules

        rows = [rule.model_dump() for rule in rules()]
        out.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    from linter.engine.registry import all_rules

    for spec in all_rules():
        fix = "" if spec.fix.value == "none" else f" (fix: {spec.fix.value})"
        out.write(f"{spec.code}  {spec.name:<28} {spec.severity.value:<8} {spec.summary}{fix}\n")
    return EXIT_OK


def run_rule(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from linter.api import ReslintError, rule_doc

    try:
        rule = rule_doc(args.key)
    except ReslintError as error:
        raise UsageError(str(error)) from None
    out.write(f"{rule.code} {rule.name} ({rule.severity}, fix: {rule.fix})\n\n")
    out.write(rule.doc + "\n")
    return EXIT_OK
