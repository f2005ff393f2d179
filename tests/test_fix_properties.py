"""Properties of the fixer, on generated resolutions in Chinese and English (hypothesis).

A generated resolution is first written in canonical form; damage of the kinds
extraction causes is then drawn on it (lead phrases drawn several times, hard wraps with
and without blank lines, markers on lines of their own, a page's furniture and notes in
the middle of a paragraph, stray whitespace, CR line ends, mixed digit spacing,
ligatures, soft hyphens). The properties:

- text without damage comes back byte for byte, with no fix applied;
- the fixer repairs the damage exactly: it gives back the canonical text;
- fixing twice equals fixing once, and fixed text has no fixable finding;
- on any text at all the fixer terminates, with a fixed text or a refusal.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from linter.engine.lint import lint_text
from linter.engine.registry import all_rules
from linter.fix.fixer import fix_text
from linter.parse.repeats import find_repeats
from linter.source.lexicon import lexicon

RULES = all_rules()
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@dataclass(frozen=True)
class Language:
    code: str
    join: str  # between words
    title: str
    author: str
    preamble_leads: tuple[str, ...]
    operative_leads: tuple[str, ...]
    words: tuple[str, ...]
    comma: str
    semicolon: str
    stop: str
    date: str
    notes: tuple[str, ...]
    adoption: tuple[str, str]
    furniture: tuple[str, ...]


# Words drawn from the seed (E/RES/2012/19) and A/RES/80/7 (tests/corpus).
ZH = Language(
    code="zh",
    join="",
    title="2012/19. 加强国际合作打击一切形式和表现的跨国有组织犯罪",
    author="经济及社会理事会，",
    preamble_leads=("回顾", "注意到", "欢迎", "深信", "考虑到"),
    operative_leads=("请", "鼓励", "决定", "邀请", "促请"),
    words=(
        "会员国",
        "联合国",
        "毒品",
        "犯罪问题",
        "办公室",
        "合作",
        "有组织",
        "跨国",
        "文化财产",
        "贩运",
        "报告",
        "执行",
        "公约",
        "议定书",
        "技术援助",
        "工具",
        "秘书长",
        "委员会",
        "相关规定",
        "国际组织",
        "司法协助",
        "研究",
    ),
    comma="，",
    semicolon="；",
    stop="。",
    date="2011 年 12 月 19 日",
    notes=(
        "大会第 65/230 号决议，附件。",
        "同上，第 2349 卷，第 42146 号。",
        "见 CTOC/COP/2010/17。",
    ),
    adoption=("2012 年 7 月 26 日", "第 46 次全体会议"),
    furniture=("E/RES/2012/19", "12-45678 (C)", "2/5"),
)
EN = Language(
    code="en",
    join=" ",
    title="80/7. Report of the International Atomic Energy Agency",
    author="The General Assembly,",
    preamble_leads=("Recalling", "Noting", "Welcoming", "Convinced", "Bearing in mind"),
    operative_leads=("Requests", "Encourages", "Decides", "Invites", "Urges"),
    words=(
        "the",
        "report",
        "of",
        "agency",
        "on",
        "nuclear",
        "safety",
        "cooperation",
        "between",
        "member",
        "states",
        "and",
        "its",
        "activities",
        "technical",
        "financial",
        "programme",
        "development",
        "efforts",
        "international",
        "support",
        "security",
        "field",
        "office",
    ),
    comma=",",
    semicolon=";",
    stop=".",
    date="19 December 2011",
    notes=("See A/80/348.", "Resolution 76/258, annex.", "Ibid., vol. 2349, No. 42146."),
    adoption=("40th plenary meeting", "14 November 2025"),
    furniture=("A/RES/80/7", "25-18769", "2/2"),
)


@dataclass
class Draft:
    """A resolution as blocks of words, to write canonical and to damage."""

    language: Language
    heading: list[str]
    preamble: list[tuple[str, list[str]]]  # lead, words (markers are "[^n]" words)
    operative: list[tuple[str, list[str]]]
    notes: list[str]

    def block(self, lead: str, words: list[str], end: str, number: int | None) -> list[str]:
        label = [f"{number}."] if number is not None else []
        return [*label, lead, *words, end]

    def blocks(self) -> list[list[str]]:
        """Each block as tokens; tokens are joined by the language's word join."""
        found = [[line] for line in self.heading]
        found += [
            self.block(lead, words, self.language.comma, None) for lead, words in self.preamble
        ]
        last = len(self.operative)
        for number, (lead, words) in enumerate(self.operative, start=1):
            end = self.language.stop if number == last else self.language.semicolon
            found.append(self.block(lead, words, end, number))
        found += [[line] for line in self.language.adoption]
        return found

    def notes_section(self) -> list[str]:
        return [f"[^{number}]: {text}" for number, text in enumerate(self.notes, start=1)]


