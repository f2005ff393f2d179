"""Content keys: a finding is known by what it is (rule, text, masked line), not by where
it is, so keys survive lines inserted or removed elsewhere."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.engine.fingerprint import MAX_TEXT, keys
from linter.engine.lint import FileResult, Finding, lint_text
from linter.engine.registry import Severity, all_rules
from linter.source.text import Source


def _keyed(text: str) -> list[tuple[int, tuple[str, str, str, int]]]:
    """(line, key) of every finding of ``text``."""
    result = lint_text(text, "<t>", all_rules(), fragment=True)
    return [
        (f.line, (k.rule, k.text, k.context, k.occurrence))
        for f, k in zip(result.findings, keys(result), strict=True)
    ]


def _keys_of(text: str) -> list[tuple[str, str, str, int]]:
    return [key for _, key in _keyed(text)]


def test_keys_do_not_change_when_lines_are_inserted_or_removed(seed_text: str) -> None:
    before = _keyed(seed_text)
    assert len(before) == len({key for _, key in before})  # every finding has its own key
    assert _keys_of("\n\n\n" + seed_text) == [key for _, key in before]
    lines = seed_text.split("\n")
    del lines[2:4]  # lines 3 and 4 of the seed: the agenda item line and a blank line
    kept = {key for line, key in before if line not in (3, 4)}
    assert len(kept) == len(before) - 1  # line 3 has one finding (trailing space)
    assert set(_keys_of("\n".join(lines))) == kept


def test_equal_findings_are_told_apart_by_occurrence() -> None:
    # The same damaged line twice (from the seed, line 10): same rule, text and context.
    line = " 认识到认识到认识到认识到跨国有组织犯罪对各国的安全和稳定构成威胁，\n\n"
    found = [k for k in _keys_of(line * 2) if k[0] == "A001"]
    assert [k[3] for k in found] == [0, 1]
    assert found[0][:3] == found[1][:3]


def test_key_holds_the_matched_text_and_ignores_other_whitespace_on_the_line() -> None:
    text = " 认识到认识到认识到认识到跨国有组织犯罪构成威胁，  \n"
    cleaned = "认识到认识到认识到认识到跨国有组织犯罪构成威胁，\n"
    a001 = [k for k in _keys_of(text) if k[0] == "A001"]
    assert a001[0][1] == "认识到认识到认识到认识到"
    assert a001 == [k for k in _keys_of(cleaned) if k[0] == "A001"]


def test_long_spans_are_keyed_by_a_hash() -> None:
    text = "x" * 200 + "\n"
    finding = Finding("A006", "whitespace", Severity.WARNING, "m", 1, 1, 1, 201, 0, 200)
    result = FileResult("<t>", findings=(finding,), source=Source.from_text(text))
    (key,) = keys(result)
    assert key.text.startswith("sha256:") and len(key.text) == len("sha256:") + 16
    assert MAX_TEXT < 200


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_extra_blank_lines_between_blocks_keep_every_key(
    seed_text: str, data: st.DataObject
) -> None:
    """The seed separates its lines with blank lines; doubling some of those separators
    moves findings down the file but must not change the key of any finding that is not
    about those blank lines. (A006 reports two blank lines between blocks as new damage,
    rightly: its findings on line breaks are left out of the comparison.)"""
    lines = seed_text.split("\n")
    blanks = [i for i, line in enumerate(lines) if not line.strip() and i > 0]
    chosen = data.draw(st.sets(st.sampled_from(blanks), min_size=1, max_size=8))
    moved = [
        extra for i, line in enumerate(lines) for extra in ([line, ""] if i in chosen else [line])
    ]

    def not_about_blank_lines(keys: list[tuple[str, str, str, int]]) -> list[object]:
        return sorted(k for k in keys if not (k[0] == "A006" and "\n" in k[1]))

    assert not_about_blank_lines(_keys_of("\n".join(moved))) == not_about_blank_lines(
        _keys_of(seed_text)
    )
