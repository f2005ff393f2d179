"""Small helpers the tests share."""

from __future__ import annotations

from linter.engine.lint import FileResult, lint_bytes, lint_text
from linter.engine.registry import Input, RuleSpec, all_rules, rule_by_code_or_name
from linter.engine.versions import compare_texts
from linter.fix.fixer import MAX_PASSES, apply_fixes


def spec(code: str) -> RuleSpec:
    found = rule_by_code_or_name(code)
    assert found is not None, code
    return found


def lint_with(
    code: str,
    text: str,
    language: str | None = None,
    encoding: str = "utf-8",
    other: str | None = None,
    other_language: str | None = None,
) -> FileResult:
    """Lint ``text`` with one rule only (a version rule: compared with ``other``). Cases
    are fragments: the rule runs whether or not a resolution is recognised in them."""
    rule = spec(code)
    if rule.input is Input.VERSIONS:
        assert other is not None, f"{code} compares versions: give the other version"
        found = compare_texts(text, other, [rule], language=language, other_language=other_language)
        return FileResult(path="<case>", findings=tuple(found))
    if encoding != "utf-8":
        return lint_bytes(
            text.encode(encoding),
            "<case>",
            [rule],
            raise_errors=True,
            language=language,
            fragment=True,
        )
    return lint_text(text, "<case>", [rule], raise_errors=True, language=language, fragment=True)


def fix_with(code: str, text: str, language: str | None = None) -> str:
    """Apply one rule's fixes, unsafe ones too, until the text stops changing."""
    for _ in range(MAX_PASSES):
        result = lint_with(code, text, language)
        fixes = [f.fix for f in result.findings if f.fix is not None]
        if not fixes:
            return text
        text, _count = apply_fixes(text, fixes, unsafe=True)
    raise AssertionError(f"{code} did not settle in {MAX_PASSES} passes")


def every_rule() -> tuple[RuleSpec, ...]:
    return all_rules()


def cli(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    """Run ``reslint ARGS`` in this process: (exit code, stdout, stderr). ``stdin`` is
    what standard input holds (for ``-`` as the path)."""
    import io
    import sys

    from linter.cli.main import run

    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        code = run(list(args), out, err)
    finally:
        sys.stdin = saved
    return code, out.getvalue(), err.getvalue()