def write(language: Language, tokens: list[str]) -> str:
    """Tokens of a block as one line: labels take a space, markers and end marks none."""
    text = ""
    for token in tokens:
        glue = language.join
        if not text or token.startswith("[^") or token in ("，", "；", "。", ",", ";", "."):
            glue = ""
        elif text.endswith(".") and text[:-1].isdigit():
            glue = " "
        elif _figure_meets_character(text[-1], token[0]):
            glue = " "  # UN Chinese style: a space between figures and characters
        text += glue + token
    return text


def _figure_meets_character(before: str, after: str) -> bool:
    cjk = "\u4e00" <= before <= "\u9fff" or "\u4e00" <= after <= "\u9fff"
    return cjk and (before.isdigit() or after.isdigit())


def canonical(draft: Draft) -> str:
    lines = [write(draft.language, block) for block in draft.blocks()]
    return "\n\n".join(lines + draft.notes_section()) + "\n"


@st.composite
def drafts(draw: st.DrawFn, language: Language) -> Draft:
    lex = lexicon(language.code)
    notes: list[str] = []

    def words(count: int) -> list[str]:
        chosen = draw(st.lists(st.sampled_from(language.words), min_size=count, max_size=count))
        for index in range(1, len(chosen)):
            if chosen[index] == chosen[index - 1]:
                chosen[index] = language.words[(language.words.index(chosen[index]) + 1) % 7]
        if draw(st.booleans()):
            chosen.insert(draw(st.integers(0, len(chosen))), language.date)
        if len(notes) < len(language.notes) and draw(st.booleans()):
            notes.append(language.notes[len(notes)])
            chosen.insert(draw(st.integers(1, len(chosen))), f"[^{len(notes)}]")
        return chosen

    preamble = [
        (draw(st.sampled_from(language.preamble_leads)), words(draw(st.integers(4, 16))))
        for _ in range(draw(st.integers(1, 3)))
    ]
    operative = [
        (draw(st.sampled_from(language.operative_leads)), words(draw(st.integers(4, 16))))
        for _ in range(draw(st.integers(1, 4)))
    ]
    draft = Draft(language, [language.title, language.author], preamble, operative, notes)
    text = canonical(draft)
    assume(not find_repeats(text, lex.lead_set))  # no accidental emphasis-like runs
    return draft


# -- damage --------------------------------------------------------------------------------


@st.composite
def damaged(draw: st.DrawFn, language: Language) -> tuple[str, str]:
    """(canonical text, the same text with drawn extraction damage).

    Two layouts, as extraction gives them: *double-spaced* (the seed: every line of the
    PDF followed by a blank line, every long paragraph wrapped, paragraph starts indented
    or not) and *single-spaced* (the English raw extractions: wrapped lines one after the
    other, blocks separated by a blank line or not at all).
    """
    draft = draw(drafts(language))
    clean = canonical(draft)
    blocks = draft.blocks()
    double = language.code == "zh" and draw(st.booleans())
    wrap_break = "\n\n" if double else "\n"
    block_break = "\n\n" if double else draw(st.sampled_from(("\n\n", "\n", "\n\n\n")))
    indent = " " if double and draw(st.booleans()) else ""
    paragraphs = range(2, len(blocks) - 2)
    page_block = draw(st.sampled_from(paragraphs)) if draft.notes else -1
    out: list[str] = []
    for position, tokens in enumerate(blocks):
        if position not in paragraphs:
            out.append(write(language, tokens))
            continue
        tokens = _repeat_lead(draw, language, list(tokens))
        pieces = _wrap(draw, language, tokens, always=double)
        pieces = _detach_markers(draw, pieces)
        pieces[0] = indent + pieces[0]
        if position == page_block and len(pieces) > 1:
            cut = draw(st.integers(1, len(pieces) - 1))
            foot = ["_______________", ""]
            foot += [f"{n} {text}" for n, text in enumerate(draft.notes, start=1)]
            foot += ["", *language.furniture, ""]
            pieces = [*pieces[:cut], "\n".join(foot), *pieces[cut:]]
        out.append(wrap_break.join(pieces))
    text = block_break.join(out)
    if page_block >= 0 and "_______________" in text:
        text += "\n"
    else:
        text += "\n\n" + "\n\n".join(draft.notes_section()) + "\n" if draft.notes else "\n"
    return clean, _characters(draw, language, _whitespace(draw, text))


def _repeat_lead(draw: st.DrawFn, language: Language, tokens: list[str]) -> list[str]:
    """The lead phrase drawn several times, phrase by phrase or character by character."""
    at = 1 if tokens[0].endswith(".") and tokens[0][:-1].isdigit() else 0
    lead = tokens[at]
    times = draw(st.sampled_from((1, 1, 2, 3, 4)))
    if times == 1:
        return tokens
    if language.join and draw(st.booleans()):
        tokens[at] = " ".join([lead] * times)  # Recalling Recalling Recalling
    elif language.join or draw(st.booleans()):
        tokens[at] = lead * times  # RecallingRecalling, 回顾回顾回顾
    else:
        tokens[at] = "".join(char * times for char in lead)  # 邀邀邀请请请
    return tokens


