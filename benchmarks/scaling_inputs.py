"""Inputs that grow: one generator per shape that once made reslint super-linear.

Each generator takes a size ``n`` (how many units: spaces, markers, lines, labels...) and
returns a whole document: a real resolution's heading and adoption lines around a body
that grows with ``n``. ``benchmarks/bench_scaling.py`` doubles ``n`` and prints the time
ratio; the tests import a few generators to check that the repaired paths stay repaired
(by what they compute, never by how long they take).
"""

from __future__ import annotations

from collections.abc import Callable

HEAD = """United Nations A/RES/80/999

General Assembly
Distr.: General
1 December 2025

Eightieth session
Agenda item 99

Resolution adopted by the General Assembly on 1 December 2025

80/999. Scaling of the linter

The General Assembly,

Recalling its resolution 79/1 of 1 October 2024,

"""
TAIL = """
99th plenary meeting
1 December 2025
"""
ZH_HEAD = """大会

第八十届会议
议程项目 99

2025 年 12 月 1 日大会决议

80/999. 线性时间

大会，

回顾其 2024 年 10 月 1 日第 79/1 号决议，

"""
ZH_TAIL = """
2025 年 12 月 1 日
第 99 次全体会议
"""

WORDS = (
    "international",
    "cooperation",
    "development",
    "assistance",
    "programme",
    "implementation",
    "sustainable",
    "resources",
    "commission",
    "secretariat",
    "organization",
    "protection",
    "promotion",
)
LINE_ENDS = {
    "lf": "\n",
    "cr": "\r",
    "crlf": "\r\n",
    "vt": "\v",
    "ff": "\f",
    "nel": "\x85",
    "ls": "\u2028",
    "ps": "\u2029",
    "vt-runs": "\v\v",
    "ff-runs": "\f\f",
}


def _document(body: str) -> str:
    return HEAD + body + TAIL


def _number(index: int) -> int:
    """Paragraph, marker and note numbers from 1 to 999 and again: a figure of four digits
    is no label and no marker, so a larger input would change shape, not only size."""
    return index % 999 + 1


def _word(index: int) -> str:
    return WORDS[index % len(WORDS)]


def _words(count: int, width: int = 70) -> list[str]:
    """``count`` words wrapped into lines of about ``width`` characters."""
    lines, current = [], ""
    for index in range(count):
        word = _word(index)
        if current and len(current) + len(word) + 1 > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def space_run(n: int) -> str:
    """One run of ``n`` spaces inside an operative paragraph."""
    return _document(f"1. Decides{' ' * n}to remain seized of the matter.\n")


def space_runs_everywhere(n: int) -> str:
    """Runs of ``n`` spaces in the heading, after a comma, before a line end and in a note."""
    run = " " * n
    head = HEAD.replace("80/999. Scaling", f"80/999.{run}Scaling").replace(
        "Eightieth session", f"Eightieth{run}session"
    )
    body = (
        f"1. Decides,{run}to remain{run}\n"
        f"seized of the matter1{run}and{run},{run}1{run}x;\n\n"
        f"__________________\n1 United{run}Nations, Treaty Series.{run}\n\n"
        f"[^1]: A note{run}in Markdown{run}\n\n"
    )
    return head + body + TAIL


def spaced_words(n: int) -> str:
    """``n`` words on one line, each followed by a run of seven spaces."""
    return _document("1. Decides " + "".join(f"{_word(i)}       " for i in range(n)) + "end.\n")


def markers_one_line(n: int) -> str:
    """``n`` footnote markers glued to words on one line, and their notes below it."""
    line = " ".join(f"{_word(i)}{_number(i)}," for i in range(n))
    notes = "\n".join(
        f"{_number(i)} United Nations, Treaty Series, vol. {_number(i)}." for i in range(n)
    )
    return _document(f"1. Recalls {line}\n\n__________________\n{notes}\n\n")


def figures_one_line(n: int) -> str:
    """``n`` figures on one line, spaced after a word or glued to a comma (no notes)."""
    figures = " ".join(
        f"{_word(i)} {i % 900 + 10}" if i % 2 else f"{_word(i)},{i % 900 + 10}" for i in range(n)
    )
    return _document(f"1. Recalls {figures} of its resolution 79/1;\n")


def huge_paragraph(n: int) -> str:
    """One operative paragraph of ``n`` words, hard-wrapped."""
    return _document("1. Decides " + "\n".join(_words(n)) + ".\n")


def short_lines(n: int) -> str:
    """``n`` numbered paragraphs of one short line each, no blank line between them."""
    return _document("".join(f"{_number(i)}. Decides;\n" for i in range(n)))


def many_markers(n: int) -> str:
    """``n`` paragraphs, each with a glued marker and its note on its own page."""
    pieces = []
    for i in range(n):
        pieces.append(f"{_number(i)}. Recalls the {_word(i)}{_number(i)};\n\n__________________\n")
        pieces.append(f"{_number(i)} United Nations, Treaty Series, vol. {_number(i)}.\n\n")
    return _document("".join(pieces))


