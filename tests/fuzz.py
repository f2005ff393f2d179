"""Hypothesis strategies for the fuzzing suite: resolution-like documents, then mutations.

Documents come from the generator of ``tests/test_fix_properties.py`` (a draft written in
canonical form, then drawn with extraction damage). Every :class:`Language` defined
there is fuzzed: adding French, Spanish, Russian or Arabic means adding one ``Language``
(lead phrases, words, author and adoption lines, notes, furniture) to that module, and
this suite picks it up.

Mutations are what no extraction should produce but any file may hold: lines deleted,
duplicated or swapped; the text truncated; bytes flipped (then the input is bytes, often
not UTF-8); control, bidirectional and combining characters, NUL, lone surrogates (the
undecodable bytes of a file name, PEP 383) and every line-end style inserted; every line
end replaced by one style.
"""

from __future__ import annotations

from hypothesis import strategies as st

from tests import test_fix_properties as generator

#: Every language the generator knows, found by type: new ones join automatically.
LANGUAGES: tuple[generator.Language, ...] = tuple(
    sorted(
        (value for value in vars(generator).values() if isinstance(value, generator.Language)),
        key=lambda language: language.code,
    )
)

LINE_ENDS = ("\n", "\r", "\r\n", "\x0b", "\x0c", "\x85", "\u2028", "\u2029")
CONTROLS = tuple(chr(code) for code in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)))
BIDI = ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069")
BIDI += ("\u200e", "\u200f", "\u061c")
COMBINING = ("\u0301", "\u0308", "\u0327", "\u0336", "\u20dd", "\u3099", "\ufe0f")
SURROGATES = tuple(chr(code) for code in range(0xDC80, 0xDD00, 7))  # PEP 383 bytes
OTHER = ("\x00", "\ufeff", "\u00ad", "\u200b", "\ufffd", "\ue000", "ﬁ", "Ã©", "  ", "\t")
INSERTIONS = st.sampled_from((*CONTROLS, *BIDI, *COMBINING, *SURROGATES, *OTHER)) | (
    st.lists(st.sampled_from(LINE_ENDS), min_size=1, max_size=3).map("".join)
)


def documents(language: generator.Language) -> st.SearchStrategy[str]:
    """A resolution in ``language``, canonical or with drawn extraction damage."""
    clean = generator.drafts(language).map(generator.canonical)
    damaged = generator.damaged(language).map(lambda case: case[1])
    return st.one_of(clean, damaged)


def any_document() -> st.SearchStrategy[str]:
    return st.sampled_from(LANGUAGES).flatmap(documents)


@st.composite
def _mutate_lines(draw: st.DrawFn, text: str) -> str:
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    kind = draw(st.sampled_from(("delete", "duplicate", "swap")))
    index = draw(st.integers(0, len(lines) - 1))
    if kind == "delete":
        del lines[index]
    elif kind == "duplicate":
        lines.insert(index, lines[index])
    else:
        other = draw(st.integers(0, len(lines) - 1))
        lines[index], lines[other] = lines[other], lines[index]
    return "\n".join(lines)


@st.composite
def _insert(draw: st.DrawFn, text: str) -> str:
    position = draw(st.integers(0, len(text)))
    return text[:position] + draw(INSERTIONS) + text[position:]


@st.composite
def _line_ends(draw: st.DrawFn, text: str) -> str:
    return text.replace("\n", draw(st.sampled_from(LINE_ENDS)))


@st.composite
def _truncate(draw: st.DrawFn, text: str) -> str:
    return text[: draw(st.integers(0, len(text)))]


def _mutation(text: str) -> st.SearchStrategy[str]:
    return st.one_of(_mutate_lines(text), _insert(text), _line_ends(text), _truncate(text))


@st.composite
def mutated(draw: st.DrawFn, text: str, most: int = 4) -> str:
    """``text`` with up to ``most`` mutations, each drawn on the result of the last."""
    for _ in range(draw(st.integers(0, most))):
        text = draw(_mutation(text))
    return text


@st.composite
def mutated_bytes(draw: st.DrawFn, text: str) -> bytes:
    """The UTF-8 bytes of ``text`` (lone surrogates as the bytes they stand for) with
    bytes flipped or cut, often in the middle of a character."""
    data = bytearray(text.encode("utf-8", "surrogateescape"))
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        index = draw(st.integers(0, len(data) - 1))
        if draw(st.booleans()):
            data[index] ^= 1 << draw(st.integers(0, 7))
        else:
            del data[index:]
    return bytes(data)


def fuzzed_texts() -> st.SearchStrategy[str]:
    """A resolution-like document in any language, with mutations."""
    return any_document().flatmap(mutated)


def fuzzed_bytes() -> st.SearchStrategy[bytes]:
    return fuzzed_texts().flatmap(mutated_bytes)