def _wrap(draw: st.DrawFn, language: Language, tokens: list[str], always: bool) -> list[str]:
    """A block broken into lines between tokens (never before a marker or an end mark,
    never next to a date). ``always``: a double-spaced extraction wraps every paragraph
    that is longer than a line."""
    valid = [
        cut
        for cut in range(2, len(tokens) - 1)
        if not tokens[cut].startswith("[^") and language.date not in tokens[cut - 1 : cut + 1]
    ]
    if not valid or not (always or draw(st.booleans())):
        return [write(language, tokens)]
    cuts = sorted(set(draw(st.lists(st.sampled_from(valid), min_size=1, max_size=3))))
    bounds = [0, *cuts, len(tokens)]
    return [write(language, tokens[a:b]) for a, b in pairwise(bounds)]


def _detach_markers(draw: st.DrawFn, pieces: list[str]) -> list[str]:
    """A marker moved onto a line of its own, as the seed has them."""
    out: list[str] = []
    for piece in pieces:
        before, _, rest = piece.partition("[^")
        number, _, after = rest.partition("]")
        if rest and before and after.strip(" ，,;；。.") and draw(st.booleans()):
            out.append(f"{before.rstrip()}\n{number}\n{after.lstrip()}")
        else:
            out.append(piece)
    return out


def _whitespace(draw: st.DrawFn, text: str) -> str:
    """Trailing spaces on some lines, CR line ends."""
    lines = text.split("\n")
    for index in draw(st.lists(st.integers(0, len(lines) - 1), max_size=4)):
        lines[index] += "  "
    text = "\n".join(lines)
    return text.replace("\n", "\r\n") if draw(st.booleans()) else text


def _characters(draw: st.DrawFn, language: Language, text: str) -> str:
    """Mixed digit spacing (Chinese), ligatures and soft hyphens."""
    if language.code == "zh" and draw(st.booleans()):
        text = text.replace(language.date, language.date.replace(" ", ""), 1)
    if language.code == "en" and draw(st.booleans()):
        text = text.replace("financial", "ﬁnancial").replace("office", "ofﬁce")
    if draw(st.booleans()):
        text = text.replace("cooperation", "co\u00adoperation").replace("合作", "合\u200b作")
    return text


LANGUAGES = st.sampled_from((ZH, EN))


@SETTINGS
@given(LANGUAGES.flatmap(drafts))
def test_text_without_damage_is_returned_byte_for_byte(draft: Draft) -> None:
    text = canonical(draft)
    outcome = fix_text(text, RULES)
    assert outcome.error is None
    assert outcome.text == text
    assert outcome.applied == 0
    assert not lint_text(text, rules=RULES).findings


@SETTINGS
@given(LANGUAGES.flatmap(damaged))
def test_the_fixer_repairs_drawn_damage_exactly(case: tuple[str, str]) -> None:
    clean, text = case
    outcome = fix_text(text, RULES)
    assert outcome.error is None, outcome.error
    assert outcome.text == clean


@SETTINGS
@given(LANGUAGES.flatmap(damaged))
def test_fixing_twice_equals_fixing_once(case: tuple[str, str]) -> None:
    _clean, text = case
    once = fix_text(text, RULES)
    twice = fix_text(once.text, RULES)
    assert twice.text == once.text
    assert not [f for f in lint_text(once.text, rules=RULES).findings if f.fix is not None]


# Any text at all: lines of words, figures, separators, markers and blank lines.
_ATOMS = st.sampled_from(
    (
        "Recalling",
        "Recalling Recalling",
        "回顾回顾回顾",
        "the report",
        "1.",
        "2.",
        "(a)",
        "12",
        "1",
        "2024,1",
        "[^1]",
        "[^1]: See A/80/348.",
        "_______________",
        "25-18769",
        "2/2",
        "A/RES/80/7",
        "The General Assembly,",
        "经济及社会理事会，",
        "40th plenary meeting",
        "14 November 2025",
        "2011年 12 月",
        "  ",
        "\t",
        ";",
        "，",
        "inter-",
        "ﬁ",
        "\u00ad",
        "Ã©",
    )
)
_LINES = st.lists(st.lists(_ATOMS, max_size=6).map(" ".join), max_size=25).map("\n".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LINES, st.booleans())
def test_the_fixer_always_terminates(text: str, unsafe: bool) -> None:
    outcome = fix_text(text, RULES, unsafe=unsafe)
    if outcome.error is not None:
        assert outcome.text == text
        return
    # The language is detected once, on the original: repairs can shift the balance of
    # scripts in a text that mixes them at random (回顾回顾回顾 -> 回顾).
    language = outcome.first.language
    again = fix_text(outcome.text, RULES, unsafe=unsafe, language=language)
    assert again.error is None and again.text == outcome.text
    left = lint_text(outcome.text, rules=RULES, language=language).findings
    assert not [f for f in left if f.fix is not None and (unsafe or f.fix.applicability == "safe")]