def paragraph_markers(n: int) -> str:
    """One paragraph wrapped over ``n`` lines, a glued marker on each, the notes below."""
    lines = [f"{_word(i)} {_word(i + 1)} {_word(i + 2)}{_number(i)}," for i in range(n)]
    notes = "\n".join(
        f"{_number(i)} United Nations, Treaty Series, vol. {_number(i)}." for i in range(n)
    )
    return _document(
        "1. Recalls " + "\n".join(lines) + f" and more;\n\n__________________\n{notes}\n\n"
    )


def own_line_markers(n: int) -> str:
    """``n`` paragraphs whose marker sits on a line of its own."""
    pieces = [f"{_number(i)}. Recalls the {_word(i)}\n{_number(i)}\n;\n\n" for i in range(n)]
    notes = "\n".join(
        f"{_number(i)} United Nations, Treaty Series, vol. {_number(i)}." for i in range(n)
    )
    return _document("".join(pieces) + f"__________________\n{notes}\n\n")


def nested_labels(n: int) -> str:
    """``n`` sub-paragraph labels, ``(a)`` .. ``(z)`` each with ``(i)`` .. ``(iv)`` below."""
    pieces, paragraph = [], 1
    romans = ("i", "ii", "iii", "iv")
    count = 0
    while count < n:
        pieces.append(f"{_number(paragraph - 1)}. Decides:\n\n")
        for letter in "abcdefghijklmnopqrstuvwxyz":
            pieces.append(f"({letter}) To {_word(count)} the following:\n\n")
            count += 1
            for roman in romans:
                pieces.append(f"({roman}) The {_word(count)} of the programme;\n\n")
                count += 1
            if count >= n:
                break
        paragraph += 1
    return _document("".join(pieces))


def long_line(n: int) -> str:
    """The whole body as one line of ``n`` words and no line break at all after it."""
    return HEAD + "1. Decides " + " ".join(_word(i) for i in range(n)) + "."


def no_break(n: int) -> str:
    """One "word" of ``n`` letters with no space and no line break."""
    return HEAD + "1. Decides " + "x" * n


def hyphen_line_ends(n: int) -> str:
    """A hyphen at every line end of one paragraph (``inter-`` / ``national``)."""
    lines = [f"the {_word(i)}{i} inter-" for i in range(n)]
    return _document("1. Decides " + "\nnational ".join(lines) + "\nnational.\n")


def many_fixes(n: int) -> str:
    """``n`` lines of one paragraph, each with trailing spaces and a run of spaces."""
    lines = [f"{_word(i)}   {_word(i + 1)}   " for i in range(n)]
    return _document("1. Decides " + "\n".join(lines) + ".\n")


def dates_one_line(n: int) -> str:
    """``n`` dates on one line."""
    months = ("January", "March", "May", "July", "September", "November")
    dates = ", ".join(f"{i % 28 + 1} {months[i % 6]} {1990 + i % 30}" for i in range(n))
    return _document(f"1. Recalls its meetings of {dates};\n")


def zh_paragraph(n: int) -> str:
    """A Chinese paragraph of ``n`` short clauses with figures, wrapped every 40 characters."""
    clause = "".join(f"第 {i % 90 + 1} 段和{2000 + i % 20}年的报告，" for i in range(n))
    lines = [clause[i : i + 40] for i in range(0, len(clause), 40)]
    return ZH_HEAD + "1. 决定" + "\n".join(lines) + "。\n" + ZH_TAIL


def line_end_style(name: str) -> Callable[[int], str]:
    """:func:`huge_paragraph` and :func:`short_lines` with ``name`` as every line end."""
    end = LINE_ENDS[name]

    def generate(n: int) -> str:
        paragraph = "1. Decides " + "\n".join(_words(n * 2)) + ".\n\n"
        lines = "".join(f"{i + 2}. Decides;\n" for i in range(n))
        return _document(paragraph + lines).replace("\n", end)

    generate.__doc__ = f"every line end written as {name}"
    return generate


def reference(n: int) -> str:
    """A realistic text that grows linearly: ``n`` ordinary operative paragraphs."""
    pieces = [
        f"{_number(i)}. Requests the Secretary-General to report on the {_word(i)} of the "
        f"present resolution at its eighty-first session;\n\n"
        for i in range(n)
    ]
    return _document("".join(pieces))


#: Name -> (generator, base size). Sizes are chosen so that the base text is 8-30 KB.
GENERATORS: dict[str, tuple[Callable[[int], str], int]] = {
    "reference": (reference, 100),
    "space-run": (space_run, 16_000),
    "space-runs-everywhere": (space_runs_everywhere, 4_000),
    "spaced-words": (spaced_words, 1_000),
    "markers-one-line": (markers_one_line, 400),
    "figures-one-line": (figures_one_line, 2_000),
    "huge-paragraph": (huge_paragraph, 2_000),
    "short-lines": (short_lines, 1_000),
    "many-markers": (many_markers, 200),
    "paragraph-markers": (paragraph_markers, 300),
    "own-line-markers": (own_line_markers, 300),
    "nested-labels": (nested_labels, 300),
    "long-line": (long_line, 2_000),
    "no-break": (no_break, 16_000),
    "hyphen-line-ends": (hyphen_line_ends, 600),
    "many-fixes": (many_fixes, 600),
    "dates-one-line": (dates_one_line, 400),
    "zh-paragraph": (zh_paragraph, 400),
    **{f"line-ends-{name}": (line_end_style(name), 400) for name in LINE_ENDS},
}
