"""Which encoding a file that is not UTF-8 is probably in, and reading it in one.

reslint reads UTF-8 only unless told otherwise (``--encoding``): a wrong guess would put
every position and every fix on the wrong characters. But "re-save as UTF-8" is poor
advice for a GB18030 or UTF-16 file when the encoding is plain to see, so E001 names it.
The guess is charset-normalizer's (a well-kept detector, also what ``requests`` uses):
hand-written byte statistics for Chinese, Cyrillic and Arabic code pages would be a
project of their own. It is imported only when a file is not UTF-8.
"""

from __future__ import annotations

import codecs

#: Of several encodings that decode a file to the same text, the one named is the first
#: of these (charset-normalizer lists them in its own order, e.g. cp1250 before cp1252
#: for a French Latin-1 file, where both give the same letters).
_PREFERRED = (
    "utf_16",
    "utf_32",
    "utf_16_le",
    "utf_16_be",
    "utf_32_le",
    "utf_32_be",
    "gb18030",
    "big5",
    "cp1252",
    "latin_1",
    "cp1251",
    "koi8_r",
    "cp1256",
    "iso8859_6",
    "shift_jis",
    "euc_jp",
    "euc_kr",
)
#: The detector reads at most this much of a file: the start says enough, and a large
#: file is not read twice over.
_SAMPLE = 256 * 1024


class UnknownEncodingError(ValueError):
    """``--encoding`` names no codec Python knows."""


def guess_encoding(data: bytes) -> str | None:
    """The encoding ``data`` is most probably in, as ``--encoding`` takes it
    (``gb18030``, ``utf-16``, ``cp1252``), or None when nothing decodes it plausibly."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_SAMPLE]).best()
    if best is None:
        return None
    equivalent = [best.encoding, *best.could_be_from_charset]
    chosen = next((name for name in _PREFERRED if name in equivalent), best.encoding)
    if chosen in ("utf_8", "ascii"):
        return None  # the file is not UTF-8: a sample that looks like it says nothing
    return display_name(chosen)


def display_name(encoding: str) -> str:
    """``utf_16`` → ``utf-16``, ``latin_1`` → ``latin-1``: the names people type."""
    return encoding.replace("_", "-")


def check_encoding(name: str) -> str:
    """The codec's canonical name; :class:`UnknownEncodingError` when there is none."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise UnknownEncodingError(f"unknown encoding {name!r}") from None


def is_utf8(name: str | None) -> bool:
    """Whether ``name`` is UTF-8 (or not given): the default, strict reading."""
    return name is None or codecs.lookup(name).name == "utf-8"
