"""Accuracy on real documents never drops: the gold standard and the adjudication table.

``benchmarks/accuracy.py`` scores the parser against the gold documents of
``tests/gold/structure/`` and every N, F and D finding on the corpus against the verdicts
of ``tests/gold/findings.tsv`` (see ``tests/gold/README.md``). The scores must stay at or
above ``tests/gold/floor.toml``; every finding must have a verdict; no finding judged real
may disappear.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from benchmarks.accuracy import Scores, score

FLOOR = tomllib.loads((Path(__file__).parent / "gold" / "floor.toml").read_text("utf-8"))


@cache
def scores() -> Scores:
    return score()


def test_gold_documents_are_parsed_right() -> None:
    got = scores()
    assert got.documents >= 170, "gold documents went missing"
    assert got.right >= FLOOR["documents_right"], "\n".join(got.mismatches)
    for field in ("operative", "notes", "markers", "adoption"):
        assert got.by_field[field] >= FLOOR[field], (field, got.by_field[field])


def test_every_finding_has_a_verdict() -> None:
    assert not scores().unjudged, "add verdicts to tests/gold/findings.tsv:\n" + "\n".join(
        scores().unjudged
    )


def test_precision_of_structural_findings_holds() -> None:
    summary = scores().as_dict()
    assert summary["precision"] >= FLOOR["precision"], summary["by_rule"]


def test_no_finding_judged_real_is_lost() -> None:
    got = scores()
    assert not got.lost_real, "\n".join(got.lost_real)
    assert got.defects_found >= FLOOR["defects_found"], "\n".join(got.missed)
