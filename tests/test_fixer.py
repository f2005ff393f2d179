"""The fixer: passes, convergence and rollback, the content guard and the structure guard.

Misbehaving rules are built here as RuleSpec objects and handed to the fixer; they are
never registered, so the catalogue the other tests see is untouched.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from linter.engine.registry import Edit, Fix, FixAvailability, Hit, RuleSpec, Severity, all_rules
from linter.fix.fixer import MAX_PASSES, apply_fixes, fix_text
from linter.fix.guard import Allowance, GuardError, is_repetition
from linter.parse.model import Document

# A small resolution in canonical form, apart from the damage each test adds.
CLEAN = """The General Assembly,

Recalling its resolution 66/181 of 19 December 2011,

1. Decides to remain seized of the matter.

40th plenary meeting

14 November 2025
"""


def fake_rule(code: str, check: object, fix: str = "safe") -> RuleSpec:
    """A rule that exists only for one test (not in the registry)."""
    return RuleSpec(
        code=code,
        name=f"fake-{code.lower()}",
        severity=Severity.WARNING,
        fix=FixAvailability(fix),
        check=check,  # type: ignore[arg-type]
        summary="A rule made to misbehave.",
        doc="A rule made to misbehave.",
        module=__name__,
    )


def drops_a_word(doc: Document) -> Iterator[Hit]:
    """Deletes 'Recalling ' and declares nothing: the bug the content guard is for."""
    start = doc.text.find("Recalling ")
    if start >= 0:
        yield Hit(start, start + 10, "drop", Fix((Edit(start, start + 10, ""),)))


def fake_repeats(doc: Document) -> Iterator[Hit]:
    """Claims 'its resolution' is repeated emphasis of 'its': it is not."""
    start = doc.text.find("its resolution")
    if start >= 0:
        edit = Edit(start, start + 14, "its")
        yield Hit(start, start + 14, "fake", Fix((edit,), removes="repeated emphasis"))


def deletes_a_paragraph(doc: Document) -> Iterator[Hit]:
    """Deletes a whole paragraph as 'page furniture': words may go, the structure not."""
    start = doc.text.find("Recalling")
    end = doc.text.find("\n", start) + 2
    if start >= 0:
        yield Hit(start, end, "gone", Fix((Edit(start, end, ""),), removes="page furniture"))


def never_settles(doc: Document) -> Iterator[Hit]:
    """Adds one more full stop after 'matter.' every pass."""
    end = doc.text.find("matter.") + 7
    yield Hit(end, end, "more", Fix((Edit(end, end, "."),)))


def flips(doc: Document) -> Iterator[Hit]:
    """Turns 'matter.' into 'matter;' and back: a circle."""
    for old, new in (("matter.", "matter;"), ("matter;", "matter.")):
        start = doc.text.find(old)
        if start >= 0:
            yield Hit(start, start + 7, "flip", Fix((Edit(start, start + 7, new),)))
            return


def test_clean_text_is_returned_byte_for_byte() -> None:
    outcome = fix_text(CLEAN, all_rules())
    assert outcome.error is None
    assert outcome.text == CLEAN
    assert outcome.applied == 0 and not outcome.changed


def test_overlapping_fixes_apply_once() -> None:
    # The trailing spaces (A006) lie inside the line break A002 joins: the join is taken,
    # the overlapping A006 fix waits, and the next pass finds nothing left to do.
    damaged = CLEAN.replace("66/181 of ", "66/181 of   \n")
    outcome = fix_text(damaged, all_rules())
    assert outcome.error is None
    assert outcome.text == CLEAN
    assert {f.rule for f in outcome.first.findings} == {"A002", "A006"}
    assert (outcome.applied, outcome.passes, outcome.remaining) == (1, 1, ())


def test_the_content_guard_refuses_a_fix_that_drops_a_word() -> None:
    rules = [*all_rules(), fake_rule("Z901", drops_a_word)]
    outcome = fix_text(CLEAN, rules)
    assert outcome.text == CLEAN
    assert outcome.error is not None
    assert outcome.error.startswith("content guard: Z901: would remove")
    assert "declares nothing removed" in outcome.error and "\n" not in outcome.error


def test_the_content_guard_checks_what_repeated_emphasis_deletes() -> None:
    outcome = fix_text(CLEAN, [*all_rules(), fake_rule("Z902", fake_repeats)])
    assert outcome.error is not None
    assert "declares 'repeated emphasis' but 'its resolution' is not copies of 'its'" in (
        outcome.error
    )


def test_the_structure_guard_refuses_a_fix_that_loses_a_paragraph() -> None:
    outcome = fix_text(CLEAN, [*all_rules(), fake_rule("Z903", deletes_a_paragraph)])
    assert outcome.text == CLEAN
    assert outcome.error is not None
    assert outcome.error.startswith("fixing would change the structure (paragraphs: 2 before")


def test_fixes_that_never_settle_are_rolled_back_and_named() -> None:
    outcome = fix_text(CLEAN, [*all_rules(), fake_rule("Z904", never_settles)])
    assert outcome.text == CLEAN
    assert outcome.unconverged == ("Z904",)
    assert (
        outcome.error == f"fixes of Z904 did not settle in {MAX_PASSES} passes; nothing was changed"
    )


def test_fixes_that_go_round_in_a_circle_are_rolled_back() -> None:
    outcome = fix_text(CLEAN, [*all_rules(), fake_rule("Z905", flips)])
    assert outcome.text == CLEAN
    assert outcome.unconverged == ("Z905",)
    assert outcome.error is not None and "go round in a circle" in outcome.error


def test_unsafe_fixes_only_when_asked() -> None:
    damaged = CLEAN.replace("resolution 66/181", "resoluÃ§Ã£o 66/181")
    safe = fix_text(damaged, all_rules())
    assert safe.error is None and "resoluÃ§Ã£o" in safe.text
    assert [f.rule for f in safe.remaining] == ["A009"]
    unsafe = fix_text(damaged, all_rules(), unsafe=True)
    assert unsafe.error is None and "resolução 66/181" in unsafe.text


def test_a_text_without_structure_is_left_alone() -> None:
    outcome = fix_text("Just  a letter.\n", all_rules())
    assert outcome.error is None and not outcome.changed
    assert outcome.skipped == "no resolution structure found (E002); left alone"
    assert outcome.text == "Just  a letter.\n"
    assert [f.rule for f in outcome.first.findings] == ["E002"]


def test_duplicate_fixes_are_applied_once() -> None:
    fix = Fix((Edit(0, 3, "The"),))
    assert apply_fixes("the end", [fix, fix]) == ("The end", 1)


@pytest.mark.parametrize(
    ("copies", "phrase"),
    [
        ("回顾回顾回顾回顾", "回顾"),
        ("又又又又邀邀邀邀请请请请", "又邀请"),
        ("强调强调强调强调指出指出指出指出", "强调指出"),
        ("Recalling Recalling Recalling", "Recalling"),
        ("RReeccaalllliinngg", "Recalling"),
    ],
)
def test_repetitions(copies: str, phrase: str) -> None:
    assert is_repetition(copies, phrase)


@pytest.mark.parametrize(
    ("copies", "phrase"),
    [("回顾大会", "回顾"), ("Recalling its", "Recalling"), ("回顾", "回顾"), ("回回顾", "回顾")],
)
def test_not_repetitions(copies: str, phrase: str) -> None:
    assert not is_repetition(copies, phrase)


def test_the_whole_text_check_catches_what_no_fix_declared() -> None:
    allowance = Allowance()
    allowance.admit("page 2/5 text", Fix((Edit(5, 8, ""),), removes="page furniture"), ["A004"])
    allowance.check_texts("page 2/5 text", "page  text")
    with pytest.raises(GuardError, match="lost 'e'"):
        allowance.check_texts("page 2/5 text", "pag  text")
