"""The D rules on the real documents: precision on the corpus, recall on planted defects.

The corpus files are real extractions (tests/corpus/SOURCES.md). Their D findings are
pinned here with the verdict of a reader; every other D finding would be a false alarm.
The mutants plant one defect each in a real document (or make a harmless change) and
check that exactly the expected finding appears, at the expected place.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from linter.engine.lint import Finding, lint_text
from linter.engine.registry import RuleSpec, all_rules
from tests.conftest import FIRST_CORPUS

CORPUS = Path(__file__).parent / "corpus"
SEED = "seed/E-RES-2012-19.zh.txt"

# (file, rule, line, column): every D finding on the corpus, each a real defect.
EXPECTED = [
    # The adoption line is OCR-damaged ("Adopted at the 298Ist meeting", and the heading's
    # date "of 3 Apri] 1991"): no adoption date or meeting can be read.
    ("en/S_RES_0687_1991.cr-unsc-gold-ocr.txt", "D009", 470, 1),  # 3 form feeds above
    # Note 2 reads "S/26G26.": OCR read a figure of the symbol as "G".
    ("en/S_RES_0902_1994.cr-unsc-gold-ocr.txt", "D008", 49, 4),
]


@cache
def d_rules() -> tuple[RuleSpec, ...]:
    return tuple(r for r in all_rules() if r.family == "D")


def read(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def d_findings(text: str) -> list[Finding]:
    return list(lint_text(text, "<corpus>", d_rules(), raise_errors=True).findings)


def test_d_findings_on_the_corpus() -> None:
    got = []
    for path in FIRST_CORPUS:
        name = path.relative_to(CORPUS).as_posix()
        got += [(name, f.rule, f.line, f.column) for f in d_findings(read(name))]
    assert sorted(got) == sorted(EXPECTED)


# (file, text to replace, replacement, expected findings as (rule, line, column)).
MUTANTS = [
    # --- the seed (zh) ---
    (SEED, "2011年 12月 19日题为", "2009年 12月 19日题为", [("D004", 18, 13)]),
    (SEED, "2012年7月26日题为", "2012年9月26日题为", [("D002", 92, 27)]),
    (SEED, "2012年7月26日题为", "2013年7月26日题为", [("D002", 92, 27), ("D004", 92, 27)]),
    (
        SEED,
        "2010 年 5 月 21 日题为“加强公私",
        "2010 年 2 月 30 日题为“加强公私",
        [("D001", 48, 24)],
    ),
    (
        SEED,
        "2010 年，补编第 10 号》(E/2010/30)",
        "2009 年，补编第 10 号》(E/2010/30)",
        [("D005", 120, 17)],
    ),
    (SEED, "2012 年 7 月 26 日 \n", "2013 年 7 月 26 日 \n", [("D003", 5, 2)]),
    (SEED, "CTOC/COP/2010/17", "CTOC/COP/2010 /17", [("D008", 209, 4)]),
    (SEED, "第20/6", "第21/6", [("D004", 142, 13)]),  # 委员会: the CCPCJ of the heading
    (SEED, "日第 5/5 号决议", "日第 4/5 号决议", [("D004", 181, 35)]),  # wrapped date
    (
        SEED,
        "委员会 2010 年 5 月 21 日题为“加强对",
        "委员会 2011 年 5 月 21 日题为“加强对",
        [("D004", 82, 14)],
    ),
    (SEED, "2012 年 7 月 26 日 \n\n第 46 次全体会议", "", [("D009", 305, 37)]),
    (SEED, "2012 年 7 月 26 日 \n\n第 46 次", "第 46 次", [("D009", 311, 3)]),
    # Harmless: another spacing style, a future deadline, an event after the adoption.
    (SEED, "2011年 12月 19日题为", "2011 年 12 月 19 日题为", []),
    (SEED, "第二十二届会议提交", "第二十二届会议(2013 年 5 月 13 日至 17 日)提交", []),
    (SEED, "2011 年 10月 26 日至 28 日", "2012 年 10月 26 日至 28 日", []),
    # --- English (A/RES/80/13, heuristic clean; S/RES/687 (1991)) ---
    (
        "en/A_RES_80_13.railcar-pymupdf+heuristic-clean-v1.1.0.txt",
        "64/23 of 2 December 2009",
        "64/23 of 2 December 2011",
        [("D004", 27, 62)],
    ),
    (
        "en/A_RES_80_13.railcar-pymupdf+heuristic-clean-v1.1.0.txt",
        "2832 (XXVI) of 16 December 1971",
        "2832 (XXVI) of 16 December 1973",
        [("D004", 26, 110)],
    ),
    (
        "en/A_RES_80_13.railcar-pymupdf+heuristic-clean-v1.1.0.txt",
        "78/13 of 4 December 2023",
        "78/13 of 4 December 2025",
        [("D002", 29, 92), ("D004", 29, 92)],
    ),
    (
        "en/A_RES_80_13.railcar-pymupdf+heuristic-clean-v1.1.0.txt",
        "Eightieth session Agenda",
        "Seventy-ninth session Agenda",
        [("D006", 16, 1)],
    ),
    (
        "en/A_RES_80_13.railcar-pymupdf+heuristic-clean-v1.1.0.txt",
        "Thirty-fourth Session, Supplement No. 45",
        "Thirty-fifth Session, Supplement No. 45",
        [("D005", 39, 45)],
    ),
    (
        "en/A_RES_80_13.railcar-pymupdf+heuristic-clean-v1.1.0.txt",
        "(A/80/534, para. 7)",
        "(A/80 /534, para. 7)",
        [("D008", 20, 40)],
    ),
    (
        "en/A_RES_80_13.railcar-pymupdf+heuristic-clean-v1.1.0.txt",
        "52nd plenary meeting 1 December 2025",
        "52nd plenary meeting 1 December 2026",
        [("D003", 22, 1)],
    ),
    (
        "en/S_RES_0687_1991.cr-unsc-gold-ocr.txt",
        "678 (1990) of 29 November 1990",
        "678 (1989) of 29 November 1990",
        [("D007", 11, 70), ("D004", 11, 84)],
    ),
    (
        "en/S_RES_0687_1991.cr-unsc-gold-ocr.txt",
        "670 (1990) of 25 September",
        "670 (1990) of 31 September",
        [("D001", 10, 48)],
    ),
    (
        "en/S_RES_0660_1990.cr-unsc-gold-ocr.txt",
        "of 2 August 1990",
        "of 2 August 1991",
        [("D003", 1, 12)],
    ),
    # Harmless: a deadline after the adoption, a date written differently.
    (
        "en/A_RES_80_13.railcar-pymupdf+heuristic-clean-v1.1.0.txt",
        "held in New York from 2 to 13 July 1979",
        "held in New York from 2 to 13 July 2027",
        [],
    ),
]


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    MUTANTS,
    ids=[f"{i:02d}-{m[0].split('/')[-1][:12]}" for i, m in enumerate(MUTANTS)],
)
def test_mutant(name: str, old: str, new: str, expected: list[tuple[str, int, int]]) -> None:
    text = read(name)
    assert text.count(old) >= 1, "the mutant no longer applies to the file"
    before = {(f.rule, f.message) for f in d_findings(text)}
    after = [f for f in d_findings(text.replace(old, new, 1)) if (f.rule, f.message) not in before]
    assert sorted((f.rule, f.line, f.column) for f in after) == sorted(expected), [
        f.message for f in after
    ]
