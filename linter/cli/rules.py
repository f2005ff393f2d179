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
    import json

    from linter.engine.registry import all_rules

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


def run_rule(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from linter.engine.registry import all_rules, rule_by_code_or_name

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
