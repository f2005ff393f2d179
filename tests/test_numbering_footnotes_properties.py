"""Property test: one mutation of a resolution-like text fires exactly the expected rule.

Hypothesis builds texts in Chinese and English with a preamble, numbered operative
paragraphs (some with sub-paragraphs), footnote markers and notes, then applies one
mutation: drop, duplicate or swap a paragraph number; drop a note or a marker; swap two
markers; make the first note an ibid. Exactly the N/F rule that names that damage must
fire, at the line of the damage; the text before the mutation lints clean.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.engine.lint import lint_text
from linter.engine.registry import all_rules

NF_RULES = [spec for spec in all_rules() if spec.family in ("N", "F")]

# Shapes taken from the corpus: the seed (zh, markers on lines of their own, notes after a
# line of spaces, number alone then text) and A/RES/80/7 raw (en, "2024,1", notes after
# "_______________" as "1 See A/80/348.").
LANG = {
    "en": {
        "author": "The General Assembly,",
        "pre": ["Recalling its resolution {n}/181", "Noting the report {n}", "Welcoming the work"],
        "op": ["Welcomes the report", "Requests the Secretary-General to act", "Invites States"],
        "sub": "To report on item {n}",
        "colon": ":",
        "comma": ",",
        "semi": ";",
        "stop": ".",
        "adoption": ["40th plenary meeting", "14 November 2025"],
        "separator": "_______________",
        "note": "See A/80/{n}.",
        "ibid": "Ibid., para. {n}.",
    },
    "zh": {
        "author": "经济及社会理事会，",
        "pre": ["回顾其第 {n}/181 号决议", "注意到秘书长的第 {n} 号报告", "欢迎所做的工作"],
        "op": ["欢迎秘书长的报告", "请秘书长采取行动", "邀请各国提供协助"],
        "sub": "就第 {n} 项问题提交报告",
        "colon": "：",
        "comma": "，",
        "semi": "；",
        "stop": "。",
        "adoption": ["2012 年 7 月 26 日", "第 46 次全体会议"],
        "separator": " " * 60,
        "note": "第 {n} 号文件。",
        "ibid": "同上，第 {n} 段。",
    },
}


@dataclass
class Spec:
    """What the generator decided; the mutation edits it before it is written out."""

    language: str
    preamble: int
    labels: list[int]  # operative paragraph labels
    subs: dict[int, int]  # paragraph index -> number of sub-paragraphs
    markers: list[int]  # marker number per preamble paragraph (0 = none)
    notes: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class Written:
    text: str
    paragraph_lines: list[int]
    marker_lines: dict[int, int]  # preamble index -> line of its marker
    note_lines: list[int]


def write(spec: Spec) -> Written:
    words = LANG[spec.language]
    lines: list[str] = [str(words["author"]), ""]
    marker_lines: dict[int, int] = {}
    for index in range(spec.preamble):
        phrase = str(words["pre"][index % 3]).format(n=60 + index)
        number = spec.markers[index]
        if number and spec.language == "zh":
            lines += [phrase, str(number)]
            marker_lines[index] = len(lines)
            lines += [f"及其议定书{words['comma']}", ""]
        elif number:
            lines.append(f"{phrase}{words['comma']}{number}")
            marker_lines[index] = len(lines)
            lines.append("")
        else:
            lines += [f"{phrase}{words['comma']}", ""]
    paragraph_lines = []
    count = len(spec.labels)
    for index, label in enumerate(spec.labels):
        last = index == count - 1
        verb = str(words["op"][index % 3])
        end = words["stop"] if last else words["semi"]
        subs = spec.subs.get(index, 0)
        paragraph_lines.append(len(lines) + 1)
        if subs:
            lines += [f"{label}. {verb}{words['colon']}", ""]
            for sub in range(subs):
                sub_end = end if sub == subs - 1 else words["semi"]
                item = str(words["sub"]).format(n=sub + 1)
                lines += [f"({chr(97 + sub)}) {item}{sub_end}", ""]
        else:
            lines += [f"{label}. {verb}{end}", ""]
    lines += [*words["adoption"], "", str(words["separator"])]
    note_lines = []
    for number, text in spec.notes:
        if spec.language == "zh":
            lines.append(str(number))
            note_lines.append(len(lines))
            lines.append(" " + text)
        else:
            lines.append(f"{number} {text}")
            note_lines.append(len(lines))
    return Written("\n".join(lines) + "\n", paragraph_lines, marker_lines, note_lines)


@st.composite
def specs(draw: st.DrawFn) -> Spec:
    language = draw(st.sampled_from(["en", "zh"]))
    preamble = draw(st.integers(3, 6))
    operative = draw(st.integers(3, 9))
    noted = draw(st.integers(2, preamble))
    markers = [i + 1 if i < noted else 0 for i in range(preamble)]
    words = LANG[language]
    notes = []
    for number in range(1, noted + 1):
        ibid = number > 1 and draw(st.booleans())
        template = str(words["ibid"] if ibid else words["note"])
        notes.append((number, template.format(n=300 + number)))
    subs = {i: draw(st.integers(2, 4)) for i in range(operative) if draw(st.booleans())}
    return Spec(language, preamble, list(range(1, operative + 1)), subs, markers, notes)


def _nf(text: str, language: str) -> list[tuple[str, int]]:
    result = lint_text(text, "<generated>", NF_RULES, raise_errors=True, language=language)
    return [(finding.rule, finding.line) for finding in result.findings]


MUTATIONS = ["drop-number", "duplicate-number", "swap-numbers", "drop-note", "drop-marker"]
MUTATIONS += ["swap-markers", "ibid-first"]


@settings(max_examples=150, deadline=None)
@given(spec=specs(), mutation=st.sampled_from(MUTATIONS), data=st.data())
def test_one_mutation_fires_one_rule(spec: Spec, mutation: str, data: st.DataObject) -> None:
    clean = write(spec)
    assert _nf(clean.text, spec.language) == [], clean.text
    zh = spec.language == "zh"
    note_height = 2 if zh else 1  # zh: the number alone, then the text on the next line
    count = len(spec.labels)
    noted = len(spec.notes)
    if mutation == "drop-number":
        k = data.draw(st.integers(1, count - 2))
        spec.labels = [label if i < k else label + 1 for i, label in enumerate(spec.labels)]
        expected = {("N001", clean.paragraph_lines[k])}
    elif mutation == "duplicate-number":
        k = data.draw(st.integers(1, count - 1))
        spec.labels[k] = spec.labels[k - 1]
        expected = {("N002", clean.paragraph_lines[k])}
    elif mutation == "swap-numbers":
        k = data.draw(st.integers(0, count - 2))
        spec.labels[k], spec.labels[k + 1] = spec.labels[k + 1], spec.labels[k]
        expected = {("N003", clean.paragraph_lines[k])}
    elif mutation == "drop-note":
        k = data.draw(st.integers(0, noted - 1))
        # A following ibid would then follow a missing note: that is F005's finding too.
        following_ibid = k + 1 < noted and spec.notes[k + 1][1].startswith(("Ibid", "同上"))
        spec.notes.pop(k)
        expected = {("F001", clean.marker_lines[k])}
        if following_ibid:
            ibid_text_line = clean.note_lines[k + 1] + (1 if zh else 0)
            expected.add(("F005", ibid_text_line - note_height))
    elif mutation == "drop-marker":
        k = data.draw(st.integers(0, noted - 1))
        spec.markers[k] = 0
        # zh: the marker line and its continuation line go with the marker.
        expected = {("F002", clean.note_lines[k] - (2 if zh else 0))}
    elif mutation == "swap-markers":
        k = data.draw(st.integers(0, noted - 2))
        spec.markers[k], spec.markers[k + 1] = spec.markers[k + 1], spec.markers[k]
        expected = {("F004", clean.marker_lines[k])}
    else:
        spec.notes[0] = (1, str(LANG[spec.language]["ibid"]).format(n=1))
        expected = {("F005", clean.note_lines[0] + (1 if zh else 0))}
    mutated = write(spec)
    assert set(_nf(mutated.text, spec.language)) == expected, mutated.text
