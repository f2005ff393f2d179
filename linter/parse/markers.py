"""Footnote markers inside the text: find candidates, then keep the plausible ones.

Extraction leaves a superscript marker in many shapes: on a line of its own (the seed),
at the start of a wrapped line (``1 的会员国``), glued to a word or to punctuation
(``Declaration4``, ``2024,1``), spaced (``Countries, 11  the``), fused with a year
across a line break (``2024–`` / ``203412`` = 2034 + marker 12), old style (``1/``), or
already in Markdown (``[^3]``). Each shape is a regular expression over one line; the
figures it finds are only *candidates* until :func:`select_markers` checks them against
the notes of the document and the order in which markers are first used: a figure that
is no note number, or that jumps ahead of the sequence in an ambiguous shape, is text.
Unambiguous shapes (own line, Markdown, old style, glued to a word as exactly the next
number) stay markers without a note, so that a lost note is reported, not hidden.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from linter.parse import marker_shapes as shapes
from linter.parse.model import MarkerStyle
from linter.parse.windows import REACH
from linter.parse.windows import after as _after
from linter.parse.windows import before as _before
from linter.parse.windows import stripped_end as _stripped_end
from linter.source.frozen import record
from linter.source.lexicon import Lexicon
from linter.source.text import Line

_WORD_BEFORE = re.compile(r"([^\W\d_][\w.\-]*)\W*$")
_WORD_AFTER = re.compile(r"^\W*([^\W\d_]+)")
_RANGE_AFTER = re.compile(r"^\s*(?:and|to|or|-|–)\s*\d")
_DAY_BEFORE = re.compile(r"(?:^|\s)\d{1,2}\s*$")
_LAST_TOKEN = re.compile(r"(\S+)\s*$")
_LIST_MEMBER = re.compile(r"^\(?\d{1,3}(?:\s*\([a-z]\))?\)?[,;]?$")
_SYMBOL_END = re.compile(r"\b[A-Z]{1,4}/[\w./-]*\d$|\b(?:Add|Corr|Rev|Amend)\.\d+$")
_YEAR_END = re.compile(r"\b(?:1[89]|20)\d\d[,;.]?$")
#: Small words that follow a figure as a quantity or a range, not as the sentence going on
#: after a marker ("12 of which", "1 to 5", "3 per cent").
_NOT_AFTER_MARKER = frozenset({"of", "to", "per", "percent", "or", "million", "billion", "times"})


@record
class MarkerCandidate:
    number: int
    start: int
    end: int
    line: int
    anchor: int
    style: MarkerStyle
    mark: str = ""  # "*", "**": an asterisk marker (number 0)
    strong: bool = False  # a spaced figure where only a marker stands (see _strong_spaced)


def _word_before(text: str) -> str:
    match = _WORD_BEFORE.search(text)
    return match.group(1) if match else ""


def _word_after(text: str) -> str:
    match = _WORD_AFTER.match(text)
    return match.group(1) if match else ""


def _ends_sentence(word: str) -> bool:
    """Whether a full stop after ``word`` can end a sentence (a marker may follow it)."""
    word = word.rsplit(".", 1)[-1].strip("”’)")
    if len(word) < 3:
        return False
    return any(ch.islower() for ch in word) or word.isdigit()


def _is_quantity(lexicon: Lexicon, before: str, after: str) -> bool:
    """A figure after "paragraph" or before "年" or a month name is not a marker."""
    word = _word_before(before).rstrip(".")
    # "paragraph 5" and "第 5" take a number; "session,3" is a word, a comma and a marker.
    # "No. 5" and "para. 5" are abbreviations; "meeting. 22" ends a sentence.
    directly_after = before.rstrip().endswith(word) or (
        before.rstrip().endswith(word + ".") and len(word) <= 4
    )
    if directly_after and (
        word in lexicon.numbered_nouns or word.lower() in lexicon.numbered_nouns
    ):
        return True
    after_month = word in lexicon.months
    if after_month and not _DAY_BEFORE.search(before[: before.rfind(word)]):
        # "November 17" is a date; "16 November 17 and" is a date and a marker.
        return True
    following = after.lstrip()
    if any(following.startswith(unit) for unit in lexicon.number_suffix_units):
        return True
    if _RANGE_AFTER.match(after) and not (after_month or _YEAR_END.search(before.rstrip())):
        # "22 and 23 September": a range. After a whole date it is a marker and the next
        # date: "17 December 1992 7 and 19 January", "24 November 22 and 3 December 23".
        return True
    return _word_after(after) in lexicon.months


def _in_figure_list(before: str) -> bool:
    """``of 3, 11`` / ``and 22 March``: a figure after another figure and a comma is the
    next member of a list of figures (days, paragraphs), not a marker."""
    token = _LAST_TOKEN.search(before.rstrip())
    return token is not None and bool(_LIST_MEMBER.match(token.group(1)))


def _strong_spaced(before: str, after: str) -> bool:
    """Whether a spaced figure stands where only a footnote marker does.

    After a comma, semicolon or full stop, a year or a word, at the end of the line or
    before a small word that goes on with the sentence (``Cyprus, 294`` / ``1991, 196 and
    expresses`` / ``of 8 October 1991 295 and``), and not as a member of a list of figures
    (``paragraphs 2, 3 and 4``). Such a figure is a marker even when its note is not in
    the text (the printed volumes number notes through the volume and print the notes of
    other resolutions elsewhere).
    """
    head = before.rstrip()
    if _LAST_TOKEN.search(head) is None or _in_figure_list(head):
        return False
    if not (head.endswith((",", ";", ".")) or _YEAR_END.search(head) or _SYMBOL_END.search(head)):
        return False  # after a word ("on 18", "all 33", "with 2") a figure is a number
    following = after.split()
    if not following:
        return True
    word = following[0].rstrip(",;.")
    # "1990, 661" / "(1990) of 6 August": a resolution cited, its year on the next line.
    return word.isalpha() and word.islower() and word not in _NOT_AFTER_MARKER


def _figure_runs(text: str) -> tuple[bool, bool, bool, bool]:
    """Which figure runs a line holds: (a run of one to three figures, one of five or six,
    a short run after a letter or mark, a short run after a space).

    Every shape but Markdown holds a whole run of one to three figures, or a year fused
    with a marker (five or six figures): a line without either is looked at no further,
    and each pattern runs only where what it needs is on the line (most lines of a
    paragraph hold no figure, or only a year). The glued shape's run follows a letter or
    a mark, the spaced shapes' and a line's opening figure a space (or nothing)."""
    short = fused = glued = spaced = False
    first = shapes.DIGIT_RUN.search(text)  # most lines hold no figure
    for run in shapes.DIGIT_RUN.finditer(text, first.start()) if first else ():
        start, end = run.span()
        if end - start <= 3:
            short = True
            if start and text[start - 1].isspace():
                spaced = True
            elif start:
                glued = True
        elif end - start in (5, 6):
            fused = True
    return short, fused, glued, spaced


def find_inline_markers(
    line: Line,
    lexicon: Lexicon,
    continuation: bool,
    previous_line: Line | None,
    next_text: str = "",
) -> list[MarkerCandidate]:
    """Marker candidates on one line of a paragraph (``next_text``: the paragraph's next
    line, which tells a figure at the end of this one from a number going on there)."""
    text = line.text
    short, fused, glued, spaced = _figure_runs(text)
    markdown = "[^" in text
    if not (short or fused or markdown):
        return []
    base = line.start
    number = line.number
    found: dict[int, MarkerCandidate] = {}
    # What comes before a figure near the line's start is on the paragraph's previous
    # line: read it there, joined as fix joins the lines ("on 7" / "May, 23 30 May": a
    # day before the month makes 23 a marker), so that a wrapped text and its joined
    # form decide alike (else fix's second pass saw markers the first had not).
    joined: list[str] = []  # the previous line's end and this line: made on first use

    def window_before(position: int) -> str:
        if not joined:
            carried = ""
            if continuation and previous_line is not None:
                carried = previous_line.text.rstrip()[-REACH:] + lexicon.line_join
            joined.extend((carried, carried + text))
        return _before(joined[1], len(joined[0]) + position)

    def add(start: int, end: int, anchor: int, style: MarkerStyle, strong: bool = False) -> None:
        if start + base not in found:
            found[start + base] = MarkerCandidate(
                int(text[start:end]),
                base + start,
                base + end,
                number,
                base + anchor,
                style,
                strong=strong,
            )

    for match in shapes.MARKDOWN.finditer(text) if markdown else ():
        label = match.group(1)
        found[base + match.start()] = MarkerCandidate(
            0 if label.startswith("*") else int(label),
            base + match.start(),
            base + match.end(),
            number,
            base + match.start(),
            MarkerStyle.MARKDOWN,
            mark=label if label.startswith("*") else "",
        )
    for match in shapes.OLD_STYLE.finditer(text) if short and "/" in text else ():
        anchor = _stripped_end(text, match.start(1))
        add(match.start(1), match.end(1), anchor, MarkerStyle.OLD_STYLE)
    for match in shapes.FUSED.finditer(text) if fused else ():
        if match.start() == 0 and not continuation:
            continue
        add(match.start(2), match.end(2), match.start(2), MarkerStyle.FUSED)
    if not short:
        return list(found.values())
    for match in shapes.GLUED.finditer(text) if glued else ():
        start = match.start(1)
        window = window_before(start)
        tokens = window.split()
        token = tokens[-1] if tokens else ""
        if "/" in token and token[-1:] not in ",.;:”’)":
            continue  # "66/181": the figure ends a symbol ("79/7;1" is a symbol and a marker)
        # Glued straight to a word ("Agenda9") the figure is no quantity of that word:
        # "Agenda 21" and "paragraph 5" are written with a space.
        before = "" if text[start - 1 : start].isalpha() else window
        if _is_quantity(lexicon, before, _after(text, match.end(1))):
            continue
        if token.endswith(".") and not _ends_sentence(token[:-1]):
            continue  # "A.2", "IV.8", "Corr.1": a label, not a sentence and its marker
        if token[-1:].isalpha() and token[-1:].isascii():
            # "G20", "COP28", "A4": a figure glued to capitals is a name, not a marker.
            word = _word_before(window)
            if len(word) < 3 or word.isupper() or not any(ch.islower() for ch in word):
                continue
        # "of 12 August 1949,4 and": glued to the punctuation after a year or a word, where
        # a spaced figure would be a marker too.
        after = _after(text, match.end(1))
        strong = text[start - 1 : start] in ",;." and _strong_spaced(
            window, after if after.strip() else next_text
        )
        add(start, match.end(1), start, MarkerStyle.GLUED, strong)
    spaced_matches = (
        [
            *shapes.SPACED.finditer(text),
            *shapes.SPACED_AFTER_YEAR.finditer(text),
            *shapes.SPACED_AFTER_SYMBOL.finditer(text),
        ]
        if spaced
        else []
    )
    for match in spaced_matches:
        start = match.start(2)
        before = window_before(match.start(1))
        after = _after(text, match.end(2))
        ahead = after if after.strip() else next_text  # a figure at the line's end
        if _is_quantity(lexicon, before, ahead) or _in_figure_list(before):
            continue
        if start + base not in found:
            found[start + base] = MarkerCandidate(
                int(text[start : match.end(2)]),
                base + start,
                base + match.end(2),
                number,
                base + match.start(1),
                MarkerStyle.SPACED,
                strong=_strong_spaced(before, ahead),
            )
    if continuation and previous_line is not None:
        start_match = shapes.LINE_START.match(text)
        if start_match and not _is_quantity(
            lexicon, previous_line.text.rstrip(), text[start_match.end(1) :]
        ):
            anchor_line = previous_line.text.rstrip()
            found.setdefault(
                base + start_match.start(1),
                MarkerCandidate(
                    int(start_match.group(1)),
                    base + start_match.start(1),
                    base + start_match.end(1),
                    number,
                    previous_line.start + len(anchor_line),
                    MarkerStyle.LINE_START,
                ),
            )
    return list(found.values())


_MARKDOWN_ASTERISK = re.compile(r"\[\^(\*{1,3})\](?!:)")
_ASTERISK = re.compile(r"(?:(?<=[^\s*])|(?P<space>(?<=\s)))(?P<mark>\*{1,3})(?=[\s?]|$)")


def find_asterisk_markers(line: Line) -> list[MarkerCandidate]:
    """``Australia:* draft resolution``, ``provisional agenda*``, ``Relies on * the``, and
    in canonical text ``Australia:[^*] draft resolution``."""
    text = line.text
    if "*" not in text:
        return []
    found = [
        MarkerCandidate(
            number=0,
            start=line.start + match.start(),
            end=line.start + match.end(),
            line=line.number,
            anchor=line.start + match.start(),
            style=MarkerStyle.MARKDOWN,
            mark=match.group(1),
        )
        for match in _MARKDOWN_ASTERISK.finditer(text)
    ]
    for match in _ASTERISK.finditer(text):
        start = match.start("mark")
        token_start = max(text.rfind(" ", 0, start), text.rfind("\t", 0, start)) + 1
        token = text[token_start:start]
        if not match.group("space") and (token[:1] == "*" or _SYMBOL_END.search(token)):
            # "*2517051*": a barcode; "S/1996/636*": a reissued document's symbol.
            continue
        style = MarkerStyle.SPACED if match.group("space") is not None else MarkerStyle.GLUED
        found.append(
            MarkerCandidate(
                number=0,
                start=line.start + start,
                end=line.start + match.end("mark"),
                line=line.number,
                anchor=line.start + _stripped_end(text, start),
                style=style,
                mark=match.group("mark"),
            )
        )
    return found


def select_markers(
    candidates: Iterable[MarkerCandidate],
    note_numbers: set[int],
    old_style_notes: bool,
    note_marks: frozenset[str] = frozenset(),
) -> list[MarkerCandidate]:
    """Keep the candidates that fit the notes and the order of first references."""
    expected = min(note_numbers) if note_numbers else 1
    seen: set[int] = set()
    chosen: list[MarkerCandidate] = []
    last_end = -1
    for candidate in candidates:
        if candidate.start < last_end:
            continue
        if candidate.mark:
            # An asterisk glued to a word is a marker (its note may be lost); one standing
            # apart only when its note is there.
            glued = candidate.style in (MarkerStyle.GLUED, MarkerStyle.MARKDOWN)
            if glued or candidate.mark in note_marks:
                chosen.append(candidate)
                last_end = candidate.end
            continue
        number = candidate.number
        in_notes = number in note_numbers
        style = candidate.style
        if style is MarkerStyle.OLD_STYLE:
            accepted = old_style_notes or in_notes
        elif style is MarkerStyle.MARKDOWN:
            accepted = True
        elif style is MarkerStyle.OWN_LINE:
            # A lone figure is a marker with its note, or as the next number; else it is
            # a page number left in the text ("PAGE 3 of 3" / "17").
            opening = not seen and number == 1
            accepted = in_notes or number in seen or number == expected or opening
        elif style in (MarkerStyle.GLUED, MarkerStyle.LINE_START):
            if note_numbers and in_notes:
                accepted = number in seen or number <= expected + 1
            elif note_numbers and style is MarkerStyle.LINE_START:
                accepted = False  # "2 per cent" opening a line: a marker only with its note
            else:
                # Glued to a word, exactly the next number: a marker even when its note
                # is lost (F001 must see it); any other figure stays text, but where only
                # a marker stands and the notes do not cover it (a volume's numbering).
                opening = not seen and number == 1  # notes may begin after a lost note 1
                covered = bool(note_numbers) and min(note_numbers) <= number <= max(note_numbers)
                accepted = (
                    number in seen
                    or number == expected
                    or opening
                    or (candidate.strong and not covered)
                )
        elif in_notes:  # spaced or fused: ambiguous shapes need their note and the next
            # number, or (spaced) a place where only a marker stands
            accepted = number == expected or candidate.strong
        else:
            # A spaced marker whose note is not in the text: where only a marker stands,
            # and the notes the text has do not say its number is missing from them.
            covered = bool(note_numbers) and min(note_numbers) <= number <= max(note_numbers)
            accepted = candidate.strong and (not covered or number == expected or number in seen)
        if not accepted:
            continue
        chosen.append(candidate)
        last_end = candidate.end
        if number not in seen:
            seen.add(number)
            expected = max(expected, number + 1)
    return chosen
