"""The six United Nations languages on constructed documents (tests/corpus/SOURCES.md).

No real extraction of a resolution in French, Spanish, Russian or Arabic was reachable, so
these documents are written after the official layout and phrasing of each language, with
the extraction damage the English and Chinese corpora show (running headers and job
numbers, notes at the foot of a page, markers on a line of their own or glued to a word,
hard wraps, lead phrases drawn four times). The Chinese documents cover the forms the
seed does not: the Security Council's adoption line in the heading, Traditional
characters, and a 1960s text with dates and meetings in Chinese numerals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import pytest

from linter.engine.lint import Finding, lint_text
from linter.engine.registry import RuleSpec, all_rules
from linter.fix.fixer import fix_text
from linter.parse.structure import parse_text
from linter.source.language import detect_language
from tests.conftest import CORPUS


@dataclass(frozen=True)
class Expected:
    language: str
    operative: list[int]
    notes: list[int]
    markers: list[tuple[int, int]]  # (number, line)
    date: str
    meeting: int
    body: str
    subparagraphs: dict[int, list[str]] = field(default_factory=dict)


GA_66_181 = {"operative": [1, 2, 3, 4, 5, 6], "notes": [1, 2, 3, 4], "date": "2011-12-19"}
DOCUMENTS = {
    "fr/A-RES-66-181.fr.txt": Expected(
        "fr", **GA_66_181, markers=[(1, 25), (2, 29), (3, 30), (4, 52)], meeting=89,
        body="ga", subparagraphs={3: ["a", "b", "c"]},
    ),
    "es/A-RES-66-181.es.txt": Expected(
        "es", **GA_66_181, markers=[(1, 25), (2, 29), (3, 30), (4, 52)], meeting=89,
        body="ga", subparagraphs={3: ["a", "b", "c"]},
    ),
    "ru/A-RES-66-181.ru.txt": Expected(
        "ru", **GA_66_181, markers=[(1, 25), (2, 29), (3, 30), (4, 54)], meeting=89,
        body="ga", subparagraphs={3: ["a", "b", "c"]},
    ),
    "ar/A-RES-66-181.ar.txt": Expected(
        "ar", **GA_66_181, markers=[(1, 23), (2, 27), (3, 27), (4, 47)], meeting=89,
        body="ga", subparagraphs={3: ["أ", "ب", "ج"]},
    ),
    # Security Council, adoption in the heading: 2018年11月15日安全理事会第8401次会议通过.
    "zh/S-RES-2444-2018.zh.txt": Expected(
        "zh", [1, 2, 3, 4], [1, 2], [(1, 15), (2, 31)], "2018-11-15", 8401, "sc"
    ),
    # Traditional characters, the heading adoption in Chinese numerals.
    "zh/S-RES-0242-1967.zh-Hant.txt": Expected(
        "zh", [1, 2, 3, 4], [1, 2], [(1, 17), (2, 31)], "1967-11-22", 1382, "sc",
        subparagraphs={1: ["a", "b"]},
    ),
    # General Assembly, 1966: 一九六六年十一月二十九日 / 第一四八一次全体会议.
    "zh/A-RES-2160-XXI.zh.txt": Expected(
        "zh", [1, 2, 3], [1, 2], [(1, 13), (2, 20)], "1966-11-29", 1481, "ga"
    ),
}  # fmt: skip


def read(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_parse_gives_the_structure(name: str) -> None:
    want = DOCUMENTS[name]
    doc = parse_text(read(name), path=name)
    assert doc.language == want.language
    assert [p.number for p in doc.operative] == want.operative
    subs = {p.number: [s.label for s in p.subparagraphs] for p in doc.operative}
    assert {k: v for k, v in subs.items() if v} == want.subparagraphs
    assert [n.number for n in doc.notes] == want.notes
    assert [(m.number, m.line) for m in doc.markers] == want.markers
    assert (doc.adoption.date, doc.adoption.meeting) == (want.date, want.meeting)
    assert doc.body == want.body
    assert all(p.lead for p in [*doc.preamble, *doc.operative]), "a lead phrase was not known"


@cache
def _rules(families: str) -> tuple[RuleSpec, ...]:
    return tuple(r for r in all_rules() if r.family in families)


def findings(text: str, families: str = "NFD") -> list[Finding]:
    return list(lint_text(text, "<doc>", _rules(families), raise_errors=True).findings)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_clean_documents_have_no_structural_or_date_findings(name: str) -> None:
    assert [(f.rule, f.line, f.message) for f in findings(read(name))] == []


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_fixed_documents_lint_clean(name: str) -> None:
    outcome = fix_text(read(name), all_rules(), path=name)
    assert outcome.error is None, outcome.error
    assert outcome.text != read(name)
    left = lint_text(outcome.text, name, all_rules(), raise_errors=True).findings
    assert [(f.rule, f.line, f.message) for f in left] == []


# (file, text to replace, replacement, the one finding expected as (rule, line)).
FR, ES, RU, AR = (f"{lang}/A-RES-66-181.{lang}.txt" for lang in ("fr", "es", "ru", "ar"))
SC_ZH, GA_ZH = "zh/S-RES-2444-2018.zh.txt", "zh/A-RES-2160-XXI.zh.txt"
MUTANTS = [
    # A gap in the numbering, a lost note, an impossible date, a session that does not fit
    # its date (64/179 is of session 64: September 2009 to September 2010).
    (FR, " 6. Prie le Secrétaire", " 7. Prie le Secrétaire", ("N001", 68)),
    (FR, "3 Ibid., vol. 2349, no 42146.\n", "", ("F001", 30)),
    (FR, "64/179 du 18 décembre 2009", "64/179 du 31 novembre 2009", ("D001", 21)),
    (FR, "64/179 du 18 décembre 2009", "64/179 du 18 décembre 2011", ("D004", 21)),
    (ES, " 6. Solicita al Secretario", " 7. Solicita al Secretario", ("N001", 69)),
    (ES, "3 Ibid., vol. 2349, núm. 42146.\n", "", ("F001", 30)),
    (ES, "64/179, de 18 de diciembre de 2009", "64/179, de 31 de noviembre de 2009", ("D001", 21)),
    (ES, "64/179, de 18 de diciembre de 2009", "64/179, de 18 de diciembre de 2011", ("D004", 21)),
    (RU, " 6. просит Генерального", " 7. просит Генерального", ("N001", 71)),
    (RU, "3 Там же, vol. 2349, № 42146.\n", "", ("F001", 30)),
    (RU, "64/179 от 18 декабря 2009 года", "64/179 от 31 ноября 2009 года", ("D001", 21)),
    (RU, "64/179 от 18 декабря 2009 года", "64/179 от 18 декабря 2011 года", ("D004", 21)),
    (AR, " 6 - تطلب إلى الأمين", " 7 - تطلب إلى الأمين", ("N001", 63)),
    (AR, "3 المرجع نفسه، المجلد 2349، الرقم 42146.\n", "", ("F001", 27)),
    (AR, "المؤرخ 18 كانون الأول/ديسمبر 2009", "المؤرخ 31 تشرين الثاني/نوفمبر 2009", ("D001", 20)),
    (AR, "المؤرخ 18 كانون الأول/ديسمبر 2009", "المؤرخ 18 كانون الأول/ديسمبر 2011", ("D004", 20)),
    # Official Records against their symbol, a session in words against the own number.
    (FR, "social, 2011, Supplément", "social, 2010, Supplément", ("D005", 58)),
    (FR, " Soixante-sixième session", " Soixante-cinquième session", ("D006", 5)),
    (ES, "Social, 2011, Suplemento", "Social, 2010, Suplemento", ("D005", 58)),
    (ES, " Sexagésimo sexto período", " Sexagésimo quinto período", ("D006", 5)),
    (RU, "Совета, 2011 год, Дополнение", "Совета, 2010 год, Дополнение", ("D005", 60)),
    (RU, " Шестьдесят шестая сессия", " Шестьдесят пятая сессия", ("D006", 5)),
    (AR, "والاجتماعي، 2011، الملحق", "والاجتماعي، 2010، الملحق", ("D005", 53)),
    (AR, " الدورة السادسة والستون", " الدورة الخامسة والستون", ("D006", 5)),
    (SC_ZH, " 4. 决定决定决定决定继续", " 5. 决定决定决定决定继续", ("N001", 34)),
    (SC_ZH, "2\n 同上。\n", "", ("F001", 31)),
    (SC_ZH, "在2019年8月15日之前", "在2019年2月30日之前", ("D001", 30)),
    (GA_ZH, " 3. 请请请请", " 4. 请请请请", ("N001", 19)),
    (GA_ZH, "其一九六五年十二月二十一日", "其一九六四年十二月二十一日", ("D004", 10)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    MUTANTS,
    ids=[f"{m[0].split('/')[0]}-{m[3][0]}-{i}" for i, m in enumerate(MUTANTS)],
)
def test_mutant_is_found_exactly_once(
    name: str, old: str, new: str, expected: tuple[str, int]
) -> None:
    text = read(name)
    assert text.count(old) == 1, "the mutant no longer applies to the document"
    got = [(f.rule, f.line) for f in findings(text.replace(old, new))]
    assert got == [expected]


SAMPLES = {
    "zh": "安全理事会，回顾其以往关于索马里局势的各项决议，",
    "en": "The General Assembly, Recalling its resolution 66/181 of 19 December 2011,",
    "fr": "L'Assemblée générale, Rappelant sa résolution 66/181 du 19 décembre 2011,",
    "es": "La Asamblea General, Recordando su resolución 66/181, de 19 de diciembre de 2011,",
    "ru": "Генеральная Ассамблея, ссылаясь на свою резолюцию 66/181 от 19 декабря 2011 года,",
    "ar": "إن الجمعية العامة، إذ تشير إلى قرارها 66/181 المؤرخ 19 كانون الأول/ديسمبر 2011،",
}


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_detect_language_tells_the_six_apart(language: str) -> None:
    assert detect_language(SAMPLES[language]) == language


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_detect_language_on_the_documents(name: str) -> None:
    assert detect_language(read(name)) == DOCUMENTS[name].language


def test_traditional_chinese_is_read_with_the_simplified_lexicon() -> None:
    from linter.source.lexicon import lexicon

    lex = lexicon("zh")
    assert {"还注意到", "還注意到", "安全理事会", "安全理事會"} <= lex.lead_set
    assert lex.body_ids["安全理事會"] == "sc"
    assert detect_language("安全理事會，還注意到所有會員國") == "zh"


# (forced language, text, detected language): Georgian has a script no lexicon is written
# in; German is Latin script, and a Latin-script text goes to the closest Latin lexicon.
UNKNOWN = [
    ("ka", "გენერალური ასამბლეა,\n\n1. გადაწყვეტს 66/181 19 დეკემბერი 2011.\n", "und"),
    ("und", "12 34\n\n1. 56 (78) 2011/19.\n", "und"),
    ("de", "Die Generalversammlung,\n\n1. beschließt: Resolution 66/181 (2011).\n", "en"),
]


@pytest.mark.parametrize(("language", "text", "detected"), UNKNOWN, ids=[u[0] for u in UNKNOWN])
def test_an_unknown_language_never_crashes_a_rule(language: str, text: str, detected: str) -> None:
    # raise_errors: a rule that raises fails the test instead of becoming a finding.
    forced = lint_text(text, "<doc>", all_rules(), raise_errors=True, language=language)
    found = lint_text(text, "<doc>", all_rules(), raise_errors=True)
    assert (forced.language, found.language) == (language, detected)
    assert not [f for f in [*forced.findings, *found.findings] if "internal" in f.message]
