"""The word losses issue 9 found in ``reslint fix`` on documents it had never seen.

Each test is one class of loss, in the shape the real document showed: page furniture
is only what the issue lists, a masthead and an agenda title stay, a note's last line
that is a symbol stays, a figure opening a line is no marker, consecutive notes stay
one per line, and a refused file makes ``fix`` exit 1.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from linter.cli.main import run
from linter.engine.registry import all_rules
from linter.fix.fixer import fix_text
from linter.parse.structure import parse_text
from tests.conftest import CORPUS


def fixed(text: str) -> str:
    outcome = fix_text(text, all_rules())
    assert outcome.error is None, outcome.error
    return outcome.text


def test_an_annex_title_after_the_adoption_date_is_no_running_title() -> None:
    # A/RES/80/9: the annexed declaration has the resolution's title; it follows the
    # adoption date, which ends with no punctuation.
    text = (
        "80/9. Plan of Action to Combat Trafficking in Persons\n\n"
        "The General Assembly,\n\n"
        "Adopts the Political Declaration annexed to the present resolution.\n\n"
        "48th plenary meeting\n"
        "24 November 2025\n\n"
        "Annex\n\n"
        "Plan of Action to Combat Trafficking in Persons\n\n"
        "We, the States Members of the United Nations, welcome the plan.\n"
    )
    after_annex = fixed(text).split("\nAnnex\n", 1)[1]
    assert "Plan of Action to Combat Trafficking in Persons" in after_annex


def test_a_draft_keeps_its_masthead_and_agenda_title() -> None:
    # A/80/L.7: no "The General Assembly," line before the sponsors: the masthead and the
    # agenda title were taken for a running header and deleted.
    original = (CORPUS / "en-ga80" / "A_80_L.7.txt").read_text(encoding="utf-8")
    text = fixed(original)
    for kept in ("General Assembly", "Distr.: Limited", "Original: English", "A/80/L.7"):
        assert kept in text
    assert text.count("Report of the International Atomic Energy Agency") >= 2


def test_a_symbol_that_ends_a_note_stays() -> None:
    # S/RES/398 (1976): "... document" / "S/12235." was deleted as page furniture.
    text = (CORPUS / "en-sc" / "S_RES_0398_1976_EN_GOLD.txt").read_text(encoding="utf-8")
    doc = parse_text(text)
    assert [note.label for note in doc.notes] == ["4", "5"]
    assert doc.notes[0].text.endswith("document S/12235.")
    assert "S/12235." in fixed(text)


def test_an_amount_opening_a_line_is_no_marker() -> None:
    text = (
        "The General Assembly,\n\n"
        "Noting that the cost of inaction is estimated\n"
        "4 trillion dollars a year,1\n\n"
        "1. Decides to remain seized of the matter.\n\n"
        "40th plenary meeting\n"
        "14 November 2025\n"
        "_______________\n\n"
        "4 See A/80/1.\n"
        "1 See A/80/2.\n"
    )
    result = fixed(text)
    assert "estimated 4 trillion" in result
    assert "[^4] trillion" not in result


def test_consecutive_notes_stay_one_note_each() -> None:
    # S/RES/244 (1967): notes 21 to 26 on consecutive lines after the adoption block were
    # folded into one Markdown note ("[^21]: Ibid., document S/8248/Add.3, 22 Ibid., ...").
    text = (CORPUS / "en-sc" / "S_RES_0244_1967_EN_GOLD.txt").read_text(encoding="utf-8")
    result = fixed(text)
    for number in range(21, 27):
        assert f"\n[^{number}]: " in result
    assert ", 22 Ibid." not in result


def test_a_preambular_paragraph_that_lost_its_comma_stays_apart_from_the_operative() -> None:
    # The Security Council's admission resolutions (S/RES/142, 152, 464): one preambular
    # paragraph, its comma lost by OCR, then "Recommends". Once fix joined the wrapped
    # lines, the text was double-spaced with too few lines to show its style, and the
    # next pass took the two paragraphs for one (the structure guard refused the file).
    text = (
        "Resolution 464 (1980)\n\n"
        "The Security Council,\n\n"
        "Having examined the application of Saint Vincent\n"
        "and the Grenadines for admission to the United Nations\n\n"
        "Recommends to the General Assembly that Saint\n"
        "Vincent and the Grenadines should be admitted.\n\n"
        "Adopted unanimously at the 2198th meeting\n"
    )
    result = fixed(text)
    assert "United Nations\n\nRecommends to the General Assembly that Saint Vincent" in result
    document = parse_text(result)
    assert len(document.preamble) == 1 and len(document.operative) == 1
    # Without an operative lead phrase the line goes on with the preambular paragraph.
    wrapped = parse_text(result.replace("Recommends", "recommends"))
    assert len(wrapped.preamble) == 1 and not wrapped.operative


def test_a_preambular_paragraph_that_lost_its_comma_stays_apart_from_the_next() -> None:
    # S/RES/462: "... document S/Agenda/" / "2185" (no comma), then "Taking into account".
    text = (
        "Resolution 462 (1980)\n\n"
        "The Security Council,\n\n"
        "Having considered the item on the agenda of its\n"
        "2185th meeting, as contained in document S/Agenda/\n"
        "2185\n\n"
        "Taking into account that the lack of unanimity of its\n"
        "permanent members has prevented it from acting,\n\n"
        "Decides to call an emergency special session of the\n"
        "General Assembly.\n\n"
        "Adopted at the 2190th meeting by 12 votes to 2.\n"
    )
    result = fixed(text)
    # The symbol cut after its slash is joined whole, with no space inside it.
    assert "as contained in document S/Agenda/2185\n\nTaking into account" in result
    document = parse_text(result)
    assert len(document.preamble) == 2 and len(document.operative) == 1


def test_a_date_in_the_first_preambular_paragraphs_is_no_heading_adoption() -> None:
    # A/C.1/80/L.2: a draft (no adoption) whose second preambular paragraph cites a
    # resolution "adopted on 18 September 2025". Wrapped, the phrase was cut; joined by
    # fix, the heading's search (which read three lines past the author) took it for the
    # draft's own adoption, and the structure guard refused the file.
    text = (
        "Egypt: draft resolution\n\n"
        "The risk of nuclear proliferation in the Middle East\n\n"
        "The General Assembly,\n\n"
        "Bearing in mind its relevant resolutions, the latest of which is resolution 79/74\n"
        "of 2 December 2024,\n\n"
        "Taking note of the relevant resolutions, the latest of which is resolution\n"
        "GC(69)/RES/15, adopted on 18 September\n"
        "2025,\n\n"
        "1. Calls upon all parties to take steps.\n"
    )
    result = fixed(text)
    assert "adopted on 18 September 2025,\n" in result
    assert parse_text(result).adoption.date is None
    # In the heading, the phrase still gives the adoption.
    adopted = "Resolution adopted by the General Assembly on 2 December 2024\n\n" + result
    assert parse_text(adopted).adoption.date == "2024-12-02"


def test_a_figure_near_a_line_start_is_read_with_the_line_before() -> None:
    # S/RES/450: "... on 7" / "May, 23 30 May 24 and 11 June 1979, 25". On its line, "May,
    # 23" read as a date; joined by fix, "7 May, 23" is a date and a marker, so the second
    # pass found a marker the first had not, and the structure guard refused the file.
    text = (
        "Resolution 450 (1979)\n\n"
        "The Security Council,\n\n"
        "Noting the letters addressed to the Security Council on 7\n"
        "May, 23 30 May 24 and 11 June 1979, 25\n\n"
        "1. Decides to remain seized of the matter.\n\n"
        "Adopted at the 2149th meeting.\n\n"
        "23 Ibid., document S/13301.\n\n"
        "24 Ibid., document S/13361.\n\n"
        "25 Ibid., document S/13387.\n"
    )
    # 24, after the whole date "30 May" and before "and 11 June", is a marker too
    # (tests/test_parse_english.py: a figure after a whole date).
    assert [m.number for m in parse_text(text).markers] == [23, 24, 25]
    assert "on 7 May,[^23] 30 May[^24] and 11 June 1979,[^25]" in fixed(text)


def test_a_refused_file_exits_1_with_fix_and_with_check_fix(tmp_path: Path) -> None:
    # S/RES/26 (1947): fixing would change the parse; reslint refuses and says so.
    source = CORPUS / "en-sc" / "S_RES_0026_1947_EN_GOLD.txt"
    target = tmp_path / source.name
    shutil.copy(source, target)
    before = target.read_bytes()
    out, err = io.StringIO(), io.StringIO()
    assert run(["fix", str(target)], out, err) == 1
    assert "not fixed: fixing would change the structure" in err.getvalue()
    assert "1 file refused" in out.getvalue()
    assert target.read_bytes() == before
    out, err = io.StringIO(), io.StringIO()
    assert run(["check", "--fix", "--isolated", str(target)], out, err) == 1
    assert "not fixed" in err.getvalue()
    assert target.read_bytes() == before
